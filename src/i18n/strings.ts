/**
 * Every string the pane shows, zh-CN here and en-US in ./en-US.ts (loaded only for an English pane).
 * The language follows Office's display language (Office.context.displayLanguage): zh-* gets
 * Chinese, anything else English.
 * Rule titles and issue messages come from the engine's locale files (src/core/locales) in the same
 * language; the form's own words they quote stay as written.
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
  noIssues: '未发现问题',
  tableHeading: '{name}（{range}）',
  unnamedTable: '未命名项目',
  ruleHeading: '{title}（{n}）',
  goToCell: '定位到 {cell}',
  emptyTitle: '这张工作表里没有绩效目标表',
  emptyBody:
    '本插件查找的是“部门项目支出预算绩效目标表”（附件2）：表头有项目名称、主管部门、实施单位和资金金额，下方是一级指标、二级指标、三级指标、指标值组成的指标表。请打开含有这类表格的工作表，或点“重新检查”。',
  emptySheet: '工作表是空的。',
  bySelection: '按所选区域识别',
  bySelectionHint:
    '表格在这里却没有被找到？选中整张表格的区域，再点此按钮，按较低的标准把它当作绩效目标表来读。',
  bySelectionKept: '所选区域 {range} 读出的内容少于自动识别，已保留自动识别的结果。',
  bySelectionResult: '已按所选区域 {range} 识别。',
  bySelectionMissing: '所选区域中未能读出：{parts}。',
  bySelectionNone:
    '所选区域 {range} 中没有找到指标表头（一级指标、二级指标、三级指标、指标值中的至少两项）。',
  bySelectionClear: '恢复自动识别',
  readingTitle: '读取',
  readingLine: '读取：{amount} · {framework} · 指标 {count} 项',
  readingNoAmount: '未读到金额',
  readingShow: '查看读取结果',
  readingHide: '收起读取结果',
  readingFields: '读到的内容',
  readingCell: '{field}：{cell}',
  readingNotFound: '表中未找到：{names}',
  readingEmpty: '有栏目但未填写：{labels}',
  readingUnplaced: '读到但未能确定用途',
  readingUnplacedItem: '{cell}「{label}」{text}',
  readingFramework: '框架：{reason}',
  readingIndicators: '指标 {count} 项：{levels}',
  readingLevel: '{level1} {count} 项',
  correctTitle: '更正读取',
  correctHint: '先在表中选中单元格，再选它是什么：',
  correctAs: '设为{role}',
  corrected: '已按更正读取：',
  correctedItem: '{cell} 为{role}',
  correctUndo: '撤销 {cell} 的更正',
  correctOtherSheet: '所选单元格不在当前检查的工作表上',
  correctFramework: '按此框架检查本表',
  correctFailed: '未能保存更正：{problem}',
  unplacedAs: '{cell} 是：',
  lapsedTitle: '以下更正已失效（单元格内容已改动），不再采用：',
  lapsedItem: '{sheet}!{cell} 设为{role}（当时为「{text}」）',
  lapsedRemove: '删除此更正',
  part_projectName: '项目名称',
  part_amount: '资金金额',
  part_goal: '年度总体目标',
  part_level1: '一级指标列',
  part_level2: '二级指标列',
  part_name: '三级指标列',
  part_value: '指标值列',
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
  issuesRegion: '检查结果',
  suggestions: '建议',
  suggestionsFor: '{cell} 所在行：{row}',
  suggestionsHint: '在识别出的表中选中二级指标、三级指标或指标值单元格，这里会列出该行类别的标准表述。',
  emptyRow: '（三级指标为空）',
  alsoWriteValue: '同时写入指标值（示例数值，请按实际修改）',
  widenCategories: '也显示「{category}」以外的表述',
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
  addRow: '在「{level2}」下添加指标行',
  rowAdded: '已在「{level2}」下添加第 {row} 行。',
  templates: '插入模板',
  goToTemplates: '插入模板…',
  templateFramework: '指标框架',
  frameworkNewer: '新框架（成本指标为一级指标）',
  frameworkHint: '新框架依据财预〔2021〕101号，旧框架依据财预〔2015〕88号。',
  frameworkOlder: '旧框架（成本在产出指标下）',
  templateUnit: '金额单位',
  templateDescribe: '含“绩效指标描述”“指标值确定依据”列',
  templateTransfer: '含本级资金 / 上级转移支付资金',
  templateFunds: '资金栏按「{profile}」规范：{words}',
  insertAtSelection: '插入到所选单元格',
  insertNewSheet: '插入到新工作表',
  insertBelow: '插入到已有内容下方',
  templateInserted: '已在工作表「{sheet}」插入空白绩效目标表。',
  templateBlocked: '目标区域有 {n} 处单元格不为空或有合并单元格，未写入任何内容：{cells}',
  templateOfferNewSheet: '改为插入到新工作表',
  insertTarget: '所选单元格：{cell}（模板的左上角）',
  tabResults: '检查结果',
  tabSuggestions: '建议',
  tabTemplates: '插入模板',
  tabSettings: '设置',
  errNoWps: '未检测到 WPS 表格：请在 WPS 表格中从“绩效目标表”选项卡点“绩效表检查”打开本窗格。',
  settingsInvalid: '工作簿中保存的检查设置无效，已按默认设置检查：{problem}',
  settingsInForce: '按「{profile}」规范和工作簿中保存的设置检查',
  tabsLabel: '窗格内容',
  filterLabel: '按严重程度显示',
  filterHint: '点按钮隐藏或显示这一类问题',
  notationGroup: '写法不规范 {n} 处',
  notationExpand: '展开',
  notationCollapse: '收起',
  notationFixAll: '一键修复写法 {n} 处',
  hiddenBySeverity: '有 {n} 条问题被筛选隐藏',
  fixPreview: '修复：{before} → {after}',
  wroteReplacing: '已写入 {cells}，替换了原有内容：',
  replacedItem: '{cell}：「{before}」→「{after}」',
  emptyCellShown: '（空）',
  undoWrite: '撤销',
  undone: '已撤销：{cells} 恢复为原来的内容。',
  undoStale: '{cells} 在写入后已被修改，为免覆盖新的内容，没有撤销。',
  selectedRow: '（所选第 {row} 行）',
  fileUnreadable: '无法打开 {name}',
  fileUnreadableHint: '原因：{reason}。上一个工作簿的检查结果已清除；请打开另一个 .xlsx 文件，或选择示例。',
  otherSheets: '其他工作表',
  otherSheetsCheck: '检查其他工作表',
  otherSheetsCheckN: '检查其他工作表（{n} 张）',
  otherSheetsRecheck: '重新检查其他工作表（{n} 张）',
  otherSheetsUnread: '本工作簿另有 {n} 张工作表，尚未检查。',
  otherSheetsNone: '本工作簿没有其他工作表。',
  otherSheetsWithout: '另有 {n} 张工作表中没有绩效目标表。',
  otherSheetsProgress: '正在检查其他工作表：{done}/{total}',
  otherSheetsStop: '停止',
  otherSheetsMore: '显示其余 {n} 张',
  otherSheetsFewer: '收起',
  otherSheetFailed: '工作表「{sheet}」未能读取：{reason}',
  sheetTables: '{n} 张表',
  sheetErrors: '{n} 个错误',
  sheetNoErrors: '无错误',
  sheetChanged: '（已更改，待重新检查）',
  sheetHidden: '（隐藏）',
  otherSheetHidden: '工作表「{sheet}」已隐藏，不能打开：请先右键任一工作表标签，选择「取消隐藏」。',
  moreTables: ' 等 {n} 张',
};

export type StringKey = keyof typeof zh;

export type Locale = 'zh-CN' | 'en-US';

/**
 * The pane's words by locale. English is a chunk of its own (./en-US.ts, registered when imported),
 * so a Chinese pane never loads it; a locale not loaded reads as Chinese rather than fail.
 */
