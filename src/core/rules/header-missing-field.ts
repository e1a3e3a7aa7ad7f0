import type { Rule } from './types';

const FIELDS = [
  ['projectName', '项目名称'],
  ['department', '主管部门'],
  ['implementer', '实施单位'],
] as const;

export const headerMissingField: Rule = {
  id: 'header/missing-field',
  severity: 'error',
  title: '表头栏目缺失',
  description: '表头缺少或未填写项目名称、主管部门、实施单位或资金金额',
  rationale: '完整性：审核时首先核对项目名称、主管部门、实施单位与金额，缺一即退回。',
  check({ table, report }) {
    const first = table.range.split(':')[0];
    if (!table.hasHeaderBlock) {
      // 廊坊 2020-style forms carry only title, goal and indicators: one note, not four errors.
      report({
        severity: 'info',
        message: `该表没有表头信息块（项目名称、主管部门、实施单位、资金金额）${table.projectName ? `，项目名称取自标题「${table.projectName}」` : ''}`,
        cell: table.projectNameCell ?? first,
        text: table.title ?? '',
      });
      return;
    }
    for (const [field, label] of FIELDS) {
      const f = table.header[field];
      // A budget-system export has no 主管部门/实施单位 columns of its own: only the name is asked for.
      if (table.source === 'flat' && field !== 'projectName' && !f) continue;
      if (field === 'projectName' && table.projectNameSource === 'above' && f) {
        report({
          severity: 'warning',
          message: `「项目名称」单元格为空，项目名称「${table.projectName}」写在了上方 ${table.projectNameCell}，请移入 ${f.cell}`,
          cell: f.cell,
          text: table.projectName ?? '',
        });
        continue;
      }
      if (!f) report({ message: `表头缺少「${label}」栏`, cell: first, text: table.title ?? '' });
      else if (!f.text) report({ message: `「${f.label}」未填写`, cell: f.cell, text: f.label });
    }
    const empties = table.emptyAmountLabels.filter((e) => e.field === 'total' || e.field === 'annual');
    if (!table.amounts.total && !table.amounts.annual) {
      const empty = empties[0];
      report({
        message: empty ? `「${empty.label}」未填写或不是金额` : '表头缺少项目金额（项目总额 / 年度资金总额）',
        cell: empty?.cell ?? first,
        text: empty?.label ?? table.projectName ?? '',
      });
    } else {
      // One amount given, the other left empty (a 3-year project's 中期预算资金总额): worth a look, not a send-back by itself.
      for (const empty of empties) {
        if (table.amounts[empty.field as 'total' | 'annual']) continue;
        report({ severity: 'warning', message: `「${empty.label}」未填写或不是金额`, cell: empty.cell, text: empty.label });
      }
    }
  },
};
