import { isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueNotApplicableConflict: Rule = {
  id: 'value/not-applicable-conflict',
  severity: 'error',
  title: '不涉及却填了数值',
  description: '三级指标写「不涉及」或「无」，指标值却填了数值',
  rationale: '完整性：「不涉及」表示该项不考核，旁边的「95%」自相矛盾，审核无法判断本意。',
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (!isNotApplicableName(ind) || !ind.value) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'none' || v.kind === 'empty') continue;
      report({
        message: `三级指标为「${ind.name!.text}」（不适用），指标值却为「${ind.value.text}」，应填「无」或改写为实际指标`,
        cell: ind.value.cell,
        text: rowText(ind),
      });
    }
  },
};
