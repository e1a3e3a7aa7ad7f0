/**
 * A look at an .xlsx package before any reader parses it, so that a hostile or broken file is
 * refused in a moment with a one-line reason instead of exhausting memory or hanging: the package's
 * size, its number of entries and their inflated size (from the zip's directory, before inflating
 * anything), whether it is a spreadsheet at all, each entry's integrity (CRC), and in each sheet the
 * merged areas and data-validation ranges that make readers expand millions of cells. Used by the
 * command line and the playground's file picker alike.
 */
import JSZip from 'jszip';

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
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  maxInflatedBytes: 400 * 1024 * 1024,
  maxMerges: 20_000,
  maxAreaCells: 4 * 1024 * 1024,
};

const MB = 1024 * 1024;

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
function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

interface EntryData {
  uncompressedSize?: number;
  crc32?: number;
}

/** The reason for a file over the size limit. */
export function fileTooLarge(size: number, limits: ReadLimits): string {
  return `文件过大：${(size / MB).toFixed(1)} MB，上限 ${(limits.maxFileBytes / MB).toFixed(0)} MB（可用 --max-size 调高）(file too large)`;
}

/** Why the package must not be read, in one line (zh-CN, English in brackets), or null when it may. */
export async function prescan(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<string | null> {
  if (bytes.length > limits.maxFileBytes) return fileTooLarge(bytes.length, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return `.xlsx 文件已损坏，无法打开 (corrupt workbook: ${(e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 120)})`;
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries) return `压缩包条目过多：${entries.length} 个，上限 ${limits.maxEntries} 个 (too many entries)`;
  let inflated = 0;
  for (const f of entries) inflated += (f as unknown as { _data?: EntryData })._data?.uncompressedSize ?? 0;
  if (inflated > limits.maxInflatedBytes) {
    return `解压后过大：${(inflated / MB).toFixed(0)} MB，上限 ${(limits.maxInflatedBytes / MB).toFixed(0)} MB（疑似压缩炸弹，未解压）(inflates too large)`;
  }
  if (!zip.file('xl/workbook.xml')) return '这是一个压缩包，但不是 Excel 工作簿 (a zip, but not a spreadsheet)';
  let merges = 0;
  for (const f of entries) {
    const declared = (f as unknown as { _data?: EntryData })._data;
    const data = await f.async('uint8array');
    if (declared?.uncompressedSize !== undefined && data.length !== declared.uncompressedSize) return `.xlsx 文件已损坏：${f.name} 的长度与目录不符 (corrupt entry)`;
    if (declared?.crc32 !== undefined && crc32(data) !== declared.crc32 >>> 0) return `.xlsx 文件已损坏：${f.name} 校验和不符 (CRC mismatch)`;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) continue;
    const xml = new TextDecoder().decode(data);
    for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
      if (++merges > limits.maxMerges) return `合并单元格过多：超过 ${limits.maxMerges} 处 (too many merged areas)`;
      if (areaCells(m[1]) > limits.maxAreaCells) return `合并区域过大：${m[1]} (a merged area too large)`;
    }
    for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
      for (const ref of m[1].split(/\s+/)) if (areaCells(ref) > limits.maxAreaCells) return `数据验证范围过大：${ref} (a data validation range too large)`;
    }
  }
  return null;
}
