/**
 * One measured run, in a process of its own so that its CPU time and peak memory are its alone:
 *   node measure.js read <reader> FILE...       read every file with one reader (no checking)
 *   node measure.js load <reader> FILE...       load the command line's code, then read as above
 *   node measure.js check <jobs> FILE...        the command line: jixiao check --format ndjson --jobs N
 *   node measure.js check-exceljs FILE...       the command line as it was: ExcelJS, then the engine
 *   node measure.js cli FILE                    jixiao check FILE, default limits (reports the exit code)
 * Prints one JSON line: wall and CPU milliseconds (all threads), peak resident memory in MB, files.
 */
import { type ReaderName, readerOf } from './readers';
import { DEFAULT_LIMITS } from '../src/xlsx/limits';
import { tuneForBatch } from '../src/cli/tuning';

// The command line and the engine are loaded only by the modes that run them.
const cli = () => import('../src/cli/main');

async function measure() {
  const [mode, arg, ...files] = process.argv.slice(2);
  const t0 = performance.now();
  let failed = 0;
  let exit: number | undefined;
  // Raised limits: the readers are compared on the big files too (the command line refuses them).
  const raised = {
    ...DEFAULT_LIMITS,
    maxFileBytes: 1024 ** 3,
    maxInflatedBytes: 4 * 1024 ** 3,
    maxCells: 1e8,
    maxRows: 1048576,
  };
  // The command line's V8 settings (bin/jixiao.js sets them), for the reader alone too: the same
  // process configuration on both sides of the ratio. The command line "as it was" runs without.
  if (mode !== 'check-exceljs') tuneForBatch();
  if (mode === 'read') {
    const read = readerOf(arg as ReaderName, raised);
    for (const f of files) await read(f).catch(() => failed++);
  } else if (mode === 'load') {
    // The floor of the CPU ratio: the command line's code loaded (engine, rules, data validated),
    // then the files read with the same reader, and nothing checked.
    await cli();
    const read = readerOf(arg as ReaderName, raised);
    for (const f of files) await read(f).catch(() => failed++);
  } else if (mode === 'check') {
    await (
      await cli()
    ).main(['check', '--format', 'ndjson', '--jobs', arg, '--no-progress', ...files], {
      out: () => {},
      err: () => {},
    });
  } else if (mode === 'cli') {
    // The command line as a user runs it on one file, default limits: its exit code is reported.
    exit = await (
      await cli()
    ).main(['check', '--no-progress', arg, ...files], { out: () => {}, err: () => {} });
  } else if (mode === 'check-exceljs') {
    const read = readerOf('exceljs');
    const { checkWorkbook } = await import('../src/core/check');
    const library = (await import('../src/core/phrasings/library')).loadLibrary();
    for (const f of [arg, ...files]) {
      try {
        JSON.stringify(checkWorkbook(await read(f), { library }).map((s) => s.tables.map((t) => t.issues)));
      } catch {
        failed++;
      }
    }
  }
  const wall = performance.now() - t0;
  const u = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ wallMs: Math.round(wall), cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000), peakMB: Math.round(u.maxRSS / 1024), failed, exit })}\n`,
  );
}

void measure();
