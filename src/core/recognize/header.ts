/**
 * Reads a form's header block: title, year, unit, the labelled fields (项目名称, 主管部门, 实施单位,
 * 项目属性, 项目期), the amounts with their groups (本级 / 转移支付), and the goal text.
 *
 * A label's value is the next cell on its right that is not itself a label, or the text after a
 * colon in the label's own cell ("年度资金总额:50万"). A goal label with nothing on its right reads
 * the cell under it (总体目标 | 年度目标 over the text).
 */
import { type Decimal } from '../decimal';
import { type EngineLocale, explainWords } from '../locales';
import { a1, placed, rowOfA1 } from '../grid';
import {
  type Amount,
  type AmountField,
  type Amounts,
  type CellText,
  PART_FIELDS,
  type Table,
} from '../model';

type HeaderField = NonNullable<Table['header']['department']>;
import type { CellSource, SheetCell } from '../sheet';
import { foldText, labelKey } from '../text';
import { parseAmount } from '../values';
import {
  type AmountLabel,
  amountLabel,
  amountTerm,
  isBroadName,
  isMoneyWordLabel,
  isRequestLabel,
  NUMBERING,
} from '../vocabulary';
import { type Label, type Unit, cls, labelOverValue } from './classify';
import { isClosingRow, hasProjectNameLabel } from './anchors';

export interface HeaderResult {
  top: number | null;
  title: string | null;
  titleCell: string | null;
  year: number | null;
  projectName: string | null;
  projectNameSource: Table['projectNameSource'];
  projectNameAt: { cell: string; row: number; col: number } | null;
  fields: Table['header'];
  hasHeaderBlock: boolean;
  unit: Unit | null;
  amounts: Amounts;
  emptyAmountLabels: Table['emptyAmountLabels'];
  goal: CellText | null;
  /** Fields read, for --explain: "项目名称@A3" (kept only when asked for). */
  found: string[];
  /** The locale --explain speaks, or false when nothing is kept. */
  explain: false | EngineLocale;
  /** Parts read from a sentence ("其中：财政资金80万元"): a cell of their own, read later, takes their place. */
  fromProse?: Set<AmountField>;
  /** Whether the 财政拨款 part was named as a request (申请财政资金): the year's amount when no total is named. */
  requestedFiscal?: boolean;
  /** Which kinds of label the block has, filled or not: a header-only form needs a name, an amount and a goal label. */
  seen: Set<'projectName' | 'amount' | 'goal' | 'department' | 'implementer'>;
  /** Figures a label-like cell gives whose role the label's words do not decide (Table.unplacedAmounts). */
  unplaced: NonNullable<Table['unplacedAmounts']>;
  /**
   * Parts named with a term ("中期市财政预算", "本年度申请财政资金"): the term's amount when the form
   * names none of its own for that term.
   */
  termParts: { term: 'annual' | 'longTerm'; amount: Amount }[];
  /** The parts read from a label that names this year (当年财政拨款). */
  partTerms: Set<AmountField>;
  /** A program's name over the project's (一级项目名称, 专项名称): the name only when no project is named. */
  parentName: HeaderField | null;
}

/** The parts of a year's or a project's whole, which sum/funds adds up. */
const PARTS: ReadonlySet<AmountField> = new Set(PART_FIELDS);

/** How far above an indicator header a header block may start. */
const HEADER_SCAN_LIMIT = 40;

/**
 * Where the header block above `end` starts: upwards until a closing line, two blank rows, a
 * second 项目名称 label (the form above), or a title (with the annex, unit and year lines over it).
 */
export function headerTop(src: CellSource, start: number, end: number): number | null {
  const floor = Math.max(start, end - HEADER_SCAN_LIMIT);
  let top: number | null = null;
  let blank = 0;
  let seenName = false;
  for (let r = end - 1; r >= floor; r--) {
    const cells = src.cells(r);
    if (cells.length === 0) {
      if (++blank >= 2) break;
      continue;
    }
    blank = 0;
    if (isClosingRow(src, r) && (seenName || !nameAboveInBlock(src, r, floor))) break;
    if (hasProjectNameLabel(src, r)) {
      // A program's name over the project's (专项名称 over 项目名称) is the same form's.
      if (seenName && !programOverProject(src, r)) break;
      seenName = true;
    }
    top = r;
    if (cells.some((c) => cls(c).title)) {
      // Above a title only its annex, unit, year and further title lines belong to the form.
      for (let u = r - 1, gap = 0; u >= floor; u--) {
        const above = src.cells(u);
        if (above.length === 0) {
          if (++gap >= 2) break;
          continue;
        }
        const lineish = above.every((c) => {
          const k = cls(c);
          return k.title || k.annex || k.unit !== null || k.year !== null;
        });
        if (!lineish) break;
        top = u;
        gap = 0;
      }
      break;
    }
  }
  return top;
}

