/**
 * Text normalisation shared by recognition, value parsing and rules.
 *
 * Staff type these forms by hand, paste them from Word and HTML exports, so the same label arrives
 * as "其中：财政拨款", "其中: 财政拨款", "<b>成本指标（必填硬性指标）</b>" or with full-width digits.
 * Everything that compares text goes through here, so one rule decides what "the same" means.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&ldquo;': '“',
  '&rdquo;': '”',
};

/**
 * The formatting tags that web and Word exports leave in cells. Only these are removed: any other
 * markup (an <img>, a <script>) is the cell's literal text and is shown as such.
 */
const FORMATTING_TAG =
  /<\/?(?:p|b|i|u|em|strong|span|font|div|br|sup|sub|small|big|center|td|tr|th|table|tbody|thead|ul|ol|li|h[1-6])(?:\s[^<>]{0,200})?\s*\/?>/gi;

/** Removes formatting tags and common entities left over from web or Word exports ("<p>…</p>", "<b>"). */
export function stripHtml(s: string): string {
  if (s.indexOf('<') === -1 && s.indexOf('&') === -1) return s;
  return s.replace(FORMATTING_TAG, ' ').replace(/&[a-z#0-9]{2,8};/g, (m) => HTML_ENTITIES[m] ?? m);
}

/**
 * Full-width ASCII (！ to ～) → ASCII, ideographic space → space, and the comparison signs staff
 * use interchangeably (≧ ≦ ═) → their standard forms. Chinese punctuation that has no ASCII twin
 * (、。“”) is kept.
 */
const NEEDS_FOLDING = /[\uff01-\uff5e\u3000\u2266\u2267\u2550]/;

export function toHalfWidth(s: string): string {
  if (!NEEDS_FOLDING.test(s)) return s;
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else if (code === 0x2267) {
      out += '≥'; // ≧
      changed = true;
    } else if (code === 0x2266) {
      out += '≤'; // ≦
      changed = true;
    } else if (code === 0x2550) {
      out += '='; // ═ (box drawing, seen as "equals" in forms)
      changed = true;
    } else {
      out += s[i];
    }
  }
  return changed ? out : s;
}

/** Whether a code unit is white space as the regular expression \s sees it. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether cleanText would change anything: markup or an entity, a run of white space, white space
 * other than a plain space, or white space at either end. One pass over the code units, most of
 * which are CJK and settled by the first comparison (this runs on every cell of the sheet).
 */
function isClean(s: string): boolean {
  const last = s.length - 1;
  let prevSpace = false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x3000 && c !== 0xfeff) {
      prevSpace = false;
      continue;
    }
    if (c === 60 || c === 38) return false; // < &
    if (isInvisible(c)) return false;
    if (isSpace(c)) {
      if (c !== 32 || prevSpace || i === 0 || i === last) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return true;
}

/**
 * Display text: HTML removed, runs of white space collapsed, trimmed. Full-width punctuation is
 * kept, because this is what the user wrote and will see quoted back.
 */
export function cleanText(s: string): string {
  // Most cells are already clean: skip the allocations of replace/trim for them.
  if (isClean(s)) return s;
  return stripHtml(s)
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Characters that show nothing but make two equal-looking labels differ — a pasted "项目\u200B名称" is
 * still 项目名称: zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF), direction marks and
 * embeddings/isolates (U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), invisible operators
 * (U+2061–U+2064) and the soft hyphen (U+00AD).
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function isInvisible(c: number): boolean {
  return (
    c === 0xad ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

/** A word as a literal inside a RegExp: word lists from the data become alternations. */
export function escapeRegExp(w: string): string {
  return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text for reading figures and patterns: cleanText plus full-width folded to ASCII. */
export function foldText(s: string): string {
  return toHalfWidth(cleanText(s));
}

/** The tags a province adds to 二级 names: (必填硬性指标), (必填), (选填). */
const LEVEL_TAGS = '必填硬性指标|必填|选填|硬性指标|核心指标';
const TAG_RE = new RegExp(`\\((?:${LEVEL_TAGS})\\)`, 'g');

/** The same tag at the end of a level name as written, in half- or full-width brackets: "社会效益（必填）". */
export const TRAILING_LEVEL_TAG = new RegExp(`\\s*[(（](?:${LEVEL_TAGS})[)）]\\s*$`);

/**
 * Results worked out from a cell's text, kept by that text. Forms repeat the same labels and values
 * from row to row and table to table, and a live check re-reads a mostly unchanged sheet after
 * every edit, so each distinct text is worked out once. Bounded twice over: long prose (rarely
 * repeated) is never kept, and the cache starts over when full, so a sheet of unique giant cells
 * cannot grow it without limit. Cached results are shared: nobody may change one.
 */
export class TextCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 50000) {}

  /** The result for `text` (looked up by `key`, which defaults to the text), computed once. */
  get(text: string, compute: (text: string) => V, key = text): V {
    if (text.length > 200) return compute(text);
    // The map first: a repeated string's hash is kept by the engine, a pattern test is not.
    let v = this.map.get(key);
    if (v === undefined) {
      v = compute(text);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Anything labelKey would change; a key without any of these is its own key. */
const KEY_WORK =
  /[\s<&\uff01-\uff5e\u3000\u2266\u2267\u2550(:：\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|^(?:其中|[*★☆※])/;

const keys = new TextCache<string>();

/** Empties the key cache (benchmarks measure a cold check with it). */
export function clearKeyCache(): void {
  keys.clear();
  clearBigrams();
}

/**
 * A key for comparing labels: no HTML, no white space, half-width, no trailing colon, no
 * "其中" prefix, no (必填…) tags. "其中：年度资金总额" and "年度资金总额:" give the same key.
 */
export function labelKey(s: string): string {
  return keys.get(s, computeLabelKey);
}

function computeLabelKey(s: string): string {
  if (!KEY_WORK.test(s)) return s;
  let k = toHalfWidth(stripHtml(s))
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0]+/g, '');
  k = k.replace(TAG_RE, '');
  // A required-field mark ("*项目名称", "★一级指标") is not part of the label.
  k = k.replace(/^[*★☆※]+/, '');
  k = k.replace(/^其中[:：]?/, '');
  k = k.replace(/[:：]+$/, '');
  return k;
}

const bigramSets = new TextCache<Set<string>>(20000);

/** Empties the bigram cache (with the key cache: a cold check starts with neither). */
function clearBigrams(): void {
  bigramSets.clear();
}

/**
 * Character bigrams, for a cheap similarity between two short Chinese phrases. Kept by text (the
 * same names are compared again on every check); the set returned is shared: nobody may change it.
 */
export function bigrams(s: string): Set<string> {
  return bigramSets.get(s, computeBigrams);
}

function computeBigrams(s: string): Set<string> {
  const t = labelKey(s).replace(/[,.;:!?()、，。；：“”"'《》\-—]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

/** Dice coefficient over bigrams: 1 for the same phrase, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

/** Dice coefficient of two bigram sets (as `bigrams` gives them). */
export function dice(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** Share of b's bigrams found in a: how much of a short name a longer context contains. */
export function containment(context: string, name: string): number {
  const x = bigrams(context);
  const y = bigrams(name);
  if (y.size === 0) return 0;
  let common = 0;
  for (const g of y) if (x.has(g)) common++;
  return common / y.size;
}

/** Shortens a long cell text for a message, keeping the start. */
export function excerpt(s: string, max = 24): string {
  const t = cleanText(s);
  return t.length > max ? t.slice(0, max) + '…' : t;
}
