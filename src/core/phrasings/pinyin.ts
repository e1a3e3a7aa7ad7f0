/**
 * Pinyin keys for the phrasings, from pinyin-pro (a maintained dictionary with word-level
 * polyphone handling: 长效 → changxiao, 重要 → zhongyao), so that `fwdxmyd` finds 服务对象满意度.
 * Built on the first pinyin query only: typing Chinese never pays for it.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinKey {
  /** First letters: "fwdxmyd". */
  initials: string;
  /** Whole syllables without tones or spaces: "fuwuduixiangmanyidu". */
  full: string;
}

export function pinyinKey(text: string): PinyinKey {
  const han = text.replace(/[^\u4e00-\u9fff]/g, '');
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }) as string[];
  return { initials: syllables.map((s) => s[0] ?? '').join(''), full: syllables.join('') };
}

/** Whether a query is meant as pinyin: Latin letters only (spaces allowed). */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z][a-z\s']*$/i.test(q.trim());
}
