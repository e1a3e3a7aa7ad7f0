/**
 * The 二级 category an indicator is judged by — shared by the rules and the phrasing suggestions,
 * so it lives beside the model rather than in either.
 */
import type { Indicator } from './model';
import { categories } from './vocabulary';

/** The canonical 二级 of an indicator; 成本指标 or 服务对象满意度指标 for a spanning cost or satisfaction 一级. */
export function category(ind: Indicator): string | null {
  if (ind.level2?.name) return ind.level2.name;
  if (ind.level1?.name === categories.costLevel1 && !ind.level2) return categories.cost;
  if (ind.level1?.name === categories.satisfactionLevel1 && !ind.level2) return categories.satisfaction;
  return null;
}

/** The broad group a 二级 falls in, for comparing across frameworks: the three cost 二级 are one. */
export function categoryGroup(level2: string): string {
  return level2 === categories.cost || categories.newerCosts.includes(level2) ? categories.cost : level2;
}
