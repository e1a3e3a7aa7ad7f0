/**
 * Files checked by N threads — this one and N−1 workers — their reports handed on in the order the
 * files were given (so the output does not depend on which thread was faster). This thread checks
 * files too: it has loaded the engine already and works while the workers start (a worker takes
 * about half a second to load the engine; a form takes milliseconds to check). At most a few reports per thread wait for
 * an earlier, slower file: memory stays flat however many files there are. A thread that dies (a file
 * that exhausts its memory) costs that one file, reported as unreadable; a new thread takes its place.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { type CheckOptions, type FileJob, type FileReport, checkFile, failedReport } from './report';

/** The compiled worker beside this file; absent when the command line runs from TypeScript (tests). */
const WORKER = path.join(__dirname, 'worker.js');

/** Heap per worker thread: a hostile file exhausts its thread's heap, not the machine. */
const WORKER_HEAP_MB = 1024;

export function workersAvailable(): boolean {
  return fs.existsSync(WORKER);
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
  const window = threads * 4;
  const done = new Map<number, FileReport>();
  const busy = new Map<Worker, number>();
  const idle: Worker[] = [];
  const workers = new Set<Worker>();
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  /** Whether another file may start: one is left, and few enough reports wait for an earlier file. */
  const room = () => next < files.length && next - emitted < window;
  const dispatch = (w: Worker) => {
    if (room()) {
      busy.set(w, next);
      w.postMessage({ index: next, job: files[next] });
      next++;
    } else idle.push(w);
  };
  const lost = (w: Worker, e: unknown) => {
    if (!workers.delete(w)) return;
    const index = busy.get(w);
    busy.delete(w);
    if (index !== undefined) {
      const oom =
        e instanceof Error &&
        /ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(`${(e as { code?: string }).code ?? ''} ${e.message}`);
      done.set(
        index,
        failedReport(
          files[index].file,
          oom
            ? '文件过大，检查时内存不足 (out of memory while checking)'
            : `检查时出错 (checker failed): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        ),
      );
    }
    if (next < files.length) dispatch(spawn());
    notify();
  };
  const spawn = (): Worker => {
    const w = new Worker(WORKER, {
      workerData: options,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    workers.add(w);
    w.on('message', (m: { index: number; report: FileReport }) => {
      done.set(m.index, m.report);
      busy.delete(w);
      dispatch(w);
      notify();
    });
    w.on('error', (e) => lost(w, e));
    w.on('exit', (code) => lost(w, new Error(`exit ${code}`)));
    return w;
  };

  try {
    for (let i = 1; i < threads; i++) dispatch(spawn());
    while (emitted < files.length) {
      const report = done.get(emitted);
      if (!report) {
        if (room()) {
          const index = next++;
          done.set(index, await checkFile(files[index], options));
          // Checking is synchronous work: let the workers' finished reports in (and hand them their
          // next file) before this thread takes another, or they would sit idle until it stops.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      done.delete(emitted);
      emitted++;
      // A thread held back by the window takes the next file now that one is handed on.
      while (idle.length && room()) dispatch(idle.shift()!);
      yield report;
    }
  } finally {
    for (const w of [...workers]) {
      workers.delete(w);
      void w.terminate();
    }
  }
}
