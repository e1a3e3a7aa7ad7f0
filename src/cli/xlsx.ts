/**
 * Reads an .xlsx into the engine's grids with ExcelJS: the same host-neutral snapshot the add-in
 * builds from Office.js (values, display text where a number format changes what is seen, merges).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import { sheetToGrid } from '../xlsx/sheet';
import { UnreadableFileError, corruptReason, headerProblem } from '../xlsx/unreadable';

export { sheetToGrid, toCellValue } from '../xlsx/sheet';

export { UnreadableFileError };

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
  const problem = headerProblem(head);
  if (problem) throw new UnreadableFileError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UnreadableFileError(corruptReason(e));
  }
  return wb.worksheets.map(sheetToGrid);
}
