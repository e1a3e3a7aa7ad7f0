/**
 * The form's words and the indicator frameworks, loaded from JSON data and validated by zod, so a
 * new province's wording is a data change, not a code change. Labels are read in two steps: the
 * exact lists first, then by their word parts (an amount label is a money word plus a total or a
 * part word), which is how a label nobody listed ("中期预算资金总额", "区级主管部门") is still read.
 */
import type {
  Framework,
  FrameworkData,
  FrameworkId,
  NearMissVocabulary,
  Vocabulary,
} from './vocabulary-schema';

export type { Framework, FrameworkId } from './vocabulary-schema';
import vocabularyData from './data/vocabulary.json';
import frameworksData from './data/frameworks.json';
import { escapeRegExp, labelKey } from './text';

export const HEADER_FIELDS = [
  'projectName',
  'department',
  'implementer',
  'attribute',
  'period',
  'fundOffice',
  'goal',
] as const;
export const AMOUNT_LABELS = [
  'total',
  'annual',
  'groupTotal',
  'fiscal',
  'other',
  'carryover',
  'central',
  'regional',
  'transfer',
  'groupOwn',
  'groupTransfer',
  'groupProject',
] as const;
export const COLUMN_ROLES = [
  'lead',
  'level1',
  'level2',
  'name',
  'value',
  'description',
  'basis',
  'remark',
  'weight',
  'direction',
  'measure',
  'polarity',
  'selfEvaluation',
] as const;

/**
 * The data without its "$comment" notes (keys starting with "$"), as the schemas read it. The
 * schemas themselves run in the tests and at the command line's start (vocabulary-schema.ts): the
 * data is built into the bundle, so checking it again in every pane would only cost bytes.
 */
function withoutNotes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNotes) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !k.startsWith('$'))
        .map(([k, v]) => [k, withoutNotes(v)]),
    ) as T;
  return value;
}

export const vocabulary = withoutNotes(vocabularyData) as unknown as Vocabulary;
export const frameworkData = withoutNotes(frameworksData) as unknown as FrameworkData;
/** The categories rules reason about, by role (see frameworks.json). */
export const categories = frameworkData.categories;

/**
 * A word list as one pattern: whether a key contains any of the words. Every distinct cell text is
 * asked several such questions; one compiled pattern answers in a fraction of the time of a walk
 * over the list with includes(). Compiled once per list (the lists are data, loaded once).
 */
function containsAny(words: readonly string[]): RegExp {
  let re = wordPatterns.get(words);
  if (!re) {
    re = words.length ? new RegExp(words.map(escapeRegExp).join('|')) : /(?!)/;
    wordPatterns.set(words, re);
  }
  return re;
}

const wordPatterns = new WeakMap<readonly string[], RegExp>();

export type Level1Name = string;
export type Level2Name = string;

function index(levels: { name: string; aliases: string[] }[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of levels) {
    m.set(levelKey(labelKey(l.name)), l.name);
    for (const a of l.aliases) m.set(levelKey(labelKey(a)), l.name);
  }
  return m;
}

const { targetWord, indicatorWord } = vocabulary.levelSuffixes;

/**
 * Numbering before an item of a list, in a key (labelKey: full-width folded, spaces gone): "1.产出指标",
 * "(一)数量指标", "一、效益指标", "①满意度", "一、预算资金".
 */
export const NUMBERING =
  /^(?:\(?[一二三四五六七八九十\d]{1,3}[).、]|\([一二三四五六七八九十\d]{1,3}\)|[①-⑳])/;

/**
 * Level-name key: a score after the name ("(0-20)分", "10分"), a trailing bracket ("(工期指标)"),
 * an alternative in brackets ("预算(或投资规模)控制指标") and a "目标" written for "指标" are not part
 * of the name.
 */
export function levelKey(key: string): string {
  let k = key.replace(NUMBERING, '');
  if (k.indexOf('(') !== -1 || /分$/.test(k)) {
    k = k
      .replace(/\(?[\d.\-~至]+\)?分$/, '')
      .replace(/\([^()]*\)$/, '')
      .replace(/\(或[^()]*\)/g, '');
  }
  if (k.endsWith(targetWord)) k = k.slice(0, -targetWord.length) + indicatorWord;
  return k;
}

