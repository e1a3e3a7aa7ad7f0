/**
 * Live checking that costs what the edit costs. After an edit the host reads only the cells around
 * it (a patch); the engine patches its copy of the sheet, re-recognises only the rows the edit can
 * affect, re-runs the rules only on the tables whose reading changed, and keeps every other table
 * as it was (the same objects, so the pane need not redraw them).
 *
 * Why the rows around an edit are enough: recognition cuts a sheet into bands at runs of blank rows
 * and reads each band on its own; a header block joins the table below it only across at most
 * three blank rows. So the rows between two runs of at least CLUSTER_GAP blank rows (a cluster) are
 * read the same whether the rest of the sheet is there or not. The one thing that crosses clusters
 * is the framework of a table without any cost indicator, which follows the sheet's other tables:
 * it is worked out again over all tables, and a kept table whose framework changes is re-checked.
 *
 * The result equals a full check of the patched sheet; test/live.test.ts asserts it after thousands
 * of random edits. Anything this cannot handle (a patch above or left of the sheet's first cell)
 * falls back to a full check, and says so.
 */
import { type CheckOptions, checkSheet, runRules } from './check';
import { type CellValue, type Grid, type MergeArea, bySheetPosition, parseA1Range } from './grid';
import type { NearMiss, Table } from './model';
import { recogniseSheet } from './recognize';
import { indicatorAnchorAt } from './recognize/anchors';
import { type FrameworkGuess, detectFramework, sheetFrameworks } from './recognize/framework';
import { SheetView } from './sheet';

/** Blank rows that no reading crosses (bands part at 2, a header block joins its table across at most 3). */
export const CLUSTER_GAP = 4;
/** Blank rows that part two bands (see recognize/regions.ts). */
const BAND_BLANKS = 2;

export interface LiveSheet {
  /** The sheet as last read, patched with every edit since. */
  grid: Grid;
  tables: Table[];
  nearMisses: NearMiss[];
}

/** Cells read again after an edit: a rectangle in sheet coordinates (zero-based). */
export interface GridPatch {
  top: number;
  left: number;
  values: CellValue[][];
  /** Display texts where a number format changes what is seen (a percentage), as Grid.texts. */
  texts?: (string | null | undefined)[][];
  /** The merged areas touching the rectangle, when the host can report them (else none are known). */
  merges?: MergeArea[];
}

export interface LiveUpdate extends LiveSheet {
  /** True when the whole sheet was checked again (and why, in `reason`). */
  full: boolean;
  reason?: string;
  /** Sheet rows read again (the cluster around the edit), for the measures. */
  rows: [number, number] | null;
  /** Tables that are new objects (re-read or re-checked); the others are the previous ones. */
  changed: Set<Table>;
}

/** A full check, as the start of live checking. */
export function startLive(grid: Grid, options: CheckOptions = {}): LiveSheet {
  const { tables, nearMisses } = checkSheet(grid, options);
  return { grid, tables, nearMisses };
}

/** The rows and columns a grid covers, in sheet coordinates. */
function extent(grid: Grid): { top: number; left: number; rows: number } {
  return { top: grid.origin?.row ?? 0, left: grid.origin?.col ?? 0, rows: grid.values.length };
}

/**
 * The grid with the patch written in: rows copied only where the patch touches them (the previous
 * grid stays as it was), grown below and to the right as needed. Null when the patch starts above or
 * left of the grid's first cell (the origin would move: a full read is simpler than shifting).
 */
export function patchGrid(grid: Grid, patch: GridPatch): Grid | null {
  const { top, left } = extent(grid);
  if (patch.top < top || patch.left < left) return null;
  const values = grid.values.slice();
  const texts = grid.texts ? grid.texts.slice() : patch.texts ? [] : undefined;
  const width = patch.values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let i = 0; i < patch.values.length; i++) {
    const r = patch.top - top + i;
    while (values.length <= r) values.push([]);
    const row = (values[r] ?? []).slice();
    const c0 = patch.left - left;
    for (let c = 0; c < width; c++) row[c0 + c] = patch.values[i][c] ?? null;
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    values[r] = row;
    if (texts) {
      while (texts.length <= r) texts.push([]);
      const t = (texts[r] ?? []).slice();
      for (let c = 0; c < width; c++) t[c0 + c] = patch.texts?.[i]?.[c] ?? null;
      texts[r] = t;
    }
  }
  const area = {
    top: patch.top,
    left: patch.left,
    bottom: patch.top + patch.values.length - 1,
    right: patch.left + width - 1,
  };
  // The merged areas touching the patch are replaced by what the host reported for it.
  const merges =
    patch.merges === undefined
      ? grid.merges
      : [...(grid.merges ?? []).filter((m) => !touches(m, area)), ...patch.merges];
  return { ...grid, values, ...(texts ? { texts } : {}), ...(merges ? { merges } : {}) };
}

