/**
 * npm run bench — check time for one table, for a generated sheet of 200 stacked tables, and for one
 * plain pass over the same cells (the baseline, measured in the same run). Prints medians and the
 * ratio check / plain pass. Targets (issue 2): ratio ≤ 10, 200 tables ≤ 50 ms.
 */
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { checkGrid } from '../src/core/check';
import type { Grid } from '../src/core/grid';
import { recognise } from '../src/core/recognize';
import { stackTables } from './generate';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
}

/** The baseline: read every cell once and turn it into text, as any tool touching the sheet must. */
function plainPass(grid: Grid): number {
  let n = 0;
  for (const row of grid.values) {
    for (const v of row) {
      if (v === null || v === undefined) continue;
      n += String(typeof v === 'object' ? v.error : v).trim().length;
    }
  }
  return n;
}

async function main() {
  const seeds = (await Promise.all(['guyuan', 'pingluo', 'langfang', 'yinchuan', 'ningxia'].map((s) => readWorkbook(path.join(FIXTURES, `${s}.xlsx`))))).flat();
  const sources = seeds.map((g) => ({ grid: g, tables: recognise(g).length }));
  const one = stackTables([sources[4]], 1); // one 宁夏 table (the full header block)
  one.values = one.values.slice(0, 28);
  const big = stackTables(sources, 200);
  const cells = big.values.reduce((a, r) => a + r.filter((v) => v !== null && v !== undefined).length, 0);

  const tOne = time(() => checkGrid(one), 200);
  const tBig = time(() => checkGrid(big), 30);
  const tPlain = time(() => plainPass(big), 30);
  const found = checkGrid(big).length;

  const rows = [
    ['one table (宁夏, 28 rows)', `${tOne.toFixed(3)} ms`],
    [`200 stacked tables (${big.values.length} rows, ${cells} cells, ${found} found)`, `${tBig.toFixed(2)} ms`],
    ['plain pass over the same cells', `${tPlain.toFixed(3)} ms`],
    ['ratio check / plain pass', `${(tBig / tPlain).toFixed(1)}×`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(62)} ${v}`);
  console.log(`targets: 200 tables ≤ 50 ms → ${tBig <= 50 ? 'met' : 'NOT met'}; ratio ≤ 10 → ${tBig / tPlain <= 10 ? 'met' : 'NOT met'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
