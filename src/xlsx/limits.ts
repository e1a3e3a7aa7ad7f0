/**
 * The limits an .xlsx package is read within, and the checks both readers share (the command line's
 * streaming reader and the playground's pre-scan before ExcelJS): no zip library here, so the command
 * line does not load one it does not use.
 */
import { type Reason, reason } from './unreadable';

export interface ReadLimits {
  /** The .xlsx file itself. */
  maxFileBytes: number;
  /** Entries in the package. */
  maxEntries: number;
  /** Everything inflated together (shared strings included). */
  maxInflatedBytes: number;
  /** Merged areas over all sheets. */
  maxMerges: number;
  /** Cells one merged area or one validation range may cover (a whole column is 1,048,576). */
  maxAreaCells: number;
  /** Cells holding a value, over all sheets (the command line's reader stops there). */
  maxCells: number;
  /** The last row a sheet may use (the command line's reader stops there). */
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxMerges: 20_000,
  maxAreaCells: 4 * 1024 * 1024,
  maxCells: 1_000_000,
  maxRows: 100_000,
};

export const MB = 1024 * 1024;

/** Cells of an A1 range ("A1:XFD1048576", "B:B", "3:3", "C5"); Infinity when it cannot be read. */
export function areaCells(ref: string): number {
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const side = (s: string) => /^\$?([A-Z]{1,3})?\$?(\d+)?$/.exec(s.trim().toUpperCase());
  const [a, b = a] = ref.split(':');
  const p = side(a);
  const q = side(b);
  if (!p || !q || (!p[1] && !p[2]) || (!q[1] && !q[2])) return Infinity;
  const left = p[1] ? col(p[1]) : 1;
  const right = q[1] ? col(q[1]) : 16384;
  const top = p[2] ? Number(p[2]) : 1;
  const bottom = q[2] ? Number(q[2]) : 1048576;
  return Math.max(1, right - left + 1) * Math.max(1, bottom - top + 1);
}

let table: Int32Array | null = null;
/** CRC-32 continued over one more chunk (start with -1; the result is (crc ^ -1) >>> 0). */
export function crc32Update(crc: number, data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return crc;
}

export function crc32(data: Uint8Array): number {
  return (crc32Update(-1, data) ^ -1) >>> 0;
}

/** The reason for a file over the size limit. */
export function fileTooLarge(size: number, limits: ReadLimits): Reason {
  const [got, max] = [(size / MB).toFixed(1), (limits.maxFileBytes / MB).toFixed(0)];
  return reason(
    `文件过大：${got} MB，上限 ${max} MB（可用 --max-size 调高）`,
    `file too large: ${got} MB, the limit is ${max} MB (raise it with --max-size)`,
  );
}

/** What the zip directory alone tells against reading a package: entry count, inflated size, not a workbook. */
export function packageProblem(
  entries: { name: string; uncompressedSize: number }[],
  limits: ReadLimits,
): Reason | null {
  const files = entries.filter((e) => !e.name.endsWith('/'));
  if (files.length > limits.maxEntries)
    return reason(
      `压缩包条目过多：${files.length} 个，上限 ${limits.maxEntries} 个`,
      `too many entries in the package: ${files.length}, the limit is ${limits.maxEntries}`,
    );
  let inflated = 0;
  for (const f of files) inflated += f.uncompressedSize;
  if (inflated > limits.maxInflatedBytes) {
    const [got, max] = [(inflated / MB).toFixed(0), (limits.maxInflatedBytes / MB).toFixed(0)];
    return reason(
      `解压后过大：${got} MB，上限 ${max} MB（疑似压缩炸弹，未解压）`,
      `inflates to ${got} MB, the limit is ${max} MB (a zip bomb? not unpacked)`,
    );
  }
  return null;
}

/**
 * What a sheet's merged areas and data-validation ranges tell against reading it: too many merged
 * areas (counted over the workbook in `counted`), or one area or range over too many cells — the
 * shapes that make readers expand millions of cells.
 */
export function areaProblem(xml: string, limits: ReadLimits, counted: { merges: number }): Reason | null {
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g)) {
    const problem = mergeProblem(m[1], limits, counted);
    if (problem) return problem;
  }
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?dataValidation\b[^>]*\bsqref\s*=\s*["']([^"']+)["']/g)) {
    const problem = validationProblem(m[1], limits);
    if (problem) return problem;
  }
  return null;
}

/** One more merged area (counted over the workbook in `counted`): too many, or one too large. */
export function mergeProblem(
  ref: string,
  limits: ReadLimits,
  counted: { merges: number },
  /** Its cells, when the caller has read the area already. */
  cells = areaCells(ref),
): Reason | null {
  if (++counted.merges > limits.maxMerges)
    return reason(
      `合并单元格过多：超过 ${limits.maxMerges} 处`,
      `too many merged areas: over ${limits.maxMerges}`,
    );
  if (cells > limits.maxAreaCells) return reason(`合并区域过大：${ref}`, `a merged area too large: ${ref}`);
  return null;
}

/** A data-validation range (`sqref`, space-separated areas) over too many cells. */
export function validationProblem(sqref: string, limits: ReadLimits): Reason | null {
  for (const ref of sqref.trim().split(/\s+/))
    if (ref && areaCells(ref) > limits.maxAreaCells)
      return reason(`数据验证范围过大：${ref}`, `a data validation range too large: ${ref}`);
  return null;
}
