/**
 * Groups a sheet's cells into candidate regions, by cutting the sheet where it is empty:
 * 1. bands of rows, cut at two or more blank rows (forms stacked with a gap are read apart);
 * 2. in each band, slabs of columns, cut at columns that are empty on every row of the band
 *    (forms side by side, A–F and H–M, as 插入模板 right of a form makes).
 * A cut is kept only where both sides can stand alone: a slab holding no anchor of its own (a
 * column of values whose label column is parted from it by a merged column Excel 2016 cannot
 * report, a unit line off to the side) joins the slab beside it. Forms stacked without a gap stay in
 * one region and are told apart by their indicator headers.
 */
import type { MergeArea } from '../grid';
import type { CellSource, SheetCell, SheetView } from '../sheet';
import { cls, isProjectNameLabel } from './classify';

export interface Region {
  id: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /**
   * No other region shares its rows (the common case: forms stacked one under another). Its cells
   * are then not tagged, and it reads whole rows of the sheet without filtering them.
   */
  wholeRows?: boolean;
}

/** Blank rows that part two bands. */
const BAND_GAP = 2;

/**
 * Whether a cell can anchor a region of its own: a title, a 项目名称 label, an 一级指标 column
 * header. A lone 指标值 column or a unit line cannot: it joins the region beside it.
 */
function isAnchorish(cell: SheetCell): boolean {
  const c = cls(cell);
  return c.title || !!c.nearMissTitle || c.column?.role === 'level1' || isProjectNameLabel(cell);
}

/** The regions of a sheet, top to bottom and left to right, each cell tagged with its region's id. */
export function findRegions(view: SheetView): Region[] {
  const regions: Region[] = [];
  const all = { top: view.firstRow, bottom: view.lastRow, left: 0, right: Infinity };
  for (const r of cut(view, all, 0)) regions.push({ ...r, id: regions.length });
  for (const region of regions) if (!region.wholeRows) tagRegion(view, region);
  return regions;
}

type Box = Omit<Region, 'id'>;

/** The cells of a row inside a box's columns. */
function cellsIn(view: SheetView, row: number, box: { left: number; right: number }): SheetCell[] {
  const cells = view.cells(row);
  return box.left <= 0 && box.right === Infinity
    ? cells
    : cells.filter((c) => c.col >= box.left && c.col <= box.right);
}

/**
 * Cuts a box into bands of rows, then each band into slabs of columns, then each slab into bands
 * again (forms side by side whose neighbour fills the blank rows between stacked forms), a few
 * levels deep.
 */
function cut(view: SheetView, box: Box, depth: number): Box[] {
  const out: Box[] = [];
  for (const band of cutRows(view, box)) {
    const slabs = cutColumns(view, band.top, band.bottom, band);
    if (slabs.length === 1) {
      // Alone on its rows of the whole sheet only at the top level.
      out.push({ ...slabs[0], wholeRows: depth === 0 });
      continue;
    }
    for (const slab of slabs) out.push(...(depth >= 3 ? [slab] : cut(view, slab, depth + 1)));
  }
  return out;
}

/** Tags the cells of a region that shares its rows with others, so that its view keeps only its own. */
export function tagRegion(view: SheetView, region: Region): void {
  for (let r = region.top; r <= region.bottom; r++) {
    for (const cell of view.cells(r))
      if (cell.col >= region.left && cell.col <= region.right) cell.region = region.id;
  }
}

/** Bands of rows inside a box, parted by BAND_GAP or more rows with no cell in the box's columns. */
function cutRows(view: SheetView, box: Box): Box[] {
  const bands: Box[] = [];
  let top = -1;
  let last = -1;
  for (let r = box.top; r <= box.bottom; r++) {
    if (cellsIn(view, r, box).length === 0) continue;
    if (top < 0) top = r;
    else if (r - last > BAND_GAP) {
      bands.push({ ...box, top, bottom: last });
      top = r;
    }
    last = r;
  }
  if (top >= 0) bands.push({ ...box, top, bottom: last });
  return bands;
}

