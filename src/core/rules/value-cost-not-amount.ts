import { isCostLine, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueCostNotAmount: Rule = {
  id: 'value/cost-not-amount',
  severity: 'error',
  title: '成本指标不是金额',
  description: '成本指标的指标值不是金额或单位成本（如「100%」「能够控制」「是」）',
  rationale: '适当性：成本指标要说明花多少钱、单价多少，百分比和是否无法与预算核对。',
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (!isCostLine(ind) || !ind.value || isNotApplicableName(ind)) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'money' || v.kind === 'unitPrice' || v.kind === 'none' || v.kind === 'empty') continue;
      report({
        message: `成本指标的指标值「${ind.value.text}」不是金额或单位成本，应写成「≤X万元」或「X元/台」等`,
        cell: ind.value.cell,
        text: rowText(ind),
      });
    }
  },
};