const level1Index = index(frameworkData.level1);
const level2Index = index(frameworkData.level2);

/**
 * A level name cut short by a narrow column ("数量指", "可持续影"): the one name it starts, when
 * it is at least `truncatedMin` characters and starts no other.
 */
function truncatedLevel(levels: Map<string, string>, key: string): string | null {
  if (key.length < vocabulary.amounts.truncatedMin || key.length > 8) return null;
  let found: string | null = null;
  for (const [k, name] of levels) {
    if (k.length <= key.length || !k.startsWith(key)) continue;
    if (found && found !== name) return null;
    found = name;
  }
  return found;
}

/** The canonical 一级 name for a cell text ("效果指标" → 效益指标), or null. */
export function canonicalLevel1(text: string, key = labelKey(text)): Level1Name | null {
  const k = levelKey(key);
  return level1Index.get(k) ?? truncatedLevel(level1Index, k);
}

/** The canonical 二级 name for a cell text ("经济效益" → 经济效益指标), or null. */
export function canonicalLevel2(text: string, key = labelKey(text)): Level2Name | null {
  const k = levelKey(key);
  return level2Index.get(k) ?? truncatedLevel(level2Index, k);
}

function keyIndex<T extends string>(group: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [field, list] of Object.entries(group) as [T, unknown][]) {
    if (!Array.isArray(list)) continue;
    for (const label of list) m.set(labelKey(label), field);
  }
  return m;
}

function partsMatch(key: string, rule: { all: string[][]; none?: string[] }): boolean {
  if (rule.none && containsAny(rule.none).test(key)) return false;
  return rule.all.every((group) => containsAny(group).test(key));
}

export type HeaderField = (typeof HEADER_FIELDS)[number];
export type AmountLabel = (typeof AMOUNT_LABELS)[number];
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** What a header-block label is: a field, a parent project's name, a weak department label, or another known label. */
export type HeaderLabelKind = HeaderField | 'parentName' | 'weakDepartment' | 'other';

const headerIndex = keyIndex(vocabulary.header);
const headerBase = new Map(headerIndex);
const { truncatedMin, ...amountLists } = vocabulary.amounts;
const amountIndex = keyIndex<AmountLabel>(amountLists);
const amountBase = new Map(amountIndex);
const columnIndex = keyIndex<ColumnRole>(vocabulary.indicatorHeader);

/** Removes a unit written into a label: "项目资金(万元)" → 项目资金, and returns the unit. */
export function splitLabelUnit(key: string): { key: string; unit: '万元' | '元' | null } {
  const m = /^(.*?)\((万元|元)\)$/.exec(key);
  if (m && m[1].length >= 2) return { key: m[1], unit: m[2] as '万元' | '元' };
  return { key, unit: null };
}

/** Header labels are short: longer keys are prose, never compared by parts. */
const MAX_HEADER_LABEL = 16;

/** What a header-block label is (项目名称, 区级主管部门, 部门(单位)名称 …), or null. */
export function headerLabel(text: string, fullKey = labelKey(text)): HeaderLabelKind | null {
  // A note in brackets after a label is not part of it: "(万元)", "(文字)", "(2026年-2028年)".
  const { key: unitless } = splitLabelUnit(fullKey);
  const key = unitless.length > 4 && unitless.endsWith(')') ? unitless.replace(/\([^()]*\)$/, '') : unitless;
  const exact = headerIndex.get(key) ?? headerIndex.get(key.replace(MARK_INSIDE, ''));
  if (exact) return exact;
  // A colon inside is a label with its value ("项目名称:…"), read as such by the caller.
  if (key.length > MAX_HEADER_LABEL || key.length < 2 || key.includes(':')) return null;
  const words = key.replace(MARK_INSIDE, '');
  for (const rule of vocabulary.headerParts) if (partsMatch(words, rule)) return rule.field;
  return null;
}

