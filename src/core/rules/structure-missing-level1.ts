import { namesOutside } from '../recognize/framework';
import { categories, framework } from '../vocabulary';
import type { Rule } from './types';

export const structureMissingLevel1: Rule = {
  meta: {
    id: 'structure/missing-level1',
    type: 'structure',
    severity: 'error',
    fixable: false,
    messages: ['missing', 'missingCost', 'noColumn', 'unmatched'],
  },
  check({ table, report }) {
    // A form without an indicator table gets one structure/missing-indicators error instead.
    if (!table.hasIndicatorBlock) return;
    // A form with no 一级 column (二级指标 | 三级指标 | 指标值) is told so once, on its header; its
    // 一级 are read from its 二级, and the framework's 一级 are still required of them.
    if (table.columns.level1 === null && table.columns.level2 !== null)
      report({
        messageId: 'noColumn',
        data: {},
        at: { row: table.indicatorHeaderRow, col: table.columns.level2 },
        text: table.projectName ?? '',
      });
    const fw = framework(table.framework);
    const col = table.columns.level1 ?? table.columns.level2 ?? 0;
    // Level names no framework fits: nothing can be required of the table, and it is told why, once.
    if (table.frameworkBasis === 'unmatched') {
      report({
        severity: 'info',
        messageId: 'unmatched',
        data: { names: namesOutside(table).join('」「'), framework: fw.label },
        at: { row: table.indicatorHeaderRow, col },
        text: table.projectName ?? '',
      });
      return;
    }
    const present = new Set(table.indicators.map((i) => i.level1?.name).filter(Boolean));
    for (const required of fw.requiredLevel1) {
      if (present.has(required)) continue;
      report({
        messageId: required === categories.costLevel1 ? 'missingCost' : 'missing',
        data: { level1: required },
        at: { row: table.indicatorHeaderRow, col },
        text: table.projectName ?? '',
      });
    }
  },
};
