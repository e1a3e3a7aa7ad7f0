/**
 * A look at an .xlsx package before any reader parses it, so that a hostile or broken file is
 * refused in a moment with a one-line reason instead of exhausting memory or hanging: the package's
 * size, its number of entries and their inflated size (from the zip's directory, before inflating
 * anything), whether it is a spreadsheet at all, each entry's integrity (CRC), and in each sheet the
 * merged areas and data-validation ranges that make readers expand millions of cells. Used by the
 * command line and the playground's file picker alike.
 */
import JSZip from 'jszip';
import { DEFAULT_LIMITS, type ReadLimits, areaProblem, crc32, fileTooLarge, packageProblem } from './limits';
import { type Reason, corruptReason, entryChecksum, entryLength, reason } from './unreadable';

export { DEFAULT_LIMITS, type ReadLimits };

interface EntryData {
  uncompressedSize?: number;
  crc32?: number;
}

/**
 * The package opened from its zip directory alone (nothing inflated yet), or why it must not be read:
 * its size, entry count, declared inflated size, and whether it is a workbook at all.
 */
export async function openPackage(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<JSZip | Reason> {
  if (bytes.length > limits.maxFileBytes) return fileTooLarge(bytes.length, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return corruptReason(e);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  // The playground's loader (ExcelJS) finds the workbook only in its usual place.
  if (!entries.some((f) => f.name === 'xl/workbook.xml'))
    return reason('这是一个压缩包，但不是 Excel 工作簿', 'a zip, but not a spreadsheet');
  return (
    packageProblem(
      entries.map((f) => ({
        name: f.name,
        uncompressedSize: (f as unknown as { _data?: EntryData })._data?.uncompressedSize ?? 0,
      })),
      limits,
    ) ?? zip
  );
}

/**
 * Why the package must not be read, in one line (zh-CN, English in brackets), or null when it may:
 * openPackage's checks, then every entry inflated once for its length and CRC, and each sheet's merged
 * areas and validation ranges. For readers that load a whole workbook at once (ExcelJS in the playground).
 */
export async function prescan(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<Reason | null> {
  const zip = await openPackage(bytes, limits);
  if (!(zip instanceof JSZip)) return zip;
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const counted = { merges: 0 };
  for (const f of entries) {
    const declared = (f as unknown as { _data?: EntryData })._data;
    const data = await f.async('uint8array');
    if (declared?.uncompressedSize !== undefined && data.length !== declared.uncompressedSize)
      return entryLength(f.name);
    if (declared?.crc32 !== undefined && crc32(data) !== declared.crc32 >>> 0) return entryChecksum(f.name);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) continue;
    const problem = areaProblem(new TextDecoder().decode(data), limits, counted);
    if (problem) return problem;
  }
  return null;
}
