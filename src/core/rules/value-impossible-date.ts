import { excerpt, foldText } from '../text';
import { categories } from '../vocabulary';
import { category, isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';

/** What is wrong with a date: a year no calendar has, a 13th month, a 30th of February, or digits run together. */
export interface DateProblem {
  kind: 'year' | 'month' | 'day' | 'digits';
  /** The date as written ("2024年13月", "20246"). */
  date: string;
  year?: number;
  month?: number;
  day?: number;
  /** The days the month has (kind 'day'). */
  days?: number;
  /** The date the digits most likely stand for, written out (kind 'digits'): "2024年6月". */
  example?: string;
}

export interface DateReading {
  /** Whether the text writes a date, a period of dates or a year range at all (valid or not). */
  found: boolean;
  problems: DateProblem[];
}

/** "2024年6月30日", "2024年1-6月", "2024年", "20246年6月". */
const CN_DATE = /(\d+)年(?:(\d{1,2})(?:[-~至到](\d{1,2}))?月(?:份)?(?:(\d{1,2})[日号])?)?/g;
/** "6月30日", "13月底前": a month with a day, or a month as a point in time (not "13月", which may be 13 months). */
const MONTH_DAY = /(\d{1,2})月(?:(\d{1,2})[日号]|(?=底|末|前|份|上旬|中旬|下旬))/g;
/** "2024.6", "2024-02-30", "2024/6/1": a four-digit year, a separator, one or two digits. */
const SEP_DATE = /((?:19|20)\d{2})([-./])(\d{1,2})(?:\2(\d{1,2}))?(?!\d)/g;
/** "2024-2026", "2024至2026年". */
const YEAR_RANGE = /((?:19|20)\d{2})[-~至到]((?:19|20)\d{2})(?!\d)/g;
/** A text that is only dates written as digits run together: "20246", "20246-202516", "≤20240630前". */
const COMPACT =
  /^(?:[≥≤<>=]+|不晚于|不迟于|截至|截止|于)?(\d{5,8}(?:[-~至到]\d{5,8})*)(?:年?底?前|以前|之前|止|完成|内|以内)?$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The days of a month; February has 29 when the year is not known. */
function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The problem of a year, month and day as read, if any. */
function judge(date: string, year: number | null, month: number, day: number | null): DateProblem | null {
  if (month < 1 || month > 12) return { kind: 'month', date, month };
  if (day !== null) {
    const days = daysIn(month, year);
    if (day < 1 || day > days) return { kind: 'day', date, month, day, days };
  }
  return null;
}

/** Whether the character before `offset` continues a number ("12024.6" is no date). */
function inNumber(text: string, offset: number): boolean {
  return offset > 0 && /[\d.]/.test(text[offset - 1]);
}

/**
 * A run of digits that stands for a date (5 to 8 digits from a 19xx or 20xx year): null when it is no
 * date at all ("20000" — no month can be read from it), else its problem, or none for a valid
 * 年月 (202406) or 年月日 (20240630).
 */
function compactDate(run: string): { problem: DateProblem | null } | null {
  const year = Number(run.slice(0, 4));
  const rest = run.slice(4);
  if (!/^(?:19|20)/.test(run)) return null;
  if (rest.length === 4) {
    // 年月日 written together: a date whether or not it exists.
    return { problem: judge(run, year, Number(rest.slice(0, 2)), Number(rest.slice(2))) };
  }
  if (rest.length === 2 && Number(rest) >= 1 && Number(rest) <= 12) return { problem: null };
  // 年 and 月 (and 日) run together with one-digit parts: "20246" is 2024年6月, "202516" 2025年1月6日.
  const readings: [number, number | null][] = [];
  if (rest.length === 1) readings.push([Number(rest), null]);
  else if (rest.length === 2) readings.push([Number(rest[0]), Number(rest[1])]);
  else {
    readings.push([Number(rest.slice(0, 2)), Number(rest[2])]);
    readings.push([Number(rest[0]), Number(rest.slice(1))]);
  }
  const fit = readings.find(([m, d]) => judge('', year, m, d) === null && (d === null || d >= 1));
  if (!fit) return null;
  const [m, d] = fit;
  return {
    problem: { kind: 'digits', date: run, example: `${year}年${m}月${d === null ? '' : `${d}日`}` },
  };
}

/**
 * The dates a text writes and those of them no calendar has. `compact` also reads a text made only of
 * digit runs as dates ("20246-202516"): right for a 时效 value or the 项目期, where a bare figure is
 * meant as a date; elsewhere such a run is a count. Shared with value/missing-unit, which leaves dates alone.
 */
export function readDates(input: string, { compact = false }: { compact?: boolean } = {}): DateReading {
  const problems: DateProblem[] = [];
  let found = false;
  const text = foldText(input).replace(/\s+/g, '');
  // Each pass blanks what it read, so that a later pass does not read "2024年6月" again as "6月".
  const blank = (m: string) => '#'.repeat(m.length);
  let t = text.replace(CN_DATE, (m: string, y: string, mo?: string, mo2?: string, d?: string) => {
    const year = Number(y);
    if (y.length >= 5 && /^(?:19|20)/.test(y)) {
      found = true;
      problems.push({ kind: 'year', date: m, year });
      return blank(m);
    }
    // "3年" is a duration, "1000年" no budget year: only a four-digit year from 1900 on makes a date.
    if (y.length !== 4 || year < 1900) return m;
    found = true;
    if (mo !== undefined) {
      const p =
        judge(m, year, Number(mo), d === undefined ? null : Number(d)) ??
        (mo2 !== undefined ? judge(m, year, Number(mo2), null) : null);
      if (p) problems.push({ ...p, year });
    }
    return blank(m);
  });
  t = t.replace(MONTH_DAY, (m: string, mo: string, d: string | undefined, offset: number, all: string) => {
    if (inNumber(all, offset)) return m;
    found = true;
    const p = judge(m, null, Number(mo), d === undefined ? null : Number(d));
    if (p) problems.push(p);
    return blank(m);
  });
  t = t.replace(YEAR_RANGE, (m: string, _a: string, _b: string, offset: number, all: string) => {
    if (inNumber(all, offset)) return m;
    found = true;
    return blank(m);
  });
  for (const m of t.matchAll(SEP_DATE)) {
    if (inNumber(t, m.index)) continue;
    const [written, y, sep, mo, d] = m;
    const year = Number(y);
    const month = Number(mo);
    found = true;
    // "2024-25" is the short form of 2024–2025 (as in a 学年), not a 25th month.
    if (sep === '-' && d === undefined && mo.length === 2 && month > 12 && month >= year % 100) continue;
    // "2024.0": a year shown with a decimal place, not a month 0.
    if (sep === '.' && d === undefined && month === 0) continue;
    const p = judge(written, year, month, d === undefined ? null : Number(d));
    if (p) problems.push({ ...p, year });
  }
  if (compact) {
    const runs = COMPACT.exec(text);
    if (runs) {
      for (const run of runs[1].split(/[-~至到]/)) {
        const c = compactDate(run);
        if (!c) continue;
        found = true;
        if (c.problem) problems.push(c.problem);
      }
    }
  }
  return { found, problems };
}

/** The first problem of a text's dates, with the message data it gives. */
function firstProblem(text: string): { messageId: string; data: Record<string, string | number> } | null {
  const p = readDates(text, { compact: true }).problems[0];
  if (!p) return null;
  const data: Record<string, string | number> = { date: p.date };
  if (p.kind === 'year') data.year = p.year!;
  if (p.kind === 'month') data.month = p.month!;
  if (p.kind === 'day') Object.assign(data, { month: p.month!, day: p.day!, days: p.days! });
  if (p.kind === 'digits') data.example = p.example!;
  return { messageId: p.kind, data };
}

/** A label for messages: the form's own words, spaces of a wrapped cell removed ("项目起\n止时间"). */
function label(text: string): string {
  return excerpt(text.replace(/\s+/g, ''), 20);
}

export const valueImpossibleDate: Rule = {
  meta: {
    id: 'value/impossible-date',
    type: 'value',
    severity: 'warning',
    fixable: false,
    messages: ['year', 'month', 'day', 'digits'],
  },
  check({ table, report }) {
    const period = table.header.period;
    if (period?.text) {
      const found = firstProblem(period.text);
      if (found)
        report({
          messageId: found.messageId,
          data: { ...found.data, label: label(period.label), value: period.text },
          at: period,
          text: period.label,
        });
    }
    for (const ind of table.indicators) {
      if (category(ind) !== categories.timeliness || !ind.value || isNotApplicableName(ind)) continue;
      const text = ind.valueParts?.value ?? ind.value.text;
      const found = firstProblem(text);
      if (!found) continue;
      report({
        messageId: found.messageId,
        data: { ...found.data, label: label(ind.name?.text ?? ind.level2?.text ?? ''), value: text },
        at: ind.value,
        text: rowText(ind),
      });
    }
  },
};
