/**
 * The command line's .xlsx reader: values, the number formats that change what a clerk sees (percent,
 * dates) and merged areas — all the engine reads — straight from the package's XML, streamed one
 * inflated chunk at a time, so that memory follows the cells kept, not the size of the XML.
 *
 * Chosen by measurement over ExcelJS and SheetJS (`npm run bench`, README "读取器"): it reads the
 * fixtures several times faster, holds no styles, formulas or cell objects it does not need, and can
 * stop a file at a limit the moment it is crossed (cells, rows, merged areas) instead of after
 * building the whole workbook. It reads what ExcelJS reads, cell for cell: `test/xlsx-read.test.ts`
 * compares the two on every fixture. ExcelJS stays as the template writer and the playground's loader.
 */
import type { CellValue, Grid, MergeArea } from '../core/grid';
import { displayText, parseA1Range } from '../core/grid';
import { ADDIN_ID, SETTINGS_NAME } from '../host/addin';
import { DEFAULT_LIMITS, type ReadLimits, areaProblem, fileTooLarge, packageProblem } from './limits';
import { UnreadableFileError, reason } from './unreadable';
import { type ZipEntry, inflateEntry, readDirectory } from './zip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, then Excel's own _xHHHH_ escapes (as ExcelJS does). */
export function xmlText(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
      if (e[0] !== '#') return ENTITIES[e];
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }
  if (s.includes('_x'))
    s = s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The text of an <si> or <is>: its runs' <t>, phonetic guides (<rPh>) left out. */
function richText(xml: string): string {
  if (xml.includes('<rPh')) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of xml.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) if (m[1]) out += xmlText(m[1]);
  return out;
}

const ATTRIBUTES = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = re.exec(attrs);
  return m ? m[1] : undefined;
}

/** Column letters → 0-based index. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n - 1;
}

/** Excel's built-in number formats that are dates or times (ECMA-376 18.8.30; 27–36, 50–58 East Asian). */
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
const BUILTIN_PERCENT: Record<number, string> = { 9: '0%', 10: '0.00%' };

/** A format code with date or time parts once quoted text and [..] sections are removed (as ExcelJS decides). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface CellStyle {
  /** The format code when it matters to the engine (percent), else undefined. */
  format?: string;
  date: boolean;
}

