/**
 * The command line's .xlsx reader: values, the number formats that change what a clerk sees (percent,
 * dates) and merged areas — all the engine reads — from the package's XML, parsed as XML
 * (`./xml.ts`: namespaces by URI whatever the prefix, either quote style, CDATA, references, UTF-8 or
 * UTF-16) and streamed one inflated chunk at a time, so that memory follows the cells kept, not the
 * size of the XML.
 *
 * Parts are found as Office finds them: the workbook through the package relationships
 * (`_rels/.rels`), its sheets, shared strings and styles through the workbook's; part names compared
 * without regard to case, targets percent-decoded, relative or absolute, zip names with `\` or a
 * leading `/` accepted. Transitional and Strict namespaces alike.
 *
 * Never silent: what cannot be read right is refused with a one-line reason naming the part — a
 * workbook part that is not a workbook, a listed sheet whose part is missing or is not a worksheet,
 * content in a sheet's data that is not SpreadsheetML, a shared-string index out of range, a cell
 * type that does not exist, malformed XML. The command line then exits 2 for that file instead of
 * reporting fewer tables than the file holds.
 *
 * Chosen by measurement over ExcelJS and SheetJS (`npm run bench`, docs/command-line.md "The
 * reader"); `test/xlsx-read.test.ts` compares it with ExcelJS on every fixture and
 * `test/xlsx-constructs.test.ts` with the original on every construct writers use.
 */
import type { CellValue, Grid, MergeArea } from '../core/grid';
import { displayText, parseA1Range } from '../core/grid';
import { ADDIN_ID, SETTINGS_NAME } from '../host/addin';
import {
  DEFAULT_LIMITS,
  type ReadLimits,
  fileTooLarge,
  mergeProblem,
  packageProblem,
  validationProblem,
} from './limits';
import { type Reason, UnreadableFileError, reason } from './unreadable';
import {
  XmlAttributes,
  type XmlHandler,
  XmlSyntaxError,
  XmlTokenizer,
  decodeAttribute,
  eachAttribute,
  decodeEntities,
  decodeText,
  internNamespaces,
} from './xml';
import { type ZipEntry, inflateEntry, readDirectory } from './zip';

/** SpreadsheetML's main namespace, Transitional and Strict; '' for parts written without one. */
const MAIN = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  '',
];
/** The namespace of `r:id` on a workbook's `<sheet>`, Transitional and Strict. */
const RELATIONSHIP_ID = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];
/** The package relationships namespace (the same in Strict); '' for parts written without one. */
const PACKAGE_RELS = ['http://schemas.openxmlformats.org/package/2006/relationships', ''];
internNamespaces([...MAIN, ...RELATIONSHIP_ID, ...PACKAGE_RELS]);

/** Excel's own escapes for characters XML cannot carry (`_x000D_`, `_xFF08_`; hex digits in any case). */
export function unescapeExcel(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

/** XML text → string: references, then Excel's _xHHHH_ escapes (for text taken from raw XML). */
export function xmlText(s: string): string {
  return unescapeExcel(decodeEntities(s));
}

/** Column letters (any case) → 0-based index; -1 when the reference has none. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n - 1;
}

/** The row number of a cell reference ("B12" → 12), or NaN. */
function rowNumber(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : NaN;
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

/** An Excel serial date → "YYYY-MM-DD" (UTC arithmetic: no local time on the way); null when out of range. */
function serialDate(v: number, date1904: boolean): string | null {
  // Excel's 1900 system counts a 29 February 1900 (serial 60): the serials before it are a day later
  // than plain arithmetic gives, as Excel shows them.
  if (!date1904 && v < 61 && v >= 1) {
    if (v >= 60) return '1900-02-29';
    v += 1;
  }
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/**
 * A `t="d"` cell's ISO 8601 text → the calendar date it writes ("2026-01-01T00:00:00" → "2026-01-01"),
 * with or without a zone: read as written, never through a local-time Date (which on a machine east
 * of Greenwich gives the day before). A time alone is kept as text.
 */
function isoDate(v: string): string {
  const m = /^\s*([+-]?\d{4,6})-(\d{2})-(\d{2})(?![\d])/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : v.trim();
}

/** The package: its bytes and its entries by lower-case name (`\` → `/`, no leading `/`). */
interface Package {
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
}

/** A zip entry's name as a part name: forward slashes, no leading slash, compared without regard to case. */
const partKey = (name: string) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

function entryOf(pkg: Package, part: string): ZipEntry | undefined {
  return pkg.entries.get(partKey(part));
}

/** The decoder a part's first bytes call for: a BOM, UTF-16 without one, or the declaration's encoding. */
function decoderFor(first: Uint8Array, part: string): TextDecoder {
  const [a, b] = first;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return new TextDecoder('utf-16le');
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return new TextDecoder('utf-16be');
  // The declaration's encoding, when a part has one (bytes read as Latin-1: the declaration is ASCII).
  const head = Buffer.from(first.buffer, first.byteOffset, Math.min(200, first.length)).toString('latin1');
  const label = /^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label);
    } catch {
      throw new UnreadableFileError(
        reason(`${part} 的编码 ${label} 无法识别`, `${part}: the encoding ${label} is not supported`),
      );
    }
  }
  if (utf8Busy) return new TextDecoder('utf-8');
  utf8Busy = true;
  return UTF8;
}

