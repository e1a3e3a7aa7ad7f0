/**
 * One file checked: everything any output format needs, as plain data, so that a worker thread can
 * hand it to the main thread (structured clone) and the main thread can print it in any format.
 */
import { checkWorkbook, countBySeverity } from '../core/check';
import { filledIndicators, type Table } from '../core/model';
import { loadLibrary } from '../core/phrasings/library';
import { readingOf } from '../core/reading';
import type { ResolvedConfig } from '../core/config';
import type { EngineLocale } from '../core/locales';
// Worker threads render messages too: English words registered here as in the main thread.
import '../core/locales/en-US';
import type { ReadLimits } from '../xlsx/limits';
import { UnreadableFileError, readBook } from './xlsx';
import type { Correction } from '../core/corrections';
import { reasonIn } from '../xlsx/unreadable';
import { say } from './words';

/** The JSON shape of one table, as documented in the README. */
export function tableJson(t: Table) {
  const reading = readingOf(t);
  const amounts: Record<string, number> = {};
  const total = t.amounts.total ?? t.amounts.annual;
  if (total) amounts.total = total.value;
  for (const [k, v] of Object.entries(t.amounts)) if (v && k !== 'total') amounts[k] = v.value;
  return {
    sheet: t.sheet,
    range: t.range,
    title: t.title,
    projectName: t.projectName,
    department: t.header.department?.text ?? null,
    unit: t.unit,
    amounts,
    framework: t.framework,
    // What was read and where: the pane's 读取 section, for programs.
    fields: reading.fields,
    reading: {
      notFound: reading.notFound,
      empty: reading.empty,
      unplaced: reading.unplaced,
      frameworkBasis: reading.framework.basis,
      frameworkReason: reading.framework.reason,
      byLevel1: reading.indicators.byLevel1,
    },
    indicators: filledIndicators(t).map((i) => ({
      level1: i.level1?.name ?? i.level1?.text ?? null,
      level2: i.level2?.name ?? i.level2?.text ?? null,
      name: i.name?.text ?? null,
      value: i.value?.text ?? null,
      cell: i.name?.cell ?? i.value?.cell ?? null,
    })),
    issues: t.issues.map((i) => ({
      rule: i.rule,
      severity: i.severity,
      messageId: i.messageId,
      data: i.data,
      message: i.message,
      cell: i.cell,
      row: i.row,
      col: i.col,
      text: i.text,
      ...(i.fix ? { fix: i.fix } : {}),
    })),
  };
}

export type TableJson = ReturnType<typeof tableJson>;

export interface Counts {
  tables: number;
  error: number;
  warning: number;
  info: number;
}

export interface FileReport {
  file: string;
  /** Why the file could not be read (one line); the file counts as exit 2. */
  error?: string;
  tables: TableJson[];
  nearMisses: { sheet: string; range: string; kind: string; message: string }[];
  /** With --explain: every candidate region and the verdict on it. */
  candidates?: { sheet: string; range: string; verdict: string; reason: string; anchors: string[] }[];
  counts: Counts;
}

export interface CheckOptions {
  limits: ReadLimits;
  explain: boolean;
  locale?: EngineLocale;
}

export function failedReport(file: string, reason: string): FileReport {
  return {
    file,
    error: reason,
    tables: [],
    nearMisses: [],
    counts: { tables: 0, error: 0, warning: 0, info: 0 },
  };
}

/**
 * The corrections the pane saved in a workbook, validated as the pane validates them (the validator
 * loads only for a workbook that has settings); none when it has none or they do not validate.
 */
async function savedCorrections(settings: unknown, file: string): Promise<Correction[] | undefined> {
  if (!settings || typeof settings !== 'object' || !('corrections' in settings)) return undefined;
  const { parseConfig } = await import('../core/config');
  try {
    return parseConfig({ corrections: (settings as { corrections: unknown }).corrections }, file).corrections;
  } catch {
    return undefined;
  }
}

/** Reads and checks one file; never throws: a file that cannot be read is a report with its reason. */
/** A file to check, with the configuration it is checked under (rule severities and options). */
export interface FileJob {
  file: string;
  config: ResolvedConfig | null;
}

export async function checkFile(job: FileJob, options: CheckOptions): Promise<FileReport> {
  const { file, config } = job;
  let sheets;
  try {
    const book = await readBook(file, options.limits);
    sheets = checkWorkbook(book.grids, {
      library: loadLibrary(),
      explain: options.explain,
      locale: options.locale,
      ...(config
        ? {
            rules: config.rules,
            ruleOptions: config.ruleOptions,
            profile: config.profile,
            vocabulary: config.vocabulary,
          }
        : {}),
      // What the clerk confirmed in the pane (saved in the workbook) is read as they confirmed it.
      corrections: await savedCorrections(book.settings, file),
    });
  } catch (e) {
    return failedReport(
      file,
      e instanceof UnreadableFileError
        ? reasonIn(e.reason, options.locale ?? 'zh-CN')
        : say(options.locale ?? 'zh-CN', 'cannotRead', {
            reason: e instanceof Error ? e.message.split('\n')[0] : String(e),
          }),
    );
  }
  const tables = sheets.flatMap((s) => s.tables);
  const counts: Counts = { tables: tables.length, error: 0, warning: 0, info: 0 };
  for (const t of tables) {
    const c = countBySeverity(t.issues);
    counts.error += c.error;
    counts.warning += c.warning;
    counts.info += c.info;
  }
  return {
    file,
    tables: tables.map(tableJson),
    nearMisses: sheets
      .flatMap((s) => s.nearMisses)
      .map((n) => ({ sheet: n.sheet, range: n.range, kind: n.kind, message: n.message })),
    ...(options.explain ? { candidates: sheets.flatMap((s) => s.candidates) } : {}),
    counts,
  };
}
