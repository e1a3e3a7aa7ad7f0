/** A worker thread of `jixiao check --jobs N`: checks the files the main thread hands it, one at a time. */
import { parentPort, workerData } from 'worker_threads';
import { type CheckOptions, type FileJob, checkFile } from './report';

const options = workerData as CheckOptions;
parentPort?.on('message', (job: { index: number; job: FileJob }) => {
  void checkFile(job.job, options).then((report) => parentPort?.postMessage({ index: job.index, report }));
});
