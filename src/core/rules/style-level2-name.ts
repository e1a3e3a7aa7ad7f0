/**
 * style/level2-name: a 二级 written otherwise than its standard name, with a fix that keeps the
 * meaning. The fix is offered only when the text is a notational variant of ONE standard name, read
 * from its word parts:
 *
 * - the main text (outside brackets), its marks (spaces, punctuation, symbols) aside, is a standard
 *   name's stem with 指标, with nothing, with 目标 or with a 指 cut short ("数量", "数量目标", "数量指",
 *   "经济效益 指标：") — never another word for the category (工期指标, 预算控制指标, 社会公众满意度指标:
 *   the form's own framework may name it so);
 * - a bracket after it names that same category and no other ("时效指标（工期指标）",
 *   "数量指标(或建筑规模指标)"), and goes; a (必填…) tag at the end stays as written;
 * - the whole text names one category: "社会、经济、生态效益指标" names three (社会, 经济 and 生态 each
 *   before 效益) and "数量指标(质量)" two, and neither is touched.
 *
 * Spaces alone are not reported: "可持续影响 指标" is the standard name, wrapped.
 *
 * A form with a 中期 and a 年度 half (side by side, or one table under the other) gets the same fix in
 * both halves or none: recognition reads the 年度 half only, so the other half's 二级 at the same
 * place is looked up in the sheet, and when its text is not the same category written so or fixable
 * to it, neither half is fixed.
 */
import { a1 } from '../grid';
import type { CellText, Table } from '../model';
import type { CellSource } from '../sheet';
import { TRAILING_LEVEL_TAG, toHalfWidth } from '../text';
import { frameworkData, indicatorColumnRole, vocabulary } from '../vocabulary';
import { rowText } from './helpers';
import type { Rule } from './types';

const { indicatorWord, targetWord } = vocabulary.levelSuffixes;

/** Marks: white space, punctuation, symbols and invisible format characters. */
const MARKS = /[\s\p{P}\p{S}\p{Cf}]+/gu;
/** Numbering before a level name ("1.", "(一)", "一、", "①"), kept as written by the fix. */
const NUMBERING = /^(?:\(?[一二三四五六七八九十\d]{1,3}\s*[).、]|\([一二三四五六七八九十\d]{1,3}\)|[①-⑳])\s*/;
/** A bracketed part, in any of the brackets forms use (after full-width folding). */
const BRACKET = /[([【〔]([^()[\]【】〔〕]*)[)\]】〕]/g;

const keyOf = (s: string) => toHalfWidth(s).replace(MARKS, '');
const stemOf = (name: string) => (name.endsWith(indicatorWord) ? name.slice(0, -indicatorWord.length) : name);

interface CategoryWords {
  /** A standard name's stem (数量, 经济效益) → the name. */
  stems: Map<string, string>;
  /**
   * A part several stems end in (效益, 成本) → the words before it that make a category (经济 → 经济效益指标,
   * 环境 → 生态效益指标), longest first, and the category it names alone (成本 → 成本指标; 效益 none).
   */
  heads: { head: string; qualifiers: [string, string][]; alone: string | null }[];
  /** The other words for a category (时效, 工期, 服务对象满意度), longest first. */
  words: [string, string][];
}

/**
 * The words that name each 二级 category, from the frameworks' names and aliases. A head is a part
 * that ends several standard stems (效益 in 经济效益, 社会效益, 生态效益): the words before it are read one
 * by one, so "社会、经济、生态效益" names three categories. An alias that itself names several
 * categories (社会、经济、生态效益指标) is no word for one.
 */
