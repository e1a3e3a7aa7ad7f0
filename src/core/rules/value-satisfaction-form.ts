import { categories } from '../vocabulary';
import { category, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueSatisfactionForm: Rule = {
  meta: { id: 'value/satisfaction-form', type: 'value', severity: 'error', fixable: false, messages: ['notPercent'] },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (category(ind) !== categories.satisfaction || !ind.value || isNotApplicableName(ind)) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'percent' || v.kind === 'none' || v.kind === 'empty') continue;
      report({ messageId: 'notPercent', data: { value: ind.value.text }, at: ind.value, text: rowText(ind) });
    }
  },
};
