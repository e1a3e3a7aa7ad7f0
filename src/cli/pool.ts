/**
 * Files checked by N threads — this one and N−1 workers — their reports handed on in the order the
 * files were given (so the output does not depend on which thread was faster).
 *
 * Every thread takes its next file itself from a counter in shared memory. A worker does not wait
 * for this thread to hand it work: this thread checks files too, and a file takes it several
 * milliseconds, during which a worker that had to ask would sit idle (measured on 2 cores: with
 * files handed out by message, two threads together were no faster than one). This thread starts
 * on the first files at once while the workers load the engine (about a quarter of a second).
 *
 * Memory stays flat however many files there are: no thread takes a file more than `window` places
 * ahead of the last report handed on. A thread that dies (a file that exhausts its memory) costs
 * that one file, reported as unreadable; a new thread takes its place.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { type CheckOptions, type FileJob, type FileReport, checkFile, failedReport } from './report';
import { say } from './words';

/** The compiled worker beside this file; absent when the command line runs from TypeScript (tests). */
const WORKER = path.join(__dirname, 'worker.js');

/**
 * Heap per worker thread: a hostile file exhausts its thread's heap, not the machine. The tests set
 * JIXIAO_WORKER_HEAP_MB to a few megabytes to make a thread die on an ordinary file.
 */
const WORKER_HEAP_MB = Number(process.env.JIXIAO_WORKER_HEAP_MB) || 1024;

/** Reports that may wait for an earlier file, per thread. */
const WINDOW_PER_THREAD = 8;

/** Slots of the shared counter block (Int32Array): the next file to take, reports handed on. */
export const NEXT = 0;
export const EMITTED = 1;
/** From here on, one slot per worker: the file it is checking, or −1. */
export const FIRST_WORKER_SLOT = 2;

/** What a worker is given when it starts. */
export interface WorkerInit {
  files: FileJob[];
  options: CheckOptions;
  /** The counter block (NEXT, EMITTED, the workers' slots). */
  shared: SharedArrayBuffer;
  /** This worker's slot in the block. */
  slot: number;
  window: number;
}

/** Messages from a worker. */
export type WorkerMessage = { index: number; report: FileReport } | { finished: true };

export function workersAvailable(): boolean {
  return fs.existsSync(WORKER);
}

/**
 * The next file a thread may take, or −1 when none is left. −2: the window is full (the thread
 * waits for a report to be handed on, then asks again).
 */
export function takeNext(counters: Int32Array, total: number, window: number): number {
  if (Atomics.load(counters, NEXT) >= total) return -1;
  if (Atomics.load(counters, NEXT) - Atomics.load(counters, EMITTED) >= window) return -2;
  const index = Atomics.add(counters, NEXT, 1);
  return index < total ? index : -1;
}

export async function* checkFiles(
  files: FileJob[],
  jobs: number,
  options: CheckOptions,
): AsyncGenerator<FileReport> {
  const threads = Math.min(jobs, files.length);
  if (threads <= 1 || !workersAvailable()) {
    for (const file of files) yield await checkFile(file, options);
    return;
  }
  const window = threads * WINDOW_PER_THREAD;
  // Slots for the workers that may ever run: the first ones, and at most one replacement per file (a
  // thread is replaced only when it died on a file).
  const slots = threads - 1 + files.length;
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (FIRST_WORKER_SLOT + slots));
  const counters = new Int32Array(shared);
  counters.fill(-1, FIRST_WORKER_SLOT);
  let nextSlot = FIRST_WORKER_SLOT;

  const done = new Map<number, FileReport>();
  const workers = new Set<Worker>();
  let emitted = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const lost = (w: Worker, slot: number, e: unknown) => {
    if (!workers.delete(w)) return;
    const index = Atomics.exchange(counters, slot, -1);
    if (index >= 0) {
      const oom =
        e instanceof Error &&
        /ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(`${(e as { code?: string }).code ?? ''} ${e.message}`);
      done.set(
        index,
        failedReport(
          files[index].file,
          oom
            ? say(options.locale ?? 'zh-CN', 'outOfMemory')
            : say(options.locale ?? 'zh-CN', 'checkerFailed', {
                reason: e instanceof Error ? e.message.split('\n')[0] : String(e),
              }),
        ),
      );
    }
    // A new thread takes the place of one that died on a file. One that died holding none (it could not
    // even load the engine) is not replaced: that would only die again; the threads left carry on.
    if (index >= 0 && Atomics.load(counters, NEXT) < files.length) spawn();
    notify();
  };
  const spawn = (): void => {
    const slot = nextSlot++;
    const init: WorkerInit = { files, options, shared, slot, window };
    const w = new Worker(WORKER, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    workers.add(w);
    w.on('message', (m: WorkerMessage) => {
      if ('report' in m) done.set(m.index, m.report);
      else {
        // No file left for it: let it go.
        workers.delete(w);
        void w.terminate();
      }
      notify();
    });
    w.on('error', (e) => lost(w, slot, e));
    w.on('exit', (code) => lost(w, slot, new Error(`exit ${code}`)));
  };

  try {
    for (let i = 1; i < threads; i++) spawn();
    while (emitted < files.length) {
      const report = done.get(emitted);
      if (!report) {
        const index = takeNext(counters, files.length, window);
        if (index >= 0) {
          done.set(index, await checkFile(files[index], options));
          // Let the workers' finished reports in before this thread takes another file.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      done.delete(emitted);
      emitted++;
      // Workers waiting on a full window may take their next file.
      Atomics.store(counters, EMITTED, emitted);
      Atomics.notify(counters, EMITTED);
      yield report;
    }
  } finally {
    for (const w of [...workers]) {
      workers.delete(w);
      void w.terminate();
    }
  }
}
