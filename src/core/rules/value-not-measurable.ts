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

const HINT: Record<string, string> = {
  数量指标: '数量指标应写明数量和单位，如「≥10个」「207条」',
  质量指标: '质量指标通常为比率，如「≥95%」',
  时效指标: '时效指标应为日期、期限或按时完成率，如「2026年11月前」「≤30天」「≥95%」',
};

export const valueNotMeasurable: Rule = {
  id: 'value/not-measurable',
  severity: 'warning',
  title: '指标值不可衡量',
  description: '数量、质量、时效指标的指标值没有可衡量的数值（如「效果明显」「及时」，或数量指标只写「100%」）',
  rationale: '可行性：指标值要能在年底核对，定性词和与类别不符的百分比无法考核。',
  check({ table, report }) {
    for (const ind of table.indicators) {
      const cat = category(ind);
      if (!cat || !ind.value || isNotApplicableName(ind)) continue;
      const accepted = ACCEPTED[cat];
      if (!accepted) continue;
      const v = valueOf(table, ind);
      if (v.kind === 'none' || v.kind === 'empty') continue;
      if (v.placeholder) {
        report({ message: `指标值「${ind.value.text}」是未替换的模板提示`, cell: ind.value.cell, text: rowText(ind) });
        continue;
      }
      if (accepted.includes(v.kind)) continue;
      const what = v.kind === 'percent' && cat === categories.quantity ? '只写百分比，看不出数量' : '没有可衡量的数值';
      report({ message: `${cat.replace(/指标$/, '')}指标值「${ind.value.text}」${what}：${HINT[cat]}`, cell: ind.value.cell, text: rowText(ind) });
    }
  },
};
