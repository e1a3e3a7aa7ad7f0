/**
 * Grid generators shared by the robustness test and the benchmark: stacked sheets built from the
 * seed tables, and random mutations of them (shuffled rows, deleted cells, formula errors, huge
 * cells, numbers as text, full-width digits, merges across tables).
 */
import type { CellValue, Grid, MergeArea } from '../src/core/grid';

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stacks copies of the given sheets' rows (two blank rows between) until `tables` tables are reached. */
export function stackTables(sources: { grid: Grid; tables: number }[], tables: number): Grid {
  const values: CellValue[][] = [];
  const merges: MergeArea[] = [];
  let count = 0;
  let i = 0;
  while (count < tables && sources.length > 0) {
    const { grid, tables: n } = sources[i % sources.length];
    i++;
    if (count + n > tables && count > 0) {
      // Take the smallest source that still fits, or stop.
      const fit = sources.find((s) => count + s.tables <= tables);
      if (!fit) break;
      continue;
    }
    const offset = values.length;
    for (const row of grid.values) values.push([...row]);
    for (const m of grid.merges ?? [])
      merges.push({ top: m.top + offset, bottom: m.bottom + offset, left: m.left, right: m.right });
    values.push([], []);
    count += n;
  }
  return { sheet: 'stacked', values, merges };
}

/**
 * Grows a one-table sheet to about `rows` rows by appending indicator rows after its last one: copies
 * of the last indicator row with a numbered 三级 name (so they are distinct indicators) and its
 * 一级/二级 cells left empty (so they continue the last 二级, as a longer real form would).
 * Merges below the insertion point move down with their rows.
 */
export function growTable(
  grid: Grid,
  lastIndicatorRow: number,
  nameCol: number,
  levelCols: number[],
  rows: number,
): Grid {
  const extra = Math.max(0, rows - grid.values.length);
  const template = grid.values[lastIndicatorRow] ?? [];
  const added: CellValue[][] = [];
  for (let k = 1; k <= extra; k++) {
    const row = [...template];
    for (const c of levelCols) row[c] = null;
    row[nameCol] = `${String(template[nameCol] ?? '指标')}（${k}）`;
    added.push(row);
  }
  const values = [
    ...grid.values.slice(0, lastIndicatorRow + 1),
    ...added,
    ...grid.values.slice(lastIndicatorRow + 1),
  ];
  const merges = (grid.merges ?? []).map((m) =>
    m.top > lastIndicatorRow ? { ...m, top: m.top + extra, bottom: m.bottom + extra } : m,
  );
  return { sheet: grid.sheet, values, merges };
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

export type Mutation =
  | 'shuffle'
  | 'delete'
  | 'error'
  | 'huge'
  | 'numberAsText'
  | 'fullWidth'
  | 'mergeAcross'
  | 'junk'
  | 'swapColumns'
  | 'duplicateRows';

export const MUTATIONS: Mutation[] = [
  'shuffle',
  'delete',
  'error',
  'huge',
  'numberAsText',
  'fullWidth',
  'mergeAcross',
  'junk',
  'swapColumns',
  'duplicateRows',
];

const JUNK: CellValue[] = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '产出指标',
  '成本指标',
  '数量指标',
  '项目名称',
  '资金总额',
  '≥',
  '%',
  '万元',
  '',
  '<img src=x onerror=alert(1)>',
  '=SUM(A1:A2)',
  true,
  -0,
  1e308,
  -1e-308,
  '\u0000',
  '\ud800',
];

/** Applies `count` random mutations to a copy of the grid. */
export function mutate(grid: Grid, random: () => number, count: number): { grid: Grid; applied: Mutation[] } {
  const values = grid.values.map((r) => [...r]);
  const merges = [...(grid.merges ?? [])];
  const applied: Mutation[] = [];
  const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)];
  const rows = () => Math.max(1, values.length);
  for (let k = 0; k < count; k++) {
    const m = pick(MUTATIONS);
    applied.push(m);
    const r = Math.floor(random() * rows());
    const row = values[r] ?? (values[r] = []);
    const c = Math.floor(random() * Math.max(1, row.length + 1));
    switch (m) {
      case 'shuffle': {
        const len = 2 + Math.floor(random() * 10);
        const part = values.splice(r, len);
        for (let i = part.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [part[i], part[j]] = [part[j], part[i]];
        }
        values.splice(r, 0, ...part);
        break;
      }
      case 'delete':
        row[c] = null;
        break;
      case 'error':
        row[c] = { error: pick(['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?']) };
        break;
      case 'huge':
        row[c] = '绩效'.repeat(16000) + String(row[c] ?? '');
        break;
      case 'numberAsText':
        for (let i = 0; i < row.length; i++) if (typeof row[i] === 'number') row[i] = String(row[i]);
        break;
      case 'fullWidth':
        for (let i = 0; i < row.length; i++) {
          const v = row[i];
          if (typeof v === 'string' || typeof v === 'number')
            row[i] = String(v).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]);
        }
        break;
      case 'mergeAcross': {
        const top = Math.floor(random() * rows());
        merges.push({
          top,
          left: Math.floor(random() * 3),
          bottom: top + Math.floor(random() * 60),
          right: Math.floor(random() * 8),
        });
        break;
      }
      case 'junk':
        row[c] = pick(JUNK);
        break;
      case 'swapColumns':
        for (const rr of values) if (rr.length > 2) [rr[0], rr[2]] = [rr[2], rr[0]];
        break;
      case 'duplicateRows':
        values.splice(r, 0, ...values.slice(r, r + 5).map((x) => [...x]));
        break;
    }
  }
  return { grid: { sheet: grid.sheet, values, merges }, applied };
}

/** A grid of random cells drawn from form vocabulary, numbers and garbage. */
export function randomGrid(random: () => number, rowsN: number, colsN: number): Grid {
  const values: CellValue[][] = [];
  for (let r = 0; r < rowsN; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < colsN; c++) {
      const x = random();
      row.push(
        x < 0.4
          ? null
          : x < 0.7
            ? JUNK[Math.floor(random() * JUNK.length)]
            : x < 0.85
              ? Math.round(random() * 1e6) / 100
              : `${Math.floor(random() * 100)}%`,
      );
    }
    values.push(row);
  }
  return { sheet: 'random', values };
}
