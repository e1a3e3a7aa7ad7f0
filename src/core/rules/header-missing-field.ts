import { tableStart } from './helpers';
import type { Rule } from './types';

const FIELDS = [
  ['projectName', '项目名称'],
  ['department', '主管部门'],
  ['implementer', '实施单位'],
] as const;

export const headerMissingField: Rule = {
  meta: {
    id: 'header/missing-field',
    type: 'structure',
    severity: 'error',
    fixable: false,
    messages: [
      'noHeaderBlock',
      'noHeaderBlockNamed',
      'nameAbove',
      'missingField',
      'emptyField',
      'emptyAmount',
      'missingAmount',
      'unplacedAmount',
    ],
  },
  check({ table, report }) {
    const first = tableStart(table);
    if (!table.hasHeaderBlock) {
      // 廊坊 2020-style forms carry only title, goal and indicators: one note, not four errors.
      report({
        severity: 'info',
        messageId: table.projectName ? 'noHeaderBlockNamed' : 'noHeaderBlock',
        data: { name: table.projectName ?? '' },
        at: table.projectNameAt ?? first,
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
          messageId: 'nameAbove',
          data: { name: table.projectName ?? '', above: table.projectNameAt?.cell ?? '', cell: f.cell },
          at: f,
          text: table.projectName ?? '',
        });
        continue;
      }
      // No such label anywhere on the form: its template does not carry the field (a 批复表 with only
      // 预算单位, a 专项 form). The clerk cannot fill a cell the form has not got: said, not blamed.
      if (!f && (field !== 'projectName' || table.projectName))
        report({
          severity: 'info',
          messageId: 'missingField',
          data: { label },
          at: first,
          text: table.title ?? '',
        });
      else if (!f) report({ messageId: 'missingField', data: { label }, at: first, text: table.title ?? '' });
      else if (!f.text) report({ messageId: 'emptyField', data: { label: f.label }, at: f, text: f.label });
    }
    const empties = table.emptyAmountLabels.filter((e) => e.field === 'total' || e.field === 'annual');
    const unplaced = table.unplacedAmounts ?? [];
    if (!table.amounts.total && !table.amounts.annual && empties.length === 0 && unplaced.length > 0) {
      // Figures were seen beside money words, but their words do not say which amount they are.
      for (const u of unplaced)
        report({
          severity: 'info',
          messageId: 'unplacedAmount',
          data: { cell: u.cell, label: u.label, amount: u.text },
          at: u,
          text: `${u.label} ${u.text}`,
        });
    } else if (!table.amounts.total && !table.amounts.annual) {
      const empty = empties[0];
      report({
        messageId: empty ? 'emptyAmount' : 'missingAmount',
        data: { label: empty?.label ?? '' },
        at: empty ?? first,
        text: empty?.label ?? table.projectName ?? '',
      });
    } else {
      // One amount given, the other left empty (a 3-year project's 中期预算资金总额): worth a look, not a send-back by itself.
      for (const empty of empties) {
        if (table.amounts[empty.field as 'total' | 'annual']) continue;
        report({
          severity: 'warning',
          messageId: 'emptyAmount',
          data: { label: empty.label },
          at: empty,
          text: empty.label,
        });
      }
    }
  },
};
