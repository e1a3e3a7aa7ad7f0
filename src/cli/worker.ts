/** A worker thread of `jixiao check --jobs N`: checks the files the main thread hands it, one at a time. */
import { parentPort, workerData } from 'worker_threads';
import { type CheckOptions, checkFile } from './report';

const options = workerData as CheckOptions;
parentPort?.on('message', (job: { index: number; file: string }) => {
  void checkFile(job.file, options).then((report) => parentPort?.postMessage({ index: job.index, report }));
});
