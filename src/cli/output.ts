/**
 * The formats of `jixiao check`: text for a person at a terminal, json and ndjson for programs, csv
 * and an .xlsx report for a reviewer's spreadsheet. Each takes file reports one at a time, in order,
 * and keeps nothing it has written (the .xlsx report, written at the end, keeps its rows).
 */
import * as path from 'path';
import type * as ExcelJSTypes from 'exceljs';
import { countBySeverity } from '../core/check';
import { type EngineLocale, fieldWords, ruleWords } from '../core/locales';
import { printable } from './printable';
import type { Counts, FileReport, TableJson } from './report';
import { ISSUE_COLUMNS, REPORT_SHEETS, SUMMARY_COLUMNS, say as words } from './words';

export type FormatName = 'text' | 'json' | 'ndjson' | 'csv' | 'xlsx';
export const FORMATS: FormatName[] = ['text', 'json', 'ndjson', 'csv', 'xlsx'];

export interface Writer {
  file(report: FileReport): void;
  /** After the last file: totals; the .xlsx report is written here. */
  end(totals: Counts, exit: number): Promise<void>;
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const SEVERITY_EN = { error: 'error', warning: 'warning', info: 'info' } as const;
const severityWord = (locale: EngineLocale) => (locale === 'zh-CN' ? SEVERITY_ZH : SEVERITY_EN);

/** A report document as --json and --format ndjson print it. */
function jsonDoc(r: FileReport) {
  if (r.error) return { file: r.file, error: r.error, tables: [] };
  return {
    file: r.file,
    tables: r.tables,
    nearMisses: r.nearMisses,
    ...(r.candidates ? { candidates: r.candidates } : {}),
  };
}

/** The reading of a table, for --explain: what was read where, what was not found, not filled, not placed. */
function readingLines(t: TableJson, locale: EngineLocale): string[] {
  const sep = words(locale, 'foundSeparator');
  const field = (id: string) => fieldWords(locale, id);
  const read = Object.entries(t.fields).map(
    ([id, f]) => `${field(id)} ${f.cell} ${f.value !== undefined ? f.value : `「${clip(f.text)}」`}`,
  );
  const lines = [words(locale, 'readFields', { fields: read.join(sep) })];
  if (t.reading.notFound.length)
    lines.push(words(locale, 'readNotFound', { names: t.reading.notFound.map(field).join(sep) }));
  if (t.reading.empty.length)
    lines.push(
      words(locale, 'readEmpty', { labels: t.reading.empty.map((e) => `「${e.label}」${e.cell}`).join(sep) }),
    );
  if (t.reading.unplaced.length)
    lines.push(
      words(locale, 'readUnplaced', {
        items: t.reading.unplaced.map((u) => `${u.cell}「${u.label}」${u.text}`).join(sep),
      }),
    );
  lines.push(
    words(locale, 'readIndicators', {
      reason: t.reading.frameworkReason,
      count: t.indicators.length,
      levels: t.reading.byLevel1.map((b) => `「${b.level1}」${b.count}`).join(sep),
    }),
  );
  return lines;
}

const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

export function textWriter(say: (line: string) => void, locale: EngineLocale = 'zh-CN'): Writer {
  return {
    file(r) {
      if (r.error) return;
      say(words(locale, 'found', { file: path.basename(r.file), count: r.tables.length }));
      for (const n of r.nearMisses) say(`  [${n.sheet}!${n.range}] ${n.message}`);
      if (r.tables.length === 0 && r.nearMisses.length === 0) say(words(locale, 'noneFound'));
      if (r.candidates) {
        say(words(locale, 'explainHead'));
        for (const c of r.candidates) {
          const verdict = words(
            locale,
            c.verdict === 'table'
              ? 'verdictTable'
              : c.verdict === 'nearMiss'
                ? 'verdictNearMiss'
                : 'verdictNone',
          );
          say(`    [${c.sheet}!${c.range}] ${verdict}${locale === 'zh-CN' ? '：' : ': '}${c.reason}`);
          if (c.anchors.length)
            say(words(locale, 'explainFound', { found: c.anchors.join(words(locale, 'foundSeparator')) }));
        }
      }
      for (const t of r.tables) {
        const c = countBySeverity(t.issues);
        say('');
        say(
          words(locale, 'tableLine', {
            where: `${t.sheet}!${t.range}`,
            name: t.projectName ?? words(locale, 'unnamed'),
            ...c,
          }),
        );
        if (r.candidates) for (const line of readingLines(t, locale)) say(line);
        for (const i of t.issues)
          say(
            `    ${i.cell.padEnd(6)} ${severityWord(locale)[i.severity]}  ${i.rule.padEnd(30)} ${i.message}`,
          );
      }
      say('');
    },
    async end(totals, exit) {
      if (exit !== 2 || totals.tables > 0) say(words(locale, 'summary', { ...totals }));
    },
  };
}

/**
 * --json: one document for one file, else an array — streamed element by element, line for line what
 * JSON.stringify(array, null, 2) gives, so that a thousand files never sit in memory at once.
 */
export function jsonWriter(line: (s: string) => void, files: number): Writer {
  let opened = false;
  let pending: string | null = null;
  return {
    file(r) {
      const doc = JSON.stringify(jsonDoc(r), null, 2);
      if (files === 1) return line(doc);
      if (!opened) line('[');
      opened = true;
      if (pending !== null) line(`${pending},`);
      pending = doc.replace(/^/gm, '  ');
    },
    async end() {
      if (files === 1) return;
      if (!opened) return line('[]');
      if (pending !== null) line(pending);
      line(']');
    },
  };
}

export function ndjsonWriter(write: (s: string) => void): Writer {
  return {
    file: (r) => write(JSON.stringify(jsonDoc(r))),
    async end() {},
  };
}

/** One row a problem: each issue, and each file that could not be read. */
function issueRows(r: FileReport, locale: EngineLocale): string[][] {
  if (r.error) return [[r.file, '', '', words(locale, 'unreadableColumn'), '', r.error, '', '']];
  return r.tables.flatMap((t) =>
    t.issues.map((i) => [
      r.file,
      t.sheet,
      i.cell,
      severityWord(locale)[i.severity],
      ruleWords(i.rule, locale).title,
      i.message,
      t.projectName ?? '',
      i.text,
    ]),
  );
}

/**
 * A CSV field. Text that Excel would take for a formula (=, +, -, @ first) gets a leading apostrophe,
 * so a cell's text can never run as a formula in the reviewer's Excel (CSV injection).
 */
export function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for Excel: UTF-8 with a byte-order mark (else Excel reads it as the local code page), CRLF lines. */
export function csvWriter(write: (s: string) => void, locale: EngineLocale = 'zh-CN'): Writer {
  write(`\uFEFF${ISSUE_COLUMNS[locale].map(csvField).join(',')}\r`);
  return {
    file(r) {
      for (const row of issueRows(r, locale)) write(`${row.map(csvField).join(',')}\r`);
    },
    async end() {},
  };
}

/** A HYPERLINK formula that opens the source workbook at a cell ("[book.xlsx]'Sheet'!C8", Excel's own syntax). */
export function linkFormula(file: string, sheet: string, cell: string): string {
  const target = `[${file}]'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`;
}

/**
 * The .xlsx report: 汇总 (one row a table, or a file without tables) and 问题 (one row an issue, with
 * a link to its cell), header rows frozen, filters on, widths set. Links are relative to the report.
 */
export function xlsxWriter(outFile: string, locale: EngineLocale = 'zh-CN'): Writer {
  const summary: (string | number)[][] = [];
  const issues: { row: string[]; file: string; sheet: string; cell: string }[] = [];
  const rel = (f: string) => path.relative(path.dirname(path.resolve(outFile)), path.resolve(f)) || f;
  return {
    file(r) {
      if (r.error)
        summary.push([r.file, '', '', words(locale, 'unreadableColumn'), '', '', '', '', '', r.error]);
      else if (r.tables.length === 0)
        summary.push([
          r.file,
          '',
          '',
          words(locale, 'noTableColumn'),
          '',
          '',
          0,
          0,
          0,
          r.nearMisses.map((n) => n.message).join(words(locale, 'foundSeparator')),
        ]);
      for (const t of r.tables) {
        const c = countBySeverity(t.issues);
        summary.push([
          r.file,
          t.sheet,
          t.range,
          t.projectName ?? '',
          t.department ?? '',
          t.amounts.total ?? '',
          c.error,
          c.warning,
          c.info,
          '',
        ]);
      }
      for (const row of issueRows(r, locale)) issues.push({ row, file: r.file, sheet: row[1], cell: row[2] });
    },
    async end() {
      // ExcelJS is loaded only for this format: a plain check does not pay for it.
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      wb.creator = 'jixiao';
      const head = (ws: ExcelJSTypes.Worksheet, columns: [string, number][]) => {
        ws.columns = columns.map(([header, width]) => ({ header, width }));
        ws.getRow(1).font = { bold: true };
        ws.views = [{ state: 'frozen', ySplit: 1 }];
        ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
      };
      const s = wb.addWorksheet(REPORT_SHEETS[locale].summary);
      head(s, SUMMARY_COLUMNS[locale]);
      for (const row of summary) s.addRow(row);
      const q = wb.addWorksheet(REPORT_SHEETS[locale].issues);
      head(
        q,
        ISSUE_COLUMNS[locale].map((h, i): [string, number] => [h, [40, 14, 10, 10, 20, 60, 36, 40][i]]),
      );
      for (const i of issues) {
        const row = q.addRow(i.row);
        if (i.cell) {
          row.getCell(3).value = { formula: linkFormula(rel(i.file), i.sheet, i.cell), result: i.cell };
          row.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
        }
      }
      await wb.xlsx.writeFile(outFile);
    },
  };
}

/** Human lines carry workbook text: escaped for a terminal. */
export const escaped = (f: (s: string) => void) => (line: string) => f(printable(line));