const {
  money: MONEY_WORDS,
  none: NOT_AMOUNT_WORDS,
  maxLength: MAX_AMOUNT_LABEL,
  rules: AMOUNT_RULES,
} = vocabulary.amountParts;

/** Whether an amount label names what the form asks for ("申请财政资金", "申报财政拨款"). */
export function isRequestLabel(key: string): boolean {
  return containsAny(vocabulary.amountParts.request).test(key);
}

/** Whether an amount label's words name money and nothing else ("本年度安排经费"; not "执行率", not "50万"). */
export function isMoneyWordLabel(key: string): boolean {
  return (
    key.length >= 2 &&
    key.length <= MAX_AMOUNT_LABEL &&
    !/[\d:]/.test(key) &&
    containsAny(MONEY_WORDS).test(key) &&
    !containsAny(NOT_AMOUNT_WORDS).test(key)
  );
}

/** Whether a project-name label names a program over projects (专项名称, 一级项目名称), not the project. */
export function isBroadName(label: string): boolean {
  return containsAny(vocabulary.broadName).test(labelKey(label).replace(MARK_INSIDE, ''));
}

/** A required-field or OCR mark inside a label ("一*级项目名称"): not part of its words. */
const MARK_INSIDE = /[*★☆※]/g;

/**
 * The term a part's label names ("中期市财政预算" → longTerm, "本年度申请财政资金" → annual), or null:
 * a part of the project's whole span, or of this year.
 */
export function amountTerm(key: string): 'annual' | 'longTerm' | null {
  const { annual, longTerm } = vocabulary.amountParts.terms;
  if (containsAny(longTerm).test(key)) return 'longTerm';
  return containsAny(annual).test(key) ? 'annual' : null;
}

const YEAR_PREFIX = /^(?:19|20)\d\d年度?(?=\D)/;

/**
 * The amount label for a cell text. Exact labels first; labels cut short by a narrow column
 * ("其他资", "自治区资") as prefixes of at least `truncatedMin` characters; then by parts: a money
 * word, and a total, year or part word ("中期预算资金总额" is the project total, "当年其他资金" a part).
 */
export function amountLabel(
  text: string,
  fullKey = labelKey(text),
): { label: AmountLabel; unit: '万元' | '元' | null; byParts?: boolean } | null {
  const { key, unit } = splitLabelUnit(fullKey);
  const exact = amountIndex.get(key);
  if (exact) return { label: exact, unit };
  if (key.length >= truncatedMin && key.length <= 6) {
    for (const [k, field] of amountIndex) {
      if (k.length > key.length && k.startsWith(key) && field !== 'groupProject' && field !== 'groupTotal')
        return { label: field, unit };
    }
  }
  // A year in front ("2026年预算数", "2026年度资金总额"): the amount of that year, read without it.
  const year = YEAR_PREFIX.exec(key);
  if (year) {
    const rest = amountLabel(key.slice(year[0].length), key.slice(year[0].length));
    if (!rest) return null;
    const whole = rest.label === 'total' || rest.label === 'groupTotal';
    return { label: whole ? 'annual' : rest.label, unit, byParts: true };
  }
  if (key.length > MAX_AMOUNT_LABEL || key.length < 2 || key.includes(':')) return null;
  if (!containsAny(MONEY_WORDS).test(key) || containsAny(NOT_AMOUNT_WORDS).test(key)) return null;
  if (/\d/.test(key)) return null; // "50万", "2022年预算执行" are values or prose, not labels
  for (const rule of AMOUNT_RULES)
    if (partsMatch(key, rule)) return { label: rule.label, unit, byParts: true };
  return null;
}

export type Qualifier = 'annual' | 'longTerm' | null;

const TERM_WORDS = [...vocabulary.qualifiers.annual, ...vocabulary.qualifiers.longTerm].sort(
  (a, b) => b.length - a.length,
);
/** A heading over an indicator block that names its term: "中期绩效指标", "（二）年度绩效指标表". */
const TERM_HEADING = new RegExp(
  `^(?:\\(?[一二三四五六七八九十\\d]{1,2}[)、.]?)?(${TERM_WORDS.map(escapeRegExp).join('|')})(?:绩效)?指标表?(?:\\([^()]*\\))?$`,
);