const STRINGS: Partial<Record<Locale, Record<StringKey, string>>> = { 'zh-CN': zh };

/** Adds a locale's words (./en-US.ts calls this when it is imported). */
export function registerStrings(locale: Locale, table: Record<StringKey, string>): void {
  STRINGS[locale] = table;
}

/** The words of a locale, when loaded. */
export function stringsOf(locale: Locale): Record<StringKey, string> | undefined {
  return STRINGS[locale];
}

/**
 * Loads what an English pane needs beyond the first bundle: its words and the engine's (rule titles,
 * messages), in one chunk.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'en-US') return;
  await Promise.all([
    import(/* webpackChunkName: "locale-en" */ './en-US'),
    import(/* webpackChunkName: "locale-en" */ '../core/locales/en-US'),
  ]);
}

/** Office's display language ("zh-CN", "zh-TW", "en-US", …) → the pane's locale. */
export function pickLocale(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return 'zh-CN';
  return /^zh\b/i.test(displayLanguage) ? 'zh-CN' : 'en-US';
}

/** A translator, knowing its locale (the engine's words — rule titles, issue messages — follow it). */
export type Translate = ((key: StringKey, params?: Record<string, string | number>) => string) & {
  locale: Locale;
};

/** A translator for one locale: `{name}` placeholders are filled from params, as plain text. */
export function translator(locale: Locale): Translate {
  const table = STRINGS[locale] ?? zh;
  const t = (key: StringKey, params?: Record<string, string | number>) =>
    table[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      params && name in params ? String(params[name]) : m,
    );
  return Object.assign(t, { locale });
}
