/**
 * Every string the pane shows, zh-CN first and en-US beside it. The language follows Office's
 * display language (Office.context.displayLanguage): zh-* gets Chinese, anything else English.
 * Issue messages come from the engine and stay in Chinese: they quote the form's own Chinese text.
 */

const zh = {
  appTitle: '绩效目标表检查',
  recheck: '重新检查',
  checking: '正在检查…',
  reading: '正在读取工作表…',
  readingProgress: '正在读取工作表：{done}/{total} 行',
  live: '实时检查',
  liveHint: '编辑单元格后自动重新检查',
  highlight: '在表中标记',
  highlightHint: '用可清除的条件格式标记问题单元格，不改动单元格自身格式',
  summaryTables: '工作表「{sheet}」中找到 {n} 张绩效目标表',
  summaryNone: '工作表「{sheet}」中没有找到绩效目标表（附件2）',
  errors: '错误',
  warnings: '警告',
  infos: '提示',
  noIssues: '未发现问题',
  tableHeading: '{name}（{range}）',
  unnamedTable: '未命名项目',
  issueCount: '{n} 条',
  goToCell: '定位到 {cell}',
  emptyTitle: '这张工作表里没有绩效目标表',
  emptyBody:
    '本插件查找的是“部门项目支出预算绩效目标表”（附件2）：表头有项目名称、主管部门、实施单位和资金金额，下方是一级指标、二级指标、三级指标、指标值组成的指标表。请打开含有这类表格的工作表，或点“重新检查”。',
  emptySheet: '工作表是空的。',
  truncatedRows: '工作表过大，只检查了前 {rows} 行。',
  truncatedCols: '工作表过宽，只检查了前 {cols} 列。',
  protectedNoHighlight: '工作表受保护，无法在表中标记问题；检查结果仍然有效。',
  noHighlightApi: '此版本的 Excel 不支持条件格式（需要 ExcelApi 1.6），无法在表中标记问题。',
  noLiveApi: '此版本的 Excel 不支持工作表事件（需要 ExcelApi 1.7），请手动点“重新检查”。',
  noMergeApi: '此版本的 Excel 无法报告合并单元格（需要 ExcelApi 1.13），已仅按单元格内容识别。',
  errEditMode: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后再试。',
  errBusy: 'Excel 正忙，请稍后再试。',
  errProtected: '工作表受保护，此操作被拒绝。请先撤销工作表保护。',
  errApi: '此版本的 Excel 不支持所需的功能（{detail}）。',
  errTooLarge: '一次读取的数据过多，已超出 Excel 的限制。',
  errNotFound: '找不到所需的工作表或单元格，它可能已被删除或重命名。',
  errNoOffice: '未在 Excel 中运行：无法连接到 Office。请从 Excel 的“开始”选项卡打开本插件。',
  errGeneric: 'Excel 返回了错误：{detail}',
  severity_error: '错误',
  severity_warning: '警告',
  severity_info: '提示',
  cellLabel: '单元格 {cell}',
  lastChecked: '检查用时 {ms} 毫秒',
  issuesRegion: '检查结果',
  suggestions: '建议',
  suggestionsFor: '{cell} 所在行：{row}',
  suggestionsHint: '在识别出的表中选中二级指标、三级指标或指标值单元格，这里会列出该行类别的标准表述。',
  emptyRow: '（三级指标为空）',
  alsoWriteValue: '同时写入指标值（示例数值，请按实际修改）',
  applyPhrasing: '写入 {cell}：{text}',
  loadingLibrary: '正在载入标准短语库…',
  libraryFailed: '标准短语库载入失败：{detail}',
  searchLabel: '搜索标准表述',
  searchPlaceholder: '输入关键词或拼音首字母，如 fwdxmyd',
  categoryLabel: '类别',
  categoryAll: '全部类别',
  noSuggestions: '没有找到匹配的表述',
  selectRowFirst: '先在表中选中一行，才能写入',
  refreshSelection: '读取所选单元格',
  fix: '修复',
  fixLabel: '修复 {cell}：将「{before}」改为「{after}」',
  fixAll: '一键修复本表 {n} 项',
  fixApplied: '已修复 {n} 处。',
  fixSkipped: '{n} 处单元格在检查后已被修改，未作改动：{cells}',
  wrote: '已写入 {cells}。',
};

export type StringKey = keyof typeof zh;

