/**
 * Which framework a table follows, from the level names it uses (frameworks as data:
 * data/frameworks.json). A framework fits a table when every 一级 of the table is one of its 一级
 * and every 二级 one of its 二级 — where each sits is what the structure rules judge. Of the two
 * general frameworks, 成本 as an 一级 says 财预〔2021〕101号 and 成本 as a 二级 under 产出 says
 * 财预〔2015〕88号; a table that shows neither follows its sheet's other tables, else its year.
 * Another framework (满意度 under 效益 in transfer templates, the 广东 批复表's 预期产出 / 效果)
 * is taken instead when the table's names single it out: it fits, and it places more of the
 * table's 二级 where the table has them, or the table writes more of its spellings. A table no
 * framework fits — a level name nobody knows, or names no one framework holds together — is read
 * by position and judged against none ('unmatched').
 */
import { type EngineLocale, type FrameworkBasis, renderFrameworkReason } from '../locales';
import type { Indicator, Table } from '../model';
import { labelKey } from '../text';
import {
  type FrameworkId,
  canonicalLevel1,
  categories,
  framework as frameworkOf,
  frameworkData,
  homeLevel1,
} from '../vocabulary';

export interface FrameworkGuess {
  framework: FrameworkId;
  /** Why, as a code; the words are the locale's (renderFrameworkReason). */
  basis: FrameworkBasis;
  /** False when the table's names fit more than one framework equally: its sheet or its year decides. */
  decided: boolean;
  /** The frameworks the table's level names fit, in data order (none: 'unmatched'). */
  fits: FrameworkId[];
}

/** The level names a table uses, as recognition read them. */
export interface LevelNames {
  /** Canonical 一级 names. */
  level1: Set<string>;
  /** Each 二级 cell once: its canonical name and the 一级 it sits under. */
  level2: { name: string; parent: string | null }[];
  /** The keys of every level cell as written (for a framework's spellings). */
  written: string[];
  /** Level cells whose text names no level at all, as written. */
  unknown: string[];
}

const IDS = Object.keys(frameworkData.frameworks);
const SPELLINGS = new Map(IDS.map((id) => [id, (frameworkOf(id).spellings ?? []).map((w) => labelKey(w))]));
const LEVEL2_NAMES = new Map(IDS.map((id) => [id, new Set(Object.values(frameworkOf(id).tree).flat())]));

/** The reason of a framework decision in words, naming the framework by its label. */
export function frameworkReason(
  basis: FrameworkBasis,
  framework: FrameworkId,
  year: number | null,
  locale: EngineLocale = 'zh-CN',
): string {
  return renderFrameworkReason(basis, framework, year, locale, frameworkData.frameworks[framework]?.label);
}

export function levelNames(indicators: readonly Indicator[]): LevelNames {
  const out: LevelNames = { level1: new Set(), level2: [], written: [], unknown: [] };
  const seen1 = new Set<string>();
  const seen2 = new Set<string>();
  for (const i of indicators) {
    const l1 = i.level1;
    if (l1 && !seen1.has(l1.cell)) {
      seen1.add(l1.cell);
      if (l1.name) {
        out.level1.add(l1.name);
        out.written.push(labelKey(l1.text));
      } else if (l1.text.trim()) out.unknown.push(l1.text.trim());
    }
    const l2 = i.level2;
    if (l2 && !seen2.has(l2.cell)) {
      seen2.add(l2.cell);
      if (l2.name) {
        out.written.push(labelKey(l2.text));
        // The 一级 written again in the 二级 column ("成本指标 | 成本指标") says nothing more.
        if (l2.name !== i.level1?.name) out.level2.push({ name: l2.name, parent: i.level1?.name ?? null });
      } else if (l2.text.trim() && !canonicalLevel1(l2.text)) out.unknown.push(l2.text.trim());
      // (An 一级 name in the 二级 column is understood: structure/misplaced-level2 says so.)
    }
  }
  return out;
}

/** Whether a framework holds every level name of the table. */
function fits(id: FrameworkId, names: LevelNames): boolean {
  const tree = frameworkOf(id).tree;
  for (const l1 of names.level1) if (!tree[l1]) return false;
  const level2 = LEVEL2_NAMES.get(id)!;
  return names.level2.every((l) => level2.has(l.name));
}

/** How well a framework explains the table: 二级 placed where it puts them, then names in its spellings. */
function score(id: FrameworkId, names: LevelNames): [number, number] {
  let placed = 0;
  for (const l of names.level2) if (l.parent !== null && homeLevel1(id, l.name) === l.parent) placed++;
  const words = SPELLINGS.get(id)!;
  let spelled = 0;
  if (words.length) for (const w of names.written) if (words.some((s) => w.includes(s))) spelled++;
  return [placed, spelled];
}

