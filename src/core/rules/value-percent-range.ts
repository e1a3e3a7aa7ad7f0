import { rowText, valueOf } from './helpers';
import type { Rule } from './types';

/** Rates that may legitimately exceed 100% (growth, over-fulfilment). */
const MAY_EXCEED = /增长|增幅|提升率|提高率|同比|环比|超额|增速|倍/;

export const valuePercentRange: Rule = {
  id: 'value/percent-range',
  severity: 'error',
  title: '比率超出范围',
  description: '比率超过 100%（含「≥100%」）或小于 0',
  rationale: '可行性：合格率、完成率不可能超过 100%，「≥100%」等于没有留出考核空间。',
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
        message: over
          ? `比率「${ind.value.text}」超过 100%：比率最高为 100%，「≥100%」应写作「=100%」或合理的下限如「≥98%」`
          : `比率「${ind.value.text}」小于 0`,
        cell: ind.value.cell,
        text: rowText(ind),
      });
    }
  },
};
