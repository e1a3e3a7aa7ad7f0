/**
 * Reads an .xlsx into the engine's grids with ExcelJS: the same host-neutral snapshot the add-in
 * builds from Office.js (values, display text where a number format changes what is seen, merges).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import { sheetToGrid } from '../xlsx/sheet';

export { sheetToGrid, toCellValue } from '../xlsx/sheet';

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
