/**
 * Live checking by patches (src/core/live.ts) gives what a full check gives: random edit sequences
 * on the seed and wider sheets — typing, clearing, pasting a block, inserting and deleting rows
 * (as the patch of everything they move), typing a new form below the last — and after every edit
 * the incremental tables, issues and near-misses equal a full check of the same patched sheet.
 * JIXIAO_LIVE_EDITS sets the edits per sheet (default 100), JIXIAO_SEED the seed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { checkSheet } from '../src/core/check';
import type { CellValue, Grid } from '../src/core/grid';
import {
  type GridPatch,
  type LiveSheet,
  applyPatch,
  clusterAround,
  patchGrid,
  startLive,
} from '../src/core/live';
import { loadLibrary } from '../src/core/phrasings/library';
import { SheetView } from '../src/core/sheet';
import { FIXTURES, SEEDS } from './helpers/fixtures';
import { rng } from './helpers/sheet-state';

const EDITS = Number(process.env.JIXIAO_LIVE_EDITS ?? 100);
const SEED = Number(process.env.JIXIAO_SEED ?? 20261202);
const library = loadLibrary();

/** Words that move recognition: labels, level names, values, numbers, closing lines, nothing. */
const WORDS: CellValue[] = [
  '项目名称',
  '主管部门',
  '实施单位',
  '年度资金总额',
  '其中：财政拨款',
  '其他资金',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '产出指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济成本指标',
  '效益指标',
  '社会效益指标',
  '满意度指标',
  '服务对象满意度指标',
  '培训人数',
  '≥95%',
  '≥100人',
  '提高',
  '不涉及',
  '无',
  12.5,
  100,
  0,
  '填报人：',
  '绩效自评表',
  '实际完成值',
  '得分',
  '年度总体目标',
  '2026年度部门项目支出绩效目标表',
  null,
  null,
  null,
];

function cellsOf(grid: Grid): { rows: number; cols: number; top: number; left: number } {
  return {
    rows: grid.values.length,
    cols: grid.values.reduce((w, r) => Math.max(w, r.length), 0),
    top: grid.origin?.row ?? 0,
    left: grid.origin?.col ?? 0,
  };
}

/** One random edit as a patch (sheet coordinates), as the host would read it back. */
function randomEdit(grid: Grid, donors: Grid[], random: () => number): { kind: string; patch: GridPatch } {
  const { rows, cols, top, left } = cellsOf(grid);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const k = random();
  const at = () => ({
    row: top + Math.floor(random() * (rows + 6)),
    col: left + Math.floor(random() * (cols + 2)),
  });
  const rowOf = (r: number) => grid.values[r - top] ?? [];
  if (k < 0.45) {
    const { row, col } = at();
    return { kind: 'type', patch: { top: row, left: col, values: [[pick(WORDS)]] } };
  }
  if (k < 0.6) {
    const { row, col } = at();
    const h = 1 + Math.floor(random() * 4);
    const w = 1 + Math.floor(random() * 4);
    return {
      kind: 'clear',
      patch: { top: row, left: col, values: Array.from({ length: h }, () => new Array(w).fill(null)) },
    };
  }
  if (k < 0.75) {
    // A block of rows from this sheet or another, pasted at a random row.
    const donor = pick(donors);
    const d = cellsOf(donor);
    if (d.rows === 0) return { kind: 'noop', patch: { top, left, values: [[rowOf(top)[0] ?? null]] } };
    const from = Math.floor(random() * d.rows);
    const n = 1 + Math.floor(random() * 12);
    const block = donor.values.slice(from, from + n).map((r) => r.slice(0, 8));
    const { row } = at();
    return { kind: 'paste', patch: { top: row, left, values: block } };
  }
  if (k < 0.85) {
    // Insert or delete rows: everything from the row down moves, so the patch is all of it.
    const { row } = at();
    const r0 = Math.min(row, top + rows);
    const below = grid.values.slice(r0 - top);
    const insert = random() < 0.5;
    const n = 1 + Math.floor(random() * 3);
    const moved = insert
      ? [...Array.from({ length: n }, () => [] as CellValue[]), ...below]
      : [...below.slice(n), ...Array.from({ length: n }, () => [] as CellValue[])];
    const width = cols;
    return {
      kind: insert ? 'insertRows' : 'deleteRows',
      patch: {
        top: r0,
        left,
        values: moved.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
      },
    };
  }
  // A new form typed (pasted) below the last row.
  const donor = pick(donors);
  return {
    kind: 'newForm',
    patch: { top: top + rows + 2 + Math.floor(random() * 4), left, values: donor.values.slice(0, 40) },
  };
}