function categoryWords(): CategoryWords {
  const stems = new Map<string, string>();
  for (const l of frameworkData.level2) stems.set(keyOf(stemOf(l.name)), l.name);
  const shared = new Map<string, number>();
  for (const s of stems.keys())
    for (let k = 2; k <= s.length; k++) shared.set(s.slice(-k), (shared.get(s.slice(-k)) ?? 0) + 1);
  const headNames = [...shared]
    .filter(([, n]) => n >= 2)
    .map(([h]) => h)
    .filter((h, _, all) => !all.some((o) => o !== h && h.endsWith(o)));
  const build = (entries: [string, string][]): CategoryWords => {
    const heads = headNames.map((head) => ({
      head,
      qualifiers: entries
        .filter(([w]) => w.length > head.length && w.endsWith(head))
        .map(([w, name]): [string, string] => [w.slice(0, -head.length), name])
        .sort((a, b) => b[0].length - a[0].length),
      alone: entries.find(([w]) => w === head)?.[1] ?? null,
    }));
    const words = entries
      .filter(([w]) => !headNames.some((h) => w.endsWith(h)))
      .sort((a, b) => b[0].length - a[0].length);
    return { stems, heads, words };
  };
  const standard = build([...stems]);
  const all: [string, string][] = [...stems];
  for (const l of frameworkData.level2)
    for (const a of l.aliases) {
      const w = keyOf(stemOf(keyOf(a)));
      if (w && namedIn(standard, w).size <= 1) all.push([w, l.name]);
    }
  return build(all);
}

/** The categories a key (marks removed) names: each word once, heads with every word before them. */
function namedIn(cw: CategoryWords, key: string): Set<string> {
  const out = new Set<string>();
  const used = new Uint8Array(key.length);
  const free = (from: number, to: number) => used.subarray(from, to).every((u) => u === 0);
  for (const { head, qualifiers, alone } of cw.heads) {
    for (let p = key.indexOf(head); p !== -1; p = key.indexOf(head, p + head.length)) {
      if (!free(p, p + head.length)) continue;
      let start = p;
      for (;;) {
        const q = qualifiers.find(
          ([w]) => start >= w.length && key.startsWith(w, start - w.length) && free(start - w.length, start),
        );
        if (!q) break;
        out.add(q[1]);
        start -= q[0].length;
      }
      if (start === p && alone) out.add(alone);
      used.fill(1, start, p + head.length);
    }
  }
  for (const [w, name] of cw.words) {
    for (let p = key.indexOf(w); p !== -1; p = key.indexOf(w, p + 1)) {
      if (!free(p, p + w.length)) continue;
      out.add(name);
      used.fill(1, p, p + w.length);
    }
  }
  return out;
}

let words: CategoryWords | null = null;

/** The 二级 categories a text names, by its word parts ("社会、经济、生态效益指标" → three). */
export function namedLevel2Categories(text: string): Set<string> {
  words ??= categoryWords();
  return namedIn(words, keyOf(text));
}

/** What a 二级 text is as written: a variant of one standard name, and the fix (null: written so already). */
export interface Level2Reading {
  name: string;
  after: string | null;
}

/** The suffixes a stem may carry in a variant: none, 指标 or a 指 cut short, 目标. */
const SUFFIXES = ['', ...[...indicatorWord].map((_, k) => indicatorWord.slice(0, k + 1)), targetWord];

/**
 * The standard name a 二级 text is a notational variant of, and the text with it written so; null
 * when the text is not such a variant (another word for the category, several categories, a
 * bracket that says more than the category).
 */
export function readLevel2(text: string): Level2Reading | null {
  words ??= categoryWords();
  const written = text.trim();
  const tag = TRAILING_LEVEL_TAG.exec(written);
  const body = tag ? written.slice(0, tag.index) : written;
  // Full-width folding keeps every position, so a part found in the folded text is cut from the written one.
  const folded = toHalfWidth(body);
  const numbering = NUMBERING.exec(folded)?.[0] ?? '';
  const hints: string[] = [];
  const main = folded.slice(numbering.length).replace(BRACKET, (_, hint: string) => {
    hints.push(hint);
    return ' ';
  });
  const mainKey = main.replace(MARKS, '');
  let name: string | undefined;
  for (const s of SUFFIXES) {
    if (!mainKey.endsWith(s)) continue;
    name = words.stems.get(mainKey.slice(0, mainKey.length - s.length));
    if (name) break;
  }
  if (!name) return null;
  const named = namedIn(words, mainKey);
  if (named.size !== 1 || !named.has(name)) return null;
  for (const hint of hints) {
    const key = hint.replace(MARKS, '');
    if (!key) continue;
    const inHint = namedIn(words, key);
    if (inHint.size !== 1 || !inHint.has(name)) return null;
  }
  if (hints.length === 0 && main.replace(/\s+/g, '') === name) return { name, after: null };
  return { name, after: `${body.slice(0, numbering.length).trim()}${name}${tag ? tag[0].trim() : ''}` };
}

