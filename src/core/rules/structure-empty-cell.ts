import { excerpt } from '../text';
import { a1 } from '../grid';
import { category, nameCell, rowText, valueCell } from './helpers';
import type { Rule } from './types';

export const structureEmptyCell: Rule = {
  id: 'structure/empty-cell',
  severity: 'warning',
  title: '指标未填全',
  description: '有三级指标没有指标值，或有指标值没有三级指标名称，或二级指标下整行空白，或三级指标没有所属的二级指标',
  rationale: '可行性：没有指标值的指标无法考核，没有名称的指标值无从理解。',
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (ind.name && !ind.value) {
        report({ message: `三级指标「${excerpt(ind.name.text, 30)}」没有填写指标值`, cell: valueCell(table, ind), text: rowText(ind) });
      } else if (!ind.name && ind.value) {
        report({ message: `指标值「${ind.value.text}」没有对应的三级指标名称`, cell: nameCell(table, ind), text: rowText(ind) });
      } else if (!ind.name && !ind.value && (ind.level2 || ind.level1)) {
        const where = ind.level2?.text ?? ind.level1?.text ?? '';
        report({ message: `「${where}」下的三级指标和指标值未填写`, cell: nameCell(table, ind), text: rowText(ind) });
      }
      // A 三级 with no 二级 above it (an 一级 spanning the 二级 column, 成本 or 满意度, gives one).
      if (ind.name && !ind.level2 && table.columns.level2 !== null && category(ind) === null) {
        report({
          message: `三级指标「${excerpt(ind.name.text, 30)}」没有所属的二级指标`,
          cell: a1(ind.row, table.columns.level2),
          text: rowText(ind),
        });
      }
    }
  },
};