const en: Record<StringKey, string> = {
  appTitle: 'Performance target form check',
  recheck: 'Check again',
  checking: 'Checking…',
  reading: 'Reading the sheet…',
  readingProgress: 'Reading the sheet: {done}/{total} rows',
  live: 'Live check',
  liveHint: 'Check again automatically after each edit',
  highlight: 'Mark in sheet',
  highlightHint: 'Marks the cells with issues by removable conditional formats; the cells’ own formats are untouched',
  summaryTables: 'Found {n} performance target tables in sheet “{sheet}”',
  summaryNone: 'No performance target table (附件2) in sheet “{sheet}”',
  errors: 'Errors',
  warnings: 'Warnings',
  infos: 'Info',
  noIssues: 'No issues',
  tableHeading: '{name} ({range})',
  unnamedTable: 'Unnamed project',
  issueCount: '{n}',
  goToCell: 'Go to {cell}',
  emptyTitle: 'No performance target table on this sheet',
  emptyBody:
    'This add-in looks for the project performance target form (部门项目支出预算绩效目标表, 附件2): a header with 项目名称, 主管部门, 实施单位 and the amounts, then an indicator table of 一级指标, 二级指标, 三级指标 and 指标值. Open a sheet with such a table, or press “Check again”.',
  emptySheet: 'The sheet is empty.',
  truncatedRows: 'The sheet is very large: only its first {rows} rows were checked.',
  truncatedCols: 'The sheet is very wide: only its first {cols} columns were checked.',
  protectedNoHighlight: 'The sheet is protected, so issues cannot be marked in it; the results still hold.',
  noHighlightApi: 'This Excel does not support conditional formats (ExcelApi 1.6): issues cannot be marked in the sheet.',
  noLiveApi: 'This Excel does not support worksheet events (ExcelApi 1.7): press “Check again” after editing.',
  noMergeApi: 'This Excel cannot report merged cells (ExcelApi 1.13): tables were recognised from cell contents only.',
  errEditMode: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  errBusy: 'Excel is busy. Please try again in a moment.',
  errProtected: 'The sheet is protected and the operation was refused. Unprotect the sheet first.',
  errApi: 'This Excel does not support a feature the add-in needs ({detail}).',
  errTooLarge: 'Too much data for one read: Excel’s limit was exceeded.',
  errNotFound: 'A sheet or cell the add-in needs was not found; it may have been deleted or renamed.',
  errNoOffice: 'Not running inside Excel: Office could not be reached. Open the add-in from Excel’s Home tab.',
  errGeneric: 'Excel reported an error: {detail}',
  severity_error: 'Error',
  severity_warning: 'Warning',
  severity_info: 'Info',
  cellLabel: 'Cell {cell}',
  lastChecked: 'Checked in {ms} ms',
  issuesRegion: 'Results',
  suggestions: 'Suggestions',
  suggestionsFor: 'Row of {cell}: {row}',
  suggestionsHint: 'Select a 二级, 三级 or 指标值 cell of a recognised table to see the standard phrasings of its category here.',
  emptyRow: '(三级 is empty)',
  alsoWriteValue: 'Also write the value (an example figure: adjust it)',
  applyPhrasing: 'Write into {cell}: {text}',
  loadingLibrary: 'Loading the phrasing library…',
  libraryFailed: 'The phrasing library could not be loaded: {detail}',
  searchLabel: 'Search standard phrasings',
  searchPlaceholder: 'Words or pinyin initials, e.g. fwdxmyd',
  categoryLabel: 'Category',
  categoryAll: 'All categories',
  noSuggestions: 'No matching phrasing',
  selectRowFirst: 'Select a row of a table first to write into it',
  refreshSelection: 'Use the selected cell',
  fix: 'Fix',
  fixLabel: 'Fix {cell}: change “{before}” to “{after}”',
  fixAll: 'Fix all {n} in this table',
  fixApplied: 'Fixed {n} cell(s).',
  fixSkipped: '{n} cell(s) changed since the check and were left alone: {cells}',
  wrote: 'Wrote {cells}.',
};

export type Locale = 'zh-CN' | 'en-US';

export const STRINGS: Record<Locale, Record<StringKey, string>> = { 'zh-CN': zh, 'en-US': en };

/** Office's display language ("zh-CN", "zh-TW", "en-US", …) → the pane's locale. */
export function pickLocale(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return 'zh-CN';
  return /^zh\b/i.test(displayLanguage) ? 'zh-CN' : 'en-US';
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/** A translator for one locale: `{name}` placeholders are filled from params, as plain text. */
export function translator(locale: Locale): Translate {
  const table = STRINGS[locale];
  return (key, params) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
}