/** Whether a row's 项目名称-like label names a program (专项名称), which a project's form may carry above its own. */
function programOverProject(src: CellSource, row: number): boolean {
  return src.cells(row).some((c) => {
    const l = cls(c).label;
    return l?.kind === 'header' && l.field === 'projectName' && isBroadName(l.text);
  });
}

/**
 * Whether a line that reads as a closing one (项目负责人 | 张三 | 联系电话 | 139…) lies inside the
 * header block: this form's 项目名称 label is above it, with no blank row, title or indicator row
 * between. Forms that ask for a contact put it among the header fields; the form above's signature
 * line is above this form's own 项目名称, where the scan has passed it already.
 */
function nameAboveInBlock(src: CellSource, row: number, floor: number): boolean {
  for (let u = row - 1; u >= floor; u--) {
    const cells = src.cells(u);
    if (cells.length === 0) return false;
    if (hasProjectNameLabel(src, u)) return true;
    for (const c of cells) {
      const k = cls(c);
      if (k.title || k.column || k.level1 || k.level2) return false;
    }
  }
  return false;
}

function emptyResult(): HeaderResult {
  return {
    top: null,
    title: null,
    titleCell: null,
    year: null,
    projectName: null,
    projectNameSource: 'none',
    projectNameAt: null,
    fields: { projectName: null, department: null, implementer: null, attribute: null, period: null },
    hasHeaderBlock: false,
    unit: null,
    amounts: {},
    emptyAmountLabels: [],
    goal: null,
    found: [],
    explain: false,
    seen: new Set(),
    unplaced: [],
    termParts: [],
    partTerms: new Set(),
    parentName: null,
  };
}

/** Reads the header block in rows [top, end) of a region; `explain` keeps what was read, for --explain. */
export function readHeader(
  src: CellSource,
  top: number | null,
  end: number,
  explain: false | EngineLocale = false,
): HeaderResult {
  const result = emptyResult();
  result.explain = explain;
  if (top === null) return result;
  result.top = top;

  // First pass: titles, the unit and year lines.
  const titles: SheetCell[] = [];
  let firstLabelRow: number | null = null;
  for (let r = top; r < end; r++) {
    for (const cell of src.cells(r)) {
      const c = cls(cell);
      if (c.title && firstLabelRow === null) titles.push(cell);
      if (c.unit) result.unit = c.unit;
      if (c.year !== null) result.year ??= c.year;
      if (c.label && firstLabelRow === null) firstLabelRow = r;
    }
  }
  const title = titles.length ? titles[titles.length - 1] : null;
  result.title = title ? title.text : null;
  result.titleCell = title ? a1(title.row, title.col) : null;
  if (result.year === null) {
    for (const t of titles) {
      const y = /(20\d{2})\s*年/.exec(foldText(t.text));
      if (y) result.year = Number(y[1]);
    }
  }

  // Second pass: label → value pairs, amounts by group.
  /** Group label columns (本级 / 转移) seen so far: a 资金总额 belongs to the nearest group on its left. */
  const groupCols: { col: number; group: 'own' | 'transfer' }[] = [];
  /** 中期 and 年度 amount columns (the 88号 申报表's halves): parts under the 中期 one are not this year's. */
  const halves: { col: number; longTerm: boolean }[] = [];
  const weakDepartment: HeaderField[] = [];
  /** Cells read as a label's value: never a label of their own. */
  const values = new Set<SheetCell>();
  for (let r = top; r < end; r++) {
    const cells = src.cells(r);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      // A cell that is no label as a whole may hold one on its first line, its value on the next.
      let label = cls(cell).label ?? labelOverValue(cell, null);
      if (!label) {
        if (!values.has(cell)) unknownMoneyLabel(result, cells, i);
        continue;
      }
      let valueCell = label.inline ? null : (valueRight(cells, i) ?? null);
      if (!valueCell && !label.inline) label = labelOverValue(cell, label) ?? label;
      if (!valueCell && !label.inline && !isGoal(label))
        valueCell = valueBelow(src, cells, i, end, label.kind === 'amount');
      if (valueCell) values.add(valueCell);
      // A value that reads like a label ("省级第七批水利专项资金") is not read again as one.
      if (valueCell && valueCell === cells[i + 1] && cls(valueCell).label) i++;
      if (label.kind === 'header') {
        readField(src, result, label, cell, valueCell, end, weakDepartment);
        continue;
      }
      readAmount(result, label, cell, valueCell, groupCols, halves);
    }
  }
  // A form that names no total and no other part but asks for 财政 funds ("申请财政资金 | 100": a
  // 申请表 states only that) has that request as its year's amount; it stays the 财政拨款 part too.
  const a = result.amounts;
  termAmounts(result);
  if (
    !a.total &&
    !a.annual &&
    !a.other &&
    !a.carryover &&
    a.fiscal &&
    result.requestedFiscal &&
    !hasEmptyLabel(result, 'annual')
  )
    a.annual = { ...a.fiscal };
  // "年度本级预算金额 250 | 上级资金 0": with nothing from above, the year's amount is the own-level one.
  if (
    !a.annual &&
    !a.total &&
    a.ownTotal &&
    !hasEmptyLabel(result, 'annual') &&
    (!a.transfer || a.transfer.value === 0)
  )
    a.annual = { ...a.ownTotal };
  if (!result.fields.department && weakDepartment.length) result.fields.department = weakDepartment[0];
  resolveProjectName(src, result, top, title);
  return result;
}