const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** 88号 or 101号, by where 成本 sits, else by the year. */
function general(names: LevelNames, year: number | null): FrameworkGuess {
  const { costLevel1, cost, newerCosts } = categories;
  let costAsLevel2 = false;
  let newer = names.level1.has(costLevel1);
  for (const l of names.level2) {
    if (l.name === cost) costAsLevel2 = true;
    if (newerCosts.includes(l.name)) newer = true;
  }
  if (newer) return { framework: 'newer', basis: 'cost-as-level1', decided: true, fits: [] };
  if (costAsLevel2) return { framework: 'older', basis: 'cost-under-output', decided: true, fits: [] };
  if (year !== null && year >= frameworkData.newerFromYear)
    return { framework: 'newer', basis: 'year', decided: false, fits: [] };
  return { framework: 'older', basis: 'default', decided: false, fits: [] };
}

export function detectFramework(indicators: readonly Indicator[], year: number | null): FrameworkGuess {
  return guessFrom(levelNames(indicators), year);
}

export function guessFrom(names: LevelNames, year: number | null): FrameworkGuess {
  const base = general(names, year);
  const fitting = names.unknown.length ? [] : IDS.filter((id) => fits(id, names));
  if (fitting.length === 0) return { ...base, basis: 'unmatched', decided: false, fits: [] };
  // Another framework only when the names single it out over the general one.
  let best: FrameworkId | null = null;
  let bestScore: [number, number] = fitting.includes(base.framework)
    ? score(base.framework, names)
    : [-1, -1];
  for (const id of fitting) {
    if (id === base.framework) continue;
    const s = score(id, names);
    if (better(s, bestScore)) [best, bestScore] = [id, s];
  }
  if (best !== null) return { framework: best, basis: 'names', decided: true, fits: fitting };
  return { ...base, fits: fitting };
}

/**
 * The level names of a table that its framework does not hold, as written: what makes a table
 * 'unmatched' (names nobody knows, else the ones outside the framework it was read as).
 */
export function namesOutside(table: Pick<Table, 'indicators' | 'framework'>): string[] {
  const names = levelNames(table.indicators);
  if (names.unknown.length) return [...new Set(names.unknown)];
  const tree = frameworkOf(table.framework).tree;
  const level2 = LEVEL2_NAMES.get(table.framework) ?? new Set<string>();
  const out = new Set<string>();
  for (const l1 of names.level1) if (!tree[l1]) out.add(l1);
  for (const l of names.level2) if (!level2.has(l.name)) out.add(l.name);
  return [...out];
}

/**
 * A table whose names fit several frameworks equally says nothing about which: it follows its
 * sheet's other tables (平罗 农村信息员生活补助 sits among newer-framework tables) — the framework
 * most of the decided ones follow, among those it fits. Given each table's own guess, the
 * framework and reason each one ends with; live checking (core/live.ts) uses it too.
 */
export function sheetFrameworks(guesses: FrameworkGuess[]): FrameworkGuess[] {
  const decided = guesses.filter((g) => g.decided);
  if (decided.length === 0) return guesses;
  return guesses.map((g) => {
    if (g.decided || g.basis === 'unmatched') return g;
    const counts = new Map<FrameworkId, number>();
    for (const d of decided)
      if (g.fits.includes(d.framework)) counts.set(d.framework, (counts.get(d.framework) ?? 0) + 1);
    if (counts.size === 0) return g;
    const most = Math.max(...counts.values());
    const tied = [...counts].filter(([, n]) => n === most).map(([id]) => id);
    // A tie between the two general frameworks goes to the newer one, as the year would from 2022.
    const majority = tied.includes('newer') ? 'newer' : IDS.find((id) => tied.includes(id))!;
    return { ...g, framework: majority, basis: 'sheet' as const, decided: false };
  });
}

/** Sets the frameworks of a sheet's tables, each with its own guess, as sheetFrameworks says. */
export function assignSheetFrameworks(tables: { table: Table; guess: FrameworkGuess }[]): void {
  const assigned = sheetFrameworks(tables.map(({ guess }) => guess));
  tables.forEach(({ table }, i) => {
    table.framework = assigned[i].framework;
    table.frameworkBasis = assigned[i].basis;
    table.frameworkReason = frameworkReason(assigned[i].basis, assigned[i].framework, table.year);
  });
}
