import { categories, framework } from '../vocabulary';
import type { Place } from '../model';
import type { Rule } from './types';

export const structureMissingLevel2: Rule = {
  meta: {
    id: 'structure/missing-level2',
    type: 'structure',
    severity: 'error',
    fixable: false,
    messages: ['missing', 'missingCostOlder', 'none', 'noColumn'],
  },
  check({ table, report }) {
    // A form without an indicator table gets one structure/missing-indicators error instead.
    if (!table.hasIndicatorBlock) return;
    // A form with no 二级 column at all (一级指标 | 三级指标 | 指标值) is told so once, on its header,
    // instead of once for every 二级 its 一级 lack.
    if (table.columns.level2 === null && table.columns.level1 !== null) {
      const row = table.indicatorHeaderRow;
      const col = table.columns.level1;
      report({
        messageId: 'noColumn',
        data: {},
        at: { row, col },
        text: table.projectName ?? '',
      });
      return;
    }
    // Level names no framework fits: nothing is required (structure/missing-level1 says why).
    if (table.frameworkBasis === 'unmatched') return;
    const fw = framework(table.framework);
    const byLevel1 = new Map<string, { at: Place; level2: Set<string> }>();
    for (const ind of table.indicators) {
      const l1 = ind.level1?.name;
      if (!l1) continue;
      let entry = byLevel1.get(l1);
      if (!entry) byLevel1.set(l1, (entry = { at: ind.level1!, level2: new Set() }));
      if (ind.level2?.name) entry.level2.add(ind.level2.name);
    }
    for (const [l1, { at, level2 }] of byLevel1) {
      for (const required of fw.requiredLevel2[l1] ?? []) {
        if (level2.has(required)) continue;
        const messageId =
          l1 === categories.output && required === categories.cost ? 'missingCostOlder' : 'missing';
        report({ messageId, data: { level1: l1, level2: required }, at, text: table.projectName ?? '' });
      }
      if (fw.atLeastOneLevel2.includes(l1) && level2.size === 0) {
        report({
          messageId: 'none',
          data: { level1: l1, expected: (fw.tree[l1] ?? []).join('、') },
          at,
          text: table.projectName ?? '',
        });
      }
    }
  },
};
