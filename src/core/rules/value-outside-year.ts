import { categories } from '../vocabulary';
import { category, isNotApplicableName, isOneYear, rowText } from './helpers';
import type { Rule } from './types';

/** A year written in a date: "2025年11月前", "2025-11-30", "2025.11". */
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*(?:年|[-./]\d)/;

export const valueOutsideYear: Rule = {
  meta: {
    id: 'value/outside-year',
    type: 'value',
    severity: 'warning',
    fixable: false,
    messages: ['before', 'after'],
    options: {
      year: {
        kind: 'integer',
        min: 2000,
        max: 2100,
        default: null,
      },
    },
  },
  check({ table, report, options }) {
    // The budget year: configured, else the form's title ("2026年部门项目支出…"); without either there is nothing to compare.
    const year = options.year ?? table.year;
    if (year === null) return;
    for (const ind of table.indicators) {
      if (category(ind) !== categories.timeliness || !ind.value || isNotApplicableName(ind)) continue;
      const m = YEAR.exec(ind.value.text);
      if (!m) continue;
      const written = Number(m[1]);
      // Earlier than the budget year is a date copied from last year's form; later is wrong only
      // where the project runs one year (a multi-year project may finish later).
      if (written < year)
        report({
          messageId: 'before',
          data: { value: ind.value.text, year, written },
          at: ind.value,
          text: rowText(ind),
        });
      else if (written > year && isOneYear(table))
        report({
          messageId: 'after',
          data: { value: ind.value.text, year, written },
          at: ind.value,
          text: rowText(ind),
        });
    }
  },
};
