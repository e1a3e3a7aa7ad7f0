/**
 * Finds every 附件2 table in a sheet and models it.
 *
 * Recognition works from values alone (merges are a hint): Excel 2016/2019 cannot report merged
 * areas and many forms are typed without them. A table is anchored on its indicator header row
 * (一级指标 / 二级指标 / 三级指标 / 指标值, with their synonyms from vocabulary.json); its header
 * block is read upwards from there and its indicator block downwards, until the next table, a title,
 * a note or the end of the sheet. Cells are read by meaning, not by fixed position: a 一级 name
 * that spans the 二级 column, a 三级 text typed into the leading 绩效指标 column or a value wrapped
 * onto the next row are all put back where they belong.
 */
import { Decimal } from './decimal';
import { type Grid, a1, a1Range } from './grid';
import type { Amount, AmountField, Amounts, CellText, Columns, Indicator, Level, Table } from './model';
import { type SheetCell, SheetView } from './sheet';
import { TextCache, foldText, labelKey } from './text';
import { parseAmount } from './values';
import {
  type AmountLabel,
  type FrameworkId,
  type HeaderField,
  type IndicatorColumnRole,
  amountLabel,
  canonicalLevel1,
  canonicalLevel2,
  frameworkData,
  headerField,
  indicatorColumnRole,
  isAnnexText,
  isNotTargetTitle,
  isTitleText,
  unitLine,
} from './vocabulary';

/** A table as recognised, before rules have run (issues empty). */
export type RecognisedTable = Table;

const NOTE_RE = /^(?:注[:：\d]|注释|备注[:：]|说明[:：]|填报说明|填表说明|填表人|审核人|联系电话|单位负责人|财务负责人|项目负责人|制表)/;
const YEAR_LINE_RE = /^\(?\s*(20\d{2})\s*年(?:度)?\s*\)?$/;

/** Labels are short: longer cells are never compared with the vocabulary. */
const MAX_LABEL = 80;

/** What a cell is, worked out once per cell (label matching is the hot path of recognition). */
interface CellClass {
  level1: string | null;
  level2: string | null;
  role: IndicatorColumnRole | null;
  label: Label | null;
  title: boolean;
  annex: boolean;
  unit: '万元' | '元' | null;
  note: boolean;
  year: number | null;
}

const NO_CLASS: CellClass = { level1: null, level2: null, role: null, label: null, title: false, annex: false, unit: null, note: false, year: null };
/**
 * Classes by text, for the sheet being recognised: stacked forms repeat the same labels in every
 * table, so each distinct text is classified once. Emptied per recognise() call (see there).
 */
const classesByText = new TextCache<CellClass>(100000);

/** The cell's class: kept on the cell, and by text across the sheet. */
function cls(cell: SheetCell): CellClass {
  if (cell.memo !== undefined) return cell.memo as CellClass;
  return (cell.memo = classesByText.get(cell.text, classify));
}

function classify(text: string): CellClass {
  if (text.length > MAX_LABEL) return NOTE_RE.test(foldText(text.slice(0, 12))) ? { ...NO_CLASS, note: true } : NO_CLASS;
  const folded = foldText(text);
  const key = labelKey(text);
  const year = YEAR_LINE_RE.exec(folded);
  return {
    level1: canonicalLevel1(text, key),
    level2: canonicalLevel2(text, key),
    role: text.length <= 20 ? indicatorColumnRole(text, key) : null,
    label: labelOf(text, key),
    title: isTitleText(text, key),
    annex: isAnnexText(text, key),
    unit: unitLine(text, key),
    note: NOTE_RE.test(folded),
    year: year ? Number(year[1]) : null,
  };
}

type ContentRole = 'name' | 'description' | 'value' | 'basis';
const CONTENT_ROLES: ContentRole[] = ['name', 'description', 'value', 'basis'];

interface HeaderColumn {
  role: IndicatorColumnRole;
  col: number;
}

interface Anchor {
  row: number;
  columns: HeaderColumn[];
}

