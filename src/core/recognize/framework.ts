/**
 * Which framework a table follows: 成本 as an 一级 (财预〔2021〕101号) or as a 二级 under 产出
 * (财预〔2015〕88号). A table without any cost indicator follows its sheet's other tables, else its year.
 */
import { type FrameworkBasis, renderFrameworkReason } from '../locales';
import type { Indicator, Table } from '../model';
import { type FrameworkId, categories, frameworkData } from '../vocabulary';

export interface FrameworkGuess {
  framework: FrameworkId;
  /** Why, as a code; the words are the locale's (renderFrameworkReason). */
  basis: FrameworkBasis;
  /** False when no cost indicator said which framework the table follows. */
  decided: boolean;
}

export function detectFramework(indicators: Indicator[], year: number | null): FrameworkGuess {
  let costAsLevel1 = false;
  let costAsLevel2 = false;
  let newerLevel2 = false;
  for (const i of indicators) {
    if (i.level1?.name === categories.costLevel1) costAsLevel1 = true;
    if (i.level2?.name === categories.cost) costAsLevel2 = true;
    if (i.level2?.name && categories.newerCosts.includes(i.level2.name)) newerLevel2 = true;
  }
  if (costAsLevel1 || newerLevel2) return { framework: 'newer', basis: 'cost-as-level1', decided: true };
  if (costAsLevel2) return { framework: 'older', basis: 'cost-under-output', decided: true };
  if (year !== null && year >= frameworkData.newerFromYear)
    return { framework: 'newer', basis: 'year', decided: false };
  return { framework: 'older', basis: 'default', decided: false };
}

/**
 * A table with no cost indicator at all says nothing about its framework: it follows its sheet's
 * other tables (平罗 农村信息员生活补助 sits among newer-framework tables). Given each table's own
 * guess, the framework and reason each one ends with; live checking (core/live.ts) uses it too.
 */
export function sheetFrameworks(guesses: FrameworkGuess[]): FrameworkGuess[] {
  const decided = guesses.filter((g) => g.decided);
  if (decided.length === 0) return guesses;
  const newer = decided.filter((g) => g.framework === 'newer').length;
  const majority: FrameworkId = newer * 2 >= decided.length ? 'newer' : 'older';
  return guesses.map((g) => (g.decided ? g : { framework: majority, basis: 'sheet', decided: false }));
}

/** Sets the frameworks of a sheet's tables, each with its own guess (`decided`), as sheetFrameworks says. */
export function assignSheetFrameworks(tables: { table: Table; decided: boolean }[]): void {
  const assigned = sheetFrameworks(
    tables.map(({ table, decided }) => ({
      framework: table.framework,
      basis: table.frameworkBasis,
      decided,
    })),
  );
  tables.forEach(({ table }, i) => {
    table.framework = assigned[i].framework;
    table.frameworkBasis = assigned[i].basis;
    table.frameworkReason = renderFrameworkReason(assigned[i].basis, assigned[i].framework, table.year);
  });
}
