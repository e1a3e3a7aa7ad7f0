/** Why a file cannot be read, in both languages: the command line prints the one its locale asks for. */
export interface Reason {
  zh: string;
  en: string;
}

export const reason = (zh: string, en: string): Reason => ({ zh, en });

/**
 * Why an .xlsx cannot be read, in one line: the same words from the command line and the playground,
 * for the same file. `message` is the zh-CN line with the English in brackets (the playground shows
 * it); `reason` keeps the two apart for `--locale en-US`.
 */
export class UnreadableFileError extends Error {
  constructor(readonly reason: Reason) {
    super(`${reason.zh} (${reason.en})`);
  }
}

/** The reason in one locale's words. */
export function reasonIn(r: Reason, locale: 'zh-CN' | 'en-US'): string {
  return locale === 'en-US' ? r.en : `${r.zh} (${r.en})`;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A reason the first bytes already give (encrypted or legacy .xls, not a workbook at all), or null. */
export function headerProblem(head: Uint8Array): Reason | null {
  if (startsWith(head, OLE_MAGIC))
    return reason(
      '文件已加密或为旧版 .xls 格式，请在 Excel 中另存为未加密的 .xlsx',
      'encrypted, or a legacy .xls: save it in Excel as an unencrypted .xlsx',
    );
  if (!startsWith(head, ZIP_MAGIC)) return reason('不是 .xlsx 文件', 'not an .xlsx workbook');
  return null;
}

/** An entry whose inflated length is not what the zip directory says. */
export const entryLength = (name: string): Reason =>
  reason(
    `.xlsx 文件已损坏：${name} 的长度与目录不符`,
    `corrupt workbook: ${name} is not as long as the directory says`,
  );

/** An entry whose checksum is wrong. */
export const entryChecksum = (name: string): Reason =>
  reason(`.xlsx 文件已损坏：${name} 校验和不符`, `corrupt workbook: the checksum of ${name} does not match`);

/** The reason for a workbook that looked like one but could not be opened. */
export function corruptReason(e: unknown): Reason {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 120);
  return reason(`.xlsx 文件已损坏，无法打开：${msg}`, `corrupt workbook: ${msg}`);
}
