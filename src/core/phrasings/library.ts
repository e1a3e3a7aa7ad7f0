/**
 * The library of standard indicator phrasings (标准三级指标表述): data in library.json, its shape
 * validated by zod (library-schema.ts), its meaning here. A bad entry (unknown 二级, a value
 * template whose kind contradicts the entry's, a duplicate) fails the load, so it fails the tests
 * rather than misleading a user.
 *
 * This module has no pinyin and no Office.js: the engine's rules, the command line and the pane's
 * lazy chunk all use it.
 */
import { type FrameworkId, categories, frameworkData, homeLevel1 } from '../vocabulary';
import { escapeRegExp } from '../text';
import { type ParsedValue, type ValueKind, parseValue } from '../values';
import libraryData from './library.json';
import { type MatchKey, matchKey, normaliser } from './normalise';
import { type Prediction, predictLevel2 } from './infer';
import type { Cue, EntryData, LibraryData, PhrasingKind } from './library-schema';

export type { Cue, EntryData, LibraryData, PhrasingKind };

/** `{n:50}` and `{amount:20}`: a number to fill, with its example; `{year}`: the form's year. */
const PLACEHOLDER = /\{(n|amount):(\d+(?:\.\d+)?)\}|\{year\}/g;

/** A phrasing as the matcher and the pane use it. */
export interface Phrasing extends EntryData {
  /** Position in the file: earlier entries are the more common ones and win ties. */
  index: number;
  /** 一级/二级 under each framework. */
  frameworks: Record<FrameworkId, { level1: string; level2: string }>;
  /** The template read as the value parser reads it (example numbers filled in). */
  parsed: { comparison: string | null; number: number | null; unit: string | null; kind: ValueKind };
  key: MatchKey;
  keywordKeys: string[];
}

export interface PhrasingLibrary {
  entries: Phrasing[];
  /** The newer-framework 二级 names, in framework order. */
  categories: string[];
  areas: string[];
  cues: Record<string, Cue[]>;
  /** Folds synonyms (满意率 → 满意度): the same function for entries and queries. */
  normalise: (s: string) => string;
  olderLevel2: Record<string, string>;
  /** Bigram → indices of the phrasings that have it: a query only visits the phrasings it shares a bigram with. */
  postings: Map<string, number[]>;
  /**
   * Any cue word of the categories whose misplacement is clear (满意度, 经济成本): a text without one
   * cannot be predicted into them, so the rule skips the full prediction for it.
   */
  clearCue: RegExp;
  /**
   * The 二级 the text's own words point at (infer.ts), carried by the library so that the rule that
   * asks (structure/misplaced-level2) does not bring the predictor into the pane's first bundle: the
   * library, and with it the predictor, is a chunk of its own.
   */
  predict: (text: string) => Prediction | null;
}

/** The value the template writes: placeholders replaced by their example (and the year). */
export function renderValue(template: string, year: number = new Date().getFullYear()): string {
  return template.replace(
    PLACEHOLDER,
    (_m, _kind: string | undefined, example: string | undefined) => example ?? String(year),
  );
}

