/**
 * Reads an .xlsx into the engine's grids with ExcelJS: the same host-neutral snapshot the add-in
 * builds from Office.js (values, display text where a number format changes what is seen, merges).
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import { sheetToGrid } from '../xlsx/sheet';
import { DEFAULT_LIMITS, type ReadLimits, fileTooLarge, prescan } from '../xlsx/prescan';
import { UnreadableFileError, corruptReason, headerProblem } from '../xlsx/unreadable';

export { sheetToGrid, toCellValue } from '../xlsx/sheet';

export { UnreadableFileError };

/** Reads every worksheet of an .xlsx. Throws UnreadableFileError with a one-line zh-CN/English reason. */
export async function readWorkbook(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFileError('文件不存在 (file not found)');
    if (code === 'EACCES') throw new UnreadableFileError('没有读取权限 (permission denied)');
    throw new UnreadableFileError(`无法读取文件 (cannot read: ${code ?? 'unknown error'})`);
  }
  // Before opening: a FIFO or a device would block the read or never end.
  if (stat.isDirectory()) throw new UnreadableFileError('这是一个文件夹，不是 .xlsx 文件 (is a directory)');
  if (!stat.isFile()) throw new UnreadableFileError('不是普通文件（管道、设备等），未读取 (not a regular file)');
  if (stat.size > limits.maxFileBytes) throw new UnreadableFileError(fileTooLarge(stat.size, limits));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new UnreadableFileError('没有读取权限 (permission denied)');
    throw new UnreadableFileError(`无法读取文件 (cannot read: ${code ?? 'unknown error'})`);
  }
  const problem = headerProblem(bytes.subarray(0, 8)) ?? (await prescan(bytes, limits));
  if (problem) throw new UnreadableFileError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(corruptReason(e));
  }
  return wb.worksheets.map(sheetToGrid);
}