/**
 * One UTF-8 decoder for the parts read one after another (making one per part cost as much as
 * parsing a small part). A part read while it is in use — two workbooks read at once through the
 * exported API — gets a decoder of its own. Each part's last `decode()` flushes it, also after a
 * failure.
 */
const UTF8 = new TextDecoder('utf-8');
let utf8Busy = false;

/** Why a part is not well-formed XML, naming it. */
const malformed = (part: string, e: Error): Reason =>
  reason(`${part} 不是格式正确的 XML：${e.message}`, `${part} is not well-formed XML: ${e.message}`);

/**
 * Parses one part with `handler`, streamed: each inflated chunk decoded (across chunk boundaries) and
 * tokenized at once. Returns the root element's namespace and local name.
 */
async function parsePart(
  pkg: Package,
  entry: ZipEntry,
  part: string,
  handler: XmlHandler,
): Promise<{ root: { ns: string; local: string } | null }> {
  const tokenizer = new XmlTokenizer(handler);
  if (handler instanceof TextWanting) handler.tokenizer = tokenizer;
  const d: { decoder: TextDecoder | null } = { decoder: null };
  try {
    await inflateEntry(pkg.bytes, entry, (chunk) => {
      d.decoder ??= decoderFor(chunk, part);
      tokenizer.write(d.decoder.decode(chunk, { stream: true }));
    });
    if (d.decoder) tokenizer.write(d.decoder.decode());
    tokenizer.end();
  } catch (e) {
    // The shared decoder starts the next part clean.
    if (d.decoder === UTF8) UTF8.decode();
    if (e instanceof XmlSyntaxError) throw new UnreadableFileError(malformed(part, e));
    throw e;
  } finally {
    if (d.decoder === UTF8) utf8Busy = false;
  }
  return { root: tokenizer.root };
}

/** A handler that switches the tokenizer's text on and off (inside `<v>`, `<t>`). */
abstract class TextWanting implements XmlHandler {
  tokenizer: XmlTokenizer | null = null;
  protected want(on: boolean): void {
    if (this.tokenizer) this.tokenizer.wantText = on;
  }
  abstract open(ns: string, local: string, attrs: XmlAttributes, empty: boolean, qname: string): void;
  abstract close(ns: string, local: string): void;
}

/**
 * The elements of a small part, each with its parent's local name (elements outside `nss` are seen
 * as '#', so nothing in another vocabulary is mistaken for ours), and the text of the elements
 * `textOf` names.
 */
class ElementWalker extends TextWanting {
  private path: string[] = [];
  private text_ = '';
  constructor(
    /** The namespaces of the part's vocabulary; null: any (a host's own parts, read by local name). */
    private readonly nss: readonly string[] | null,
    private readonly visit: (local: string, parent: string, attrs: XmlAttributes) => void,
    private readonly textOf: (local: string, parent: string) => boolean = () => false,
    private readonly onText: (local: string, text: string) => void = () => undefined,
  ) {
    super();
  }
  open(ns: string, local: string, attrs: XmlAttributes): void {
    const name = !this.nss || this.nss.includes(ns) ? local : '#';
    const parent = this.path[this.path.length - 1] ?? '';
    this.path.push(name);
    if (name === '#') return;
    this.visit(name, parent, attrs);
    if (this.textOf(name, parent)) {
      this.text_ = '';
      this.want(true);
    }
  }
  close(): void {
    const name = this.path.pop() ?? '';
    if (this.tokenizer?.wantText) {
      this.want(false);
      this.onText(name, this.text_);
    }
  }
  text(t: string): void {
    this.text_ += t;
  }
}

/** A relationship of a part: its type (the URI's last segment, Transitional or Strict alike) and target part. */
interface Relationship {
  type: string;
  part: string;
}