/** The term a heading over an indicator block names (中期绩效指标 → longTerm), or null for any other text. */
export function termHeading(key: string): Qualifier {
  const m = key.includes('指标') ? TERM_HEADING.exec(key) : null;
  if (!m) return null;
  return vocabulary.qualifiers.longTerm.includes(m[1]) ? 'longTerm' : 'annual';
}

/** Splits a qualifier off a column label: "二级指标(长期)" → 二级指标, longTerm. */
function splitQualifier(key: string): { key: string; qualifier: Qualifier } {
  const m = /^(.+?)\(([^()]+)\)$/.exec(key);
  if (m) {
    if (vocabulary.qualifiers.annual.includes(m[2])) return { key: m[1], qualifier: 'annual' };
    if (vocabulary.qualifiers.longTerm.includes(m[2])) return { key: m[1], qualifier: 'longTerm' };
  }
  return { key, qualifier: null };
}

const VP = vocabulary.valueParts;

/** Whether a column label names a value column by its parts ("区域目标值", "预期2022年实现值"). */
export function isValueWord(key: string): boolean {
  return (
    VP.ends.some((w) => key.endsWith(w)) && containsAny(VP.any).test(key) && !containsAny(VP.none).test(key)
  );
}

/** How well a sub-column label names this year's target: > 0 preferred, < 0 avoided (last year's actual). */
export function valueColumnPreference(key: string): number {
  let score = 0;
  for (const w of VP.prefer) if (key.includes(w)) score++;
  for (const w of VP.avoid) if (key.includes(w)) score -= 2;
  return score;
}

/** The indicator-table column a header cell names, with its 长期/年度 qualifier. */
export function indicatorColumnRole(
  text: string,
  fullKey = labelKey(text),
): { role: ColumnRole; qualifier: Qualifier } | null {
  if (fullKey.length > 24) return null;
  const { key, qualifier } = splitQualifier(fullKey);
  const role = columnIndex.get(key) ?? columnByParts(key);
  if (role) return { role, qualifier };
  // A note in brackets after the header ("指标值(定量/定性)", "三级指标(必填)") is not part of it.
  if (key.endsWith(')')) {
    const base = key.replace(/\([^()]*\)$/, '');
    const again = base.length >= 2 ? (columnIndex.get(base) ?? columnByParts(base)) : undefined;
    if (again) return { role: again, qualifier };
  }
  return null;
}

/** Level columns by their parts ("一级指标名称", "三级绩效指标名称", "一级"), and value columns ("预期目标值"). */
function columnByParts(key: string): ColumnRole | undefined {
  // "一级指标名称", "三级绩效指标", and the bare "一级" / "二级" / "三级" of a terse header.
  const m = /^([一二三])级(?:(?:绩效)?指标|$)/.exec(key);
  if (m) return m[1] === '一' ? 'level1' : m[1] === '二' ? 'level2' : 'name';
  // "指标名称及指标值", "绩效指标(含目标值)": the indicator with its value typed after it, in one
  // column — the name column of a form with no value column.
  const both = /^(.{2,}?)(?:及|和|与|、|\(含)(.{2,}?)\)?$/.exec(key);
  if (both && isValueWord(both[2])) {
    const first = columnIndex.get(both[1]) ?? columnByParts(both[1]);
    if (first === 'name' || first === 'lead' || /指标(?:名称)?$/.test(both[1])) return 'name';
  }
  return isValueWord(key) ? 'value' : undefined;
}

export function framework(id: FrameworkId): Framework {
  return frameworkData.frameworks[id];
}

/** The 一级 a 二级 belongs to in a framework, or null if the framework has no such 二级. */
export function homeLevel1(id: FrameworkId, level2: Level2Name): Level1Name | null {
  let homes = homesByFramework.get(id);
  if (!homes) {
    // Built once per framework: rules ask this for every indicator of every table.
    homes = new Map();
    for (const [parent, children] of Object.entries(framework(id).tree))
      for (const child of children) if (!homes.has(child)) homes.set(child, parent);
    homesByFramework.set(id, homes);
  }
  return homes.get(level2) ?? null;
}

