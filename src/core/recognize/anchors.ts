/**
 * Finds what a table is anchored on inside a region: indicator header rows (一级指标 / 二级指标 /
 * 三级指标 / 指标值 and their synonyms), the header-block labels, titles and closing lines.
 */
import type { CellSource, SheetCell } from '../sheet';
import { type ColumnRole, type HeaderLabelKind, type Qualifier, vocabulary } from '../vocabulary';
import { labelKey } from '../text';
import { cls, isProjectNameLabel } from './classify';

/** A column of the indicator table: its role, or 'ignored' (a 长期 half, a last-year column), or 'region' (one column per county). */
export type ColumnKind = ColumnRole | 'ignored' | 'region';

export interface HeaderColumn {
  kind: ColumnKind;
  col: number;
  text: string;
}

/** A flat budget-system export: the project's own columns on the indicator header row. */
export interface FlatColumns {
  projectName: number;
  implementer: number | null;
  department: number | null;
  amount: number | null;
  goal: number | null;
}

/** A header that names a 二级, a 三级 and a value column but no 一级 one (二级指标 | 三级指标 | 指标值). */
function withoutLevel1(found: Found[]): boolean {
  let level2 = false;
  let name = false;
  let value = false;
  for (const f of found) {
    if (f.role === 'level1') return false;
    if (f.role === 'level2') level2 = true;
    else if (f.role === 'name') name = true;
    else if (f.role === 'value') value = true;
  }
  return level2 && name && value;
}

/** Roles of the columns that describe an indicator's value, right of its level columns. */
const VALUE_SIDE_ROLES = new Set<ColumnRole>([
  'measure',
  'direction',
  'remark',
  'weight',
  'polarity',
  'description',
  'basis',
]);

/** A header cell and the column it names. */
type Found = { cell: SheetCell; role: ColumnRole; qualifier: Qualifier };

export interface IndicatorAnchor {
  row: number;
  columns: HeaderColumn[];
  /** Header cells that name nothing known, right of the 三级 column (per-region value columns). */
  unknown: HeaderColumn[];
  flat: FlatColumns | null;
}

