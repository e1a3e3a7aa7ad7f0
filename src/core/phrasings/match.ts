/**
 * Ranked suggestions for a text (the current 三级 cell, or what the user types in the search box),
 * with the row's 一级/二级 as context where known. Tolerant of wording variants (synonyms folded),
 * of word order and extra detail (bigrams), and searchable by pinyin initials or syllables.
 */
import type { Indicator, Table } from '../model';
import { type FrameworkId, categories, isNoneWord } from '../vocabulary';
import { categoryGroup, sharedBigrams, similarityFromCommon } from './infer';
import { type Phrasing, type PhrasingLibrary, renderValue } from './library';
import { matchKey } from './normalise';
import { type PinyinKey, isPinyinQuery, pinyinKey } from './pinyin';

export interface SearchQuery {
  text: string;
  /** The row's 一级 and 二级 (canonical names, either framework), to rank its own category first. */
  level1?: string | null;
  level2?: string | null;
  /** The table's framework, to name each suggestion's 一级/二级 as that form does. */
  framework?: FrameworkId;
  /** Only this 二级 (a newer name, or the older 成本指标 for all three cost 二级). */
  category?: string | null;
  area?: string | null;
  /** The form's year, for `{year}` in value templates. */
  year?: number;
  limit?: number;
}

export interface Suggestion {
  phrasing: Phrasing;
  score: number;
  /** 一级/二级 of the phrasing in the query's framework. */
  level1: string;
  level2: string;
  /** The value the template writes (examples and year filled in). */
  value: string;
  matchedBy: 'text' | 'pinyin' | 'category';
}

const CONTEXT_LEVEL2_BONUS = 0.3;
const CONTEXT_LEVEL1_BONUS = 0.1;
const KEYWORD_BONUS = 0.12;
const MIN_SCORE = 0.2;

const pinyinCache = new WeakMap<Phrasing, PinyinKey>();
function pinyinOf(p: Phrasing): PinyinKey {
  let k = pinyinCache.get(p);
  if (!k) pinyinCache.set(p, (k = pinyinKey(p.indicator)));
  return k;
}

function pinyinScore(p: Phrasing, q: string): number {
  const k = pinyinOf(p);
  if (k.initials === q) return 1;
  if (k.initials.startsWith(q)) return 0.9;
  if (q.length >= 2 && k.initials.includes(q)) return 0.75;
  if (q.length >= 3 && k.full.startsWith(q)) return 0.85;
  if (q.length >= 4 && k.full.includes(q)) return 0.7;
  return 0;
}

/** Whether a phrasing belongs to the category filter (older 成本指标 covers the three cost 二级). */
export function inCategory(p: Phrasing, category: string): boolean {
  return (
    p.level2 === category || p.frameworks.older.level2 === category || categoryGroup(p.level2) === category
  );
}

function contextBonus(p: Phrasing, q: SearchQuery, fw: FrameworkId): number {
  let bonus = 0;
  if (q.level2) {
    const mine = p.frameworks[fw].level2;
    if (mine === q.level2 || (q.level2 === categories.cost && categoryGroup(p.level2) === categories.cost))
      bonus += CONTEXT_LEVEL2_BONUS;
  }
  if (q.level1 && p.frameworks[fw].level1 === q.level1) bonus += CONTEXT_LEVEL1_BONUS;
  return bonus;
}

