/**
 * Reads an .xlsx into the engine's grids with ExcelJS: the same host-neutral snapshot the add-in
 * builds from Office.js (values, display text where a number format changes what is seen, merges).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergeArea } from '../core/grid';
import { parseA1Range } from '../core/grid';

export class UnreadableFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads every worksheet of an .xlsx. Throws UnreadableFileError with a one-line zh-CN/English reason. */
export async function readWorkbook(file: string): Promise<Grid[]> {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    head = Buffer.alloc(8);
    fs.readSync(fd, head, 0, 8, 0);
    fs.closeSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError('文件不存在 (file not found)');
    if (code === 'EISDIR') throw new UnreadableFileError('这是一个文件夹，不是 .xlsx 文件 (is a directory)');
    if (code === 'EACCES') throw new UnreadableFileError('没有读取权限 (permission denied)');
    throw new UnreadableFileError(`无法读取文件 (cannot read: ${code ?? 'unknown error'})`);
  }
  if (head.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new UnreadableFileError('文件已加密或为旧版 .xls 格式，请在 Excel 中另存为未加密的 .xlsx (encrypted or legacy .xls)');
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new UnreadableFileError('不是 .xlsx 文件 (not an .xlsx workbook)');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UnreadableFileError(`.xlsx 文件已损坏，无法打开 (corrupt workbook: ${oneLine(e)})`);
  }
  return wb.worksheets.map(sheetToGrid);
}

function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 120);
}

/** ExcelJS's many value shapes → the grid's CellValue. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('error' in o && typeof o.error === 'string') return { error: o.error };
    if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) {
      const result = o.result as ExcelJS.CellValue | undefined;
      return result === undefined ? null : toCellValue(result);
    }
    if ('text' in o && typeof o.text === 'string') return o.text; // hyperlink
    if ('text' in o && typeof o.text === 'object') return toCellValue(o.text as ExcelJS.CellValue);
  }
  return null;
}

/** The text Excel shows for a number with a percentage format: 1 → "100%". */
function displayText(value: CellValue, numFmt: string | undefined): string | null {
  if (typeof value !== 'number' || !numFmt) return null;
  if (numFmt.includes('%')) {
    const decimals = /0\.(0+)%/.exec(numFmt)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
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