function touches(a: MergeArea, b: MergeArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Rows [top, bottom] of the sheet, as a grid of its own (same columns, same merges). */
function rowsOf(grid: Grid, top: number, bottom: number): Grid {
  const { top: t0 } = extent(grid);
  const merges = grid.merges?.filter((m) => m.top <= bottom && m.bottom >= top);
  return {
    sheet: grid.sheet,
    origin: { row: top, col: grid.origin?.col ?? 0 },
    values: grid.values.slice(top - t0, bottom - t0 + 1),
    ...(grid.texts ? { texts: grid.texts.slice(top - t0, bottom - t0 + 1) } : {}),
    ...(merges ? { merges } : {}),
  };
}

/** Sheet rows of a table or a near-miss. */
function rowSpan(x: { range: string }): [number, number] {
  const r = parseA1Range(x.range);
  return r ? [r.top, r.bottom] : [0, 0];
}

/**
 * The rows an edit of rows [from, to] can affect: widened to every previous table and near-miss it
 * touches, then band by band. Recognition reads bands (parted by two or more blank rows) on their
 * own, except that a band without any indicator header (a header block typed apart) joins the band
 * below it across at most three blank rows. So the rows stop at a run of CLUSTER_GAP blank rows, or
 * at a band boundary of two or three blank rows where the band above has an indicator header (no
 * join can cross it), or at the sheet's edge.
 */
export function clusterAround(
  view: SheetView,
  previous: { range: string }[],
  from: number,
  to: number,
): [number, number] {
  const first = view.firstRow;
  const last = view.lastRow;
  let lo = Math.max(first, Math.min(from, last));
  let hi = Math.min(last, Math.max(to, first));
  const anchored = (top: number, bottom: number) => {
    for (let r = top; r <= bottom; r++) if (indicatorAnchorAt(view, r)) return true;
    return false;
  };
  /** The band (rows parted by fewer than BAND_BLANKS blank rows) around row r. */
  const band = (r: number): [number, number] => {
    let top = r;
    let bottom = r;
    for (let blank = 0, k = r - 1; k >= first && blank < BAND_BLANKS; k--) {
      if (view.isBlank(k)) blank++;
      else {
        blank = 0;
        top = k;
      }
    }
    for (let blank = 0, k = r + 1; k <= last && blank < BAND_BLANKS; k++) {
      if (view.isBlank(k)) blank++;
      else {
        blank = 0;
        bottom = k;
      }
    }
    return [top, bottom];
  };
  for (;;) {
    const [a, b] = [lo, hi];
    for (const p of previous) {
      const [t, btm] = rowSpan(p);
      if (btm >= lo && t <= hi) {
        lo = Math.min(lo, t);
        hi = Math.max(hi, btm);
      }
    }
    // Whole bands.
    lo = band(lo)[0];
    hi = band(hi)[1];
    // Upwards: the band above joins when it could be a header block for ours.
    for (;;) {
      let k = lo - 1;
      while (k >= first && view.isBlank(k)) k--;
      if (k < first || lo - k - 1 >= CLUSTER_GAP) break;
      const above = band(k);
      if (anchored(above[0], above[1])) break;
      lo = above[0];
    }
    // Downwards: the band below joins when ours could be a header block for it.
    for (;;) {
      let k = hi + 1;
      while (k <= last && view.isBlank(k)) k++;
      if (k > last || k - hi - 1 >= CLUSTER_GAP) break;
      const [top] = band(hi);
      if (anchored(top, hi)) break;
      hi = band(k)[1];
    }
    if (lo === a && hi === b) return [lo, hi];
  }
}

/**
 * clusterAround over a window of the sheet's rows around the edit, widened until the cluster ends
 * inside it: a view of the whole sheet would index every merged area of a long sheet on each edit.
 */
function clusterOf(
  grid: Grid,
  previous: { range: string }[],
  from: number,
  to: number,
  window: number,
): [number, number] {
  const { top, rows } = extent(grid);
  const last = top + rows - 1;
  for (let margin = window; ; margin *= 4) {
    const wTop = Math.max(top, from - margin);
    const wBottom = Math.min(last, to + margin);
    const window = rowsOf(grid, wTop, wBottom);
    const [lo, hi] = clusterAround(new SheetView(window), previous, from, to);
    // Settled only with more than CLUSTER_GAP rows of window left on each side (or the sheet's edge):
    // what lies beyond could still join.
    if ((lo - wTop > CLUSTER_GAP || wTop === top) && (wBottom - hi > CLUSTER_GAP || wBottom === last))
      return [lo, hi];
  }
}

/** A table's own framework guess, kept by its indicators (shared by a table and its re-checked copies). */
const guesses = new WeakMap<Table['indicators'], { year: number | null; guess: FrameworkGuess }>();
function guessOf(t: Table): FrameworkGuess {
  let g = guesses.get(t.indicators);
  if (!g || g.year !== t.year)
    guesses.set(t.indicators, (g = { year: t.year, guess: detectFramework(t.indicators, t.year) }));
  return g.guess;
}

/**
 * Applies the cells read after an edit: the same tables, issues and near-misses a full check of the
 * patched sheet would give, with only the rows around the edit read again and only the changed
 * tables re-checked.
 */
export function applyPatch(
  prev: LiveSheet,
  patch: GridPatch,
  options: CheckOptions = {},
  /** Rows of the sheet looked at first on each side of the edit (widened as needed; tests make it small). */
  window = 256,
): LiveUpdate {
  const grid = patchGrid(prev.grid, patch);
  if (!grid) {
    const whole = startLive(mergeForFull(prev.grid, patch), options);
    return {
      ...whole,
      full: true,
      reason: 'the edit lies above or left of the sheet’s first cell',
      rows: null,
      changed: new Set(whole.tables),
    };
  }
  const [lo, hi] = clusterOf(
    grid,
    [...prev.tables, ...prev.nearMisses],
    patch.top,
    patch.top + Math.max(0, patch.values.length - 1),
    window,
  );
  const inside = (x: { range: string }) => {
    const [t, b] = rowSpan(x);
    return b >= lo && t <= hi;
  };
  const found = recogniseSheet(rowsOf(grid, lo, hi), undefined, false, options.corrections);
  const tables = [...prev.tables.filter((t) => !inside(t)), ...found.tables].sort(bySheetPosition);
  const nearMisses = [...prev.nearMisses.filter((n) => !inside(n)), ...found.nearMisses].sort(
    bySheetPosition,
  );
  const fresh = new Set(found.tables);
  const frameworks = sheetFrameworks(tables.map(guessOf));
  const changed = new Set<Table>();
  // The whole sheet for the rules that look beside the table (the 中期 half of a 中期/年度 form).
  const view = new SheetView(grid);
  const out = tables.map((t, i) => {
    // A framework the clerk chose stays: the sheet's other tables do not decide it.
    const { framework, basis } =
      t.frameworkBasis === 'corrected' ? { framework: t.framework, basis: t.frameworkBasis } : frameworks[i];
    if (fresh.has(t)) {
      t.framework = framework;
      t.frameworkBasis = basis;
      changed.add(runRules(t, options, undefined, view));
      return t;
    }
    if (t.framework === framework && t.frameworkBasis === basis) return t;
    // A kept table whose framework follows the others, and they changed: re-checked under the new one.
    const copy = runRules({ ...t, framework, frameworkBasis: basis, issues: [] }, options, undefined, view);
    changed.add(copy);
    return copy;
  });
  return { grid, tables: out, nearMisses, full: false, rows: [lo, hi], changed };
}

/** For the fallback: the patch written into a grid whose origin moves up or left to take it. */
function mergeForFull(grid: Grid, patch: GridPatch): Grid {
  const { top, left } = extent(grid);
  const nt = Math.min(top, patch.top);
  const nl = Math.min(left, patch.left);
  const shifted: Grid = {
    ...grid,
    origin: { row: nt, col: nl },
    values: [
      ...Array.from({ length: top - nt }, () => []),
      ...grid.values.map((r) => [...new Array(left - nl).fill(null), ...r]),
    ],
    ...(grid.texts
      ? {
          texts: [
            ...Array.from({ length: top - nt }, () => []),
            ...grid.texts.map((r) => [...new Array(left - nl).fill(null), ...r]),
          ],
        }
      : {}),
  };
  return patchGrid(shifted, patch) ?? shifted;
}

/**
 * What to read again after cells in `changed` were edited: the changed area and every table (or
 * near-miss) it touches, whole — formulas inside a form (a 年度资金总额 that sums its parts) change
 * with the cells they read, and only the form's own cells are read again.
 */
export function readAreaFor(live: Pick<LiveSheet, 'tables' | 'nearMisses'>, changed: MergeArea): MergeArea {
  const area = { ...changed };
  for (const x of [...live.tables, ...live.nearMisses]) {
    const r = parseA1Range(x.range);
    if (!r || !touches(r, changed)) continue;
    area.top = Math.min(area.top, r.top);
    area.left = Math.min(area.left, r.left);
    area.bottom = Math.max(area.bottom, r.bottom);
    area.right = Math.max(area.right, r.right);
  }
  return area;
}
