/**
 * The form's labels and the indicator frameworks, loaded from JSON data and validated by zod, so a
 * new province's wording is a data change, not a code change.
 */
import { z } from 'zod';
import vocabularyData from './data/vocabulary.json';
import frameworksData from './data/frameworks.json';
import { labelKey } from './text';

const names = z.array(z.string().min(1)).min(1);

export const VocabularySchema = z.object({
  titles: z.object({ patterns: names, notTargetTable: names }),
  annex: names,
  unitLabels: names,
  header: z.object({
    projectName: names,
    department: names,
    implementer: names,
    attribute: names,
    period: names,
    fundOffice: names,
    goal: names,
  }),
  amounts: z.object({
    total: names,
    annual: names,
    groupTotal: names,
    fiscal: names,
    other: names,
    carryover: names,
    central: names,
    regional: names,
    groupOwn: names,
    groupTransfer: names,
    groupProject: names,
    truncatedMin: z.number().int().min(2),
  }),
  indicatorHeader: z.object({
    lead: names,
    level1: names,
    level2: names,
    name: names,
    value: names,
    description: names,
    basis: names,
    remark: names,
    weight: names,
    selfEvaluation: names,
  }),
});

const Level = z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)) });

export const FrameworkIdSchema = z.enum(['older', 'newer']);
export type FrameworkId = z.infer<typeof FrameworkIdSchema>;

const FrameworkSchema = z.object({
  label: z.string(),
  tree: z.record(z.string(), z.array(z.string())),
  requiredLevel1: z.array(z.string()),
  requiredLevel2: z.record(z.string(), z.array(z.string())),
  atLeastOneLevel2: z.array(z.string()),
});
export type Framework = z.infer<typeof FrameworkSchema>;

export const FrameworksSchema = z
  .object({
    level1: z.array(Level).min(1),
    level2: z.array(Level).min(1),
    frameworks: z.object({ older: FrameworkSchema, newer: FrameworkSchema }),
    newerFromYear: z.number().int(),
  })
  .superRefine((d, ctx) => {
    // Every name a framework uses must be a declared level, or lookups would silently fail.
    const l1 = new Set(d.level1.map((l) => l.name));
    const l2 = new Set(d.level2.map((l) => l.name));
    for (const [id, fw] of Object.entries(d.frameworks)) {
      for (const [parent, children] of Object.entries(fw.tree)) {
        if (!l1.has(parent)) ctx.addIssue({ code: 'custom', message: `${id}: unknown 一级 ${parent}` });
        for (const c of children) if (!l2.has(c)) ctx.addIssue({ code: 'custom', message: `${id}: unknown 二级 ${c}` });
      }
    }
  });

export const vocabulary = VocabularySchema.parse(vocabularyData);
export const frameworkData = FrameworksSchema.parse(frameworksData);

export type Level1Name = string;
export type Level2Name = string;

function index(levels: { name: string; aliases: string[] }[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of levels) {
    m.set(labelKey(l.name), l.name);
    for (const a of l.aliases) m.set(labelKey(a), l.name);
  }
  return m;
}

const level1Index = index(frameworkData.level1);
const level2Index = index(frameworkData.level2);

/** Level-name key: labelKey plus the tags in full-width or half-width brackets removed. */
function levelKey(key: string): string {
  return key.replace(/\(.*?\)$/, '');
}

/** The canonical 一级 name for a cell text ("效果指标" → 效益指标), or null. */
export function canonicalLevel1(text: string, key = labelKey(text)): Level1Name | null {
  return level1Index.get(levelKey(key)) ?? null;
}

/** The canonical 二级 name for a cell text ("经济效益" → 经济效益指标), or null. */
export function canonicalLevel2(text: string, key = labelKey(text)): Level2Name | null {
  return level2Index.get(levelKey(key)) ?? null;
}

/** Whether the text was written with an alias that names another framework's wording (效果指标). */
export function isEffectAlias(text: string): boolean {
  return /^效果/.test(labelKey(text));
}

type LabelGroup = Record<string, string[]>;

function keyIndex<T extends LabelGroup>(group: T): Map<string, keyof T> {
  const m = new Map<string, keyof T>();
  for (const [field, list] of Object.entries(group)) {
    if (!Array.isArray(list)) continue;
    for (const label of list) m.set(labelKey(label), field as keyof T);
  }
  return m;
}

const headerIndex = keyIndex(vocabulary.header);
const { truncatedMin, ...amountLabels } = vocabulary.amounts;
const amountIndex = keyIndex(amountLabels);
const indicatorHeaderIndex = keyIndex(vocabulary.indicatorHeader);

export type HeaderField = keyof typeof vocabulary.header;
export type AmountLabel = keyof typeof amountLabels;
export type IndicatorColumnRole = keyof typeof vocabulary.indicatorHeader;

/** Removes a unit written into a label: "项目资金(万元)" → 项目资金, and returns the unit. */
export function splitLabelUnit(key: string): { key: string; unit: '万元' | '元' | null } {
  const m = /^(.*?)\((万元|元)\)$/.exec(key);
  if (m) return { key: m[1], unit: m[2] as '万元' | '元' };
  return { key, unit: null };
}

export function headerField(text: string, fullKey = labelKey(text)): HeaderField | null {
  const { key } = splitLabelUnit(fullKey);
  return (headerIndex.get(key) as HeaderField | undefined) ?? null;
}

/**
 * The amount label for a cell text. Labels cut short by a narrow column ("其他资", "结余结",
 * "自治区资") are matched as prefixes of at least `truncatedMin` characters.
 */
export function amountLabel(text: string, fullKey = labelKey(text)): { label: AmountLabel; unit: '万元' | '元' | null } | null {
  const { key, unit } = splitLabelUnit(fullKey);
  const exact = amountIndex.get(key);
  if (exact) return { label: exact as AmountLabel, unit };
  if (key.length >= truncatedMin && key.length <= 6) {
    for (const [k, field] of amountIndex) {
      if (k.length > key.length && k.startsWith(key) && field !== 'groupProject') return { label: field as AmountLabel, unit };
    }
  }
  return null;
}

export function indicatorColumnRole(text: string, key = labelKey(text)): IndicatorColumnRole | null {
  return (indicatorHeaderIndex.get(key) as IndicatorColumnRole | undefined) ?? null;
}

export function framework(id: FrameworkId): Framework {
  return frameworkData.frameworks[id];
}

/** The 一级 a 二级 belongs to in a framework, or null if the framework has no such 二级. */
export function homeLevel1(id: FrameworkId, level2: Level2Name): Level1Name | null {
  for (const [parent, children] of Object.entries(framework(id).tree)) if (children.includes(level2)) return parent;
  return null;
}

export function isTitleText(text: string, key = labelKey(text)): boolean {
  return vocabulary.titles.patterns.some((p) => key.includes(p)) && key.length <= 80;
}

export function isNotTargetTitle(text: string): boolean {
  const key = labelKey(text);
  return vocabulary.titles.notTargetTable.some((p) => key.includes(p));
}

export function isAnnexText(text: string, key = labelKey(text)): boolean {
  return /^附件\d*[:：]?$/.test(key) || (vocabulary.annex.some((a) => key.startsWith(a)) && key.length <= 6);
}

/** "单位：万元", "金额单位:元" → the unit; null when the cell is not a unit line. */
export function unitLine(text: string, key = labelKey(text)): '万元' | '元' | null {
  const m = /^(?:金额)?单位[:：]?(万元|元)$/.exec(key);
  return m ? (m[1] as '万元' | '元') : null;
}
