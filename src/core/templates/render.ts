/**
 * Renders a template into the engine's grid (for the round-trip tests, and for checking a placement
 * before writing): texts as values, formulas as their value in an empty form (0), merges shifted.
 */
import { type CellValue, type Grid, type MergeArea, a1 } from '../grid';
import type { Template } from './template';

/** A sum formula, its terms (template-relative [row, col]) shifted to where the template is placed. */
export function sumFormula(terms: [number, number][], top: number, left: number): string {
  return `=${terms.map(([r, c]) => a1(top + r, left + c)).join('+')}`;
}

export interface Placement {
  top: number;
  left: number;
}

/** Every cell the template writes, with its address in the sheet. */
export function placedCells(t: Template, at: Placement) {
  return t.cells.map((c) => ({
    row: at.top + c.r,
    col: at.left + c.c,
    text: c.text,
    formula: c.sum ? sumFormula(c.sum, at.top, at.left) : undefined,
    numberFormat: c.numberFormat,
    style: t.styles[c.style],
  }));
}

export function placedArea(t: Template, at: Placement): MergeArea {
  return { top: at.top, left: at.left, bottom: at.top + t.rows - 1, right: at.left + t.cols - 1 };
}

export function shift(a: MergeArea, at: Placement): MergeArea {
  return { top: a.top + at.top, left: a.left + at.left, bottom: a.bottom + at.top, right: a.right + at.left };
}

/** The template as the engine would read it from a sheet (a formula in an empty form shows 0). */
export function templateToGrid(t: Template, sheet = 'Sheet1', at: Placement = { top: 0, left: 0 }): Grid {
  const values: CellValue[][] = [];
  for (let r = 0; r < at.top + t.rows; r++) values.push(new Array(at.left + t.cols).fill(null));
  for (const c of placedCells(t, at)) values[c.row][c.col] = c.formula ? 0 : c.text ? c.text : null;
  return { sheet, values, merges: t.merges.map((m) => shift(m, at)) };
}
