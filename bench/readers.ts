/**
 * The three readers compared for the command line (issue 14): ExcelJS (what the command line used),
 * SheetJS (@e965/xlsx, the npm republish of SheetJS 0.20.3) and the streaming reader now in use
 * (src/xlsx/read.ts). Each turns a file into the engine's grids; the bench times them in separate
 * processes (bench/measure.ts) and compares their grids with ExcelJS's on the fixtures.
 */
import * as fs from 'fs';
import type * as XLSXTypes from '@e965/xlsx';
import type { CellValue, Grid, MergeArea } from '../src/core/grid';
import { displayText } from '../src/core/grid';
import { DEFAULT_LIMITS, type ReadLimits } from '../src/xlsx/limits';

// Each reader's modules are loaded when it is first used: a process that measures one reader loads no other.

export type ReaderName = 'streaming' | 'exceljs' | 'sheetjs';

/** ExcelJS as the command line used it until issue 14: the pre-scan, then the whole workbook loaded. */
async function viaExcelJS(file: string, limits: ReadLimits): Promise<Grid[]> {
  const { default: ExcelJS } = await import('exceljs');
  const { prescan } = await import('../src/xlsx/prescan');
  const { sheetToGrid } = await import('../src/xlsx/sheet');
  const bytes = fs.readFileSync(file);
  const problem = await prescan(bytes, limits);
  if (problem) throw new Error(problem.zh);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map(sheetToGrid);
}

/** As ExcelJS decides: a format with date parts once quoted text and [..] are removed. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** SheetJS: values with their number formats (cellNF), merges from !merges. */
async function viaSheetJS(file: string): Promise<Grid[]> {
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(fs.readFileSync(file), {
    type: 'buffer',
    cellNF: true,
    cellHTML: false,
    cellFormula: false,
    dense: true,
  });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as XLSXTypes.WorkSheet & { '!data'?: (XLSXTypes.CellObject | undefined)[][] };
    const values: CellValue[][] = [];
    const texts: (string | null)[][] = [];
    let anyText = false;
    (ws['!data'] ?? []).forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell || cell.t === 'z' || cell.v === undefined) return;
        let v: CellValue;
        if (cell.t === 'e') v = { error: cell.w ?? String(cell.v) };
        else if (cell.t === 'n' && typeof cell.z === 'string' && isDateFormat(cell.z))
          v = new Date(Math.round(((cell.v as number) - 25569) * 86400000)).toISOString().slice(0, 10);
        else v = cell.v as string | number | boolean;
        (values[r] ??= [])[c] = v;
        const t = displayText(v, typeof cell.z === 'string' ? cell.z : null);
        if (t !== null) {
          (texts[r] ??= [])[c] = t;
          anyText = true;
        }
      });
    });
    for (let r = 0; r < values.length; r++)
      values[r] = Array.from(values[r] ?? [], (v) => (v === undefined ? null : v));
    const merges: MergeArea[] = (ws['!merges'] ?? []).map((m) => ({
      top: m.s.r,
      left: m.s.c,
      bottom: m.e.r,
      right: m.e.c,
    }));
    for (const m of merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if ((r !== m.top || c !== m.left) && values[r]) values[r][c] = null;
    return { sheet: name, values, ...(anyText ? { texts } : {}), merges };
  });
}

export function readerOf(
  name: ReaderName,
  limits: ReadLimits = DEFAULT_LIMITS,
): (file: string) => Promise<Grid[]> {
  if (name === 'exceljs') return (f) => viaExcelJS(f, limits);
  if (name === 'sheetjs') return viaSheetJS;
  return async (f) => (await import('../src/cli/xlsx')).readWorkbook(f, limits);
}

/** Grids without trailing empty cells and rows, merges sorted: what two readers must agree on. */
export function normalGrid(g: Grid) {
  const trim = <T>(row: (T | null | undefined)[] = []) => {
    const out = Array.from(row, (v) => (v === undefined ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  };
  const values = Array.from(g.values, (r) => trim<CellValue>(r));
  while (values.length && values[values.length - 1].length === 0) values.pop();
  const texts = Array.from(g.texts ?? [], (r) => trim<string>(r));
  while (texts.length && texts[texts.length - 1].length === 0) texts.pop();
  return {
    sheet: g.sheet,
    values,
    texts,
    merges: [...(g.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left),
  };
}

/** Cells (values and shown text) and merges in which a reader's grids differ from ExcelJS's. */
export function differences(a: Grid[], b: Grid[]): { cells: number; merges: number } {
  let cells = 0;
  let merges = 0;
  for (let s = 0; s < Math.max(a.length, b.length); s++) {
    const x = a[s] ? normalGrid(a[s]) : null;
    const y = b[s] ? normalGrid(b[s]) : null;
    if (!x || !y) {
      cells += 1;
      continue;
    }
    for (let r = 0; r < Math.max(x.values.length, y.values.length); r++) {
      const rx = x.values[r] ?? [];
      const ry = y.values[r] ?? [];
      for (let c = 0; c < Math.max(rx.length, ry.length); c++) {
        if (
          JSON.stringify(rx[c] ?? null) !== JSON.stringify(ry[c] ?? null) ||
          (x.texts[r]?.[c] ?? null) !== (y.texts[r]?.[c] ?? null)
        )
          cells++;
      }
    }
    if (JSON.stringify(x.merges) !== JSON.stringify(y.merges))
      merges += Math.abs(x.merges.length - y.merges.length) || 1;
  }
  return { cells, merges };
}
