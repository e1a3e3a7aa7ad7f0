/**
 * Every line the command line writes of its own, in zh-CN and en-US. The form's own text (a project
 * name, a near-miss title) is quoted into these lines, never translated. The engine's words (issue
 * messages, --explain) come from src/core/locales.
 */
import type { EngineLocale } from '../core/locales';

const WORDS = {
  found: ['{file}：找到 {count} 张绩效目标表', '{file}: {count} target table(s) found'],
  noneFound: [
    '  未找到绩效目标表（需要「一级指标 / 二级指标 / 三级指标 / 指标值」表头，或项目名称、金额、年度目标等表头栏）',
    '  No target table found (it needs a level-1 / level-2 / level-3 indicator / value header, or header fields such as the project name, amount and annual goal)',
  ],
  explainHead: ['  识别过程 (explain)：', '  What recognition looked at (explain):'],
  verdictTable: ['采用', 'taken'],
  verdictNearMiss: ['近似表，未检查', 'near-miss, not checked'],
  verdictNone: ['不采用', 'not taken'],
  explainFound: ['      找到：{found}', '      found: {found}'],
  foundSeparator: ['；', '; '],
  unnamed: ['（未识别项目名称）', '(project name not recognised)'],
  tableLine: [
    '  [{where}] {name}  — {error} 错误, {warning} 警告, {info} 提示',
    '  [{where}] {name}  — {error} errors, {warning} warnings, {info} infos',
  ],
  readFields: ['    读取：{fields}', '    read: {fields}'],
  readNotFound: ['    未找到：{names}', '    not found: {names}'],
  readEmpty: ['    未填写：{labels}', '    left empty: {labels}'],
  readUnplaced: ['    未能归类：{items}', '    not placed: {items}'],
  readIndicators: [
    '    框架：{reason}；指标 {count} 项（{levels}）',
    '    framework: {reason}; {count} indicators ({levels})',
  ],
  summary: [
    '合计 (summary)：{tables} 张表，{error} 个错误，{warning} 个警告，{info} 个提示',
    'Summary: {tables} tables, {error} errors, {warning} warnings, {info} infos',
  ],
  cannotRead: ['无法读取：{reason}', 'cannot read: {reason}'],
  unreadableColumn: ['无法读取', 'unreadable'],
  noTableColumn: ['未找到绩效目标表', 'no target table'],
  outOfMemory: ['文件过大，检查时内存不足', 'too large: out of memory while checking'],
  checkerFailed: ['检查时出错：{reason}', 'the checker failed: {reason}'],
  progress: ['检查中', 'checking'],
  emptyFolder: ['{folder}: 文件夹中没有 .xlsx 文件', '{folder}: no .xlsx file in this folder'],
  noFile: ['请指定要检查的 .xlsx 文件', 'no file given'],
  badConfig: ['配置无效：{reason}', 'invalid configuration: {reason}'],
  cannotWrite: ['无法写入 {file}：{reason}', 'cannot write {file}: {reason}'],
  configUnreadable: ['{file}: 无法读取配置文件：{reason}', '{file}: cannot read the configuration: {reason}'],
  configNotJson: ['{file}: 不是有效的 JSON：{reason}', '{file}: not valid JSON: {reason}'],
} as const satisfies Record<string, readonly [string, string]>;

export type WordId = keyof typeof WORDS;

/** A line in the locale's words, `{name}` filled as plain text. */
export function say(locale: EngineLocale, id: WordId, data: Record<string, string | number> = {}): string {
  const template = WORDS[id][locale === 'en-US' ? 1 : 0];
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** The report's column headers (CSV and the .xlsx report's 问题 sheet). */
export const ISSUE_COLUMNS: Record<EngineLocale, string[]> = {
  'zh-CN': ['文件', '工作表', '单元格', '严重程度', '问题类别', '说明', '项目名称', '所在行内容'],
  'en-US': ['File', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Project', 'Row text'],
};

/** The .xlsx report's 汇总 sheet: its columns and their widths. */
export const SUMMARY_COLUMNS: Record<EngineLocale, [string, number][]> = {
  'zh-CN': [
    ['文件', 40],
    ['工作表', 14],
    ['区域', 12],
    ['项目名称', 36],
    ['主管部门', 24],
    ['项目总额', 14],
    ['错误', 8],
    ['警告', 8],
    ['提示', 8],
    ['说明', 40],
  ],
  'en-US': [
    ['File', 40],
    ['Sheet', 14],
    ['Range', 12],
    ['Project', 36],
    ['Department', 24],
    ['Total', 14],
    ['Errors', 8],
    ['Warnings', 8],
    ['Infos', 8],
    ['Note', 40],
  ],
};

/** The .xlsx report's sheet names. */
export const REPORT_SHEETS: Record<EngineLocale, { summary: string; issues: string }> = {
  'zh-CN': { summary: '汇总', issues: '问题' },
  'en-US': { summary: 'Summary', issues: 'Issues' },
};

/**
 * The locale when --locale is not given: English on an English system (LC_ALL, LC_MESSAGES or LANG
 * starting with "en"), else Chinese, the users' language.
 */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): EngineLocale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.-]|$)/i.test(tag) ? 'en-US' : 'zh-CN';
}
