/**
 * A worker thread of `jixiao check --jobs N`: takes files from the shared counter (pool.ts) and
 * checks them one at a time until none is left.
 */
import { parentPort, workerData } from 'worker_threads';
import { EMITTED, type WorkerInit, type WorkerMessage, takeNext } from './pool';
import { checkFile } from './report';

const { files, options, shared, slot, window } = workerData as WorkerInit;
const counters = new Int32Array(shared);

async function work(): Promise<void> {
  for (;;) {
    const index = takeNext(counters, files.length, window);
    if (index === -1) break;
    if (index === -2) {
      // The window is full: sleep until the main thread hands a report on (or briefly, to look again).
      Atomics.wait(counters, EMITTED, Atomics.load(counters, EMITTED), 50);
      continue;
    }
    // The file in hand, for the main thread to report if this thread dies on it.
    Atomics.store(counters, slot, index);
    const report = await checkFile(files[index], options);
    Atomics.store(counters, slot, -1);
    parentPort?.postMessage({ index, report } satisfies WorkerMessage);
  }
  parentPort?.postMessage({ finished: true } satisfies WorkerMessage);
}

void work();