/**
 * The next cell on the right, unless it is a label (then the field has no value). A text that only
 * reads as an amount label by its parts ("省级第七批水利专项资金") is a value after a header label.
 */
function valueRight(cells: SheetCell[], i: number): SheetCell | undefined {
  const next = cells[i + 1];
  if (!next) return undefined;
  const nextLabel = cls(next).label;
  if (!nextLabel) return next;
  const own = cls(cells[i]).label;
  // A unit written into it ("预算金额(万元)") makes it a column's label, never a name.
  if (own?.kind === 'header' && nextLabel.kind === 'amount' && nextLabel.byParts && !nextLabel.unit)
    return next;
  // "年度总体目标 | 目标1：完成……": a numbered goal is the goal label's value, not a label of its own.
  return own && isGoal(own) && isGoal(nextLabel) && nextLabel.inline ? next : undefined;
}

function isGoal(label: Label): boolean {
  return label.kind === 'header' && label.field === 'goal';
}

/**
 * The value under a label that has none on its right: a header laid out as a grid, the labels on one
 * row (项目名称 | 主管部门 | 实施单位, or 年度资金总额 | 财政拨款 | 其他资金) and their values on the
 * next. Only for labels side by side, and only a cell that is no label and no other label's value
 * on its own row; under an amount label, only a figure.
 */
function valueBelow(
  src: CellSource,
  cells: SheetCell[],
  i: number,
  end: number,
  money: boolean,
): SheetCell | null {
  const cell = cells[i];
  // A lone label with nothing on its right is an empty field, not the head of a grid column —
  // unless the form is laid out in one column, each label on a line of its own over its value
  // (项目名称 / 农村培训项目 / 主管部门 / 某局 …, as a form copied out of a document comes).
  const besideLabel = (k: number) => !!cells[k] && !!cls(cells[k]).label;
  const grid = besideLabel(i + 1) || besideLabel(i - 1);
  if (!grid && cells.length !== 1) return null;
  if (cell.row + 1 >= end) return null;
  const row = src.cells(cell.row + 1);
  const k = row.findIndex((c) => c.col === cell.col);
  if (k < 0) return null;
  const below = row[k];
  if (!grid) {
    const c = cls(below);
    if (row.length !== 1 || c.title || c.column || c.level1 || c.level2 || c.closing || c.unit || c.annex)
      return null;
  }
  if (cls(below).label || (k > 0 && cls(row[k - 1]).label && valueRight(row, k - 1) === below)) return null;
  if (!money || typeof below.raw === 'number') return below;
  return parseAmount(below.text, '万元').kind === 'money' ? below : null;
}