/** Cuts a band of rows at columns empty on all of its rows; slabs without an anchor join a neighbour. */
function cutColumns(
  view: SheetView,
  top: number,
  bottom: number,
  box: { left: number; right: number },
): Box[] {
  const used: boolean[] = [];
  let left = Infinity;
  let right = -Infinity;
  for (let r = top; r <= bottom; r++) {
    for (const cell of cellsIn(view, r, box)) {
      const edge = Math.max(cell.col, view.rightEdge(cell));
      for (let c = cell.col; c <= edge && c - cell.col < 256; c++) used[c] = true;
      left = Math.min(left, cell.col);
      right = Math.max(right, edge);
    }
  }
  const slabs: { left: number; right: number; anchored: boolean }[] = [];
  for (let c = left; c <= right; c++) {
    if (!used[c]) continue;
    const last = slabs[slabs.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else slabs.push({ left: c, right: c, anchored: false });
  }
  if (slabs.length > 1) {
    for (const slab of slabs) {
      outer: for (let r = top; r <= bottom; r++) {
        for (const cell of view.cells(r)) {
          if (cell.col >= slab.left && cell.col <= slab.right && isAnchorish(cell)) {
            slab.anchored = true;
            break outer;
          }
        }
      }
    }
    // An unanchored slab joins the slab on its left (its labels), else the one on its right.
    for (let i = 0; i < slabs.length && slabs.length > 1;) {
      if (slabs[i].anchored) {
        i++;
        continue;
      }
      const into = i > 0 ? i - 1 : i + 1;
      slabs[into].left = Math.min(slabs[into].left, slabs[i].left);
      slabs[into].right = Math.max(slabs[into].right, slabs[i].right);
      slabs.splice(i, 1);
    }
  }
  if (slabs.length === 0) return [];
  return slabs.map((s) => ({ top, bottom, left: s.left, right: s.right }));
}

/**
 * Forms side by side with no empty column between them (a template inserted in the first column
 * right of a form): an indicator header (一级指标 and the column headers after it) starts right of
 * where another one ends. The region is cut just after the left form's indicator header. Only for
 * regions alone on their rows; null when there is nothing to cut.
 */
export function columnsOfAdjacentForms(
  view: SheetView,
  region: Region,
): { left: number; right: number }[] | null {
  if (!region.wholeRows) return null;
  const sets: { start: number; end: number }[] = [];
  for (let r = region.top; r <= region.bottom; r++) {
    const cells = view.cells(r);
    if (cells.length < 3) continue;
    for (let i = 0; i < cells.length; i++) {
      if (cls(cells[i]).column?.role !== 'level1') continue;
      const before = cells[i - 1];
      const start =
        before && before.col === cells[i].col - 1 && cls(before).column?.role === 'lead'
          ? before.col
          : cells[i].col;
      let end = cells[i].col;
      for (
        let k = i + 1;
        k < cells.length && cls(cells[k]).column && cls(cells[k]).column!.role !== 'level1';
        k++
      )
        end = view.rightEdge(cells[k]);
      sets.push({ start, end });
    }
  }
  if (sets.length < 2) return null;
  sets.sort((a, b) => a.start - b.start);
  const cuts: number[] = [];
  let reach = sets[0].end;
  for (const set of sets.slice(1)) {
    // The next form starts right after the one on its left ends (its own columns left of its
    // indicator header, such as a flat export's 项目名称, belong to it).
    if (set.start > reach) cuts.push(reach + 1);
    reach = Math.max(reach, set.end);
  }
  if (cuts.length === 0) return null;
  return [region.left, ...cuts].map((left, k) => ({
    left,
    right: k < cuts.length ? cuts[k] - 1 : region.right,
  }));
}

/** Joins two regions into one (a header block split from its indicator table by blank rows). */
export function joinRegions(a: Region, b: Region): Region {
  // Kept by tags: another region may lie in the rows between the two.
  return {
    id: a.id,
    top: Math.min(a.top, b.top),
    bottom: Math.max(a.bottom, b.bottom),
    left: Math.min(a.left, b.left),
    right: Math.max(a.right, b.right),
    wholeRows: false,
  };
}

/** A region of a sheet read as if it were the whole sheet: only its cells, only its rows. */
export class RegionView implements CellSource {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
  private readonly keep: (c: SheetCell) => boolean;
  private readonly cache: (SheetCell[] | undefined)[] = [];

  constructor(
    private readonly view: SheetView,
    region: Region,
    ids: number[] = [region.id],
    /** Columns to keep when the region is a selection rather than tagged cells. */
    columns?: { left: number; right: number },
  ) {
    this.sheet = view.sheet;
    this.firstRow = Math.max(region.top, view.firstRow);
    this.lastRow = Math.min(region.bottom, view.lastRow);
    const [only] = ids;
    this.keep = columns
      ? (c) => c.col >= columns.left && c.col <= columns.right
      : region.wholeRows
        ? () => true
        : ids.length === 1
          ? (c) => c.region === only
          : (c) => c.region !== undefined && ids.includes(c.region);
  }

  cells(row: number): SheetCell[] {
    if (row < this.firstRow || row > this.lastRow) return [];
    const i = row - this.firstRow;
    let out = this.cache[i];
    if (!out) {
      const all = this.view.cells(row);
      // Most rows lie wholly in one region: share the sheet's row rather than copy it.
      let every = true;
      for (const c of all) if (!this.keep(c)) every = false;
      out = this.cache[i] = every ? all : all.filter(this.keep);
    }
    return out;
  }

  isBlank(row: number): boolean {
    return this.cells(row).length === 0;
  }

  rightEdge(cell: SheetCell): number {
    return this.view.rightEdge(cell);
  }

  mergeAt(row: number, col: number): MergeArea | undefined {
    return this.view.mergeAt(row, col);
  }
}

export type { CellSource };
