import { rowText } from './helpers';
import type { Rule } from './types';

/**
 * The standard way to write a value: ≥ ≤ instead of >= <= ≧ ≦ ＞＝, % instead of 百分比 or ％,
 * half-width digits, no spaces inside "≥ 98 %" or "17 万". Returns the text unchanged when it is
 * already standard. Only notation changes: the figures, words and notes stay as written.
 */
/** Anything standardNotation could change: most values have none, and skip the replacements. */
const NON_STANDARD = /[\uff10-\uff19．＞＜═＝％≧≦]|>=|<=|≥=|≤=|百分比|\s/;

export function standardNotation(text: string): string {
  if (!NON_STANDARD.test(text)) return text;
  let t = text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/＞＝|>=|≧|≥=/g, '≥')
    .replace(/＜＝|<=|≦|≤=/g, '≤')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/[═＝]/g, '=')
    .replace(/％/g, '%')
    .replace(/(\d)\s*百分比/g, '$1%');
  // Spaces between the comparison, the number and its unit.
  t = t.replace(/([≥≤<>=])\s+(?=[\d.])/g, '$1').replace(/(\d)\s+(?=[%\u4e00-\u9fff])/g, '$1');
  return t;
}

/** Whether a text looks like a value (has a figure): notation is only judged there. */
const HAS_FIGURE = /[\d\uff10-\uff19]/;

export const styleNotation: Rule = {
  meta: {
    id: 'style/notation',
    type: 'style',
    severity: 'info',
    fixable: true,
    messages: ['value', 'amount'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      // A value assembled from 指标性质 | 指标值 | 度量单位 is judged on its own cell, which is what a fix writes.
      const v = ind.value && ind.valueParts ? { ...ind.value, text: ind.valueParts.value } : ind.value;
      if (!v || !HAS_FIGURE.test(v.text)) continue;
      const after = standardNotation(v.text);
      if (after === v.text) continue;
      report({
        messageId: 'value',
        data: { before: v.text, after },
        at: v,
        text: rowText(ind),
        fix: { cell: v.cell, before: v.text, after },
      });
    }
    for (const [field, amount] of Object.entries(table.amounts)) {
      if (!amount || !HAS_FIGURE.test(amount.text)) continue;
      const after = standardNotation(amount.text);
      if (after === amount.text) continue;
      report({
        messageId: 'amount',
        data: { before: amount.text, after },
        at: amount,
        text: field,
        fix: { cell: amount.cell, before: amount.text, after },
      });
    }
  },
};
