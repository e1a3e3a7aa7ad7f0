import type { Indicator, Place } from '../model';
import { type Requirement, stricter, tagRequirement } from '../profiles';
import { categories, framework, homeLevel1 } from '../vocabulary';
import { category, isNotApplicableName, namePlace, tableStart, valueOf } from './helpers';
import type { Rule, Table } from './types';

/**
 * The 二级 a profile (宁夏) or the form's own tags — "数量指标（必填硬性指标）", "社会效益指标（必填）" —
 * mark as required: a required one must be there, and a 必填硬性 one must hold a real indicator, not
 * 无 / 不涉及. Off unless a profile or the configuration turns it on.
 */
export const structureRequiredLevel2: Rule = {
  meta: {
    id: 'structure/required-level2',
    type: 'structure',
    severity: 'error',
    fixable: false,
    offByDefault: true,
    messages: ['missingHard', 'missing', 'hardNotApplicable', 'requiredNotApplicable'],
  },
  check({ table, report, profile }) {
    if (!table.hasIndicatorBlock) return;
    const required = new Map<string, Requirement>(Object.entries(profile.requirements));
    const present = new Map<string, { at: Place; rows: Indicator[] }>();
    for (const ind of table.indicators) {
      const key = requirementKey(ind);
      if (!key) continue;
      let entry = present.get(key);
      if (!entry) present.set(key, (entry = { at: ind.level2 ?? ind.level1!, rows: [] }));
      if (ind.name || ind.value) entry.rows.push(ind);
      const tag = tagRequirement(ind.level2?.text ?? ind.level1?.text ?? '');
      if (tag) required.set(key, stricter(required.get(key) ?? null, tag)!);
    }
    for (const [level2, requirement] of required) {
      if (requirement === 'optional') continue;
      const entry = present.get(level2);
      if (!entry) {
        // What the framework itself requires, structure/missing-level1 and -level2 already report;
        // in a table whose level names no framework fits, a category may be there under a name
        // recognition does not know: its absence is never asserted.
        if (table.frameworkBasis === 'unmatched' || requiredByFramework(table, level2)) continue;
        report({
          messageId: requirement === 'hard' ? 'missingHard' : 'missing',
          data: { level2 },
          at: level1Place(table, level2) ?? tableStart(table),
          text: table.projectName ?? '',
        });
        continue;
      }
      // Rows with nothing typed are structure/empty-cell's; here, rows that say "not applicable".
      if (entry.rows.length === 0 || !entry.rows.every((ind) => notApplicable(table, ind))) continue;
      const first = entry.rows[0];
      report({
        messageId: requirement === 'hard' ? 'hardNotApplicable' : 'requiredNotApplicable',
        data: { level2, text: first.name?.text ?? first.value?.text ?? '' },
        at: namePlace(table, first),
        text: first.name?.text ?? '',
      });
    }
  },
};

/** The requirement an indicator counts for: its 二级, with every kind of cost counted as 成本指标. */
function requirementKey(ind: Indicator): string | null {
  const c = category(ind);
  return c && categories.newerCosts.includes(c) ? categories.cost : c;
}

function notApplicable(table: Table, ind: Indicator): boolean {
  return isNotApplicableName(ind) || (!ind.name && valueOf(table, ind).kind === 'none');
}

function requiredByFramework(table: Table, level2: string): boolean {
  const fw = framework(table.framework);
  if (level2 === categories.cost && fw.requiredLevel1.includes(categories.costLevel1)) return true;
  return Object.values(fw.requiredLevel2).some((list) => list.includes(level2));
}

/** The 一级 cell a missing 二级 belongs under, when the table has that 一级. */
function level1Place(table: Table, level2: string): Place | null {
  const home = homeLevel1(table.framework, level2);
  return table.indicators.find((i) => i.level1?.name === home)?.level1 ?? null;
}
