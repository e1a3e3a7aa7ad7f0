/**
 * Thousands of random and mutated grids: the core never throws, its output always validates against
 * the model schema, and its work grows linearly with the sheet (counted in cell reads, not time:
 * timing belongs to `npm run bench`).
 */
import { readWorkbook } from '../src/cli/xlsx';
import { checkGrid } from '../src/core/check';
import type { Grid } from '../src/core/grid';
import { TableSchema } from '../src/core/model-schema';
import { recognise } from '../src/core/recognize';
import { SheetView } from '../src/core/sheet';
import { MUTATIONS, mutate, randomGrid, rng, stackTables } from '../bench/generate';
import { FIXTURES, SEEDS } from './helpers/fixtures';
import * as path from 'path';

let seeds: Grid[] = [];
beforeAll(async () => {
  seeds = (await Promise.all(SEEDS.map((s) => readWorkbook(path.join(FIXTURES, `${s}.xlsx`))))).flat();
});

function checkValid(grid: Grid, label: string): number {
  let tables;
  try {
    tables = checkGrid(grid);
  } catch (e) {
    throw new Error(`${label}: threw ${(e as Error).stack}`);
  }
  for (const t of tables) {
    const parsed = TableSchema.safeParse(t);
    if (!parsed.success) throw new Error(`${label}: invalid model ${parsed.error.message.slice(0, 500)}`);
  }
  return tables.length;
}

test('2,000 mutated seed sheets: never throws, always a valid model', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const random = rng(i + 1);
    const base = seeds[i % seeds.length];
    const { grid, applied } = mutate(base, random, 1 + Math.floor(random() * 6));
    applied.forEach((m) => seen.add(m));
    checkValid(grid, `seed ${i + 1} (${applied.join(',')})`);
  }
  expect([...seen].sort()).toEqual([...MUTATIONS].sort());
});

test('1,000 random grids: never throws; random noise is not reported as a table', () => {
  let tables = 0;
  for (let i = 0; i < 1000; i++) {
    const random = rng(100000 + i);
    tables += checkValid(
      randomGrid(random, 1 + Math.floor(random() * 40), 1 + Math.floor(random() * 8)),
      `random ${i}`,
    );
  }
  // A table needs its 一级/二级/三级 header row; random cells rarely form one, and never often.
  expect(tables).toBeLessThan(20);
});

test('edge grids: empty, ragged, errors only, giant merges, origin offset', () => {
  const cases: [string, Grid][] = [
    ['no rows', { sheet: 'e', values: [] }],
    ['empty rows', { sheet: 'e', values: [[], [], []] }],
    ['one cell', { sheet: 'e', values: [['一级指标']] }],
    ['errors only', { sheet: 'e', values: [[{ error: '#REF!' }, { error: '#N/A' }]] }],
    [
      'holes',
      {
        sheet: 'e',
        values: [[null, undefined as never, '一级指标', '二级指标', '三级指标', '指标值'], [], ['产出指标']],
      },
    ],
    [
      'giant merge',
      { sheet: 'e', values: seeds[0].values, merges: [{ top: 0, left: 0, bottom: 1048575, right: 16383 }] },
    ],
    [
      'bad merges',
      {
        sheet: 'e',
        values: seeds[1].values,
        merges: [{ top: 5, left: 5, bottom: 1, right: 1 }, null as never],
      },
    ],
    ['origin', { sheet: 'e', values: seeds[2].values, origin: { row: 1000, col: 3 } }],
    ['broken values', { sheet: 'e', values: null as never }],
  ];
  for (const [label, grid] of cases) checkValid(grid, label);
  expect(checkGrid({ sheet: 'e', values: [] })).toEqual([]);
  const shifted = checkGrid({ sheet: 'e', values: seeds[4].values, origin: { row: 1000, col: 3 } });
  expect(shifted[0].range).toBe('D1001:I1026');
});

test('work grows linearly: cell reads for 40 stacked tables ≤ 4.5 × those for 10', () => {
  const sources = seeds.map((g) => ({ grid: g, tables: recognise(g).length }));
  const reads = (n: number) => {
    const grid = stackTables(sources, n);
    const view = new SheetView(grid);
    const found = recognise(grid, view).length;
    return { reads: view.reads, found, cells: grid.values.reduce((a, r) => a + r.length, 0) };
  };
  const small = reads(10);
  const large = reads(40);
  expect(large.found).toBeGreaterThanOrEqual(38);
  const ratio = large.reads / large.cells / (small.reads / small.cells);
  expect(ratio).toBeLessThan(1.2);
  expect(large.reads / small.reads).toBeLessThan((4.5 * large.cells) / (4 * small.cells));
});
