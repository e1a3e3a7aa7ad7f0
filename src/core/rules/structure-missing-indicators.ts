import type { Rule } from './types';

export const structureMissingIndicators: Rule = {
  meta: {
    id: 'structure/missing-indicators',
    type: 'structure',
    severity: 'error',
    fixable: false,
    messages: ['missing'],
  },
  check({ table, report }) {
    if (table.hasIndicatorBlock) return;
    report({
      messageId: 'missing',
      at: { row: table.bottom, col: table.columns.level1 ?? 0 },
      text: table.projectName ?? '',
    });
  },
};