const homesByFramework = new Map<FrameworkId, Map<Level2Name, Level1Name>>();

export function isTitleText(text: string, key = labelKey(text)): boolean {
  return key.length <= vocabulary.titles.maxLength && containsAny(vocabulary.titles.patterns).test(key);
}

export type NearMissKind = keyof typeof vocabulary.nearMiss;
/** The near-miss kinds, in the order they are tried (vocabulary.json's order). */
export const NEAR_MISS_KINDS = Object.keys(vocabulary.nearMiss) as NearMissKind[];

export function nearMissInfo(kind: NearMissKind): NearMissVocabulary {
  return vocabulary.nearMiss[kind];
}

/**
 * Another document's title: a short line ending like a title (…申报书, …预算明细表) that is no
 * target-table title. A header block under one (项目名称, 申请金额, 项目目标 in a 申报书) is not the form.
 */
export function isOtherDocumentTitle(text: string, key = labelKey(text)): boolean {
  return (
    key.length >= 4 &&
    key.length <= 40 &&
    !/[，。；,;:：]/.test(key) &&
    vocabulary.titles.documentEnds.some((w) => key.endsWith(w)) &&
    !isTitleText(text, key)
  );
}

/** Every cell is asked: one pattern settles the common "no" before the lists are walked. */
const ANY_TITLE = new RegExp(
  NEAR_MISS_KINDS.flatMap((k) => vocabulary.nearMiss[k].titles)
    .map(escapeRegExp)
    .join('|'),
);
const MARKERS = NEAR_MISS_KINDS.flatMap((k) => vocabulary.nearMiss[k].markers)
  .map(escapeRegExp)
  .join('|');
const ANY_MARKER = new RegExp(`^(?:${MARKERS})|(?:${MARKERS})$`);

/** The kind of not-a-target table a title names ("…绩效自评表", "…资金安排表"), or null. */
export function nearMissTitle(key: string): NearMissKind | null {
  if (key.length > 80 || !ANY_TITLE.test(key)) return null;
  for (const kind of NEAR_MISS_KINDS)
    if (vocabulary.nearMiss[kind].titles.some((w) => key.includes(w))) return kind;
  return null;
}

/**
 * The near-miss kinds a label or column header marks ("执行数", "得分", "部门职能"), each with the
 * marker word. A word may mark more than one kind: 得分 is in a 自评表 and in a scoring table alike.
 */
export function nearMissMarkers(key: string): { kind: NearMissKind; marker: string }[] | null {
  if (key.length > 20 || !ANY_MARKER.test(key)) return null;
  let out: { kind: NearMissKind; marker: string }[] | null = null;
  for (const kind of NEAR_MISS_KINDS) {
    for (const m of vocabulary.nearMiss[kind].markers)
      if (key.startsWith(m) || key.endsWith(m)) {
        (out ??= []).push({ kind, marker: m });
        break;
      }
  }
  return out;
}

export function isAnnexText(text: string, key = labelKey(text)): boolean {
  return key.length <= vocabulary.annex.maxLength && vocabulary.annex.words.some((a) => key.startsWith(a));
}

/** "单位：万元", "金额单位:元" → the unit; null when the cell is not a unit line. */
export function unitLine(text: string, key = labelKey(text)): '万元' | '元' | null {
  if (key.length > 12) return null;
  for (const p of vocabulary.unitLine.prefixes) {
    if (!key.startsWith(p)) continue;
    const rest = key.slice(p.length).replace(/^[:：]/, '');
    for (const u of vocabulary.unitLine.units) if (rest === u) return u;
  }
  return null;
}

const CLOSING = new RegExp(
  `^(?:${vocabulary.closing.starts.map(escapeRegExp).join('|')})|${vocabulary.closing.contains.map(escapeRegExp).join('|')}`,
);

const CLOSING_PARTS = vocabulary.closing.parts;
/** Closing words a configuration adds (applyVocabularyAdditions). */
let closingAdded: RegExp | null = null;
let additionsInForce = '{}';