function readStyles(xml: string | null): CellStyle[] {
  if (!xml) return [];
  const codes = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = attr(m[1], 'formatCode');
    if (code !== undefined) codes.set(id, xmlText(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const styles: CellStyle[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = codes.get(id) ?? BUILTIN_PERCENT[id];
    styles.push({ format: code, date: code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id) });
  }
  return styles;
}

/** An Excel serial date → "YYYY-MM-DD" (UTC, as ExcelJS's Date then toISOString gives); null when out of range. */
function serialDate(v: number, date1904: boolean): string | null {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** The package: its bytes and its entries by name. */
interface Package {
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
}

/** Streams one entry as text (UTF-8 decoded across chunk boundaries). */
async function streamEntry(pkg: Package, entry: ZipEntry, onText: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  await inflateEntry(pkg.bytes, entry, (chunk) => onText(decoder.decode(chunk, { stream: true })));
  onText(decoder.decode());
}

async function entryText(pkg: Package, name: string): Promise<string | null> {
  const entry = pkg.entries.get(name);
  if (!entry) return null;
  let text = '';
  await streamEntry(pkg, entry, (t) => {
    text += t;
  });
  return text;
}

/** Shared strings, one <si> at a time. */
async function readSharedStrings(pkg: Package, name: string): Promise<string[]> {
  const f = pkg.entries.get(name);
  if (!f) return [];
  const strings: string[] = [];
  let buf = '';
  const take = (upTo: number) => {
    for (const m of buf.slice(0, upTo).matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g))
      strings.push(m[1] ? richText(m[1]) : '');
    buf = buf.slice(upTo);
  };
  await streamEntry(pkg, f, (t) => {
    buf += t;
    const end = buf.lastIndexOf('</si>');
    if (end >= 0) take(end + 5);
  });
  take(buf.length);
  return strings;
}

/** A package path from a relationship target, relative to xl/ or absolute. */
function partPath(target: string, base = 'xl/'): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface SheetContext {
  strings: string[];
  styles: CellStyle[];
  date1904: boolean;
  limits: ReadLimits;
  /** Cells kept so far over the whole workbook (the limit is per file). */
  counted: { cells: number; merges: number };
}

/** One worksheet, streamed: rows are read as each arrives; only what the engine uses is kept. */
async function readSheet(pkg: Package, file: ZipEntry, sheet: string, ctx: SheetContext): Promise<Grid> {
  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  let anyText = false;
  const merges: MergeArea[] = [];
  const { limits, counted } = ctx;
  let state: 'before' | 'rows' | 'after' = 'before';
  let buf = '';
  let rowIndex = -1;

  const cellValue = (attrs: string, inner: string, style: CellStyle | undefined): CellValue => {
    const t = attr(attrs, 't');
    if (t === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      return is ? richText(is[1]) : null;
    }
    const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    if (v === undefined) return null;
    switch (t) {
      case 's':
        return ctx.strings[Number(v)] ?? null;
      case 'str':
        return xmlText(v);
      case 'b':
        return v === '1' || v === 'true';
      case 'e':
        return { error: xmlText(v) };
      case 'd': {
        const d = new Date(xmlText(v));
        return Number.isNaN(d.getTime()) ? xmlText(v) : d.toISOString().slice(0, 10);
      }
      default: {
        const n = Number(v);
        if (!Number.isFinite(n) || v.trim() === '') return null;
        if (style?.date) return serialDate(n, ctx.date1904) ?? n;
        return n;
      }
    }
  };

  const readRows = (xml: string) => {
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = attr(row[1], 'r');
      rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
      if (rowIndex >= limits.maxRows)
        throw new UnreadableFileError(
          reason(
            `行数过多：超过 ${limits.maxRows.toLocaleString('en-US')} 行（可用 --max-rows 调高）`,
            `too many rows: over ${limits.maxRows.toLocaleString('en-US')} (raise the limit with --max-rows)`,
          ),
        );
      if (!row[2]) continue;
      let col = -1;
      let rowValues: CellValue[] | undefined;
      let rowTexts: (string | null)[] | undefined;
      for (const c of row[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = attr(c[1], 'r');
        col = ref !== undefined ? columnIndex(ref) : col + 1;
        if (!c[2]) continue;
        // The style is looked up once a cell: it decides dates (in cellValue) and percent display (below).
        const s = attr(c[1], 's');
        const style = s !== undefined ? ctx.styles[Number(s)] : undefined;
        const v = cellValue(c[1], c[2], style);
        if (v === null) continue;
        if (++counted.cells > limits.maxCells)
          throw new UnreadableFileError(
            reason(
              `单元格过多：超过 ${limits.maxCells.toLocaleString('en-US')} 个（可用 --max-cells 调高）`,
              `too many cells: over ${limits.maxCells.toLocaleString('en-US')} (raise the limit with --max-cells)`,
            ),
          );
        rowValues ??= values[rowIndex] = [];
        rowValues[col] = v;
        const text = style ? displayText(v, style.format) : null;
        if (text !== null) {
          rowTexts ??= texts[rowIndex] = [];
          rowTexts[col] = text;
          anyText = true;
        }
      }
    }
  };

  const readMerges = (xml: string) => {
    const problem = areaProblem(xml, limits, counted);
    if (problem) throw new UnreadableFileError(problem);
    for (const m of xml.matchAll(/<mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
      const area = parseA1Range(m[1]);
      if (area) merges.push(area);
    }
  };

  const drain = (final: boolean) => {
    if (state === 'before') {
      const at = buf.indexOf('<sheetData');
      if (at < 0) {
        if (final) state = 'after';
        else buf = buf.slice(Math.max(0, buf.length - 16));
        return;
      }
      const close = buf.indexOf('>', at);
      if (close < 0) return;
      state = buf[close - 1] === '/' ? 'after' : 'rows';
      buf = buf.slice(close + 1);
    }
    if (state === 'rows') {
      const end = buf.indexOf('</sheetData>');
      const upTo = end >= 0 ? end : buf.lastIndexOf('</row>') + 6;
      if (upTo > 5) {
        readRows(buf.slice(0, upTo));
        buf = buf.slice(upTo);
      }
      if (end < 0) return;
      state = 'after';
    }
    // After the rows: merged areas and validations, whole tags only.
    const upTo = final ? buf.length : buf.lastIndexOf('>') + 1;
    readMerges(buf.slice(0, upTo));
    buf = buf.slice(upTo);
  };

  await streamEntry(pkg, file, (t) => {
    buf += t;
    drain(false);
  });
  drain(true);

  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!row) values[r] = [];
    else for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  // A cell covered by a merge shows empty in Excel whatever the file holds there.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < values.length; r++) {
      const row = values[r];
      for (let c = m.left; c <= m.right && c < row.length; c++) {
        if (r === m.top && c === m.left) continue;
        row[c] = null;
        if (texts[r]) texts[r][c] = null;
      }
    }
  }
  trimTrailing(values);
  return { sheet, values, ...(anyText ? { texts } : {}), merges };
}