function readField(
  src: CellSource,
  result: HeaderResult,
  label: Extract<Label, { kind: 'header' }>,
  cell: SheetCell,
  valueCell: SheetCell | null,
  end: number,
  weak: HeaderField[],
): void {
  const field = label.field;
  if (field === 'parentName') {
    if (!result.parentName && valueCell?.text)
      result.parentName = {
        text: valueCell.text,
        ...placed(valueCell.row, valueCell.col),
        labelCell: a1(cell.row, cell.col),
        label: label.text,
      };
    return;
  }
  if (field === 'other' || field === 'fundOffice') return;
  if (field === 'projectName' || field === 'goal' || field === 'department' || field === 'implementer')
    result.seen.add(field);
  let value: SheetCell | null = valueCell;
  if (!value && !label.inline && field === 'goal') value = cellBelow(src, cell, end);
  const text = label.inline ?? (value && field === 'goal' ? goalText(src, value, end) : (value?.text ?? ''));
  const at = label.inline
    ? placed(cell.row, cell.col)
    : value
      ? placed(value.row, value.col)
      : placed(cell.row, src.rightEdge(cell) + 1);
  const address = at.cell;
  const entry: HeaderField = { text, ...at, labelCell: a1(cell.row, cell.col), label: label.text };
  if (field === 'goal') {
    if (!result.goal && text) {
      result.goal = { text, ...at };
      if (result.explain) result.found.push(explainWords(result.explain, 'goal', { cell: address }));
    }
    return;
  }
  result.hasHeaderBlock = true;
  if (field === 'weakDepartment') {
    weak.push(entry);
    return;
  }
  // "专项名称 | 文化事业发展专项资金" over "项目名称 | 博物馆免费开放": the table is the project. Of two
  // names of one rank (专项名称 over 专项资金名称) the lower is the project: a program is written above.
  const broader =
    field === 'projectName' &&
    !!result.fields.projectName?.text &&
    isBroadName(result.fields.projectName.label) &&
    !!(valueCell?.text || label.inline);
  if (!result.fields[field] || broader) {
    result.fields[field] = entry;
    if (result.explain)
      result.found.push(explainWords(result.explain, 'field', { label: label.text, cell: entry.labelCell }));
  }
}

/**
 * The goal's text, typed over several rows (目标1：… on one row, 目标2：… on the next) beside a label
 * merged down or left blank: the rows under its first cell that hold one text in the same column
 * and nothing a form labels (a label, a column header, a level name, a title, a closing line).
 */
function goalText(src: CellSource, value: SheetCell, end: number): string {
  let text = value.text;
  for (let r = value.row + 1; r < end; r++) {
    const cells = src.cells(r);
    if (cells.length !== 1 || cells[0].col !== value.col || typeof cells[0].raw !== 'string') break;
    const k = cls(cells[0]);
    // A numbered goal (目标2：…) goes on; any other label ends the text.
    if (k.label && !(isGoal(k.label) && k.label.inline)) break;
    if (k.column || k.level1 || k.level2 || k.title || k.closing || k.unit || k.markers) break;
    text += ` ${cells[0].text}`;
  }
  return text;
}

/** The cell under a label (its column, the next non-empty row), when it is not a label itself. */
function cellBelow(src: CellSource, cell: SheetCell, end: number): SheetCell | null {
  for (let r = cell.row + 1; r < end && r <= cell.row + 2; r++) {
    const below = src.cells(r).find((c) => c.col === cell.col);
    // A column header (绩效指标 over the indicator table) is no goal text.
    if (below) return cls(below).label || cls(below).column ? null : below;
  }
  return null;
}

