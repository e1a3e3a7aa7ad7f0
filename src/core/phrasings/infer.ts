/**
 * Category inference: which 二级 a 三级 text belongs to, from the text alone. Two kinds of evidence
 * add up: cue words kept as data (a name ending in 合格率 is a 质量 rate, one containing 满意 a
 * 满意度), and the nearest standard phrasings of each 二级 (bigram similarity to the library).
 */
import { foldText } from '../text';
import type { PhrasingLibrary } from './library';
import { matchKey } from './normalise';

export interface Prediction {
  /** Newer-framework 二级 name. */
  level2: string;
  score: number;
  /** Score of the best minus the second best category. */
  margin: number;
  /** The cue part of the best score: evidence from the text's own words. */
  cueScore: number;
  /** The cue score of every category (for "does the stated 二级 have any evidence"). */
  cues: Record<string, number>;
  scores: Record<string, number>;
}

/** Weight of the nearest-phrasing similarity (0–1) against the cue weights (1–6 each). */
const SIMILARITY_WEIGHT = 4;

function cueText(text: string): string {
  // Units and notes in brackets ("(%)", "（人）") and trailing punctuation say nothing about the category.
  return foldText(text)
    .replace(/\([^()]{0,12}\)/g, '')
    .replace(/[\s。.;；,，:：、]+$/g, '')
    .replace(/\s+/g, '');
}

export function cueScores(lib: PhrasingLibrary, text: string): Record<string, number> {
  const t = cueText(text);
  const out: Record<string, number> = {};
  for (const c of lib.categories) {
    let s = 0;
    for (const cue of lib.cues[c] ?? []) {
      if ('suffix' in cue ? t.endsWith(cue.suffix) : t.includes(cue.contains)) s += cue.weight;
    }
    out[c] = s;
  }
  return out;
}

/**
 * Similarity of a query to a phrasing from the bigrams they share: the larger of Dice and how much
 * of the phrasing the query holds.
 */
export function similarityFromCommon(common: number, querySize: number, entrySize: number): number {
  if (querySize === 0 || entrySize === 0 || common === 0) return 0;
  const dice = (2 * common) / (querySize + entrySize);
  // A one- or two-bigram phrasing "contained" in a long text is weak evidence: scale it down.
  const cover = entrySize >= 3 ? common / entrySize : (common / entrySize) * 0.6;
  return Math.max(dice, 0.9 * cover);
}

/** For each phrasing sharing a bigram with the query: how many it shares (through the postings). */
export function sharedBigrams(lib: PhrasingLibrary, key: Set<string>): Map<number, number> {
  const common = new Map<number, number>();
  for (const g of key) {
    const list = lib.postings.get(g);
    if (list) for (const i of list) common.set(i, (common.get(i) ?? 0) + 1);
  }
  return common;
}

/**
 * Predictions are kept per text: a live re-check after one edit asks again for every other row of
 * the sheet. Bounded, so a giant sheet cannot grow it without end.
 */
const memo = new WeakMap<PhrasingLibrary, Map<string, Prediction | null>>();
const MEMO_LIMIT = 20000;

export function predictLevel2(lib: PhrasingLibrary, text: string): Prediction | null {
  let m = memo.get(lib);
  if (!m) memo.set(lib, (m = new Map()));
  const hit = m.get(text);
  if (hit !== undefined) return hit;
  const p = computePrediction(lib, text);
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(text, p);
  return p;
}

function computePrediction(lib: PhrasingLibrary, text: string): Prediction | null {
  const normalised = lib.normalise(text);
  if (normalised.length < 2) return null;
  const key = matchKey(normalised).bigrams;
  const cues = cueScores(lib, text);
  const best: Record<string, number> = {};
  const common = sharedBigrams(lib, key);
  for (const [index, n] of common) {
    const e = lib.entries[index];
    const s = similarityFromCommon(n, key.size, e.key.bigrams.size);
    if (s > (best[e.level2] ?? 0)) best[e.level2] = s;
  }
  const scores: Record<string, number> = {};
  for (const c of lib.categories) scores[c] = (cues[c] ?? 0) + SIMILARITY_WEIGHT * (best[c] ?? 0);
  const ranked = [...lib.categories].sort((a, b) => scores[b] - scores[a]);
  const [first, second] = ranked;
  if (scores[first] <= 0) return null;
  return {
    level2: first,
    score: scores[first],
    margin: scores[first] - scores[second],
    cueScore: cues[first],
    cues,
    scores,
  };
}

export { categoryGroup } from '../categories';