/** Whether a row is an indicator header: 一级 and 二级 columns, and a 三级 or a value column. */
export function indicatorAnchorAt(src: CellSource, row: number): IndicatorAnchor | null {
  const cells = src.cells(row);
  if (cells.length < 3) return null;
  // Most rows hold no column header at all: settle them before allocating anything.
  let level1 = false;
  let otherColumn = false;
  for (const cell of cells) {
    const role = cls(cell).column?.role;
    if (role === 'level1') level1 = true;
    else if (role !== undefined && role !== 'lead') otherColumn = true;
  }
  if (!level1 && !otherColumn && !underUpperHeader(src, row, cells)) return null;
  const found: Found[] = [];
  for (const cell of cells) {
    const column = cls(cell).column;
    if (column) found.push({ cell, role: column.role, qualifier: column.qualifier });
  }
  // Words that describe an indicator's value (单位, 说明, 依据…) head columns right of its levels: left
  // of the named level columns they name something else (单位 is the unit's column in a flat export).
  let firstLevel = Infinity;
  for (const f of found)
    if (f.role === 'level1' || f.role === 'level2' || f.role === 'name')
      firstLevel = Math.min(firstLevel, f.cell.col);
  // (Level columns known only by what is under them are not placed yet: nothing is dropped then.)
  if (firstLevel !== Infinity)
    for (let k = found.length - 1; k >= 0; k--)
      if (VALUE_SIDE_ROLES.has(found[k].role) && found[k].cell.col < firstLevel) found.splice(k, 1);
  // Level columns headed in words of their own (指标类型 | 指标类别, 类别 | 分类): known by what is
  // written under them, 一级 names in one column and 二级 names in the next.
  if (!levelsByContent(src, row, cells, found)) return null;
  headerAbove(src, row, cells, found);
  const roles = new Set(found.map((f) => f.role));
  if (!roles.has('name') && roles.has('level2')) {
    // A 三级 column named in a word of its own ("具体指标", "绩效指标" where others write 三级指标):
    // known by its place, the header right after the 二级 one.
    const named = nameByPlace(cells, found);
    if (named) {
      // A 绩效指标 there was taken for the lead column: it is the 三级 one.
      const lead = found.find((f) => f.cell === named);
      if (lead) lead.role = 'name';
      else {
        found.push({ cell: named, role: 'name', qualifier: null });
        found.sort((a, b) => a.cell.col - b.cell.col);
      }
      roles.clear();
      for (const f of found) roles.add(f.role);
    }
  }
  // 一级 and 二级 with a 三级 or a value column; or, in a form that has no 二级 column at all
  // (一级指标 | 三级指标 | 指标值), 一级 with both a 三级 and a value column.
  const levels = roles.has('level2') || (roles.has('name') && roles.has('value'));
  // Or a form with no 一级 column (二级指标 | 三级指标 | 指标值): the 二级 says which 一级 it is under.
  if (!(roles.has('level1') && levels && (roles.has('name') || roles.has('value'))) && !withoutLevel1(found))
    return null;

  // One column per role. Where a role repeats (长期 | 年度 halves, 中期 | 年度 of the 88号 申报表),
  // the 年度 one is read; the others are left aside. Halves without a qualifier of their own take
  // it from the header above: with a 中期 goal or amount there, the right half is the 年度 one.
  const chosen = new Map<ColumnRole, SheetCell>();
  let laterHalf: boolean | null = null;
  for (const role of roles) {
    const options = found.filter((f) => f.role === role);
    let pick =
      options.find((f) => f.qualifier === 'annual') ??
      options.find((f) => f.qualifier !== 'longTerm') ??
      options[0];
    if (options.length > 1 && options.every((f) => f.qualifier === null)) {
      laterHalf ??= mentionsLongTerm(src, row);
      if (laterHalf) pick = options[options.length - 1];
    }
    chosen.set(role, pick.cell);
  }
  // The levels read left to right: 一级, then 二级 and 三级, the value right of the 一级 (a 长期 value
  // may stand left of the 年度 二级). Words scattered in another order are not the form's header (a
  // list that happens to hold them).
  const at = (role: ColumnRole) => chosen.get(role)?.col ?? null;
  const inOrder = (a: number | null, b: number | null) => a === null || b === null || a < b;
  const [c1, c2, cn, cv] = [at('level1'), at('level2'), at('name'), at('value')];
  if (!inOrder(c1, c2) || !inOrder(c2, cn) || !inOrder(c1, cn) || !inOrder(c1, cv)) return null;
  const columns: HeaderColumn[] = [];
  const taken = new Set<SheetCell>();
  for (const f of found) {
    const isChosen = chosen.get(f.role) === f.cell;
    columns.push({ kind: isChosen ? f.role : 'ignored', col: f.cell.col, text: f.cell.text });
    taken.add(f.cell);
  }

  // A flat export carries the project's own columns on the same row (单位名称 / 项目名称 / 预算数 / 年度目标).
  const labelCol = (fields: HeaderLabelKind[]): SheetCell | undefined =>
    cells.find((c) => {
      const l = cls(c).label;
      return !taken.has(c) && l?.kind === 'header' && fields.includes(l.field) && !l.inline;
    });
  // Or the export's bare words left of the levels (单位 | 项目 | 预算数): vocabulary flatColumns.
  const level1Col = chosen.get('level1')?.col ?? -1;
  const bare = (field: keyof typeof vocabulary.flatColumns): SheetCell | undefined =>
    cells.find(
      (c) => !taken.has(c) && c.col < level1Col && vocabulary.flatColumns[field].includes(labelKey(c.text)),
    );
  const projectCell = labelCol(['projectName']) ?? bare('projectName');
  let flat: FlatColumns | null = null;
  if (projectCell) {
    const amountCell = cells.find((c) => !taken.has(c) && cls(c).label?.kind === 'amount');
    const goalCell =
      chosen.get('level1') &&
      cells.find(
        (c) =>
          c.col < chosen.get('level1')!.col &&
          cls(c).label?.kind === 'header' &&
          (cls(c).label as { field: string }).field === 'goal',
      );
    const implementerCell = labelCol(['implementer', 'weakDepartment']) ?? bare('implementer');
    const departmentCell = labelCol(['department']) ?? bare('department');
    flat = {
      projectName: projectCell.col,
      implementer: implementerCell?.col ?? null,
      department: departmentCell?.col ?? null,
      amount: amountCell?.col ?? null,
      goal: goalCell ? goalCell.col : null,
    };
    for (const c of [projectCell, amountCell, goalCell, implementerCell, departmentCell]) {
      if (c) {
        columns.push({ kind: 'ignored', col: c.col, text: c.text });
        taken.add(c);
      }
    }
  }

  const nameCol = chosen.get('name')?.col ?? chosen.get('level2')!.col;
  const unknown: HeaderColumn[] = [];
  for (const cell of cells) {
    if (taken.has(cell)) continue;
    const h = { kind: 'ignored' as ColumnKind, col: cell.col, text: cell.text };
    if (cell.col > nameCol) unknown.push(h);
    else columns.push(h);
  }
  columns.sort((a, b) => a.col - b.col);
  return { row, columns, unknown, flat };
}