function readAmount(
  result: HeaderResult,
  label: Extract<Label, { kind: 'amount' }>,
  cell: SheetCell,
  valueCell: SheetCell | null,
  groupCols: { col: number; group: 'own' | 'transfer' }[],
  halves: { col: number; longTerm: boolean }[],
): void {
  result.hasHeaderBlock = true;
  result.seen.add('amount');
  if (label.label === 'total' || label.label === 'annual')
    halves.push({ col: cell.col, longTerm: /中期|长期/.test(label.text) });
  else if (
    label.label !== 'groupOwn' &&
    label.label !== 'groupTransfer' &&
    label.label !== 'groupProject' &&
    halves.some((h) => h.longTerm)
  ) {
    // A part under the 中期 half (中期资金总额 | … over 其中：财政拨款) is the long-term split, not this year's.
    let nearest: { col: number; longTerm: boolean } | null = null;
    for (const h of halves) if (h.col <= cell.col && (!nearest || h.col >= nearest.col)) nearest = h;
    if (nearest?.longTerm) return;
  }
  const raw =
    label.inline ?? (valueCell ? (typeof valueCell.raw === 'number' ? valueCell.raw : valueCell.text) : null);
  // The label's own unit, else the table's (a 单位 line; a unit in an earlier label becomes it).
  const unit = label.unit ?? result.unit ?? '万元';
  let kind: AmountLabel | 'ownTotal' = label.label;
  // "本级资金 | 250万": a group label with an amount of its own is the own-level amount, not a heading.
  if (kind === 'groupOwn' && raw !== null && parseAmount(raw, unit).kind === 'money') kind = 'ownTotal';
  else if (kind === 'groupOwn' || kind === 'groupTransfer') {
    groupCols.push({ col: cell.col, group: kind === 'groupOwn' ? 'own' : 'transfer' });
    return;
  }
  if (kind === 'groupProject') {
    if (label.unit) result.unit ??= label.unit;
    // "项目资金（万元） | 10": a group label with an amount of its own is that amount, not a heading.
    if (raw === null || parseAmount(raw, unit).kind !== 'money') {
      // "资金来源 | 财政拨款80万元，其他资金20万元": the parts, written out in a sentence.
      const at = label.inline ? cell : valueCell;
      if (typeof raw === 'string' && at) partsInProse(result, raw, at, unit);
      return;
    }
    kind = 'groupTotal';
  }
  // "项目年度金额(元)": a unit in the label is the table's unit when no 单位 line says otherwise.
  if (label.unit && !result.unit) result.unit = label.unit;
  let group: 'own' | 'transfer' | null = null;
  let best = -1;
  for (const g of groupCols)
    if (g.col <= cell.col && g.col > best) {
      best = g.col;
      group = g.group;
    }
  const at = label.inline ? cell : valueCell;
  // A generic label ("资金总额", "资金金额") followed by no value heads a group of labels.
  if (kind === 'groupTotal' && raw === null) {
    if (label.unit) result.unit ??= label.unit;
    return;
  }
  const whole = kind === 'total' || kind === 'annual' || kind === 'groupTotal';
  // "资金总额: 250 / 一、预算资金: 250 / 二、自有资金: 0": an item of a list under a whole is a part; one
  // whose words name no part cannot be placed.
  if (whole && NUMBERING.test(labelKey(label.text)) && (result.amounts.annual || result.amounts.total)) {
    unplace(result, label.text, cell, raw, at, unit);
    return;
  }
  const field = amountField(kind, group, result.amounts);
  if (!field) {
    // A second 资金总额 where the year's amount is read already: the same figure again, or one not placed.
    if (kind === 'groupTotal' && group === null && raw !== null && at) {
      const parsed = parseAmount(raw, unit);
      const annual = result.amounts.annual;
      if (
        parsed.kind === 'money' &&
        parsed.amountWan &&
        annual &&
        parsed.amountWan.toNumber() !== annual.value
      )
        unplace(result, label.text, cell, raw, at, unit);
    }
    return;
  }
  // A part named with its term: "中期市财政预算" is the project's span, never this year's part.
  const term = PARTS.has(field) ? amountTerm(labelKey(label.text)) : null;
  if (raw === null || !at) {
    if (!result.amounts[field])
      result.emptyAmountLabels.push({ field, ...placed(cell.row, cell.col), label: label.text });
    return;
  }
  const parsed = parseAmount(raw, unit);
  if (parsed.kind !== 'money' || !parsed.amountWan) {
    if (!result.amounts[field])
      result.emptyAmountLabels.push({ field, ...placed(at.row, at.col), label: label.text });
    return;
  }
  if (term) {
    result.termParts.push({ term, amount: amount(parsed.amountWan, label.inline ?? at.text, at) });
    if (term === 'longTerm') return;
  }
  const first = result.amounts[field];
  if (first && !result.fromProse?.has(field) && PARTS.has(field)) {
    // "其中:财政拨款 | 其中:当年财政拨款": the part that names this year is the year's part; the
    // other belongs to the project's whole.
    if (term === 'annual' && !result.partTerms.has(field)) {
      delete result.amounts[field];
    } else {
      // A second figure for a part already read ("自筹 10 | 其他资金 5"): which one the form means is not known.
      if (first.cell !== a1(at.row, at.col) || first.value !== parsed.amountWan.toNumber())
        unplace(result, label.text, cell, raw, at, unit);
      return;
    }
  }
  if (term === 'annual' && PARTS.has(field)) result.partTerms.add(field);
  if (!result.amounts[field] || result.fromProse?.delete(field)) {
    result.amounts[field] = amount(parsed.amountWan, label.inline ?? at.text, at);
    // "854万（其中：财政资金500万，自筹354万）": the parts said after the total.
    if ((field === 'annual' || field === 'total') && typeof raw === 'string' && /其中|含/.test(raw))
      partsInProse(result, raw.slice(raw.search(/其中|含/)), at, unit);
    if (field === 'fiscal') result.requestedFiscal = isRequestLabel(labelKey(label.text));
    if (result.explain)
      result.found.push(
        explainWords(result.explain, 'amount', {
          label: label.text,
          amount: parsed.amountWan.toString(),
          cell: a1(at.row, at.col),
        }),
      );
  }
}