/**
 * Whether a cell starts a closing line — a signature, a date, a stamp, a note — and how it was
 * told: by the listed words ('words', anywhere in a row's first cell) or, for a short label nobody
 * listed (其他需说明的问题, 财政部门意见), by its word parts ('parts', only at a row's left edge).
 * Closing lines end a table.
 */
export function closingKind(key: string): false | 'words' | 'parts' {
  const head = key.length > 40 ? key.slice(0, 40) : key;
  if (CLOSING.test(head) || closingAdded?.test(head)) return 'words';
  if (key.length < 2 || key.length > CLOSING_PARTS.maxLength || /\d/.test(key)) return false;
  if (CLOSING_PARTS.ends.some((w) => key.endsWith(w))) return 'parts';
  return CLOSING_PARTS.rules.some((rule) => partsMatch(key, rule)) ? 'parts' : false;
}

/** Whether a cell starts a closing line (see closingKind). */
export function isClosingText(key: string): boolean {
  return closingKind(key) !== false;
}

/** The words a cell cut short may be the start of: level names, header labels, closing words. */
const CUT_WORDS = [
  ...new Set(
    [
      ...frameworkData.level1.flatMap((l) => [l.name, ...l.aliases]),
      ...frameworkData.level2.flatMap((l) => [l.name, ...l.aliases]),
      ...Object.values(vocabulary.header).flat(),
      ...vocabulary.closing.starts,
    ].map((w) => labelKey(w)),
  ),
];
const WHOLE_WORDS = new Set(CUT_WORDS);
const MAX_CUT = 8;

/**
 * Whether a short text is a word of the form cut short where the source ends ("效" of 效益指标,
 * "主管" of 主管部门审核意见): the start of a level name, a header label or a closing word, and no
 * such word itself.
 */
export function isCutWord(key: string): boolean {
  if (key.length === 0 || key.length > MAX_CUT || WHOLE_WORDS.has(key)) return false;
  return CUT_WORDS.some((w) => w.length > key.length && w.startsWith(key));
}

const NONE_WORDS = new Set(vocabulary.none.words);
const MAX_NONE = Math.max(...vocabulary.none.words.map((w) => w.length));

/** Whether a cell says "not applicable" (无, 不涉及, /, —): one list for values and indicator names. */
export function isNoneWord(text: string): boolean {
  if (text.length > MAX_NONE + 4) return false;
  return NONE_WORDS.has(labelKey(text));
}

/** The fields a template's own words can be added to (jixiao.config.json `vocabulary`, the 设置 tab). */
export const VOCABULARY_FIELDS = [...HEADER_FIELDS, ...AMOUNT_LABELS, 'closing'] as const;
export type VocabularyField = (typeof VOCABULARY_FIELDS)[number];
export type VocabularyAdditions = Partial<Record<VocabularyField, string[]>>;

/**
 * Adds a template's own words for one check: labels read as the field they name ("本年度申请市财政预算资金"
 * as 年度资金总额), closing lines that end a table. The built-in words stay; the additions of the previous
 * call are dropped. Returns whether anything changed (the caller then forgets the cells' classes).
 */
export function applyVocabularyAdditions(additions: VocabularyAdditions | undefined): boolean {
  const key = JSON.stringify(additions ?? {});
  if (key === additionsInForce) return false;
  additionsInForce = key;
  headerIndex.clear();
  for (const [k, v] of headerBase) headerIndex.set(k, v);
  amountIndex.clear();
  for (const [k, v] of amountBase) amountIndex.set(k, v);
  closingAdded = null;
  for (const [field, words] of Object.entries(additions ?? {}) as [VocabularyField, string[]][]) {
    const keys = words.map((w) => splitLabelUnit(labelKey(w)).key).filter((k) => k.length >= 2);
    if (field === 'closing') {
      if (keys.length) closingAdded = new RegExp(`^(?:${keys.map(escapeRegExp).join('|')})`);
    } else if ((HEADER_FIELDS as readonly string[]).includes(field))
      for (const k of keys) headerIndex.set(k, field as HeaderField);
    else for (const k of keys) amountIndex.set(k, field as AmountLabel);
  }
  return true;
}