/**
 * A header over two rows: 绩效指标 spanning 一级 | 二级 | 三级 on the row above them, and 指标值 (备注,
 * 指标解释) reaching down both rows from the upper one, so this row leaves their columns empty. When
 * every cell of the row above names a column, it names the columns right of the 二级 that this row
 * leaves empty and no cell of this row names.
 */
function headerAbove(src: CellSource, row: number, cells: SheetCell[], found: Found[]): void {
  if (row <= src.firstRow) return;
  const above = src.cells(row - 1);
  if (above.length === 0 || !above.every((c) => cls(c).column)) return;
  const level2 = found.find((f) => f.role === 'level2');
  if (!level2) return;
  let added = false;
  for (const c of above) {
    const column = cls(c).column!;
    if (c.col <= level2.cell.col || cells.some((x) => x.col === c.col)) continue;
    if (column.role === 'level1' || column.role === 'level2' || column.role === 'lead') continue;
    if (found.some((f) => f.role === column.role)) continue;
    found.push({ cell: c, role: column.role, qualifier: column.qualifier });
    added = true;
  }
  if (added) found.sort((a, b) => a.cell.col - b.cell.col);
}

/**
 * The header cell of a 三级 column that no word names: the cell right after the one 二级 header,
 * when it names no other column (or only the 绩效指标 that elsewhere heads the level columns, which
 * has no place right of them), is short header text, and stands left of the value column.
 */
function nameByPlace(cells: SheetCell[], found: { cell: SheetCell; role: ColumnRole }[]): SheetCell | null {
  const level2 = found.filter((f) => f.role === 'level2');
  if (level2.length !== 1 || found.filter((f) => f.role === 'level1').length !== 1) return null;
  const next = cells[cells.indexOf(level2[0].cell) + 1];
  if (!next || typeof next.raw !== 'string' || next.text.length > 12) return null;
  const role = found.find((f) => f.cell === next)?.role;
  if (role !== undefined && role !== 'lead') return null;
  if (cls(next).label || cls(next).level1 || cls(next).level2) return null;
  const value = found.find((f) => f.role === 'value');
  return !value || next.col < value.cell.col ? next : null;
}

/**
 * A row of words of its own (指标类型 | 指标类别 | 具体指标) under the upper row of a two-row header
 * that names the other columns (绩效指标 … | 指标值 | 指标解释) but no level column: the row that
 * heads the level columns, known by what is written under them. Not a row under an ordinary
 * header (that one names its level columns), nor a row with level names of its own.
 */
