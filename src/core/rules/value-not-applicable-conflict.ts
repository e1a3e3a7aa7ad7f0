import { isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueNotApplicableConflict: Rule = {
  meta: {
    id: 'value/not-applicable-conflict',
    type: 'value',
    severity: 'error',
    fixable: false,
    messages: ['conflict'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (!isNotApplicableName(ind) || !ind.value) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'none' || v.kind === 'empty') continue;
      report({
        messageId: 'conflict',
        data: { name: ind.name!.text, value: ind.value.text },
        at: ind.value,
        text: rowText(ind),
      });
    }
  },
};