/** A package path from a relationship target: percent-decoded, relative to the source part's folder or absolute. */
function resolveTarget(source: string, target: string, decode: boolean): string {
  let t = target.replace(/\\/g, '/');
  try {
    if (decode) t = decodeURIComponent(t);
  } catch {
    // A stray % is part of the name.
  }
  const base = t.startsWith('/') ? '' : source.slice(0, source.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const p of (base + t).split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The relationships part of `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
function relsPartOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** A part's relationships by Id (external targets left out); empty when it has none. */
async function readRelationships(pkg: Package, source: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const part = relsPartOf(source);
  const entry = entryOf(pkg, part);
  if (!entry) return rels;
  await parsePart(
    pkg,
    entry,
    part,
    new ElementWalker(PACKAGE_RELS, (local, _parent, a) => {
      if (local !== 'Relationship' || a.get('TargetMode') === 'External') return;
      const type = (a.get('Type') ?? '').replace(/\/+$/, '');
      // The part a target names: percent-decoded (工作表1.xml written %E5%B7%A5…), or — where the zip
      // holds the name as the package spec maps it (sheet%201.xml) — as written.
      const target = a.get('Target') ?? '';
      let part = resolveTarget(source, target, true);
      if (!entryOf(pkg, part) && target.includes('%')) {
        const raw = resolveTarget(source, target, false);
        if (entryOf(pkg, raw)) part = raw;
      }
      rels.set(a.get('Id') ?? '', { type: type.slice(type.lastIndexOf('/') + 1), part });
    }),
  );
  return rels;
}

const notWorkbook = () => reason('这是一个压缩包，但不是 Excel 工作簿', 'a zip, but not a spreadsheet');

/** Shared strings, one <si> at a time: the text of its runs' <t>, phonetic guides (<rPh>) left out. */
async function readSharedStrings(pkg: Package, entry: ZipEntry, part: string): Promise<string[]> {
  const handler = new SharedStrings();
  await parsePart(pkg, entry, part, handler);
  return handler.strings;
}

/** `sst > si > (t | r > t | rPh > t)`: each <si>'s text. A class of its own (not one per call): V8 optimises it once. */
class SharedStrings extends TextWanting {
  readonly strings: string[] = [];
  private path: string[] = [];
  private current: string | null = null;
  private phonetic = 0;
  open(ns: string, local: string, _a: XmlAttributes, empty: boolean, qualified: string): void {
    const name = ns === MAIN[0] || MAIN.includes(ns) ? local : '#';
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    if (name === 'sst' && this.tokenizer && !empty && wholeElements) {
      // A plain <si><t>…</t></si> is read whole (the usual shape); any other element by element.
      const prefix = qualified.slice(0, qualified.length - local.length);
      this.tokenizer.whole = (buf, lt) => this.wholeString(buf, lt, prefix);
    } else if (name === 'si' && parent === 'sst') this.current = '';
    else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.current !== null && !this.phonetic && (parent === 'si' || parent === 'r'))
      this.want(true);
  }
  close(): void {
    const name = this.path.pop();
    if (name === 't') this.want(false);
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si' && this.current !== null) {
      this.strings.push(unescapeExcel(this.current));
      this.current = null;
    } else if (name === 'sst' && this.tokenizer) this.tokenizer.whole = null;
  }
  text(t: string): void {
    this.current += t;
  }

  /** `<P:si><P:t …>text</P:t></P:si>` at `lt`, complete in the chunk: its end, or -1 for any other shape. */
  private wholeString(buf: string, lt: number, prefix: string): number {
    // Only a string of the table itself, not one nested in an extension.
    if (this.path[this.path.length - 1] !== 'sst') return -1;
    const { string } = patternsFor(prefix);
    string.lastIndex = lt;
    const m = string.exec(buf);
    if (!m || !cellAttributes(m[1], scratch)) return -1;
    this.strings.push(unescapeExcel(decodeText(m[2])));
    return string.lastIndex;
  }
}

/** Number formats and the cell formats (cellXfs) that use them. */
async function readStyles(pkg: Package, part: string | null): Promise<CellStyle[]> {
  const entry = part ? entryOf(pkg, part) : undefined;
  if (!part || !entry) return [];
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  await parsePart(
    pkg,
    entry,
    part,
    new ElementWalker(MAIN, (local, parent, a) => {
      if (local === 'numFmt' && parent === 'numFmts') {
        const code = a.get('formatCode');
        if (code !== undefined) codes.set(Number(a.get('numFmtId')), unescapeExcel(code));
      } else if (local === 'xf' && parent === 'cellXfs') xfs.push(Number(a.get('numFmtId') ?? 0));
    }),
  );
  return xfs.map((id) => {
    const code = codes.get(id) ?? BUILTIN_PERCENT[id];
    return { format: code, date: code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id) };
  });
}

interface SheetContext {
  strings: string[];
  /** The shared-strings part (named when an index is out of range), or null when the workbook has none. */
  stringsPart: string | null;
  styles: CellStyle[];
  date1904: boolean;
  limits: ReadLimits;
  /** Cells kept so far over the whole workbook (the limit is per file). */
  counted: { cells: number; merges: number };
}

const tooManyRows = (limits: ReadLimits) =>
  reason(
    `行数过多：超过 ${limits.maxRows.toLocaleString('en-US')} 行（可用 --max-rows 调高）`,
    `too many rows: over ${limits.maxRows.toLocaleString('en-US')} (raise the limit with --max-rows)`,
  );
const tooManyCells = (limits: ReadLimits) =>
  reason(
    `单元格过多：超过 ${limits.maxCells.toLocaleString('en-US')} 个（可用 --max-cells 调高）`,
    `too many cells: over ${limits.maxCells.toLocaleString('en-US')} (raise the limit with --max-cells)`,
  );

/**
 * One worksheet's XML, element by element: `sheetData > row > c > v | is`, `mergeCells > mergeCell`,
 * `dataValidations > dataValidation`. Only what the engine uses is kept.
 */
class SheetHandler extends TextWanting {
  readonly values: CellValue[][] = [];
  readonly texts: (string | null)[][] = [];
  anyText = false;
  readonly merges: MergeArea[] = [];
  /** Elements inside sheetData that are not SpreadsheetML's rows and cells (read nothing from them). */
  strange: string[] = [];

  /** Local names of the open elements; '#' for one in another namespace. */
  private path: string[] = [];
  /** Inside an element this reader skips whole (extLst, another vocabulary's subtree). */
  private skipping = 0;
  /** Depth inside <sheetData> (0: outside). */
  private inData = 0;
  private rowIndex = -1;
  /** The row's own `r` was given, or its first addressed cell has placed it. */
  private rowPlaced = false;
  private col = -1;
  /** The cell being read (one object, reused cell after cell), while `inCell`. */
  private readonly cell: { ref?: string; t?: string; s?: string } = {};
  private inCell = false;
  private v: string | null = null;
  private inline: string | null = null;
  /** Where character data goes while the tokenizer hands it on: the cell's <v>, or its inline string's <t>. */
  private into: 'v' | 'inline' | null = null;
  private phonetic = 0;

  constructor(
    private readonly part: string,
    private readonly ctx: SheetContext,
  ) {
    super();
  }

  open(ns: string, local: string, a: XmlAttributes, empty: boolean, qualified: string): void {
    const main = ns === MAIN[0] || MAIN.includes(ns);
    const parent = this.path[this.path.length - 1];
    this.path.push(main ? local : '#');
    if (this.inData) this.inData++;
    else if (main && local === 'sheetData') this.inData = 1;
    if (this.skipping) {
      this.skipping++;
      return;
    }
    const inData = this.inData > 1;
    if (!main || local === 'extLst') {
      // Another vocabulary among the cells is content this reader cannot place: refused below.
      if (inData && local !== 'extLst') this.strange.push(`<${local}>`);
      this.skipping = 1;
      return;
    }
    switch (local) {
      case 'sheetData':
        // Rows complete in a chunk are read whole (scanRow); anything else element by element.
        if (this.tokenizer && !empty && wholeElements) {
          const prefix = qualified.slice(0, qualified.length - local.length);
          this.tokenizer.whole = (buf, lt) => this.wholeRow(buf, lt, prefix);
        }
        return;
      case 'row':
        if (parent === 'sheetData') this.openRow(a.get('r'));
        else if (inData) this.strange.push('<row>');
        return;
      case 'c':
        if (parent === 'row' && inData) this.openCell(a.get('r'), a.get('t'), a.get('s'));
        else if (inData) this.strange.push('<c>');
        return;
      case 'v':
        if (parent === 'c' && this.inCell) {
          this.v = '';
          this.into = 'v';
          this.want(true);
        }
        return;
      case 'is':
        if (parent === 'c' && this.inCell) this.inline = '';
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.inline !== null && !this.phonetic && (parent === 'is' || parent === 'r')) {
          this.into = 'inline';
          this.want(true);
        }
        return;
      case 'mergeCell':
        if (parent === 'mergeCells') this.merge(a.get('ref') ?? '');
        return;
      case 'dataValidation':
        if (parent === 'dataValidations') {
          const problem = validationProblem(a.get('sqref') ?? '', this.ctx.limits);
          if (problem) throw new UnreadableFileError(problem);
        }
        return;
      default:
        if (parent === 'sheetData' || parent === 'row') this.strange.push(`<${local}>`);
    }
  }

  close(): void {
    const name = this.path.pop();
    if (this.inData) this.inData--;
    if (this.skipping) {
      this.skipping--;
      return;
    }
    switch (name) {
      case 'v':
      case 't':
        this.into = null;
        this.want(false);
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        if (this.inCell) this.closeCell();
        return;
      case 'row':
        if (!this.rowPlaced) this.placeRow(this.rowIndex + 1);
        return;
      case 'sheetData':
        if (this.tokenizer) this.tokenizer.whole = null;
        return;
    }
  }

  /** One row read whole from the text (the cells of `fast`), reused row after row. */
  private readonly fast: FastRow = { r: undefined, count: 0, refs: [], types: [], styles: [], values: [] };

  /**
   * A `<row>` (with the sheetData's prefix) read whole from the chunk when it is complete there and
   * holds only cells with values and formulas — the shape of nearly every row — without an event per
   * element; its cells go through openCell/closeCell as the element-by-element path's do. Any other
   * shape (inline strings, comments, CDATA, namespace declarations, another element, a row cut by the
   * chunk's end) returns -1: the tokenizer then reads it element by element, the reference path
   * (test/xlsx-constructs.test.ts reads every construct both ways).
   */
  private wholeRow(buf: string, lt: number, prefix: string): number {
    // Only a row of the sheet's data: not one nested in another element (an extension, a cell).
    if (this.skipping || this.path[this.path.length - 1] !== 'sheetData') return -1;
    const end = scanRow(buf, lt, prefix, this.fast);
    if (end < 0) return -1;
    const f = this.fast;
    this.openRow(f.r);
    for (let i = 0; i < f.count; i++) {
      this.openCell(f.refs[i], f.types[i], f.styles[i]);
      this.v = f.values[i];
      this.closeCell();
    }
    if (!this.rowPlaced) this.placeRow(this.rowIndex + 1);
    return end;
  }

  text(t: string): void {
    if (this.into === 'v') this.v += t;
    else if (this.into === 'inline') this.inline += t;
  }

  private placeRow(index: number): void {
    this.rowIndex = index;
    this.rowPlaced = true;
    if (index >= this.ctx.limits.maxRows) throw new UnreadableFileError(tooManyRows(this.ctx.limits));
  }

  private openRow(rowR: string | undefined): void {
    this.col = -1;
    this.rowPlaced = false;
    const r = Number(rowR);
    // A row without its number is placed by its first addressed cell, or follows the row before.
    if (Number.isInteger(r) && r >= 1) this.placeRow(r - 1);
  }

  private openCell(ref: string | undefined, t: string | undefined, s: string | undefined): void {
    if (!this.rowPlaced) {
      const n = ref !== undefined ? rowNumber(ref) : NaN;
      this.placeRow(Number.isInteger(n) && n >= 1 ? n - 1 : this.rowIndex + 1);
    }
    const col = ref !== undefined ? columnIndex(ref) : -1;
    this.col = col >= 0 ? col : this.col + 1;
    this.cell.ref = ref;
    this.cell.t = t;
    this.cell.s = s;
    this.inCell = true;
    this.v = null;
    this.inline = null;
  }

  private closeCell(): void {
    const cell = this.cell;
    this.inCell = false;
    const style = cell.s !== undefined ? this.ctx.styles[Number(cell.s)] : undefined;
    const v = this.cellValue(cell, style);
    this.v = null;
    this.inline = null;
    if (v === null) return;
    const { limits, counted } = this.ctx;
    if (++counted.cells > limits.maxCells) throw new UnreadableFileError(tooManyCells(limits));
    // Two row elements for one row (a writer's sloppiness) add to it rather than replace it.
    (this.values[this.rowIndex] ??= [])[this.col] = v;
    const text = style ? displayText(v, style.format) : null;
    if (text !== null) {
      (this.texts[this.rowIndex] ??= [])[this.col] = text;
      this.anyText = true;
    }
  }

  private where(cell: { ref?: string }): string {
    return `${this.part} ${cell.ref ?? `R${this.rowIndex + 1}C${this.col + 1}`}`;
  }

  private cellValue(cell: { ref?: string; t?: string }, style: CellStyle | undefined): CellValue {
    const t = cell.t ?? 'n';
    // An inline string with no text (<is/>, <is><t/></is>) is an empty cell, as Excel shows it.
    if (t === 'inlineStr') return this.inline ? unescapeExcel(this.inline) : null;
    const v = this.v;
    // No value, or an empty one (<v></v>): an empty cell, whatever its type says.
    if (v === null || v === '') return null;
    switch (t) {
      case 's': {
        const i = Number(v);
        const { strings, stringsPart } = this.ctx;
        if (!Number.isInteger(i) || i < 0 || i >= strings.length)
          throw new UnreadableFileError(
            reason(
              `${this.where(cell)} 引用第 ${v.trim()} 个共享字符串，而 ${stringsPart ?? '共享字符串表'} ${stringsPart ? `只有 ${strings.length} 个` : '不在文件中'}`,
              `${this.where(cell)} refers to shared string ${v.trim()}, but ${stringsPart ?? 'the shared strings part'} ${stringsPart ? `holds ${strings.length}` : 'is missing'}`,
            ),
          );
        return strings[i];
      }
      case 'str':
        return unescapeExcel(v);
      case 'b':
        return v.trim() === '1' || v.trim() === 'true';
      case 'e':
        return { error: v.trim() };
      case 'd':
        return isoDate(v);
      case 'n': {
        const n = Number(v);
        if (!Number.isFinite(n) || v.trim() === '') return null;
        if (style?.date) return serialDate(n, this.ctx.date1904) ?? n;
        return n;
      }
      default:
        throw new UnreadableFileError(
          reason(
            `${this.where(cell)} 的单元格类型 t="${t}" 不存在`,
            `${this.where(cell)} has the cell type t="${t}", which does not exist`,
          ),
        );
    }
  }

  private merge(ref: string): void {
    const area = parseA1Range(ref.toUpperCase());
    // Its size from the area read (areaCells reads the forms parseA1Range does not: whole columns…).
    const cells = area ? (area.bottom - area.top + 1) * (area.right - area.left + 1) : undefined;
    const problem = mergeProblem(ref, this.ctx.limits, this.ctx.counted, cells);
    if (problem) throw new UnreadableFileError(problem);
    if (area) this.merges.push(area);
  }
}

/**
 * Whether rows and shared strings are read whole when they can be (SheetHandler.wholeRow,
 * SharedStrings.wholeString). Always on, except where the tests read every construct with it off
 * too, to prove both paths read the same.
 */
let wholeElements = true;
export function readElementsWhole(on: boolean): void {
  wholeElements = on;
}

/** The cells of one row read whole (attributes r, t, s as written; the <v> text with references decoded). */
interface FastRow {
  r: string | undefined;
  count: number;
  refs: (string | undefined)[];
  types: (string | undefined)[];
  styles: (string | undefined)[];
  values: (string | null)[];
}

/** A start tag's attributes: name="value" pairs, either quote, spaces around `=` (XML 1.0 [25] Eq). */
const ATTRS = String.raw`(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*`;
/**
 * The unprefixed attributes r, t and s of an attribute list (a match of ATTRS) into `out`; false when
 * it declares a namespace (then the element is read element by element, in its own scope).
 */
function cellAttributes(list: string, out: { r?: string; t?: string; s?: string }): boolean {
  out.r = out.t = out.s = undefined;
  if (!list) return true;
  let plain = true;
  eachAttribute(list, (name, raw) => {
    if (name.length === 1) {
      const value = decodeAttribute(raw);
      if (name === 'r') out.r = value;
      else if (name === 't') out.t = value;
      else if (name === 's') out.s = value;
    } else if (name.startsWith('xmlns')) plain = false;
    return plain;
  });
  return plain;
}

const scratch: { r?: string; t?: string; s?: string } = {};

/** The sticky expressions that read a row whole, for one prefix ('' or 'x:'). */
interface RowPatterns {
  row: RegExp;
  /** A cell written as Excel writes one (r, then s, then t, double quotes, no spaces): no attribute loop. */
  plainCell: RegExp;
  cell: RegExp;
  rowEnd: RegExp;
  string: RegExp;
}
const patterns = new Map<string, RowPatterns>();
function patternsFor(prefix: string): RowPatterns {
  let p = patterns.get(prefix);
  if (p) return p;
  const P = prefix.replace(/[.-]/g, '\\$&');
  const formula = String.raw`<${P}f${ATTRS}\s*(?:\/>|>[^<]*<\/${P}f>)\s*`;
  p = {
    row: new RegExp(String.raw`<${P}row(${ATTRS})\s*>`, 'y'),
    // A cell: empty (<c/>), or a formula and a plain value in either order, and nothing else.
    cell: new RegExp(
      String.raw`\s*<${P}c(${ATTRS})\s*(?:\/>|>\s*(?:${formula})?(?:<${P}v>([^<]*)<\/${P}v>\s*)?(?:${formula})?<\/${P}c>)`,
      'y',
    ),
    plainCell: new RegExp(
      String.raw`\s*<${P}c r="([A-Z]{1,3}\d{1,7})"(?: s="(\d+)")?(?: t="([a-zA-Z]+)")?(?:\/>|>(?:<${P}f>[^<]*<\/${P}f>)?(?:<${P}v>([^<]*)<\/${P}v>)?<\/${P}c>)`,
      'y',
    ),
    rowEnd: new RegExp(String.raw`\s*<\/${P}row>`, 'y'),
    string: new RegExp(String.raw`<${P}si><${P}t(${ATTRS})\s*>([^<]*)<\/${P}t><\/${P}si>`, 'y'),
  };
  patterns.set(prefix, p);
  return p;
}

/**
 * Reads `<P:row …>` at `lt` whole into `out` when the row is complete in `buf` and holds only
 * `<P:c>` elements whose children are a plain `<P:v>` and `<P:f>`: returns the index after
 * `</P:row>`, or -1 for any other shape (then nothing in `out` is used). Native regular expressions,
 * sticky at each position: no character is looked at twice, and a row that is not of this shape is
 * given back at its first difference.
 */
function scanRow(buf: string, lt: number, prefix: string, out: FastRow): number {
  const p = patternsFor(prefix);
  p.row.lastIndex = lt;
  const row = p.row.exec(buf);
  if (!row || !cellAttributes(row[1], scratch)) return -1;
  out.r = scratch.r;
  out.count = 0;
  let i = p.row.lastIndex;
  for (;;) {
    p.rowEnd.lastIndex = i;
    if (p.rowEnd.test(buf)) return p.rowEnd.lastIndex;
    p.plainCell.lastIndex = i;
    const plain = p.plainCell.exec(buf);
    if (plain) {
      const k = out.count++;
      out.refs[k] = plain[1];
      out.styles[k] = plain[2];
      out.types[k] = plain[3];
      out.values[k] = plain[4] === undefined ? null : decodeText(plain[4]);
      i = p.plainCell.lastIndex;
      continue;
    }
    p.cell.lastIndex = i;
    const cell = p.cell.exec(buf);
    if (!cell || !cellAttributes(cell[1], scratch)) return -1;
    const k = out.count++;
    out.refs[k] = scratch.r;
    out.types[k] = scratch.t;
    out.styles[k] = scratch.s;
    out.values[k] = cell[2] === undefined ? null : decodeText(cell[2]);
    i = p.cell.lastIndex;
  }
}

/** One worksheet, streamed: rows are read as each arrives; only what the engine uses is kept. */
async function readSheet(
  pkg: Package,
  entry: ZipEntry,
  part: string,
  sheet: string,
  ctx: SheetContext,
): Promise<Grid> {
  const h = new SheetHandler(part, ctx);
  const { root } = await parsePart(pkg, entry, part, h);
  if (!root || root.local !== 'worksheet' || !MAIN.includes(root.ns))
    throw new UnreadableFileError(notThe(part, root, 'worksheet', sheet));
  if (h.strange.length)
    throw new UnreadableFileError(
      reason(
        `工作表「${sheet}」（${part}）的单元格数据中有无法识别的内容 ${h.strange.slice(0, 3).join('')}，未读取`,
        `sheet "${sheet}" (${part}) holds content among its cells that is not SpreadsheetML (${h.strange.slice(0, 3).join('')}): not read`,
      ),
    );
  const { values, texts, merges } = h;
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
  return { sheet, values, ...(h.anyText ? { texts } : {}), merges };
}

/** A part whose root element is not what its relationship says it is. */
function notThe(
  part: string,
  root: { ns: string; local: string } | null,
  expected: string,
  sheet?: string,
): Reason {
  const found = root
    ? `<${root.local}>${root.ns && !MAIN.includes(root.ns) ? `（${root.ns}）` : ''}`
    : '（空）';
  const foundEn = root
    ? `<${root.local}>${root.ns && !MAIN.includes(root.ns) ? ` (${root.ns})` : ''}`
    : '(nothing)';
  const who = sheet !== undefined ? `工作表「${sheet}」的部件 ` : '';
  const whoEn = sheet !== undefined ? `sheet "${sheet}": the part ` : '';
  return reason(
    `${who}${part} 的根元素是 ${found}，不是 <${expected}>，未读取`,
    `${whoEn}${part} has the root element ${foundEn}, not <${expected}>: not read`,
  );
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
    return e && e.uncompressedSize <= MAX_SETTINGS_PART ? e : null;
  };
  const parse = (json: string): unknown => {
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return null;
    }
  };
  for (const name of pkg.entries.keys()) {
    if (!/^xl\/webextensions\/webextension[^/]*\.xml$/.test(name)) continue;
    const entry = small(name);
    if (!entry) continue;
    let id = '';
    let value: string | null = null;
    // Any prefix and namespace: the part is the host's, not SpreadsheetML.
    const walker = new ElementWalker(null, (local, parent, a) => {
      if (local === 'reference' && parent === 'webextension')
        id = (a.get('id') ?? '').replace(/[{}]/g, '').toLowerCase();
      else if (local === 'property' && parent === 'properties' && a.get('name') === SETTINGS_NAME)
        value ??= a.get('value') ?? '';
    });
    await parsePart(pkg, entry, name, walker);
    if (id === ADDIN_ID && value !== null) return parse(value);
  }
  const custom = small('docprops/custom.xml');
  if (custom) {
    let inOurs = false;
    let value: string | null = null;
    const walker = new ElementWalker(
      null,
      (local, parent, a) => {
        if (local === 'property' && parent === 'Properties') inOurs = a.get('name') === SETTINGS_NAME;
      },
      (_local, parent) => inOurs && value === null && parent === 'property',
      (_local, text) => {
        value = text;
        inOurs = false;
      },
    );
    await parsePart(pkg, custom, 'docProps/custom.xml', walker);
    if (value !== null) return parse(value);
  }
  return null;
}

/** Relationship types of sheets that hold no cells the engine reads: skipped, as Excel shows them. */
const NOT_CELLS = new Set(['chartsheet', 'dialogsheet', 'xlMacrosheet', 'xlIntlMacrosheet']);

/** Every worksheet's grid, and the check settings the pane saved in the workbook (null when none). */
export async function readXlsxBook(
  bytes: Buffer,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ grids: Grid[]; settings: unknown }> {
  if (bytes.length > limits.maxFileBytes) throw new UnreadableFileError(fileTooLarge(bytes.length, limits));
  const list = readDirectory(bytes);
  const problem = packageProblem(list, limits);
  if (problem) throw new UnreadableFileError(problem);
  const pkg: Package = { bytes, entries: new Map() };
  for (const e of list) {
    const key = partKey(e.name);
    if (!key.endsWith('/') && !pkg.entries.has(key)) pkg.entries.set(key, e);
  }

  // The workbook part, as Office finds it: the package's officeDocument relationship; a package
  // without one is read from the usual place, as SheetJS and ExcelJS read it.
  const top = [...(await readRelationships(pkg, '')).values()];
  const office = top.find((r) => r.type === 'officeDocument' && entryOf(pkg, r.part));
  const workbookPart = office?.part ?? (entryOf(pkg, 'xl/workbook.xml') ? 'xl/workbook.xml' : null);
  const workbookEntry = workbookPart ? entryOf(pkg, workbookPart) : undefined;
  if (!workbookPart || !workbookEntry) throw new UnreadableFileError(notWorkbook());

  const sheets: { name: string; id: string | undefined }[] = [];
  let date1904 = false;
  const workbook = await parsePart(
    pkg,
    workbookEntry,
    workbookPart,
    new ElementWalker(MAIN, (local, parent, a) => {
      if (local === 'sheet' && parent === 'sheets')
        sheets.push({ name: unescapeExcel(a.get('name') ?? ''), id: a.getIn('id', RELATIONSHIP_ID) });
      else if (local === 'workbookPr' && parent === 'workbook')
        date1904 = /^(1|true)$/.test(a.get('date1904') ?? '');
    }),
  );
  if (!workbook.root || workbook.root.local !== 'workbook' || !MAIN.includes(workbook.root.ns))
    throw new UnreadableFileError(notThe(workbookPart, workbook.root, 'workbook'));
  if (sheets.length === 0)
    throw new UnreadableFileError(
      reason(`${workbookPart} 中没有列出任何工作表`, `${workbookPart} lists no sheets`),
    );

  const rels = await readRelationships(pkg, workbookPart);
  const ofType = (type: string) => [...rels.values()].find((r) => r.type === type && entryOf(pkg, r.part));
  const stringsPart = ofType('sharedStrings')?.part ?? null;
  const stylesPart = ofType('styles')?.part ?? null;
  const ctx: SheetContext = {
    strings: stringsPart ? await readSharedStrings(pkg, entryOf(pkg, stringsPart)!, stringsPart) : [],
    stringsPart,
    styles: await readStyles(pkg, stylesPart),
    date1904,
    limits,
    counted: { cells: 0, merges: 0 },
  };
  const grids: Grid[] = [];
  const relsPart = relsPartOf(workbookPart);
  for (const sheet of sheets) {
    const rel = sheet.id !== undefined ? rels.get(sheet.id) : undefined;
    if (!rel)
      throw new UnreadableFileError(
        reason(
          `工作表「${sheet.name}」在 ${relsPart} 中没有对应的关系（${sheet.id ?? '无 r:id'}），未读取`,
          `sheet "${sheet.name}" has no relationship in ${relsPart} (${sheet.id ?? 'no r:id'}): not read`,
        ),
      );
    if (NOT_CELLS.has(rel.type)) continue;
    if (rel.type !== 'worksheet')
      throw new UnreadableFileError(
        reason(
          `工作表「${sheet.name}」的关系类型 ${rel.type} 无法识别，未读取`,
          `sheet "${sheet.name}" has the relationship type ${rel.type}, which is not known: not read`,
        ),
      );
    const entry = entryOf(pkg, rel.part);
    if (!entry)
      throw new UnreadableFileError(
        reason(
          `工作表「${sheet.name}」的部件 ${rel.part} 不在文件中`,
          `sheet "${sheet.name}": the part ${rel.part} is missing from the file`,
        ),
      );
    grids.push(await readSheet(pkg, entry, rel.part, sheet.name, ctx));
  }
  return { grids, settings: await readSavedSettings(pkg) };
}