function underUpperHeader(src: CellSource, row: number, cells: SheetCell[]): boolean {
  if (row <= src.firstRow) return false;
  const above = src.cells(row - 1);
  if (above.length < 2) return false;
  let value = false;
  for (const c of above) {
    const role = cls(c).column?.role;
    if (role === undefined || role === 'level1' || role === 'level2' || role === 'name') return false;
    if (role === 'value') value = true;
  }
  if (!value) return false;
  let words = 0;
  for (const c of cells) {
    const k = cls(c);
    if (k.level1 || k.level2) return false;
    if (typeof c.raw === 'string' && HEADER_WORD.test(c.text)) words++;
  }
  return words >= 2;
}

/** How many rows under a header are looked at to tell its level columns by what is written there. */
const CONTENT_ROWS = 8;

/**
 * Level columns known by their contents, where no word on the header row names them: the column
 * over 一级 names (产出指标, 效益指标) is the 一级 one (指标类型, 类别), and the column right of it, over
 * 二级 names (数量指标, 社会效益指标), the 二级 one (指标类别, 分类, or no header of its own under a
 * 绩效指标 merged over both). Level names are written once and merged down, and a wrapped row can
 * put anything under them further down: the first cell written under the column decides. True
 * when the row has an 一级 column, named or found.
 */
function levelsByContent(src: CellSource, row: number, cells: SheetCell[], found: Found[]): boolean {
  const named1 = found.find((f) => f.role === 'level1');
  if (named1 && found.some((f) => f.role === 'level2')) return true;
  // Level columns stand left of every other named column (the 一级 left of a named 二级 too).
  let firstContent = Infinity;
  for (const f of found)
    if (f.role !== 'lead' && f.role !== 'level1') firstContent = Math.min(firstContent, f.cell.col);
  // (A 三级 named by its place and a value named on the row above are not known yet: all the row.)
  if (firstContent === Infinity) firstContent = cells[cells.length - 1].col + 1;
  // The columns that may be level columns, with their header cell (null: a gap under a merged header).
  const heads = new Map<number, SheetCell | null>();
  for (let c = named1 ? named1.cell.col + 1 : cells[0].col; c < firstContent; c++) {
    const cell = cells.find((x) => x.col === c);
    if (!cell) heads.set(c, null);
    else if (mayHeadLevels(cell, found)) heads.set(c, cell);
  }
  if (heads.size === 0) return !!named1 || withoutLevel1(found);
  // What is first written under each column: rows can wrap (a value pushed onto a row of its own
  // under the level columns), but the first cell under a level column is a level name.
  const first = new Map<number, SheetCell>();
  const last = Math.min(src.lastRow, row + CONTENT_ROWS);
  for (let r = row + 1; r <= last && first.size < heads.size; r++) {
    const below = src.cells(r);
    if (below.length === 0 || isClosingRow(src, r)) break;
    // The upper row of a header over two rows (绩效指标 | 指标值 over 一级指标 | 二级指标): the level
    // columns are named on the row below, which is the anchor. Further down, another header.
    const role = (c: SheetCell) => cls(c).column?.role;
    if (
      r === row + 1 &&
      below.some((c) => role(c) === 'level1' || role(c) === 'level2' || role(c) === 'name')
    )
      return !!named1;
    if (below.some((c) => role(c) === 'level1')) break;
    for (const c of below) if (heads.has(c.col) && !first.has(c.col)) first.set(c.col, c);
  }
  // 成本指标 is a name of either level (an 一级 in the newer framework, a 二级 in the older).
  const under = (col: number, level: 'level1' | 'level2') => {
    const c = first.get(col);
    return !!c && !!cls(c)[level];
  };
  const take = (col: number, role: ColumnRole) => {
    const cell = heads.get(col) ?? { row, col, raw: null, text: '' };
    const f = found.find((x) => x.cell === cell);
    if (f) f.role = role;
    else found.push({ cell, role, qualifier: null });
  };
  let level1 = named1?.cell.col ?? null;
  if (level1 === null) {
    // A column headed 绩效指标 (the lead) is the 一级 one only when no other is: a sloppy row may
    // put an 一级 name into the lead column under a form whose 一级 column is the next one.
    for (const lead of [false, true]) {
      for (const [col, cell] of heads)
        if (cell && (cls(cell).column?.role === 'lead') === lead && under(col, 'level1')) {
          level1 = col;
          take(col, 'level1');
          break;
        }
      if (level1 !== null) break;
    }
    // Or by its place: the header right before a 二级 column (named, or known by what is under
    // it), when nothing is written under it (a form whose 一级 column was left empty).
    let level2 = found.find((f) => f.role === 'level2')?.cell.col;
    if (level2 === undefined)
      for (const [col, cell] of heads)
        if (cell && under(col, 'level2')) {
          level2 = col;
          break;
        }
    if (level1 === null && level2 !== undefined && heads.get(level2 - 1) && !first.has(level2 - 1)) {
      level1 = level2 - 1;
      take(level1, 'level1');
    }
    if (level1 === null) return false;
  }
  // The 二级 by what is under it, or by its place when nothing is (a header between the 一级 and the
  // 三级, over an empty column, or over the few rows a repeated header leaves below it).
  const next = level1 + 1;
  if (heads.has(next) && (under(next, 'level2') || (heads.get(next) && !first.has(next))))
    take(next, 'level2');
  found.sort((a, b) => a.cell.col - b.cell.col);
  return true;
}