/** Recognises every 附件2 table of one sheet. Never throws on odd input; an unrecognisable sheet gives []. */
export function recognise(grid: Grid, view = new SheetView(grid)): RecognisedTable[] {
  classesByText.clear();
  const anchors = findAnchors(view);
  const tables: RecognisedTable[] = [];
  let regionStart = view.firstRow;
  for (let i = 0; i < anchors.length; i++) {
    const anchor = anchors[i];
    const nextAnchorRow = i + 1 < anchors.length ? anchors[i + 1].row : view.lastRow + 1;
    const table = buildTable(view, anchor, regionStart, nextAnchorRow);
    tables.push(table);
    regionStart = table.bottom + 1;
  }
  assignSheetFrameworks(tables);
  return tables;
}

function findAnchors(view: SheetView): Anchor[] {
  const anchors: Anchor[] = [];
  for (let r = view.firstRow; r <= view.lastRow; r++) {
    const cells = view.cells(r);
    if (cells.length < 3) continue;
    // Most rows have no column header at all: allocate only when one turns up.
    let columns: HeaderColumn[] | null = null;
    let seen: Set<IndicatorColumnRole> | null = null;
    let selfEvaluation = false;
    for (const cell of cells) {
      const role = cls(cell).role;
      if (!role) continue;
      if (role === 'selfEvaluation') selfEvaluation = true;
      columns ??= [];
      seen ??= new Set();
      // The 88号 申报表 repeats 二级/三级/指标值 for 中期 and 年度 side by side: the first set is read.
      if (seen.has(role)) continue;
      seen.add(role);
      columns.push({ role, col: cell.col });
    }
    if (selfEvaluation || !columns || !seen) continue; // a 自评表 (执行数, 得分) is not a target table
    if (seen.has('level1') && seen.has('level2') && (seen.has('name') || seen.has('value'))) {
      anchors.push({ row: r, columns });
    }
  }
  return anchors;
}

/** Whether a row starts something that is not an indicator row: a title, a header label, a note. */
function isBoundaryRow(view: SheetView, row: number): boolean {
  for (const cell of view.cells(row)) {
    const c = cls(cell);
    if (c.title || c.annex || c.unit || c.label || c.note) return true;
  }
  return false;
}

