/**
 * How phrasings and queries are compared: folded to one spelling (half-width, no spaces or
 * punctuation, synonyms replaced by the first of their group), then cut into character bigrams.
 * Bigrams make word order and extra detail cheap to tolerate: "全县…外网线路数量" contains every
 * bigram of "外网线路数量".
 */
import { escapeRegExp, foldText } from '../text';

const PUNCTUATION = /[\s,.;:!?()[\]{}、，。；：“”"'‘’《》〈〉<>\-—_/\\|·…]+/g;
/** Notes in brackets: "(含专业技术人员)", "（人）": detail, not the phrasing. */
const BRACKETED = /\([^()]{0,20}\)/g;

export interface MatchKey {
  text: string;
  bigrams: Set<string>;
}

/** A function folding text the library's way, with the library's synonym groups. */
export function normaliser(groups: string[][]): (s: string) => string {
  const canonical = new Map<string, string>();
  for (const g of groups) for (const v of g) canonical.set(v, g[0]);
  const variants = [...canonical.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = variants.length ? new RegExp(variants.join('|'), 'g') : null;
  return (s: string) => {
    let t = foldText(s).toLowerCase().replace(BRACKETED, '').replace(PUNCTUATION, '');
    if (re) t = t.replace(re, (m) => canonical.get(m) ?? m);
    return t;
  };
}

export function matchKey(normalised: string): MatchKey {
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < normalised.length; i++) bigrams.add(normalised.slice(i, i + 2));
  if (normalised.length === 1) bigrams.add(normalised);
  return { text: normalised, bigrams };
}