/** A part of the funds named in a sentence, and its figure: "财政拨款80万元", "其中：自筹354万". */
const PROSE_PART = /([\u4e00-\u9fff]{2,10}?)[:：]?\s*(\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元)?)/g;

/** Reads the 财政拨款 / 其他资金 / 结余结转 parts written out in a sentence (a form with cells for them keeps the cells'). */
function partsInProse(result: HeaderResult, text: string, at: SheetCell, unit: '万元' | '元'): void {
  for (const m of foldText(text).matchAll(PROSE_PART)) {
    const words = m[1].replace(/^(?:其中|含|包括)/, '');
    const label = amountLabel(words);
    if (!label || (label.label !== 'fiscal' && label.label !== 'other' && label.label !== 'carryover'))
      continue;
    if (result.amounts[label.label]) continue;
    const parsed = parseAmount(m[2], unit);
    if (parsed.kind !== 'money' || !parsed.amountWan) continue;
    result.amounts[label.label] = amount(parsed.amountWan, m[0], at);
    (result.fromProse ??= new Set()).add(label.label);
  }
}

/** Records a figure whose role could not be decided. */
function unplace(
  result: HeaderResult,
  label: string,
  labelCell: SheetCell,
  raw: string | number | null,
  at: SheetCell | null,
  unit: '万元' | '元',
): void {
  if (raw === null || !at) return;
  const parsed = parseAmount(raw, unit);
  if (parsed.kind !== 'money' || !parsed.amountWan) return;
  const cell = a1(at.row, at.col);
  if (result.unplaced.some((u) => u.cell === cell && u.label === label)) return;
  result.unplaced.push({
    label: label.trim(),
    labelCell: a1(labelCell.row, labelCell.col),
    text: typeof raw === 'number' ? at.text : String(raw),
    value: parsed.amountWan.toNumber(),
    ...placed(at.row, at.col),
  });
}

/**
 * A cell that reads like an amount label — a short text with a money word ("本年度安排经费") — with
 * a figure on its right, that no known label takes: seen, and not placed.
 */
function unknownMoneyLabel(result: HeaderResult, cells: SheetCell[], i: number): void {
  const cell = cells[i];
  const next = cells[i + 1];
  if (!next || typeof cell.raw !== 'string' || !isMoneyWordLabel(labelKey(cell.text))) return;
  if (cls(next).label) return;
  const raw = typeof next.raw === 'number' ? next.raw : next.text;
  unplace(result, cell.text, cell, raw, next, result.unit ?? '万元');
}

function hasEmptyLabel(result: HeaderResult, field: AmountField): boolean {
  return result.emptyAmountLabels.some((e) => e.field === field);
}

/**
 * The term's amount from a part named with the term, where the form names no amount of that term
 * (no label for it, filled or empty): "中期市财政预算 284500" is the project total, "本年度申请市财政
 * 预算资金 919" the year's amount when no other part of the year is named. Two parts of one term
 * name no whole: none is taken.
 */
