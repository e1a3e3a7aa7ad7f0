/**
 * Why an .xlsx cannot be read, in one line (zh-CN, English in brackets): the same words from the
 * command line and the playground, for the same file.
 */
export class UnreadableFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A reason the first bytes already give (encrypted or legacy .xls, not a workbook at all), or null. */
export function headerProblem(head: Uint8Array): string | null {
  if (startsWith(head, OLE_MAGIC))
    return '文件已加密或为旧版 .xls 格式，请在 Excel 中另存为未加密的 .xlsx (encrypted or legacy .xls)';
  if (!startsWith(head, ZIP_MAGIC)) return '不是 .xlsx 文件 (not an .xlsx workbook)';
  return null;
}

/** The reason for a workbook that looked like one but could not be opened. */
export function corruptReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return `.xlsx 文件已损坏，无法打开 (corrupt workbook: ${msg.split('\n')[0].slice(0, 120)})`;
}
