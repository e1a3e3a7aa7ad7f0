/**
 * Reads an .xlsx into the engine's grids: the same host-neutral snapshot the add-in builds from
 * Office.js (values, display text where a number format changes what is seen, merges), with the
 * streaming reader chosen by measurement (src/xlsx/read.ts).
 */
import * as fs from 'fs';
import type { Grid } from '../core/grid';
import { DEFAULT_LIMITS, type ReadLimits, fileTooLarge } from '../xlsx/limits';
import { readXlsxBook } from '../xlsx/read';
import { UnreadableFileError, corruptReason, headerProblem, reason } from '../xlsx/unreadable';

export { UnreadableFileError };

/** A file system error as the one-line reason a reviewer reads. */
function ioReason(e: unknown): UnreadableFileError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UnreadableFileError(reason('文件不存在', 'file not found'));
  if (code === 'EACCES') return new UnreadableFileError(reason('没有读取权限', 'permission denied'));
  return new UnreadableFileError(
    reason(`无法读取文件：${code ?? 'unknown error'}`, `cannot read: ${code ?? 'unknown error'}`),
  );
}

/** Reads every worksheet of an .xlsx. Throws UnreadableFileError with a one-line zh-CN/English reason. */
export async function readWorkbook(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  return (await readBook(file, limits)).grids;
}

/** Every worksheet of an .xlsx and the check settings the pane saved in it (null when none). */
export async function readBook(
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ grids: Grid[]; settings: unknown }> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw ioReason(e);
  }
  // Before opening: a FIFO or a device would block the read or never end.
  if (stat.isDirectory())
    throw new UnreadableFileError(reason('这是一个文件夹，不是 .xlsx 文件', 'a folder, not an .xlsx file'));
  if (!stat.isFile())
    throw new UnreadableFileError(
      reason('不是普通文件（管道、设备等），未读取', 'not a regular file (a pipe, a device…): not read'),
    );
  if (stat.size > limits.maxFileBytes) throw new UnreadableFileError(fileTooLarge(stat.size, limits));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw ioReason(e);
  }
  const problem = headerProblem(bytes.subarray(0, 8));
  if (problem) throw new UnreadableFileError(problem);
  try {
    return await readXlsxBook(bytes, limits);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(corruptReason(e));
  }
}