function termAmounts(result: HeaderResult): void {
  const a = result.amounts;
  const long = result.termParts.filter((p) => p.term === 'longTerm');
  if (!a.total && long.length === 1 && !hasEmptyLabel(result, 'total')) a.total = { ...long[0].amount };
  const year = result.termParts.filter((p) => p.term === 'annual');
  const otherParts = [...PARTS].filter(
    (f) => a[f] && a[f] !== year[0]?.amount && a[f]?.cell !== year[0]?.amount.cell,
  );
  if (!a.annual && year.length === 1 && otherParts.length === 0 && !hasEmptyLabel(result, 'annual'))
    a.annual = { ...year[0].amount };
}

function amountField(
  label: AmountLabel | 'ownTotal',
  group: 'own' | 'transfer' | null,
  amounts: Amounts,
): AmountField | null {
  switch (label) {
    case 'total':
      return 'total';
    case 'ownTotal':
      return group === 'transfer' ? 'transfer' : 'ownTotal';
    case 'annual':
      return 'annual';
    case 'groupTotal':
      // Outside a 本级/转移 group, a bare 资金总额 is the year's amount.
      if (group === null) return amounts.annual ? null : 'annual';
      return group === 'own' ? 'ownTotal' : 'transfer';
    case 'fiscal':
      return group === 'transfer' ? 'transferFiscal' : 'fiscal';
    case 'other':
      return group === 'transfer' ? 'transferOther' : 'other';
    case 'carryover':
      return group === 'transfer' ? null : 'carryover';
    case 'central':
      return 'transferCentral';
    case 'regional':
      return 'transferRegional';
    case 'transfer':
      return 'transfer';
    default:
      return null;
  }
}

function amount(d: Decimal, text: string, cell: SheetCell): Amount {
  return { value: d.toNumber(), exact: d.toExact(), text, ...placed(cell.row, cell.col) };
}

/** Project name: its cell; else the row just above an empty 项目名称 (平罗); else the title (廊坊). */
function resolveProjectName(
  src: CellSource,
  result: HeaderResult,
  top: number,
  title: SheetCell | null,
): void {
  // A program named with no project label under it: the program is what the form is for.
  if (!result.fields.projectName && result.parentName) result.fields.projectName = result.parentName;
  const pn = result.fields.projectName;
  if (pn && pn.text) {
    result.projectName = pn.text;
    result.projectNameSource = 'cell';
    result.projectNameAt = { cell: pn.cell, row: pn.row, col: pn.col };
    return;
  }
  if (pn) {
    const labelRow = rowOfA1(pn.labelCell);
    for (let r = labelRow - 1; r >= Math.max(top, labelRow - 2); r--) {
      const cells = src.cells(r);
      if (cells.length !== 1) continue;
      const c = cells[0];
      const k = cls(c);
      if (k.title || k.annex || k.unit || k.year !== null || k.label) break;
      result.projectName = c.text;
      result.projectNameSource = 'above';
      result.projectNameAt = placed(c.row, c.col);
      return;
    }
    return;
  }
  if (title) {
    const fromTitle = projectNameFromTitle(title.text);
    if (fromTitle) {
      result.projectName = fromTitle;
      result.projectNameSource = 'title';
      result.projectNameAt = placed(title.row, title.col);
    }
  }
}

/**
 * "1.电子政务外网IPv6升级改造资金绩效目标表" → "电子政务外网IPv6升级改造资金". A generic title
 * ("2026年市本级部门项目支出预算绩效目标表") names no project.
 */
export function projectNameFromTitle(title: string): string | null {
  let t = foldText(title).replace(/\s+/g, '');
  if (
    /部门项目支出|部门整体|项目支出预算绩效|项目支出绩效目标|^部门|^项目支出|专项转移支付绩效|^绩效目标/.test(
      t,
    )
  )
    return null;
  t = t.replace(/^\d{1,3}[.、．]\s*/, '');
  t = t.replace(/(?:项目支出)?(?:绩效目标(?:申报|批复|审批|审核)?表|绩效表)(?:\(.*\))?$/, '');
  t = t.replace(/^\(?20\d{2}年(?:度)?\)?/, '');
  return t.length >= 2 ? t : null;
}
