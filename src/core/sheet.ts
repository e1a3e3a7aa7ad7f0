/**
 * A read-only view over a Grid with the lookups recognition needs: display text,
 * merged areas, and the non-empty cells of a row. Each cell is normalised at most once, so a pass
 * over the sheet stays linear in the number of cells.
 */
import { type CellValue, type Grid, type MergeArea, a1, isCellError } from './grid';
import type { CellText } from './model';
import { cleanText } from './text';

export interface SheetCell {
  /** Zero-based sheet coordinates (origin applied). */
  row: number;
  col: number;
  raw: CellValue;
  /** Display text, cleaned (HTML removed, half-width, spaces collapsed). */
  text: string;
  /** What recognition made of the cell, kept here so it is worked out once per cell. */
  memo?: unknown;
  /** The candidate region (a form, or forms stacked in one block) the cell belongs to. */
  region?: number;
}

/** What recognition reads a sheet, or one region of it, through. */
export interface CellSource {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
  /** The non-empty cells of a sheet row, left to right. */
  cells(row: number): SheetCell[];
  isBlank(row: number): boolean;
  /** The rightmost column a cell covers (its merge's right edge, or itself). */
  rightEdge(cell: SheetCell): number;
  /** The merged area containing (row, col), if the host reported one. */
  mergeAt(row: number, col: number): MergeArea | undefined;
}

/** Cells longer than this are cut for recognition: no label or value is that long. */
const MAX_TEXT = 4000;

export class SheetView implements CellSource {
  readonly sheet: string;
  readonly rowCount: number;
  readonly originRow: number;
  readonly originCol: number;
  private readonly grid: Grid;
  /** The cells of each grid row, by row index (origin removed), read once. */
  private rowCache: (SheetCell[] | undefined)[] = [];
  private cachedRows = 0;
  /**
   * Merge lookup by grid row (origin removed): the areas that touch the row. Built once, O(merged
   * cells); an array, as rows are dense and every cell of a pass asks for its right edge.
   */
  private readonly mergesByRow: (MergeArea[] | undefined)[];
  private readonly scratch: SheetCell[] = [];
  /** Cell reads, for the linear-time test (deterministic, unlike a clock). */
  reads = 0;

  constructor(grid: Grid) {
    this.grid = grid;
    this.sheet = grid.sheet;
    this.originRow = grid.origin?.row ?? 0;
    this.originCol = grid.origin?.col ?? 0;
    this.rowCount = Array.isArray(grid.values) ? grid.values.length : 0;
    // Sized up front, so that filling it out of order keeps it a plain array, not a dictionary.
    this.mergesByRow = grid.merges?.length ? new Array<MergeArea[] | undefined>(this.rowCount) : [];
    for (const m of grid.merges ?? []) {
      if (!m || !(m.bottom >= m.top) || !(m.right >= m.left)) continue;
      // A merge spanning a giant range is clipped to the grid: we only need its rows inside it.
      const top = Math.max(m.top, this.originRow);
      const bottom = Math.min(m.bottom, this.originRow + this.rowCount - 1);
      if (bottom - top > 100000) continue;
      for (let r = top; r <= bottom; r++) (this.mergesByRow[r - this.originRow] ??= []).push(m);
    }
  }

  get firstRow(): number {
    return this.originRow;
  }

  get lastRow(): number {
    return this.originRow + this.rowCount - 1;
  }

  /** The non-empty cells of a sheet row, left to right. */
  cells(row: number): SheetCell[] {
    const r = row - this.originRow;
    const cached = this.rowCache[r];
    if (cached) return cached;
    // Cells are gathered in a scratch array and copied at their exact length: rows are kept for the
    // whole check, and an array grown by push holds room for 17 cells where a form row has 3 or 4.
    const scratch = this.scratch;
    scratch.length = 0;
    const values = r >= 0 && r < this.rowCount ? this.grid.values[r] : undefined;
    if (Array.isArray(values)) {
      const texts = this.grid.texts?.[r];
      for (let c = 0; c < values.length; c++) {
        this.reads++;
        const raw = values[c];
        if (raw === null || raw === undefined || raw === '') continue;
        const display = texts?.[c];
        const text = cellText(raw, display);
        if (text === '') continue;
        // Every field set here, so that all cells share one shape however recognition fills them.
        scratch.push({ row, col: c + this.originCol, raw, text, memo: undefined, region: undefined });
      }
    }
    const out = scratch.length === 0 ? [] : scratch.slice();
    if (r < 0 || r >= this.rowCount) return out;
    if (++this.cachedRows > 200000) {
      // Bounded memory on giant sheets: start over rather than hold every cell twice.
      this.rowCache = [];
      this.cachedRows = 1;
    }
    this.rowCache[r] = out;
    return out;
  }

  isBlank(row: number): boolean {
    return this.cells(row).length === 0;
  }

  /** The merged area containing (row, col), if the host reported one. */
  mergeAt(row: number, col: number): MergeArea | undefined {
    const list = this.mergesByRow[row - this.originRow];
    if (list === undefined) return undefined;
    for (const m of list) if (col >= m.left && col <= m.right) return m;
    return undefined;
  }

  /** The rightmost column a cell covers (its merge's right edge, or itself). */
  rightEdge(cell: SheetCell): number {
    const m = this.mergeAt(cell.row, cell.col);
    return m && m.top === cell.row && m.left === cell.col ? m.right : cell.col;
  }
}

/** A cell's text and place, as the model keeps them, built in one object (recognition makes thousands). */
export function textAt(cell: SheetCell): CellText {
  return { text: cell.text, cell: a1(cell.row, cell.col), row: cell.row, col: cell.col };
}

/** The text a person sees in a cell: the host's display text if given, else the value as text. */
export function cellText(raw: CellValue, display?: string | null): string {
  if (isCellError(raw)) return cleanText(raw.error);
  if (typeof display === 'string' && display !== '') return clip(cleanText(display));
  if (typeof raw === 'string') return clip(cleanText(raw));
  if (typeof raw === 'number') {
    // Whole numbers (most figures on a form) print as they are; others lose binary noise (0.1+0.2).
    if (Number.isInteger(raw) && Math.abs(raw) < 1e15) return String(raw);
    return Number.isFinite(raw) ? String(Number(raw.toPrecision(15))) : '';
  }
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return '';
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
}
