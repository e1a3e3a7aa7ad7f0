import { categories } from '../vocabulary';
import { category, isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';

/** Serial numbers of 2000-01-01 and 2099-12-31: a bare five-digit number between them in a 时效 cell is a date typed into a number cell. */
const FIRST = 36526;
const LAST = 73050;

/** An Excel serial (1900 date system) → "2024年12月31日". */
function serialDate(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export const valueDateSerial: Rule = {
  meta: { id: 'value/date-serial', type: 'value', severity: 'warning', fixable: false, messages: ['serial'] },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (category(ind) !== categories.timeliness || !ind.value || isNotApplicableName(ind)) continue;
      const text = ind.value.text.trim();
      // Excel shows a date typed into a cell formatted as a number (or General after a paste) as its serial: 45657.
      if (!/^\d{5}$/.test(text)) continue;
      const serial = Number(text);
      if (serial < FIRST || serial > LAST) continue;
      report({
        messageId: 'serial',
        data: { value: text, date: serialDate(serial) },
        at: ind.value,
        text: rowText(ind),
      });
    }
  },
};