export function search(lib: PhrasingLibrary, q: SearchQuery): Suggestion[] {
  const fw: FrameworkId = q.framework ?? 'newer';
  const limit = q.limit ?? 10;
  const raw = q.text.trim();
  // "Not applicable" conventions are offered for 不涉及 / 无 rows (suggestForRow), not as phrasings.
  const pool = lib.entries.filter(
    (p) => !p.notApplicable && (!q.category || inCategory(p, q.category)) && (!q.area || p.area === q.area),
  );
  const scored: { p: Phrasing; score: number; by: Suggestion['matchedBy'] }[] = [];

  if (raw === '') {
    // No text: the category's phrasings in library order (the common ones first).
    for (const p of pool) {
      const bonus = contextBonus(p, q, fw);
      if (bonus > 0 || q.category || q.area) scored.push({ p, score: 0.5 + bonus, by: 'category' });
    }
  } else if (isPinyinQuery(raw)) {
    const letters = raw.toLowerCase().replace(/[\s']/g, '');
    for (const p of pool) {
      const s = pinyinScore(p, letters);
      if (s > 0) scored.push({ p, score: s + contextBonus(p, q, fw), by: 'pinyin' });
    }
  } else {
    const normalised = lib.normalise(raw);
    const key = matchKey(normalised).bigrams;
    const shared = sharedBigrams(lib, key);
    for (const p of pool) {
      const common = shared.get(p.index) ?? 0;
      let s = similarityFromCommon(common, key.size, p.key.bigrams.size);
      // A short search ("满意", "线路数量") is answered by the phrasings that contain all of it.
      if (normalised.length <= 8 && key.size > 0) s = Math.max(s, 0.85 * (common / key.size));
      let kw = 0;
      for (const k of p.keywordKeys) if (k.length >= 2 && normalised.includes(k)) kw += KEYWORD_BONUS;
      s += Math.min(kw, 2 * KEYWORD_BONUS);
      if (s >= MIN_SCORE) scored.push({ p, score: s + contextBonus(p, q, fw), by: 'text' });
    }
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.by === 'category' ? 0 : a.p.indicator.length - b.p.indicator.length) ||
      a.p.index - b.p.index,
  );
  return scored.slice(0, limit).map(({ p, score, by }) => ({
    phrasing: p,
    score: Math.round(score * 1000) / 1000,
    level1: p.frameworks[fw].level1,
    level2: p.frameworks[fw].level2,
    value: renderValue(p.value, q.year),
    matchedBy: by,
  }));
}

/** What suggestions for a row start from: its table, its indicator (if any) and its category. */
export interface RowQuery {
  table: Pick<Table, 'framework' | 'year'>;
  indicator: Pick<Indicator, 'name' | 'level1'> | null;
  /** The row's 二级 as the engine judges it (see core/categories `category`), or null. */
  category: string | null;
}

function suggestion(
  p: Phrasing,
  fw: FrameworkId,
  year: number | undefined,
  score: number,
  by: Suggestion['matchedBy'],
): Suggestion {
  return {
    phrasing: p,
    score,
    level1: p.frameworks[fw].level1,
    level2: p.frameworks[fw].level2,
    value: renderValue(p.value, year),
    matchedBy: by,
  };
}

/**
 * Suggestions for the row the user is on. They come from the row's own category (its 二级 under the
 * table's framework) unless `widen` asks for every category: ranked by similarity to the row's text,
 * then by how common the phrasing is (library order), and filled up with the category's common
 * phrasings when few are similar. A 不涉及 / 无 row gets its category's way of saying "does not
 * apply" where there is one (选填 效益, costs to society or the environment), else the category's
 * common phrasings: a required category cannot be declared not applicable.
 */
export function suggestForRow(
  lib: PhrasingLibrary,
  row: RowQuery,
  options: { limit?: number; widen?: boolean } = {},
): Suggestion[] {
  const fw: FrameworkId = row.table.framework ?? 'newer';
  const year = row.table.year ?? undefined;
  const limit = options.limit ?? 5;
  const text = row.indicator?.name?.text ?? '';
  const category = options.widen ? null : row.category;
  if (isNoneWord(text) && category) {
    const conventions = lib.entries
      .filter((p) => p.notApplicable && inCategory(p, category))
      .map((p) => suggestion(p, fw, year, 1, 'category'));
    const common = search(lib, { text: '', category, level2: category, framework: fw, year, limit });
    return [...conventions, ...common].slice(0, limit);
  }
  const query = {
    text: isNoneWord(text) ? '' : text,
    level1: row.indicator?.level1?.name ?? null,
    level2: row.category,
    category,
    framework: fw,
    year,
    limit,
  };
  const found = search(lib, query);
  if (!category || found.length >= limit) return found;
  // A 二级 the library has no phrasings for (a local name): every category, rather than nothing.
  if (found.length === 0 && !lib.entries.some((p) => inCategory(p, category)))
    return suggestForRow(lib, row, { ...options, widen: true });
  const seen = new Set(found.map((s) => s.phrasing.index));
  const fill = search(lib, { ...query, text: '' }).filter((s) => !seen.has(s.phrasing.index));
  return [...found, ...fill].slice(0, limit);
}
