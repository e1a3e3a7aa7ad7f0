/**
 * Whole-process measures of `jixiao check` (issue 14), each run a process of its own (bench/measure.ts):
 * the readers compared (speed, peak memory, agreement with ExcelJS on merges and number formats), the
 * command line's CPU against its reader alone, files per second against the command line as it was
 * (ExcelJS), threads, peak memory against the number of files, and the hostile files with exit code,
 * time and peak memory. Ratios are taken within this run.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultJobs } from '../src/cli/main';
import { hostileFiles } from './hostile';
import { type ReaderName, differences, readerOf } from './readers';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const MEASURE = path.join(__dirname, 'measure.js');

interface Run {
  wallMs: number;
  cpuMs: number;
  peakMB: number;
  failed: number;
  exit?: number;
  /** Wall time seen from outside, process start and module loading included. */
  processMs: number;
  timedOut?: boolean;
}

function once(args: string[], timeoutMs = 120_000): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', MEASURE, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 20,
  });
  const processMs = Math.round(performance.now() - t0);
  const line = r.stdout?.trim().split('\n').pop();
  if (!line || r.status !== 0)
    return { wallMs: processMs, cpuMs: NaN, peakMB: NaN, failed: 1, processMs, timedOut: r.signal !== null };
  return { ...(JSON.parse(line) as Run), processMs };
}

/** CPU per pass over the files, median of the later of 60 passes: reading, and checking what was read. */
async function steadyState(files: string[]): Promise<{ readMs: number; checkMs: number }> {
  const read = readerOf('streaming');
  const { checkWorkbook } = await import('../src/core/check');
  const library = (await import('../src/core/phrasings/library')).loadLibrary();
  const grids = await Promise.all(files.map(read));
  const reads: number[] = [];
  const checks: number[] = [];
  const cpu = (t: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };
  for (let k = 0; k < 60; k++) {
    let t = process.cpuUsage();
    for (const f of files) await read(f);
    reads.push(cpu(t));
    t = process.cpuUsage();
    for (const g of grids) JSON.stringify(checkWorkbook(g, { library }));
    checks.push(cpu(t));
  }
  const later = (xs: number[]) => xs.slice(30).sort((a, b) => a - b)[15];
  return { readMs: later(reads), checkMs: later(checks) };
}

/** Runs the measured processes at the same time; the wall time until the last one ends. */
async function together(runs: string[][]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    runs.map(
      (args) =>
        new Promise<void>((resolve) => {
          const child = spawn(process.execPath, ['--max-old-space-size=4096', MEASURE, ...args], {
            stdio: 'ignore',
          });
          child.on('exit', () => resolve());
          child.on('error', () => resolve());
        }),
    ),
  );
  return Math.round(performance.now() - t0);
}

async function medianOf(n: number, f: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await f());
  return xs.sort((a, b) => a - b)[Math.floor(n / 2)];
}

/** The median run (by process time) of `n`. */
function median(args: string[], n = 3): Run {
  const runs = Array.from({ length: n }, () => once(args)).sort((a, b) => a.processMs - b.processMs);
  return runs[Math.floor(n / 2)];
}

const fmt = (r: Run) =>
  r.timedOut
    ? 'timed out'
    : `${(r.processMs / 1000).toFixed(2)} s, CPU ${(r.cpuMs / 1000).toFixed(2)} s, peak ${r.peakMB} MB`;

