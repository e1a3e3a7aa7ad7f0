/**
 * ExcelJS worksheet → the engine's grid. Shared by the command line (Node) and the playground's
 * simulated host (browser), so both read an .xlsx exactly the same way.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, Grid, MergeArea } from '../core/grid';
import { displayText, parseA1Range } from '../core/grid';

/** ExcelJS's many value shapes → the grid's CellValue. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return { error: o.error };
    if ('richText' in o && Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) {
      const result = o.result as ExcelJS.CellValue | undefined;
      return result === undefined ? null : toCellValue(result);
    }
    if ('text' in o && typeof o.text === 'string') return o.text; // hyperlink
    if ('text' in o && typeof o.text === 'object') return toCellValue(o.text as ExcelJS.CellValue);
  }
  return null;
}

export function sheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  let anyText = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const rowValues: CellValue[] = [];
    const rowTexts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A cell covered by a merge repeats its master's value in ExcelJS; Excel shows it empty.
      if (cell.isMerged && cell.master && cell.master !== cell) return;
      const v = toCellValue(cell.value);
      rowValues[colNumber - 1] = v;
      const t = displayText(v, cell.numFmt);
      if (t !== null) {
        rowTexts[colNumber - 1] = t;
        anyText = true;
      }
    });
    for (let c = 0; c < rowValues.length; c++) if (rowValues[c] === undefined) rowValues[c] = null;
    values[r] = rowValues;
    texts[r] = rowTexts;
  });
  for (let r = 0; r < values.length; r++) if (!values[r]) values[r] = [];
  const merges: MergeArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = parseA1Range(ref);
    if (m) merges.push(m);
  }
  return { sheet: ws.name, values, ...(anyText ? { texts } : {}), merges };
}