/** Rows and row ends left holding only nulls (cells blanked under a merge) are dropped, as ExcelJS leaves them. */
function trimTrailing(values: CellValue[][]) {
  for (const row of values) {
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    row.length = n;
  }
  let n = values.length;
  while (n > 0 && values[n - 1].length === 0) n--;
  values.length = n;
}

/**
 * Reads every worksheet of an .xlsx package, in workbook order. Throws UnreadableFileError with a
 * one-line reason for a package that is not a workbook, is corrupt, or crosses a limit.
 */
export async function readXlsx(bytes: Buffer, limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  return (await readXlsxBook(bytes, limits)).grids;
}

/** A settings part larger than this is no part the pane wrote: not read. */
const MAX_SETTINGS_PART = 1 << 20;

/**
 * The check settings the pane saved in the workbook, as stored (validated by the caller), or null:
 * Excel keeps an add-in's settings in a webextension part (`xl/webextensions/webextension1.xml`,
 * `<we:property name="jixiao.config" value="{json}"/>` under a `<we:reference id>` naming the add-in);
 * WPS keeps the pane's in a custom document property (`docProps/custom.xml`).
 */
async function readSavedSettings(pkg: Package): Promise<unknown> {
  const small = (name: string) => {
    const e = pkg.entries.get(name);
    return e && e.uncompressedSize <= MAX_SETTINGS_PART ? entryText(pkg, name) : Promise.resolve(null);
  };
  for (const name of pkg.entries.keys()) {
    if (!/^xl\/webextensions\/webextension[^/]*\.xml$/i.test(name)) continue;
    const xml = (await small(name)) ?? '';
    const ref = /<(?:[\w.-]+:)?reference\b([^>]*)>/.exec(xml);
    const id = ref ? (attr(ref[1], 'id') ?? '').replace(/[{}]/g, '').toLowerCase() : '';
    if (id !== ADDIN_ID) continue;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b([^>]*?)\/?>/g)) {
      if (xmlText(attr(m[1], 'name') ?? '') !== SETTINGS_NAME) continue;
      try {
        return JSON.parse(xmlText(attr(m[1], 'value') ?? '')) as unknown;
      } catch {
        return null;
      }
    }
  }
  const custom = await small('docProps/custom.xml');
  if (custom) {
    for (const m of custom.matchAll(/<property\b([^>]*)>([\s\S]*?)<\/property>/g)) {
      if (xmlText(attr(m[1], 'name') ?? '') !== SETTINGS_NAME) continue;
      const value = /<(?:[\w.-]+:)?\w+\b[^>]*>([\s\S]*?)<\//.exec(m[2]);
      try {
        return JSON.parse(xmlText(value?.[1] ?? '')) as unknown;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Every worksheet's grid, and the check settings the pane saved in the workbook (null when none). */
export async function readXlsxBook(
  bytes: Buffer,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ grids: Grid[]; settings: unknown }> {
  if (bytes.length > limits.maxFileBytes) throw new UnreadableFileError(fileTooLarge(bytes.length, limits));
  const list = readDirectory(bytes);
  const problem = packageProblem(list, limits);
  if (problem) throw new UnreadableFileError(problem);
  const zip: Package = { bytes, entries: new Map(list.map((e) => [e.name, e])) };
  const workbook = (await entryText(zip, 'xl/workbook.xml')) ?? '';
  const rels = new Map<string, { type: string; target: string }>();
  for (const m of ((await entryText(zip, 'xl/_rels/workbook.xml.rels')) ?? '').matchAll(
    /<Relationship\b([^>]*)\/?>/g,
  )) {
    rels.set(attr(m[1], 'Id') ?? '', { type: attr(m[1], 'Type') ?? '', target: attr(m[1], 'Target') ?? '' });
  }
  const relOfType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix));
  const sharedStrings = relOfType('/sharedStrings');
  const stylesRel = relOfType('/styles');
  const ctx: SheetContext = {
    strings: await readSharedStrings(
      zip,
      sharedStrings ? partPath(sharedStrings.target) : 'xl/sharedStrings.xml',
    ),
    styles: readStyles(await entryText(zip, stylesRel ? partPath(stylesRel.target) : 'xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
    limits,
    counted: { cells: 0, merges: 0 },
  };
  const grids: Grid[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const rel = rels.get(attr(m[1], 'r:id') ?? '');
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const file = zip.entries.get(partPath(rel.target));
    if (!file) continue;
    grids.push(await readSheet(zip, file, xmlText(attr(m[1], 'name') ?? ''), ctx));
  }
  return { grids, settings: await readSavedSettings(zip) };
}
