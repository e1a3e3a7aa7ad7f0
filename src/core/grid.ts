/**
 * The host-neutral snapshot of one sheet that the engine works on. The Excel adapter builds it from
 * `Range.values` (and `text`, merged areas where the requirement set allows); the command line
 * builds it from an .xlsx with ExcelJS. Nothing here knows about either host.
 */

/** A formula error as Excel reports it (#N/A, #DIV/0!, #REF!, …). */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

/** A merged area in zero-based, inclusive grid coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name, as shown on the tab. */
  sheet: string;
  /**
   * Cell values by row, then column, starting at `origin`. Rows may be ragged (shorter than the
   * widest row); a missing cell is empty.
   */
  values: CellValue[][];
  /**
   * What Excel displays, where it differs from the value: a number formatted as a percentage
   * (1 shown as "100%") must be read as "100%". Optional, same shape as values.
   */
  texts?: (string | null | undefined)[][];
  /** Merged areas, when the host can report them (ExcelApi 1.13+, or an .xlsx). A hint only. */
  merges?: MergeArea[];
  /** Zero-based row and column of values[0][0] in the sheet (a used range need not start at A1). */
  origin?: { row: number; col: number };
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** Names of the first columns, built once: addresses are made for every recognised cell. */
const COLUMN_NAMES: string[] = [];

/** Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  if (col >= 0 && col < 702) return (COLUMN_NAMES[col] ??= computeColumnName(col));
  return computeColumnName(col);
}

function computeColumnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based column index for letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C7" for zero-based sheet coordinates (row 6, column 2). */
/** A cell's place: zero-based row and column, with its A1 address for display. */
export function placed(row: number, col: number): { cell: string; row: number; col: number } {
  return { cell: a1(row, col), row, col };
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const a = a1(top, left);
  const b = a1(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** The zero-based row of an A1 address ("C7" → 6; the last row of a range), for ordering by place. */
export function rowOfA1(address: string): number {
  const m = /(\d+)$/.exec(address);
  return m ? Number(m[1]) - 1 : 0;
}

/** Parses "B3" or "B3:D9" (with or without $ and a sheet prefix) into zero-based coordinates. */
export function parseA1Range(ref: string): MergeArea | null {
  const body = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(body.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Sheet order of two ranges ("A12:F30"): by first row, then first column (tables and near-misses are listed so). */
export function bySheetPosition(a: { range: string }, b: { range: string }): number {
  const x = parseA1Range(a.range) ?? { top: 0, left: 0 };
  const y = parseA1Range(b.range) ?? { top: 0, left: 0 };
  return x.top - y.top || x.left - y.left;
}

/**
 * The text Excel shows for a number with a percentage format (1 with "0%" → "100%"), or null when
 * the value reads the same as its display. Both hosts use it: the adapter with Range.numberFormat,
 * the command line with the cell's numFmt, so a rate typed as 0.95 in a "0%" cell reads as 95%.
 */
export function displayText(value: CellValue, numberFormat: string | undefined | null): string | null {
  if (typeof value !== 'number' || !numberFormat || !Number.isFinite(value)) return null;
  // A "%" inside quotes or escaped is literal text, not a percentage format.
  const bare = numberFormat.replace(/"[^"]*"|\\./g, '');
  if (!bare.includes('%')) return null;
  const decimals = /0\.(0+)%/.exec(bare)?.[1].length ?? 0;
  return `${(value * 100).toFixed(decimals)}%`;
}

/** The text a cell shows: its display text, else its value as text ('' when empty), trimmed. */
export function cellText(grid: Grid, row: number, col: number): string {
  const r = row - (grid.origin?.row ?? 0);
  const c = col - (grid.origin?.col ?? 0);
  const shown = grid.texts?.[r]?.[c];
  if (shown !== undefined && shown !== null) return String(shown).trim();
  const v = grid.values[r]?.[c];
  if (v === null || v === undefined) return '';
  return (typeof v === 'object' ? v.error : String(v)).trim();
}