/** Whether the template has a number the user is expected to replace. */
export function hasPlaceholder(template: string): boolean {
  return /\{(?:n|amount):/.test(template);
}

/** The parser's kind for a value, mapped to what a phrasing asks for ("number" counts as count). */
function kindOf(v: ValueKind): ValueKind {
  return v === 'number' ? 'count' : v;
}

/** How an entry's value template reads (examples filled in): cost templates are read as money. */
function parseTemplate(e: EntryData): ParsedValue {
  return parseValue(
    renderValue(e.value, 2026),
    e.level2 === categories.economicCost ? { money: true, unit: '万元' } : {},
  );
}

/** Every problem in the data, as messages; empty when the library is sound. */
export function libraryProblems(data: LibraryData): string[] {
  return examine(data).problems;
}

/** The problems, and each entry's parsed template (so that a sound library is not parsed twice). */
function examine(data: LibraryData): {
  problems: string[];
  parsed: ParsedValue[];
  normalise: (s: string) => string;
} {
  const problems: string[] = [];
  const parsed: ParsedValue[] = [];
  const newer = frameworkData.frameworks.newer.tree;
  const newerLevel2 = new Set(Object.values(newer).flat());
  const olderLevel2 = new Set(Object.values(frameworkData.frameworks.older.tree).flat());
  for (const [from, to] of Object.entries(data.olderLevel2)) {
    if (!newerLevel2.has(from)) problems.push(`olderLevel2: ${from} is not a newer 二级`);
    if (!olderLevel2.has(to)) problems.push(`olderLevel2: ${to} is not an older 二级`);
  }
  for (const c of Object.keys(data.cues)) if (!newerLevel2.has(c)) problems.push(`cues: unknown 二级 ${c}`);
  const normalise = normaliser(data.synonyms);
  const optionalLevel2 = new Set<string>(categories.optional);
  const seen = new Map<string, number>();
  data.entries.forEach((e, i) => {
    const where = `entry ${i + 1} (${e.indicator})`;
    if (!newerLevel2.has(e.level2)) problems.push(`${where}: unknown 二级 ${e.level2}`);
    const key = `${e.level2}|${normalise(e.indicator)}`;
    if (seen.has(key)) problems.push(`${where}: duplicate of entry ${seen.get(key)! + 1}`);
    else seen.set(key, i);
    if (/[{}]/.test(renderValue(e.value, 2026))) problems.push(`${where}: unknown placeholder in ${e.value}`);
    const p = parseTemplate(e);
    parsed.push(p);
    if (kindOf(p.kind) !== e.kind && !(e.notApplicable && p.kind === 'none'))
      problems.push(`${where}: value ${e.value} reads as ${p.kind}, not ${e.kind}`);
    if (e.level2 === categories.economicCost && e.kind !== 'money' && e.kind !== 'unitPrice')
      problems.push(`${where}: an economic cost must be an amount or a unit cost, not ${e.kind}`);
    if (e.level2 === categories.satisfaction && e.kind !== 'percent')
      problems.push(`${where}: a satisfaction value must be a percentage`);
    if (
      p.kind === 'percent' &&
      p.number !== null &&
      (p.number > 100 || (p.number === 100 && (p.comparison === '>' || p.comparison === '≥')))
    ) {
      problems.push(`${where}: a rate above 100% (${e.value})`);
    }
    if (/\*\*|★|□/.test(e.indicator + e.value)) problems.push(`${where}: template hint left in the text`);
    if (e.notApplicable && !optionalLevel2.has(e.level2))
      problems.push(`${where}: "not applicable" is no convention for the required ${e.level2}`);
  });
  return { problems, parsed, normalise };
}

/** A library from data of the schema's shape: its meaning examined, its indexes built. Throws on any problem. */
export function libraryFrom(data: LibraryData): PhrasingLibrary {
  const { problems, parsed, normalise } = examine(data);
  if (problems.length)
    throw new Error(`phrasing library: ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}`);
  const entries = data.entries.map((e, index): Phrasing => {
    const older = data.olderLevel2[e.level2] ?? e.level2;
    const p = parsed[index];
    // Under each framework: the entry's own (newer) 二级 where the framework has it, else the older
    // one's (成本指标 for the three costs); its 一级 where the framework puts that 二级.
    const frameworks: Phrasing['frameworks'] = {};
    for (const id of Object.keys(frameworkData.frameworks)) {
      const level2 = homeLevel1(id, e.level2) ? e.level2 : older;
      frameworks[id] = { level1: homeLevel1(id, level2) ?? homeLevel1('newer', e.level2)!, level2 };
    }
    return {
      ...e,
      index,
      frameworks,
      parsed: { comparison: p.comparison, number: p.number, unit: p.unit, kind: p.kind },
      key: matchKey(normalise(e.indicator)),
      keywordKeys: (e.keywords ?? []).map(normalise),
    };
  });
  const level2Names = Object.values(frameworkData.frameworks.newer.tree).flat();
  const areas = [...new Set(entries.map((e) => e.area))];
  const postings = new Map<string, number[]>();
  for (const e of entries) {
    for (const g of e.key.bigrams) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(e.index);
    }
  }
  const clearWords = [categories.satisfaction, categories.economicCost].flatMap((c) =>
    (data.cues[c] ?? []).map((cue) => ('suffix' in cue ? cue.suffix : cue.contains)),
  );
  const clearCue = new RegExp(clearWords.map(escapeRegExp).join('|'));
  const library: PhrasingLibrary = {
    entries,
    categories: level2Names,
    areas,
    cues: data.cues,
    normalise,
    olderLevel2: data.olderLevel2,
    postings,
    clearCue,
    predict: (text) => predictLevel2(library, text),
  };
  return library;
}

let cached: PhrasingLibrary | null = null;

/**
 * The shipped library, built once. Its shape is held to the schema (library-schema.ts) where it is
 * built and tested — by the tests and by the command line's build — so loading it needs no schema
 * library (zod takes longer to load than the whole library takes to build); its meaning (unknown
 * 二级, duplicates, values that contradict their kind) is examined here at every load. Throws (with
 * the problems) if the data is unsound.
 */
export function loadLibrary(): PhrasingLibrary {
  if (!cached) cached = libraryFrom(libraryData as LibraryData);
  return cached;
}
