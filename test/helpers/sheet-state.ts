/**
 * The whole state of a simulated sheet, for safety tests that compare a sheet before and after a
 * write: every cell (value, formula, number format, format), merged areas, column widths, row
 * heights and conditional formats. Comparing all of it, not only the cells a test expects to be
 * touched, is what lets a stray write anywhere fail the test.
 */
import type { MergeArea } from '../../src/core/grid';
import type { SimWorksheet } from '../../src/sim/workbook';

export function snapshot(ws: SimWorksheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const [r, row] of ws.cells) for (const [c, cell] of row) out.set(`${r},${c}`, JSON.stringify(cell));
  out.set('merges', JSON.stringify(ws.merges));
  out.set('widths', JSON.stringify([...ws.columnWidths]));
  out.set('heights', JSON.stringify([...ws.rowHeights]));
  out.set('conditionalFormats', JSON.stringify(ws.conditionalFormats));
  return out;
}

/** Keys (cells as "row,col", or merges / widths / heights / conditionalFormats) that differ. */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k));
}

export function cellOf(key: string): { row: number; col: number } | null {
  const m = /^(\d+),(\d+)$/.exec(key);
  return m ? { row: Number(m[1]), col: Number(m[2]) } : null;
}

export function inside(area: MergeArea, key: string): boolean {
  const c = cellOf(key);
  return !!c && c.row >= area.top && c.row <= area.bottom && c.col >= area.left && c.col <= area.right;
}

/** A small seeded random generator (the tests are reproducible). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
