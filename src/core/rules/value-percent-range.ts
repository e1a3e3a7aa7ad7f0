import { rowText, valueOf } from './helpers';
import type { Rule } from './types';

/** Rates that may legitimately exceed 100% (growth, over-fulfilment). */
const MAY_EXCEED = /增长|增幅|提升率|提高率|同比|环比|超额|增速|倍/;

export const valuePercentRange: Rule = {
  meta: {
    id: 'value/percent-range',
    type: 'value',
    severity: 'error',
    fixable: false,
    messages: ['over', 'under'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (!ind.value) continue;
      const v = valueOf(table, ind);
      if (v.kind !== 'percent' || v.number === null) continue;
      if (ind.name && MAY_EXCEED.test(ind.name.text)) continue;
      const over = v.number > 100 || (v.number === 100 && (v.comparison === '≥' || v.comparison === '>'));
      const under = v.number < 0 || (v.number === 0 && v.comparison === '<');
      if (!over && !under) continue;
      report({
        messageId: over ? 'over' : 'under',
        data: { value: ind.value.text },
        at: ind.value,
        text: rowText(ind),
      });
    }
  },
};
