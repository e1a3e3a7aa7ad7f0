/** Each rule's rationale (why reviewers care), by locale: for `jixiao rules` and the README, not the pane. */
import type { EngineLocale } from './index';
import data from './rationales.json';

const RATIONALES = data as unknown as Record<EngineLocale, Record<string, string>>;

export function ruleRationale(ruleId: string, locale: EngineLocale = 'zh-CN'): string {
  return RATIONALES[locale]?.[ruleId] ?? RATIONALES['zh-CN'][ruleId] ?? '';
}
