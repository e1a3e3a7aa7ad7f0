import { isCostLine, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueCostNotAmount: Rule = {
  meta: {
    id: 'value/cost-not-amount',
    type: 'value',
    severity: 'error',
    fixable: false,
    messages: ['notAmount'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (!isCostLine(ind) || !ind.value || isNotApplicableName(ind)) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'money' || v.kind === 'unitPrice' || v.kind === 'none' || v.kind === 'empty') continue;
      report({ messageId: 'notAmount', data: { value: ind.value.text }, at: ind.value, text: rowText(ind) });
    }
  },
};