interface Half {
  headerRow: number;
  col: number;
}

/**
 * The 二级 columns of the form's other half, which recognition leaves aside: another 二级 header in
 * the table's header row (中期 | 年度 side by side), or in a header row above or below its indicator
 * rows (a 中期 table under or over the 年度 one).
 */
function otherHalves(table: Table, sheet: CellSource): Half[] {
  const own = table.columns.level2;
  let first = Infinity;
  let last = -Infinity;
  for (const ind of table.indicators) {
    first = Math.min(first, ind.row);
    last = Math.max(last, ind.row);
  }
  if (own === null || first > last) return [];
  const out: Half[] = [];
  const look = (r: number) => {
    for (const c of sheet.cells(r)) {
      if (c.col < table.left || c.col > table.right || (r === table.indicatorHeaderRow && c.col === own))
        continue;
      if (c.text.length <= 30 && indicatorColumnRole(c.text)?.role === 'level2')
        out.push({ headerRow: r, col: c.col });
    }
  };
  for (let r = table.top; r < first; r++) look(r);
  for (let r = last + 1; r <= table.bottom; r++) look(r);
  return out;
}

/** The text in a cell, or in the merged area over it, with its place. */
function cellAt(sheet: CellSource, row: number, col: number): CellText | null {
  let at = { row, col };
  let cell = sheet.cells(row).find((c) => c.col === col);
  if (!cell) {
    const m = sheet.mergeAt(row, col);
    if (m) {
      at = { row: m.top, col: m.left };
      cell = sheet.cells(m.top).find((c) => c.col === m.left);
    }
  }
  return cell ? { text: cell.text, cell: a1(at.row, at.col), ...at } : null;
}

export const styleLevel2Name: Rule = {
  meta: {
    id: 'style/level2-name',
    type: 'style',
    severity: 'info',
    fixable: true,
    messages: ['standardName'],
  },
  check({ table, report, sheet }) {
    const seen = new Set<string>();
    let halves: Half[] | null = null;
    for (const ind of table.indicators) {
      const l2 = ind.level2;
      if (!l2?.name || seen.has(l2.cell)) continue;
      seen.add(l2.cell);
      const reading = readLevel2(l2.text);
      // The older 成本指标 in a newer form is a structure question (structure/misplaced-level2), not spelling.
      if (!reading || reading.name !== l2.name) continue;
      // The same place in the other half: written as the same category, fixable to it, or empty.
      const cells: { at: CellText; after: string }[] = [];
      if (reading.after !== null) cells.push({ at: l2, after: reading.after });
      let same = true;
      if (sheet) {
        halves ??= otherHalves(table, sheet);
        for (const h of halves) {
          const other = cellAt(sheet, h.headerRow + l2.row - table.indicatorHeaderRow, h.col);
          if (!other) continue;
          const theirs = readLevel2(other.text);
          if (theirs?.name !== reading.name) same = false;
          else if (theirs.after !== null) cells.push({ at: other, after: theirs.after });
        }
      }
      if (!same) continue;
      for (const { at, after } of cells) {
        if (at !== l2 && seen.has(at.cell)) continue;
        seen.add(at.cell);
        report({
          messageId: 'standardName',
          data: { text: at.text.trim(), after },
          at,
          text: rowText(ind),
          fix: { cell: at.cell, before: at.text, after },
        });
      }
    }
  },
};
