import type { ValueKind } from '../values';
import { categories } from '../vocabulary';
import { category, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Rule } from './types';

/** What each output category accepts as a measurable value. 效益 accepts words; 成本 and 满意度 have their own rules. */
const ACCEPTED: Record<string, ValueKind[]> = {
  数量指标: ['count', 'number', 'duration', 'money'],
  质量指标: ['percent', 'count', 'number', 'duration'],
  时效指标: ['date', 'duration', 'percent', 'count', 'number'],
};

/** Each category's message: what it asks for is said in the message. */
const MESSAGE: Record<string, string> = {
  数量指标: 'quantity',
  质量指标: 'quality',
  时效指标: 'timeliness',
};

export const valueNotMeasurable: Rule = {
  meta: {
    id: 'value/not-measurable',
    type: 'value',
    severity: 'warning',
    fixable: false,
    messages: ['placeholder', 'quantityPercent', 'quantity', 'quality', 'timeliness'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      const cat = category(ind);
      if (!cat || !ind.value || isNotApplicableName(ind)) continue;
      const accepted = ACCEPTED[cat];
      if (!accepted) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'none' || v.kind === 'empty') continue;
      if (v.placeholder) {
        report({
          messageId: 'placeholder',
          data: { value: ind.value.text },
          at: ind.value,
          text: rowText(ind),
        });
        continue;
      }
      if (accepted.includes(v.kind)) continue;
      const messageId =
        v.kind === 'percent' && cat === categories.quantity ? 'quantityPercent' : MESSAGE[cat];
      report({ messageId, data: { value: ind.value.text }, at: ind.value, text: rowText(ind) });
    }
  },
};
