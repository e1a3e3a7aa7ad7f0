import { categories } from '../vocabulary';
import { category, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueSatisfactionForm: Rule = {
  meta: {
    id: 'value/satisfaction-form',
    type: 'value',
    severity: 'error',
    fixable: false,
    messages: ['notPercent', 'belowMinimum'],
    options: {
      minimum: {
        kind: 'number',
        min: 0,
        max: 100,
        default: null,
      },
    },
  },
  check({ table, report, options }) {
    for (const ind of table.indicators) {
      if (category(ind) !== categories.satisfaction || !ind.value || isNotApplicableName(ind)) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'percent') {
        // A province's floor ("满意度不低于 90%"): a target below it is sent back.
        if (options.minimum !== null && v.number !== null && v.number < options.minimum) {
          report({
            messageId: 'belowMinimum',
            data: { value: ind.value.text, minimum: options.minimum },
            at: ind.value,
            text: rowText(ind),
          });
        }
        continue;
      }
      if (v.kind === 'none' || v.kind === 'empty') continue;
      report({ messageId: 'notPercent', data: { value: ind.value.text }, at: ind.value, text: rowText(ind) });
    }
  },
};