function buildTable(view: SheetView, anchor: Anchor, regionStart: number, regionEnd: number): RecognisedTable {
  const header = readHeader(view, regionStart, anchor.row);
  const block = readIndicatorBlock(view, anchor, regionEnd);
  const top = header.top ?? anchor.row;
  const bottom = block.bottom;

  let left = Infinity;
  let right = -Infinity;
  for (let r = top; r <= bottom; r++) {
    for (const cell of view.cells(r)) {
      left = Math.min(left, cell.col);
      right = Math.max(right, view.rightEdge(cell));
    }
  }
  if (!Number.isFinite(left)) left = right = 0;

  const { framework, reason } = detectFramework(block.indicators, header.year);
  return {
    sheet: view.sheet,
    range: a1Range(top, left, bottom, right),
    top,
    bottom,
    indicatorHeaderRow: anchor.row,
    title: header.title,
    year: header.year,
    projectName: header.projectName,
    projectNameSource: header.projectNameSource,
    projectNameCell: header.projectNameCell,
    header: header.fields,
    hasHeaderBlock: header.hasHeaderBlock,
    unit: header.unit,
    amounts: header.amounts,
    emptyAmountLabels: header.emptyAmountLabels,
    goal: header.goal,
    framework,
    frameworkReason: reason,
    columns: block.columns,
    indicators: block.indicators,
    issues: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Header block

interface HeaderResult {
  top: number | null;
  title: string | null;
  year: number | null;
  projectName: string | null;
  projectNameSource: Table['projectNameSource'];
  projectNameCell: string | null;
  fields: Table['header'];
  hasHeaderBlock: boolean;
  unit: '万元' | '元' | null;
  amounts: Amounts;
  emptyAmountLabels: { field: string; cell: string }[];
  goal: CellText | null;
}

type Label =
  | { kind: 'header'; field: HeaderField; inline?: string }
  | { kind: 'amount'; label: AmountLabel; unit: '万元' | '元' | null };

function labelOf(text: string, key: string): Label | null {
  if (text.length > 40) return null;
  const field = headerField(text, key);
  if (field) return { kind: 'header', field };
  const amount = amountLabel(text, key);
  if (amount) return { kind: 'amount', label: amount.label, unit: amount.unit };
  // "项目名称：XXX" written in one cell.
  const m = /^(项目名称|主管部门|实施单位|项目属性|项目期限?)\s*[:：]\s*(.+)$/.exec(foldText(text));
  if (m) {
    const f = headerField(m[1]);
    if (f) return { kind: 'header', field: f, inline: m[2] };
  }
  return null;
}

const HEADER_SCAN_LIMIT = 40;

function readHeader(view: SheetView, regionStart: number, anchorRow: number): HeaderResult {
  const start = Math.max(regionStart, anchorRow - HEADER_SCAN_LIMIT);
  const result: HeaderResult = {
    top: null,
    title: null,
    year: null,
    projectName: null,
    projectNameSource: 'none',
    projectNameCell: null,
    fields: { projectName: null, department: null, implementer: null, attribute: null, period: null },
    hasHeaderBlock: false,
    unit: null,
    amounts: {},
    emptyAmountLabels: [],
    goal: null,
  };

  // First pass: find the header-ish rows and the table's top; titles and the unit line.
  let firstLabelRow: number | null = null;
  const titleRows: { row: number; text: string }[] = [];
  for (let r = start; r < anchorRow; r++) {
    const cells = view.cells(r);
    let headerish = false;
    for (const cell of cells) {
      const c = cls(cell);
      if (c.title || c.annex) {
        headerish = true;
        if (c.title && firstLabelRow === null) titleRows.push({ row: r, text: cell.text });
      }
      if (c.unit) {
        result.unit = c.unit;
        headerish = true;
      }
      if (c.year !== null) {
        headerish = true;
        result.year ??= c.year;
      }
      if (c.label) {
        headerish = true;
        if (firstLabelRow === null) firstLabelRow = r;
      }
    }
    if (headerish && result.top === null) result.top = r;
  }
  const title = titleRows.length ? titleRows[titleRows.length - 1] : null;
  result.title = title ? title.text : null;
  if (result.year === null) {
    for (const t of titleRows) {
      const y = /(20\d{2})\s*年/.exec(foldText(t.text));
      if (y) result.year = Number(y[1]);
    }
  }

  // Second pass: label → value pairs, amounts by group.
  /** Group label columns (本级 / 转移) seen so far: a 资金总额 belongs to the nearest group on its left. */
  const groupCols: { col: number; group: 'own' | 'transfer' }[] = [];
  const firstRow = result.top ?? start;
  for (let r = firstRow; r < anchorRow; r++) {
    const cells = view.cells(r);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const label = cls(cell).label;
      if (!label) continue;
      // The goal label alone (廊坊: title, 绩效目标, indicators) is not a header block.
      if (!(label.kind === 'header' && label.field === 'goal')) result.hasHeaderBlock = true;
      // The value: the next non-empty cell on the right that is not itself a label.
      let valueCell: SheetCell | null = null;
      if (!(label.kind === 'header' && label.inline)) {
        const next = cells[i + 1];
        if (next && !cls(next).label) valueCell = next;
      }
      if (label.kind === 'header') {
        const text = label.inline ?? valueCell?.text ?? '';
        const cellAddr = label.inline ? a1(cell.row, cell.col) : valueCell ? a1(valueCell.row, valueCell.col) : a1(cell.row, view.rightEdge(cell) + 1);
        if (label.field === 'goal') {
          if (!result.goal && text) result.goal = { text, cell: cellAddr };
          continue;
        }
        if (label.field === 'fundOffice') continue;
        const field = label.field as keyof Table['header'];
        if (!result.fields[field]) result.fields[field] = { text, cell: cellAddr, labelCell: a1(cell.row, cell.col) };
        continue;
      }
      // Amounts
      const unit = label.unit ?? result.unit ?? '万元';
      if (label.label === 'groupOwn' || label.label === 'groupTransfer') {
        groupCols.push({ col: cell.col, group: label.label === 'groupOwn' ? 'own' : 'transfer' });
        // "其中：本级资金 | 资金总额 | 34万": the group label is followed by a label, never a value.
        continue;
      }
      if (label.label === 'groupProject') {
        if (label.unit) result.unit ??= label.unit;
        continue;
      }
      let group: 'own' | 'transfer' = 'own';
      let best = -1;
      for (const g of groupCols) if (g.col <= cell.col && g.col > best) ((best = g.col), (group = g.group));
      const field = amountField(label.label, group);
      if (!field) continue;
      // "项目年度金额(元)": a unit in the label is the table's unit when no 单位 line says otherwise.
      if (label.unit && !result.unit) result.unit = label.unit;
      if (!valueCell) {
        if (!result.amounts[field]) result.emptyAmountLabels.push({ field, cell: a1(cell.row, cell.col) });
        continue;
      }
      const parsed = parseAmount(typeof valueCell.raw === 'number' ? valueCell.raw : valueCell.text, unit);
      if (parsed.kind !== 'money' || !parsed.amountWan) {
        if (!result.amounts[field]) result.emptyAmountLabels.push({ field, cell: a1(valueCell.row, valueCell.col) });
        continue;
      }
      if (!result.amounts[field]) result.amounts[field] = amount(parsed.amountWan, valueCell);
    }
  }

  // Project name: its cell; else the row just above an empty 项目名称 (平罗); else the title (廊坊).
  const pn = result.fields.projectName;
  if (pn && pn.text) {
    result.projectName = pn.text;
    result.projectNameSource = 'cell';
    result.projectNameCell = pn.cell;
  } else if (pn) {
    const labelRow = rowOf(pn.labelCell);
    for (let r = labelRow - 1; r >= Math.max(firstRow, labelRow - 2); r--) {
      const cells = view.cells(r);
      if (cells.length !== 1) continue;
      const c = cells[0];
      const k = cls(c);
      if (k.title || k.annex || k.unit || k.year !== null || k.label) break;
      result.projectName = c.text;
      result.projectNameSource = 'above';
      result.projectNameCell = a1(c.row, c.col);
      break;
    }
  } else if (title) {
    const fromTitle = projectNameFromTitle(title.text);
    if (fromTitle) {
      result.projectName = fromTitle;
      result.projectNameSource = 'title';
      const titleCell = view.cells(title.row).find((c) => c.text === title.text);
      result.projectNameCell = titleCell ? a1(titleCell.row, titleCell.col) : null;
    }
  }
  return result;
}

function rowOf(address: string): number {
  const m = /(\d+)$/.exec(address);
  return m ? Number(m[1]) - 1 : 0;
}

/**
 * "1.电子政务外网IPv6升级改造资金绩效目标表" → "电子政务外网IPv6升级改造资金". A generic title
 * ("2026年市本级部门项目支出预算绩效目标表") names no project.
 */
export function projectNameFromTitle(title: string): string | null {
  let t = foldText(title).replace(/\s+/g, '');
  if (/部门项目支出|部门整体|项目支出预算绩效|项目支出绩效目标表$|^部门/.test(t)) return null;
  t = t.replace(/^\d{1,3}[.、．]\s*/, '');
  t = t.replace(/(?:绩效目标(?:申报|批复|审批|审核)?表|绩效表)$/, '');
  t = t.replace(/^\(?20\d{2}年(?:度)?\)?/, '');
  return t.length >= 2 ? t : null;
}

function amountField(label: AmountLabel, group: 'own' | 'transfer'): AmountField | null {
  switch (label) {
    case 'total':
      return 'total';
    case 'annual':
      return 'annual';
    case 'groupTotal':
      return group === 'own' ? 'ownTotal' : 'transfer';
    case 'fiscal':
      return group === 'own' ? 'fiscal' : 'transferFiscal';
    case 'other':
      return group === 'own' ? 'other' : 'transferOther';
    case 'carryover':
      return group === 'own' ? 'carryover' : null;
    case 'central':
      return 'transferCentral';
    case 'regional':
      return 'transferRegional';
    default:
      return null;
  }
}

function amount(d: Decimal, cell: SheetCell): Amount {
  return { value: d.toNumber(), exact: d.toExact(), text: cell.text, cell: a1(cell.row, cell.col) };
}

// ---------------------------------------------------------------------------------------------
// Indicator block

interface BlockResult {
  bottom: number;
  columns: Columns;
  indicators: Indicator[];
}

interface RowDraft {
  row: number;
  level1: Level | null;
  level2: Level | null;
  /** The row wrote a new 一级 (so an empty 二级 means "spanning", not "same as above"). */
  newLevel1: boolean;
  content: Partial<Record<ContentRole, CellText>>;
  wrapped: boolean;
}

function readIndicatorBlock(view: SheetView, anchor: Anchor, regionEnd: number): BlockResult {
  const byRole = new Map<IndicatorColumnRole, number>();
  for (const h of anchor.columns) byRole.set(h.role, h.col);
  const columns: Columns = {
    lead: byRole.get('lead') ?? null,
    level1: byRole.get('level1') ?? null,
    level2: byRole.get('level2') ?? null,
    name: byRole.get('name') ?? null,
    value: byRole.get('value') ?? null,
    description: byRole.get('description') ?? null,
    basis: byRole.get('basis') ?? null,
  };
  // Column spans: a data cell belongs to the header column at or left of it.
  const headerCols = [...anchor.columns].sort((a, b) => a.col - b.col);
  const roleAt = (col: number): IndicatorColumnRole | 'before' => {
    let role: IndicatorColumnRole | 'before' = 'before';
    for (const h of headerCols) if (h.col <= col) role = h.role;
    return role;
  };
  const presentContent = CONTENT_ROLES.filter((r) => columns[r] !== null);
  const nameCol = columns.name ?? columns.value ?? Infinity;

  const drafts: RowDraft[] = [];
  let bottom = anchor.row;
  let level1: Level | null = null;
  let level2: Level | null = null;

  let r = anchor.row + 1;
  while (r < regionEnd) {
    if (view.isBlank(r)) {
      // Blank separator rows inside the block are allowed when indicator rows follow.
      let next = r;
      while (next < regionEnd && view.isBlank(next)) next++;
      if (next >= regionEnd || !looksLikeIndicatorRow(view, next, columns, roleAt)) break;
      r = next;
      continue;
    }
    if (isBoundaryRow(view, r)) break;
    const cells = view.cells(r);
    const levelFree = !cells.some((c) => c.col < nameCol && (cls(c).level1 || cls(c).level2 || cls(c).role === 'lead'));

    // A row with no level cells that fills what the previous row left empty: a wrapped row
    // ("≥90% | 调查问卷" typed on the row under its indicator).
    const prev = drafts[drafts.length - 1];
    if (levelFree && prev && cells.length > 0) {
      const missing = trailingMissing(prev, presentContent);
      if (missing.length >= cells.length) {
        const firstMissingCol = columns[missing[0]] ?? Infinity;
        const allLeft = cells.every((c) => c.col < firstMissingCol);
        const inPlace = cells.every((c) => {
          const role = roleAt(c.col);
          return (CONTENT_ROLES as string[]).includes(role) && missing.includes(role as ContentRole);
        });
        if (allLeft || inPlace) {
          const roles = allLeft ? missing.slice(0, cells.length) : cells.map((c) => roleAt(c.col) as ContentRole);
          cells.forEach((c, k) => (prev.content[roles[k]] = { text: c.text, cell: a1(c.row, c.col) }));
          prev.wrapped = true;
          bottom = r;
          r++;
          continue;
        }
      }
    }

    // Split the row's cells into level cells and content cells.
    let rowLevel1: Level | null = null;
    let rowLevel2: Level | null = null;
    const content: SheetCell[] = [];
    for (const cell of cells) {
      const role = roleAt(cell.col);
      const leftOfContent = cell.col < nameCol;
      if (leftOfContent && (role === 'lead' || role === 'before') && cls(cell).role === 'lead') continue;
      if (leftOfContent) {
        const { level1: l1, level2: l2 } = cls(cell);
        const addr = a1(cell.row, cell.col);
        if (role === 'level2') {
          if (l2) rowLevel2 = { name: l2, text: cell.text, cell: addr };
          else if (l1) rowLevel2 = { name: null, text: cell.text, cell: addr }; // an 一级 used as 二级
          else if (cells.some((c) => c.col >= nameCol)) rowLevel2 = { name: null, text: cell.text, cell: addr };
          else content.push(cell);
          continue;
        }
        // lead, level1 or before: an 一级, a shifted 二级, or shifted content.
        if (l1 && !rowLevel1) {
          rowLevel1 = { name: l1, text: cell.text, cell: addr };
          continue;
        }
        if (l2 && !rowLevel2) {
          rowLevel2 = { name: l2, text: cell.text, cell: addr };
          continue;
        }
        content.push(cell);
        continue;
      }
      content.push(cell);
    }

    // Levels: a new 一级 resets the 二级 (an 一级 without 二级 spans the 二级 column).
    if (rowLevel1) {
      level1 = rowLevel1;
      level2 = rowLevel2;
    } else if (rowLevel2) {
      level2 = rowLevel2;
    }

    const assigned: Partial<Record<ContentRole, CellText>> = {};
    assignContent(content, presentContent, roleAt, assigned);
    drafts.push({ row: r, level1, level2, newLevel1: !!rowLevel1, content: assigned, wrapped: false });
    bottom = r;
    r++;
  }

  const indicators: Indicator[] = drafts.map((d) => ({
    row: d.row,
    level1: d.level1,
    level2: d.level2,
    name: d.content.name ?? null,
    value: d.content.value ?? null,
    description: d.content.description ?? null,
    basis: d.content.basis ?? null,
    wrapped: d.wrapped,
  }));
  return { bottom, columns, indicators };
}

/** The content roles after the last filled one: what a wrapped next row may fill. */
function trailingMissing(d: RowDraft, present: ContentRole[]): ContentRole[] {
  let last = -1;
  present.forEach((role, i) => {
    if (d.content[role]) last = i;
  });
  if (last === -1) return [];
  return present.slice(last + 1);
}

/**
 * Puts content cells into the name / description / value / basis roles. A cell in its own column
 * takes that role; a cell left of the content columns (a 三级 typed into the 绩效指标 column) takes
 * the next free role, and pushes later cells along when they collide.
 */
function assignContent(
  content: SheetCell[],
  present: ContentRole[],
  roleAt: (col: number) => IndicatorColumnRole | 'before',
  out: Partial<Record<ContentRole, CellText>>,
): void {
  let p = 0;
  for (const cell of content) {
    if (p >= present.length) break;
    const own = roleAt(cell.col);
    const ownIndex = present.indexOf(own as ContentRole);
    const target = ownIndex >= p ? ownIndex : p;
    const role = present[target];
    const before = out[role];
    out[role] = before ? { text: `${before.text} ${cell.text}`, cell: before.cell } : { text: cell.text, cell: a1(cell.row, cell.col) };
    p = target + 1;
  }
}

function looksLikeIndicatorRow(
  view: SheetView,
  row: number,
  columns: Columns,
  roleAt: (col: number) => IndicatorColumnRole | 'before',
): boolean {
  if (isBoundaryRow(view, row)) return false;
  for (const cell of view.cells(row)) {
    if (cls(cell).level1 || cls(cell).level2) return true;
    const role = roleAt(cell.col);
    if (role === 'value' || role === 'name') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Framework

function detectFramework(indicators: Indicator[], year: number | null): { framework: FrameworkId; reason: string } {
  let costAsLevel1 = false;
  let costAsLevel2 = false;
  let newerLevel2 = false;
  for (const i of indicators) {
    if (i.level1?.name === '成本指标') costAsLevel1 = true;
    if (i.level2?.name === '成本指标') costAsLevel2 = true;
    if (i.level2?.name && ['经济成本指标', '社会成本指标', '生态环境成本指标'].includes(i.level2.name)) newerLevel2 = true;
  }
  if (costAsLevel1 || newerLevel2) return { framework: 'newer', reason: '成本指标作为一级指标' };
  if (costAsLevel2) return { framework: 'older', reason: '成本指标作为产出指标下的二级指标' };
  if (year !== null && year >= frameworkData.newerFromYear) return { framework: 'newer', reason: `未见成本指标，按年度（${year}年）推定` };
  return { framework: 'older', reason: '未见成本指标，按旧版框架' };
}

/**
 * A table with no cost indicator at all says nothing about its framework: it follows its sheet's
 * other tables (平罗 农村信息员生活补助 sits among newer-framework tables).
 */
function assignSheetFrameworks(tables: RecognisedTable[]): void {
  const decided = tables.filter((t) => !t.frameworkReason.startsWith('未见'));
  if (decided.length === 0) return;
  const newer = decided.filter((t) => t.framework === 'newer').length;
  const majority: FrameworkId = newer * 2 >= decided.length ? 'newer' : 'older';
  for (const t of tables) {
    if (t.frameworkReason.startsWith('未见')) {
      t.framework = majority;
      t.frameworkReason = `未见成本指标，按同一工作表其他表（${majority === 'newer' ? '成本为一级' : '成本为二级'}）推定`;
    }
  }
}

