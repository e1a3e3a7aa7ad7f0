#!/usr/bin/env node
/**
 * Compares the check time of two builds of the engine in one process, interleaved, on the bench's
 * 200-table sheet — the fair way to compare on a noisy machine, where absolute figures drift
 * between runs. Each checkout must have run `npx tsc -p tsconfig.bench.json`.
 *
 *   git worktree add /tmp/before <rev> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   (cd /tmp/before && npx tsc -p tsconfig.bench.json) && npx tsc -p tsconfig.bench.json
 *   node scripts/bench-compare.js /tmp/before .
 */
const path = require('path');

function load(root) {
  const base = path.resolve(root, 'dist/bench/src/core');
  return { recognise: require(`${base}/recognize`).recognise, check: require(`${base}/check`) };
}

async function main() {
  const [beforeDir, afterDir = '.', runsArg = '30'] = process.argv.slice(2);
  if (!beforeDir) {
    console.error('usage: node scripts/bench-compare.js BEFORE_CHECKOUT [AFTER_CHECKOUT] [RUNS]');
    process.exit(2);
  }
  const runs = Number(runsArg);
  const before = load(beforeDir);
  const after = load(afterDir);
  const { readWorkbook } = require(path.resolve(afterDir, 'dist/bench/src/cli/xlsx'));
  const { growTable, stackTables } = require(path.resolve(afterDir, 'dist/bench/bench/generate'));
  const names = ['guyuan', 'pingluo', 'langfang', 'yinchuan', 'ningxia'];
  const perSheet = (
    await Promise.all(
      names.map((s) => readWorkbook(path.resolve(afterDir, 'test/fixtures', `${s}.per-sheet.xlsx`))),
    )
  ).flat();
  const sources = perSheet.flatMap((g) => {
    const tables = before.recognise(g);
    if (tables.length !== 1) return [];
    const t = tables[0];
    const last = t.indicators[t.indicators.length - 1];
    const levelCols = [t.columns.lead, t.columns.level1, t.columns.level2].filter((c) => c !== null);
    return [{ grid: growTable(g, last.row, t.columns.name ?? 0, levelCols, 38), tables: 1 }];
  });
  const sheet = stackTables(sources, 200);
  const samples = { before: [], after: [] };
  for (let i = 0; i < 5; i++) for (const m of [before, after]) m.check.checkGrid(sheet);
  for (let i = 0; i < runs; i++) {
    for (const [k, m] of [
      ['before', before],
      ['after', after],
    ]) {
      m.check.clearCaches();
      const t0 = process.hrtime.bigint();
      m.check.checkGrid(sheet);
      samples[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const k of ['before', 'after'])
    console.log(
      `${k.padEnd(7)} median ${median(samples[k]).toFixed(1)} ms, min ${Math.min(...samples[k]).toFixed(1)} ms`,
    );
  console.log(
    `after / before: ${(median(samples.after) / median(samples.before)).toFixed(2)}× (median), ${(Math.min(...samples.after) / Math.min(...samples.before)).toFixed(2)}× (min)`,
  );
}

main();