export async function cliBench(): Promise<string[]> {
  const out: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  try {
    // 100 files: the ten seed fixtures (stacked and one table a sheet) ten times over.
    const seeds = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
    const files: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const f of seeds) {
        const copy = path.join(dir, `${i}-${f}`);
        fs.copyFileSync(path.join(FIXTURES, f), copy);
        files.push(copy);
      }
    }

    // The readers: 100 files, and agreement with ExcelJS cell for cell on all twenty fixtures.
    const widerFiles = fs
      .readdirSync(path.join(FIXTURES, 'wider'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(FIXTURES, 'wider', f));
    const fixtureFiles = [...seeds.map((f) => path.join(FIXTURES, f)), ...widerFiles];
    const reference = await Promise.all(fixtureFiles.map(readerOf('exceljs')));
    const readers: ReaderName[] = ['exceljs', 'sheetjs', 'streaming'];
    const read: Record<string, Run> = {};
    out.push('readers, 100 files (the ten seed fixtures ×10), each in a process of its own, median of 3:');
    for (const name of readers) {
      read[name] = median(['read', name, ...files]);
      const grids = await Promise.all(fixtureFiles.map(readerOf(name)));
      const d = grids
        .map((g, i) => differences(g, reference[i]))
        .reduce((a, b) => ({ cells: a.cells + b.cells, merges: a.merges + b.merges }));
      out.push(
        `  ${name.padEnd(10)} ${fmt(read[name])}; cells differing from ExcelJS on the 20 fixtures: ${d.cells}, merged areas: ${d.merges}`,
      );
    }

    const vsSheetJS = read.sheetjs.processMs / read.streaming.processMs;
    out.push(
      `  streaming files/s against SheetJS's: ${vsSheetJS.toFixed(2)}× (issue 29's target ≥ 3: ${vsSheetJS >= 3 ? 'met' : 'NOT met'}); peak memory ${read.streaming.peakMB} MB against ${read.sheetjs.peakMB} MB`,
    );

    // Big files, read with the limits raised (the command line refuses them by default).
    const big = (await hostileFiles(true)).filter(
      (h) => h.name === 'rows200k.xlsx' || h.name === 'cells2600k.xlsx',
    );
    for (const h of big) {
      const file = path.join(dir, h.name);
      fs.writeFileSync(file, h.bytes!);
      const cells = readers.map((name) => `${name} ${fmt(once(['read', name, file], 120_000))}`);
      out.push(`  ${h.what} (${(h.bytes!.length / 1024 / 1024).toFixed(1)} MB): ${cells.join('; ')}`);
    }

    // The command line, whole process.
    const jobs1 = median(['check', '1', ...files]);
    const jobsDefault = median(['check', String(defaultJobs()), ...files]);
    const jobs2 = median(['check', '2', ...files]);
    const before = median(['check-exceljs', ...files]);
    out.push('');
    out.push('jixiao check --format ndjson, 100 files, whole process, median of 3:');
    out.push(
      `  --jobs 1                          ${fmt(jobs1)}; ${(100 / (jobs1.processMs / 1000)).toFixed(0)} files/s`,
    );
    out.push(
      `  as it was (ExcelJS, then engine)  ${fmt(before)}; ${(100 / (before.processMs / 1000)).toFixed(0)} files/s`,
    );
    out.push(
      `  --jobs ${defaultJobs()} (default on ${os.availableParallelism?.() ?? os.cpus().length} cores)     ${fmt(jobsDefault)}`,
    );
    out.push(`  --jobs 2                          ${fmt(jobs2)}`);
    const cpuRatio = jobs1.cpuMs / read.streaming.cpuMs;
    const speed = before.processMs / jobs1.processMs;
    out.push(
      `  CPU check --jobs 1 / reader alone: ${cpuRatio.toFixed(2)}× (target ≤ 1.2: ${cpuRatio <= 1.2 ? 'met' : 'NOT met'})`,
    );
    out.push(
      `  files/s against the command line as it was: ${speed.toFixed(2)}× (target ≥ 2: ${speed >= 2 ? 'met' : 'NOT met'})`,
    );
    out.push(
      `  wall --jobs default / --jobs 1: ${(jobsDefault.processMs / jobs1.processMs).toFixed(2)}×; --jobs 2 / --jobs 1: ${(jobs2.processMs / jobs1.processMs).toFixed(2)}× (target ≤ 0.65)`,
    );
    // What bounds those two targets on this machine, measured the same way.
    const load = median(['load', 'streaming', ...files]);
    out.push(
      `  floor of the CPU ratio: the command line's code loaded, the files read, nothing checked: CPU ${(load.cpuMs / 1000).toFixed(2)} s = ${(load.cpuMs / read.streaming.cpuMs).toFixed(2)}× the reader alone`,
    );
    // Both warm, in this process: what checking costs beside reading once the code is compiled.
    const steady = await steadyState(seeds.map((f) => path.join(FIXTURES, f)));
    out.push(
      `  steady state (both warm, per ${seeds.length} files): read ${steady.readMs.toFixed(1)} ms CPU, check ${steady.checkMs.toFixed(1)} ms CPU → (read + check) / read ${((steady.readMs + steady.checkMs) / steady.readMs).toFixed(2)}×`,
    );
    const half = files.length / 2;
    const sideBySide = await medianOf(3, () =>
      together([
        ['check', '1', ...files.slice(0, half)],
        ['check', '1', ...files.slice(half)],
      ]),
    );
    out.push(
      `  ceiling of threads: two processes side by side, half the files each (--jobs 1): wall ${(sideBySide / 1000).toFixed(2)} s = ${(sideBySide / jobs1.processMs).toFixed(2)}× one process over all`,
    );

    // Peak memory against the number of files: 100 and 400.
    const four = once(['check', '1', ...files, ...files, ...files, ...files], 300_000);
    out.push(
      `  peak memory, 100 files: ${jobs1.peakMB} MB; 400 files: ${four.peakMB} MB (--jobs 1); --jobs 2: ${jobs2.peakMB} MB`,
    );

    // The hostile files, at full size, through the command line with its default limits.
    out.push('');
    out.push('hostile files, jixiao check with default limits (exit, time, peak memory):');
    for (const h of await hostileFiles(true)) {
      const file = path.join(dir, h.name);
      if (h.bytes === null) spawnSync('mkfifo', [file]);
      else fs.writeFileSync(file, h.bytes);
      const r = once(['cli', file], 60_000);
      out.push(
        `  | ${h.what} | ${h.bytes ? `${(h.bytes.length / 1024).toFixed(0)} KB` : '—'} | exit ${r.exit ?? '?'} | ${r.processMs} ms | ${r.peakMB} MB |`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) {
  void cliBench().then((lines) => console.log(lines.join('\n')));
}
