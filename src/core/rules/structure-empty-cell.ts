import { excerpt } from '../text';
import { category, namePlace, rowText, valuePlace } from './helpers';
import type { Rule } from './types';

export const structureEmptyCell: Rule = {
  meta: {
    id: 'structure/empty-cell',
    type: 'structure',
    severity: 'warning',
    fixable: false,
    messages: ['noValue', 'noName', 'emptyRow', 'noLevel2'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (ind.name && !ind.value) {
        report({
          messageId: 'noValue',
          data: { name: excerpt(ind.name.text, 30) },
          at: valuePlace(table, ind),
          text: rowText(ind),
        });
      } else if (!ind.name && ind.value) {
        report({
          messageId: 'noName',
          data: { value: ind.value.text },
          at: namePlace(table, ind),
          text: rowText(ind),
        });
      } else if (!ind.name && !ind.value && (ind.level2 || ind.level1)) {
        const where = ind.level2?.text ?? ind.level1?.text ?? '';
        report({ messageId: 'emptyRow', data: { where }, at: namePlace(table, ind), text: rowText(ind) });
      }
      // A 三级 with no 二级 above it (an 一级 spanning the 二级 column, 成本 or 满意度, gives one).
      if (ind.name && !ind.level2 && table.columns.level2 !== null && category(ind) === null) {
        report({
          messageId: 'noLevel2',
          data: { name: excerpt(ind.name.text, 30) },
          at: { row: ind.row, col: table.columns.level2 },
          text: rowText(ind),
        });
      }
    }
  },
};
