/**
 * The engine's words, by locale: rule titles and descriptions, issue messages by
 * messageId, framework reasons by code. Rules report codes and data; text is rendered here, so the
 * en-US pane and `jixiao check --locale en-US` show English and JSON consumers read the figures
 * from `data` without parsing prose. Placeholders are filled as plain text, never as markup.
 *
 * zh-CN is built in. en-US is added by importing `./en-US` (the command line does at start; the pane
 * loads it as a separate chunk before its first check when Office speaks English, so the Chinese
 * pane does not carry it); until then an en-US request falls back to zh-CN.
 */
import zhCN from './zh-CN.json';

export type EngineLocale = 'zh-CN' | 'en-US';
export const ENGINE_LOCALES: EngineLocale[] = ['zh-CN', 'en-US'];

export interface RuleWords {
  title: string;
  description: string;
  messages: Record<string, string>;
  /** What each option of the rule sets (`jixiao rules`, the 设置 tab). */
  options?: Record<string, string>;
}

interface LocaleData {
  ruleFailed: string;
  framework: Record<string, string>;
  rules: Record<string, RuleWords>;
  profiles: Record<string, { title: string; description: string }>;
  /** What `--explain` says of a candidate region, by id. */
  explain: Record<string, string>;
  /** The line for each near-miss kind (vocabulary.json nearMiss), by kind. */
  nearMiss: Record<string, string>;
  /** The name of each field a reading shows (项目名称, 年度资金总额 …), by id (core/reading.ts). */
  fields: Record<string, string>;
}

const LOCALES: Partial<Record<EngineLocale, LocaleData>> & { 'zh-CN': LocaleData } = {
  'zh-CN': zhCN as unknown as LocaleData,
};

/** Adds a locale's words (./en-US does this for English). */
export function registerLocale(locale: EngineLocale, data: unknown): void {
  LOCALES[locale] = data as LocaleData;
}

export type MessageData = Record<string, string | number>;

/** Templates split once: a handful of strings per locale. */
const templates = new Map<string, string[]>();

/** `{name}` placeholders filled from data; an unknown one stays visible rather than vanishing. */
export function fill(template: string, data: MessageData = {}): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  // Split on the placeholders: even parts are text, odd parts are names (a sheet's check fills
  // the same few templates thousands of times).
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    out += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1];
  }
  return out;
}

export function localeData(locale: EngineLocale): LocaleData {
  return LOCALES[locale] ?? LOCALES['zh-CN'];
}

/** A rule's title, description and rationale in a locale (zh-CN when the locale lacks the rule). */
export function ruleWords(ruleId: string, locale: EngineLocale = 'zh-CN'): RuleWords {
  return (
    localeData(locale).rules[ruleId] ??
    LOCALES['zh-CN'].rules[ruleId] ?? { title: ruleId, description: '', messages: {} }
  );
}

/** A profile's title and what it does, in the locale's words. */
export function profileWords(
  id: string,
  locale: EngineLocale = 'zh-CN',
): { title: string; description: string } {
  return localeData(locale).profiles[id] ?? LOCALES['zh-CN'].profiles[id] ?? { title: id, description: '' };
}

export function renderMessage(
  ruleId: string,
  messageId: string,
  data: MessageData,
  locale: EngineLocale = 'zh-CN',
): string {
  const template =
    ruleWords(ruleId, locale).messages[messageId] ??
    LOCALES['zh-CN'].rules[ruleId]?.messages[messageId] ??
    `${ruleId}:${messageId}`;
  return fill(template, data);
}

export function renderRuleFailed(rule: string, error: string, locale: EngineLocale = 'zh-CN'): string {
  return fill(localeData(locale).ruleFailed, { rule, error });
}

/**
 * The human reason of a framework decision, from its code: the words for the code and framework
 * ("sheet-older") where the locale has them, else for the code, naming the framework ({framework}:
 * the locale's `label-<id>`, else frameworks.json's label, passed in as `label`).
 */
export function renderFrameworkReason(
  basis: FrameworkBasis,
  framework: string,
  year: number | null,
  locale: EngineLocale = 'zh-CN',
  label: string = framework,
): string {
  const words = localeData(locale).framework;
  const own = `${basis}-${framework}`;
  const key = (basis === 'sheet' || basis === 'profile') && own in words ? own : basis;
  return fill(words[key] ?? key, { year: year ?? '', framework: words[`label-${framework}`] ?? label });
}

/**
 * Why a table follows its framework: where its 成本 sits (cost-as-level1, cost-under-output), the
 * names that single out another framework (names), its year, its sheet's other tables, the default
 * (older), the profile for a table that shows none of these (profile), a profile that judges every
 * table against one framework (forced), or no framework fitting its names (unmatched).
 */
export type FrameworkBasis =
  | 'cost-as-level1'
  | 'cost-under-output'
  | 'names'
  | 'year'
  | 'sheet'
  | 'default'
  | 'profile'
  | 'forced'
  | 'unmatched'
  | 'corrected';

/** A line of `--explain` in a locale (zh-CN when the locale lacks it). */
export function explainWords(locale: EngineLocale, id: string, data?: MessageData): string {
  return fill(localeData(locale).explain[id] ?? LOCALES['zh-CN'].explain[id] ?? id, data);
}

/** The line for a near-miss kind in a locale; `fallback` (the vocabulary's own) for a kind the locale lacks. */
/** A framework's name in the locale (财预〔2021〕101号框架 …), the id itself when unknown. */
export function frameworkName(locale: EngineLocale, id: string): string {
  return localeData(locale).framework[`label-${id}`] ?? LOCALES['zh-CN'].framework[`label-${id}`] ?? id;
}

/** A field's name in the locale (项目名称 / project name), the id itself when unknown. */
export function fieldWords(locale: EngineLocale, id: string): string {
  return localeData(locale).fields?.[id] ?? LOCALES['zh-CN'].fields[id] ?? id;
}

export function nearMissWords(locale: EngineLocale, kind: string, fallback: string): string {
  return localeData(locale).nearMiss[kind] ?? fallback;
}