/** Where two results first differ, for the failure message. */
function firstDifference(
  a: Pick<LiveSheet, 'tables' | 'nearMisses'>,
  b: Pick<LiveSheet, 'tables' | 'nearMisses'>,
): string {
  if (JSON.stringify(a.nearMisses) !== JSON.stringify(b.nearMisses))
    return `near-misses: ${JSON.stringify(a.nearMisses)} ≠ ${JSON.stringify(b.nearMisses)}`;
  for (let i = 0; i < Math.max(a.tables.length, b.tables.length); i++) {
    const [x, y] = [
      a.tables[i] as unknown as Record<string, unknown>,
      b.tables[i] as unknown as Record<string, unknown>,
    ];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (!x || !y) return `table ${i}: ${x ? 'extra' : 'missing'}`;
    const key = Object.keys(y).find((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
    return `table ${i} (${String(y.range)}).${key}: ${JSON.stringify(x[key!]).slice(0, 300)} ≠ ${JSON.stringify(y[key!]).slice(0, 300)}`;
  }
  return 'same';
}

function snapshot(s: Pick<LiveSheet, 'tables' | 'nearMisses'>): string {
  return JSON.stringify({ tables: s.tables, nearMisses: s.nearMisses });
}

const files = [
  ...SEEDS.map((s) => path.join(FIXTURES, `${s}.xlsx`)),
  ...fs
    .readdirSync(path.join(FIXTURES, 'wider'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(FIXTURES, 'wider', f)),
];

let grids: { file: string; grid: Grid }[] = [];
beforeAll(async () => {
  grids = (
    await Promise.all(
      files.map(async (f) => (await readWorkbook(f)).map((grid) => ({ file: path.basename(f), grid }))),
    )
  ).flat();
});

const kinds: Record<string, number> = {};
let partial = 0;
afterAll(() => {
  console.log(
    `live edits by kind: ${JSON.stringify(kinds)}; ${partial} answered from the rows around the edit`,
  );
});

test(`random edit sequences (${EDITS} edits a sheet): the incremental result equals a full check after every edit`, () => {
  const donors = grids.map((g) => g.grid);
  grids.forEach(({ file, grid }, n) => {
    const random = rng(SEED + n * 7919);
    let live = startLive(grid, { library });
    for (let e = 0; e < EDITS; e++) {
      const { kind, patch } = randomEdit(live.grid, donors, random);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      // Every other sheet with a tiny first window, so that widening it is exercised too.
      const next = applyPatch(live, patch, { library }, n % 2 ? 3 : 256);
      if (!next.full) partial++;
      const full = checkSheet(next.grid, { library });
      const got = snapshot(next);
      const want = snapshot(full);
      if (got !== want) {
        const diff = firstDifference(next, full);
        throw new Error(
          `${diff}\n` +
            `${file} ${grid.sheet}, edit ${e + 1} (${kind} at row ${patch.top + 1}, ${patch.values.length} rows): incremental ≠ full\n` +
            `incremental: ${next.tables.map((t) => `${t.range} ${t.issues.length}`).join(', ')}\nfull: ${full.tables.map((t) => `${t.range} ${t.issues.length}`).join(', ')}`,
        );
      }
      live = next;
    }
  });
  expect(partial).toBeGreaterThan(EDITS);
});

test('an edit inside one form of many re-reads only the rows around it and keeps the other tables as they were', async () => {
  const [grid] = await readWorkbook(path.join(FIXTURES, 'ningxia.xlsx'));
  const live = startLive(grid, { library });
  const t = live.tables[3];
  const cell = t.indicators[0].value!;
  const m = /^([A-Z]+)(\d+)$/.exec(cell.cell)!;
  const patch: GridPatch = { top: Number(m[2]) - 1, left: m[1].charCodeAt(0) - 65, values: [['≥150%']] };
  const next = applyPatch(live, patch, { library });
  expect(next.full).toBe(false);
  expect(next.rows![0]).toBeLessThanOrEqual(t.top);
  expect(next.rows![1]).toBeGreaterThanOrEqual(t.bottom);
  expect(next.rows![1] - next.rows![0]).toBeLessThan(grid.values.length / 2);
  // The other tables are the same objects (the pane need not redraw them); the edited one is new.
  expect(next.tables.filter((x) => live.tables.includes(x)).length).toBe(live.tables.length - 1);
  expect([...next.changed].map((x) => x.range)).toEqual([t.range]);
  expect(
    next.tables
      .find((x) => x.range === t.range)!
      .issues.some((i) => i.cell === cell.cell && i.rule === 'value/percent-range'),
  ).toBe(true);
});

test('the rows around an edit stop at a run of five blank rows, and take in every table they touch', () => {
  const values: CellValue[][] = [
    ['a'],
    ['b'],
    [],
    [],
    [],
    [],
    [],
    ['c'],
    ['d'],
    [],
    [],
    ['e'],
    [],
    [],
    [],
    [],
    [],
    ['f'],
  ];
  const grid: Grid = { sheet: 'S', values };
  const view = new SheetView(grid);
  expect(clusterAround(view, [], 8, 8)).toEqual([7, 11]);
  expect(clusterAround(view, [], 0, 0)).toEqual([0, 1]);
  expect(clusterAround(view, [{ range: 'A2:A8' }], 0, 0)).toEqual([0, 11]);
  expect(clusterAround(view, [], 17, 17)).toEqual([17, 17]);
});

test('a patch above or left of the sheet’s first cell falls back to a full check, and says so', async () => {
  const [grid] = await readWorkbook(path.join(FIXTURES, 'pingluo.xlsx'));
  const shifted: Grid = { ...grid, origin: { row: 3, col: 1 } };
  const live = startLive(shifted, { library });
  const next = applyPatch(live, { top: 0, left: 0, values: [['项目名称']] }, { library });
  expect(next.full).toBe(true);
  expect(next.reason).toMatch(/above or left/);
  expect(snapshot(next)).toBe(snapshot(checkSheet(next.grid, { library })));
  expect(patchGrid(shifted, { top: 0, left: 0, values: [['x']] })).toBeNull();
});
