import { categories, framework } from '../vocabulary';
import type { Rule } from './types';

export const structureMissingLevel1: Rule = {
  meta: {
    id: 'structure/missing-level1',
    type: 'structure',
    severity: 'error',
    fixable: false,
    messages: ['missing', 'missingCost'],
  },
  check({ table, report }) {
    // A form without an indicator table gets one structure/missing-indicators error instead.
    if (!table.hasIndicatorBlock) return;
    const fw = framework(table.framework);
    const present = new Set(table.indicators.map((i) => i.level1?.name).filter(Boolean));
    const col = table.columns.level1 ?? table.columns.level2 ?? 0;
    for (const required of fw.requiredLevel1) {
      if (present.has(required)) continue;
      report({
        messageId:
          required === categories.costLevel1 && table.framework === 'newer' ? 'missingCost' : 'missing',
        data: { level1: required },
        at: { row: table.indicatorHeaderRow, col },
        text: table.projectName ?? '',
      });
    }
  },
};
