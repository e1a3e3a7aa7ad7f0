import { categories } from '../vocabulary';
import { category, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

export const valueSatisfactionForm: Rule = {
  id: 'value/satisfaction-form',
  severity: 'error',
  title: '满意度不是百分比',
  description: '满意度指标的指标值不是百分比（如「提高」「提升」「≤2次」）',
  rationale: '可行性：满意度以问卷满意比例衡量，常见「≥90%」，文字或次数无法考核。',
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (category(ind) !== categories.satisfaction || !ind.value || isNotApplicableName(ind)) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'percent' || v.kind === 'none' || v.kind === 'empty') continue;
      report({
        message: `满意度指标值「${ind.value.text}」不是百分比，应写成「≥90%」等满意比例`,
        cell: ind.value.cell,
        text: rowText(ind),
      });
    }
  },
};