const HEADER_WORD = /^[\u4e00-\u9fff][^\d%≥≤<>=]{1,11}$/;

/** A header cell that may head a level column: short text naming no other column, no level name. */
function mayHeadLevels(cell: SheetCell, found: Found[]): boolean {
  // Header words: Chinese, without figures (not "≥", "60%" or a stray number).
  if (typeof cell.raw !== 'string' || !HEADER_WORD.test(cell.text)) return false;
  const k = cls(cell);
  // A word that is some other label elsewhere (分类, as in 项目分类) may head a level column here.
  if (k.label && !(k.label.kind === 'header' && k.label.field === 'other')) return false;
  if (k.level1 || k.level2) return false;
  return (found.find((f) => f.cell === cell)?.role ?? 'lead') === 'lead';
}

/** Whether the rows just above an indicator header speak of a 中期 (long-term) half. */
function mentionsLongTerm(src: CellSource, row: number): boolean {
  for (let r = row - 1; r >= Math.max(src.firstRow, row - 12); r--) {
    for (const c of src.cells(r)) if (c.text.length <= 40 && /中期|长期/.test(c.text)) return true;
  }
  return false;
}

export function findIndicatorAnchors(src: CellSource): IndicatorAnchor[] {
  const out: IndicatorAnchor[] = [];
  for (let r = src.firstRow; r <= src.lastRow; r++) {
    const a = indicatorAnchorAt(src, r);
    if (a) out.push(a);
  }
  return out;
}

/**
 * Whether a row is a closing line (填报人, (盖章), 年 月 日, 注：…, 其他需说明的问题): it ends a table.
 * Only the row's first cell counts: "项目负责人及电话 | 郭… " inside a header block is a label, not a
 * signature. A label told only by its word parts (财政部门意见) counts left of `contentCol` (an
 * indicator block's 三级 column), where labels stand: in the 三级 column it is an indicator's name.
 */
export function isClosingRow(src: CellSource, row: number, contentCol = Infinity): boolean {
  const first = src.cells(row)[0];
  if (!first) return false;
  const c = cls(first);
  if (!c.closing || (c.closingByParts && first.col >= contentCol)) return false;
  // "实施单位（盖章）" heading a header row is a label that asks for a stamp, not a signature line.
  return !(c.label?.kind === 'header' && c.label.field !== 'other');
}

export function hasTitle(src: CellSource, row: number): boolean {
  return src.cells(row).some((c) => cls(c).title);
}

/** Whether a row holds a 项目名称 label. */
export function hasProjectNameLabel(src: CellSource, row: number): boolean {
  for (const c of src.cells(row)) if (isProjectNameLabel(c)) return true;
  return false;
}
