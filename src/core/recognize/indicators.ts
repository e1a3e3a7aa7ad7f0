/**
 * Reads an indicator block: the rows under an indicator header, until a title, a header label, a
 * closing line or the end of the region. Cells are read by meaning, not by position: an 一级 that
 * spans the 二级 column, a 三级 typed into the leading 绩效指标 column or a value wrapped onto the
 * next row are put back where they belong. Split value columns (指标性质 | 指标值 | 度量单位) are
 * reassembled; a score, a remark or last year's actual value is never read as the value.
 */
import { a1 } from '../grid';
import type { CellText, Columns, Indicator, Level } from '../model';
import { type CellSource, type SheetCell, textAt } from '../sheet';
import { labelKey } from '../text';
import { homeLevel1, isCutWord, termHeading, valueColumnPreference } from '../vocabulary';
import { type ColumnKind, type HeaderColumn, type IndicatorAnchor, isClosingRow } from './anchors';
import { cls, isProjectNameLabel } from './classify';
import { assembleValue } from './assemble';

type ContentRole = 'name' | 'description' | 'value' | 'basis';
const CONTENT_ROLES: ContentRole[] = ['name', 'description', 'value', 'basis'];
/** Columns whose cells are kept beside the value, never shifted into it. */
type SideRole = 'direction' | 'measure' | 'polarity' | 'weight';

export interface BlockLayout {
  columns: Columns;
  /** Every header column, left to right, with what its cells are. */
  headers: HeaderColumn[];
  /** Per-region value columns (one per county or village), when the form has them. */
  regions: { col: number; name: string }[];
  /** The first row of indicators (after a sub-header row under 指标值). */
  firstRow: number;
}

export interface BlockResult {
  bottom: number;
  columns: Columns;
  indicators: Indicator[];
}

/** The indicator table's columns, with a sub-header row under 指标值 read (上年实际值 | 本年目标值; one column per county). */
export function layoutOf(src: CellSource, anchor: IndicatorAnchor): BlockLayout {
  const headers = anchor.columns.map((h) => ({ ...h }));
  let regions: { col: number; name: string }[] = [];
  let firstRow = anchor.row + 1;
  const valueHeader = headers.find((h) => h.kind === 'value');
  const nameHeader = headers.find((h) => h.kind === 'name');

  const sub = subHeader(src, anchor, headers, valueHeader);
  if (sub && valueHeader) {
    firstRow = anchor.row + 2;
    const scored = sub.map((c) => ({ c, score: valueColumnPreference(labelKey(c.text)) }));
    if (scored.some((s) => s.score !== 0)) {
      // Alternatives: this year's target is read, last year's actual is left aside.
      const best = scored.reduce((a, b) => (b.score >= a.score ? b : a));
      for (const s of scored)
        headers.push({ kind: s === best ? 'value' : 'ignored', col: s.c.col, text: s.c.text });
    } else {
      regions = sub.map((c) => ({ col: c.col, name: c.text }));
    }
    headers.splice(headers.indexOf(valueHeader), 1);
  } else if (!valueHeader && anchor.unknown.length && nameHeader) {
    const after = anchor.unknown.filter((h) => h.col > nameHeader.col);
    if (after.length === 1) {
      // One column after the 三级 that no word names ("计划完成值", "绩效标准"): the value, by its place.
      headers.push({ ...after[0], kind: 'value' });
    } else {
      // No 指标值 column, but a column per village after the 三级 (and its 指标解释).
      regions = after.map((h) => ({ col: h.col, name: h.text }));
    }
    for (const h of anchor.unknown) if (!after.includes(h)) headers.push({ ...h, kind: 'ignored' });
  } else {
    for (const h of anchor.unknown) headers.push({ ...h, kind: 'ignored' });
  }
  for (const r of regions) headers.push({ kind: 'region', col: r.col, text: r.name });
  headers.sort((a, b) => a.col - b.col);

  const colOf = (kind: ColumnKind): number | null => headers.find((h) => h.kind === kind)?.col ?? null;
  const columns: Columns = {
    lead: colOf('lead'),
    level1: colOf('level1'),
    level2: colOf('level2'),
    name: colOf('name'),
    value: colOf('value') ?? (regions.length ? regions[0].col : null),
    description: colOf('description'),
    basis: colOf('basis'),
  };
  return { columns, headers, regions, firstRow };
}

/** The row under the header when it only splits the 指标值 column: sub-column labels, no indicator. */
function subHeader(
  src: CellSource,
  anchor: IndicatorAnchor,
  headers: HeaderColumn[],
  value: HeaderColumn | undefined,
): SheetCell[] | null {
  if (!value) return null;
  const cells = src.cells(anchor.row + 1);
  if (cells.length === 0) return null;
  const nextKnown = headers.find((h) => h.col > value.col && h.kind !== 'ignored');
  const spanEnd = nextKnown ? nextKnown.col : Infinity;
  const merged = src.mergeAt(anchor.row, value.col);
  const spans = !!merged && merged.right > merged.left;
  const inSpan = cells.every(
    (c) =>
      c.col >= value.col && c.col < spanEnd && !cls(c).level1 && !cls(c).level2 && typeof c.raw === 'string',
  );
  if (!inSpan) return null;
  return spans || cells.length >= 2 ? cells : null;
}

function levelOf(name: string | null, cell: SheetCell): Level {
  return { name, text: cell.text, cell: a1(cell.row, cell.col), row: cell.row, col: cell.col };
}

interface RowDraft {
  row: number;
  level1: Level | null;
  level2: Level | null;
  /** Every role present from the start: one object shape for every row, whichever roles it fills. */
  content: Record<ContentRole, CellText | undefined>;
  /** Allocated only for rows that have them: most forms have no split or per-region columns. */
  side: Partial<Record<SideRole, CellText>> | null;
  regions: (CellText & { region: string })[] | null;
  wrapped: boolean;
  /** The level cell written on this row itself (not carried from above), if any. */
  own: SheetCell | null;
}

/**
 * Reads indicator rows from `start` until a boundary or `end` (exclusive). `after`: the last row of
 * the block this one continues (under a repeated header), whose 一级 and 二级 carry on.
 */
export function readIndicatorBlock(
  src: CellSource,
  layout: BlockLayout,
  start: number,
  end: number,
  after?: Indicator,
): BlockResult {
  const { columns, headers } = layout;
  // What each column's cells are: the header at or left of it. Built once; every cell asks.
  const kinds: (ColumnKind | 'before')[] = [];
  const lastCol = headers.length ? headers[headers.length - 1].col : 0;
  for (let c = 0, h = -1; c <= lastCol; c++) {
    while (h + 1 < headers.length && headers[h + 1].col <= c) h++;
    kinds[c] = h < 0 ? 'before' : headers[h].kind;
  }
  const kindAt = (col: number): ColumnKind | 'before' =>
    col <= lastCol ? kinds[col] : (kinds[lastCol] ?? 'before');
  const regionAt = new Map(layout.regions.map((r) => [r.col, r.name]));
  const presentContent = CONTENT_ROLES.filter(
    (r) => columns[r] !== null && !(r === 'value' && regionAt.has(columns.value!)),
  );
  const nameCol = columns.name ?? columns.value ?? Infinity;

  const drafts: RowDraft[] = [];
  /** The row's content cells: one array for the whole block, as assignContent keeps none of it. */
  const content: SheetCell[] = [];
  let bottom = start - 1;
  let level1: Level | null = after?.level1 ?? null;
  let level2: Level | null = after?.level2 ?? null;

  let r = start;
  while (r < end) {
    if (src.isBlank(r)) {
      // Blank separator rows inside the block are allowed when indicator rows follow.
      let next = r;
      while (next < end && src.isBlank(next)) next++;
      if (next >= end || next - r > 2 || !looksLikeIndicatorRow(src, next, nameCol, kindAt)) break;
      r = next;
      continue;
    }
    if (isBoundaryRow(src, r, nameCol) || isCutRow(src, r, nameCol)) break;
    const all = src.cells(r);
    let cells = all;
    for (const c of all) {
      if (kindAt(c.col) === 'ignored') {
        cells = all.filter((x) => kindAt(x.col) !== 'ignored');
        break;
      }
    }
    let levelFree = true;
    let reachesName = false;
    // A cell in the 二级 column's own place, or cells in both the 三级 and the value column's: the
    // cells left of them are not shifted content.
    let atLevel2 = false;
    let atName = false;
    let atValue = false;
    for (const c of cells) {
      if (c.col === columns.level2) atLevel2 = true;
      else if (c.col === columns.name) atName = true;
      else if (c.col === columns.value) atValue = true;
      if (c.col >= nameCol) reachesName = true;
      else if (levelFree) {
        const k = cls(c);
        if (k.level1 || k.level2 || k.column?.role === 'lead') levelFree = false;
      }
    }

    // A row with no level cells that fills what the previous row left empty: a wrapped row
    // ("≥90% | 调查问卷" typed on the row under its indicator).
    const prev = drafts[drafts.length - 1];
    if (levelFree && prev && cells.length > 0 && wrapInto(prev, cells, presentContent, columns, kindAt)) {
      bottom = r;
      r++;
      continue;
    }

    // Split the row's cells into level cells and content cells.
    let rowLevel1: Level | null = null;
    let rowLevel2: Level | null = null;
    let own: SheetCell | null = null;
    content.length = 0;
    for (const cell of cells) {
      const kind = kindAt(cell.col);
      if (
        cell.col >= nameCol ||
        (kind !== 'lead' && kind !== 'before' && kind !== 'level1' && kind !== 'level2')
      ) {
        content.push(cell);
        continue;
      }
      const k = cls(cell);
      if ((kind === 'lead' || kind === 'before') && k.column?.role === 'lead') continue;
      const l1 = k.level1;
      const l2 = k.level2;
      if (kind === 'level2') {
        if (l2) {
          rowLevel2 = levelOf(l2, cell);
          own = cell;
        } else if (l1 || reachesName)
          rowLevel2 = levelOf(null, cell); // an 一级 used as 二级, or a 二级 name not in the vocabulary
        else content.push(cell);
        continue;
      }
      // lead, level1 or before: an 一级, a shifted 二级, or shifted content — or, in the 一级
      // column with the 二级 (or the 三级 and its value) in place beside it, an 一级 named in a
      // word no framework has: read by its position, as an 一级 whose name is not understood.
      if (l1 && !rowLevel1) rowLevel1 = levelOf(l1, cell);
      else if (l2 && !rowLevel2) rowLevel2 = levelOf(l2, cell);
      else if (kind === 'level1' && !rowLevel1 && (atLevel2 || (atName && atValue)) && isLevelWord(cell))
        rowLevel1 = levelOf(null, cell);
      else {
        content.push(cell);
        continue;
      }
      own = cell;
    }

    // Levels: a new 一级 resets the 二级 (an 一级 without 二级 spans the 二级 column). The same 一级
    // written again on the next row of its group (typed down, not merged) carries its 二级 on when
    // that row leaves the 二级 blank, as a merged 二级 cell would.
    if (rowLevel1) {
      const same =
        level1 !== null && rowLevel1.name !== null && rowLevel1.name === level1.name && level1.row < r;
      level2 = rowLevel2 ?? (same && level2 && level2.col !== rowLevel1.col ? level2 : null);
      level1 = rowLevel1;
    } else if (rowLevel2) {
      level2 = rowLevel2;
    }

    const draft: RowDraft = {
      row: r,
      level1,
      level2,
      content: { name: undefined, description: undefined, value: undefined, basis: undefined },
      side: null,
      regions: null,
      wrapped: false,
      own,
    };
    assignContent(content, presentContent, kindAt, regionAt, draft);
    drafts.push(draft);
    bottom = r;
    r++;
  }

  // A form with no value column may type each value after its 三级 ("培训人数≥100人").
  const glued = columns.value === null && !layout.regions.length;
  const indicators: Indicator[] = withoutSectionRows(src, drafts).map((d) => {
    let name = d.content.name ? indicatorName(d.content.name) : null;
    if (glued && name && !d.content.value) {
      const split = splitGluedValue(name);
      if (split) {
        name = split.name;
        d.content.value = split.value;
      }
    }
    const ind: Indicator = {
      row: d.row,
      level1: d.level1 ?? (columns.level1 === null ? impliedLevel1(d.level2) : null),
      level2: d.level2,
      name,
      value:
        d.content.value ??
        (d.regions
          ? { text: d.regions[0].text, cell: d.regions[0].cell, row: d.regions[0].row, col: d.regions[0].col }
          : null),
      description: d.content.description ?? null,
      basis: d.content.basis ?? null,
      wrapped: d.wrapped,
    };
    if (d.regions) ind.regionValues = d.regions;
    if (d.side) {
      ind.side = { ...d.side };
      assembleValue(ind, d.side.direction ?? null, d.side.measure ?? null);
    }
    return ind;
  });
  return { bottom: Math.max(bottom, start - 1), columns, indicators };
}

/**
 * Rows that only head a section (an outline layout: "产出指标" on a row of its own, its 二级 and 三级
 * on the rows under it): a row with a level name and nothing else, whose level the next row carries
 * on while writing its own deeper level or indicator. Not an empty indicator, so no empty-cell
 * error. A level cell merged down over the rows under it is the first row of its group, left empty.
 */
function withoutSectionRows(src: CellSource, drafts: RowDraft[]): RowDraft[] {
  const isEmpty = (d: RowDraft) => CONTENT_ROLES.every((role) => !d.content[role]) && !d.side && !d.regions;
  let out: RowDraft[] | null = null;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const next = drafts[i + 1];
    const section =
      d.own !== null &&
      next !== undefined &&
      isEmpty(d) &&
      !isEmpty(next) &&
      next.level1 === d.level1 &&
      // The next row writes something deeper than the section's level, and not the same level again.
      (d.level2 === null ? next.own === null || next.level2 !== null : next.level2 === d.level2) &&
      (src.mergeAt(d.own.row, d.own.col)?.bottom ?? d.own.row) === d.own.row;
    if (section) out ??= drafts.slice(0, i);
    else out?.push(d);
  }
  return out ?? drafts;
}

/**
 * A 三级 name without what the template put around it: a "指标1：" prefix, a core-indicator star
 * ("*", "★") and a fill-in hint ("(≥**个)", "（≤**万元）"). The hint is not part of the name; the
 * cell is still where it is.
 */
export function indicatorName(name: CellText): CellText {
  // Most names have neither: settle them without running the patterns.
  if (!NAME_DECORATION.test(name.text)) return name;
  const text = name.text
    .replace(/^(?:指标\s*\d{1,2}\s*[:：.、]\s*|[*★☆]+\s*)/, '')
    .replace(/\s*[(（][^()（）]*\*[^()（）]*[)）]\s*$/, '')
    .trim();
  return text && text !== name.text ? { ...name, text } : name;
}

/**
 * A 三级 with its value after it: a comparator or a date starts the value ("培训人数≥100人",
 * "完成时间2026年12月底前"), or a colon parts them ("群众知晓率：≥90%"). Only where the form has no
 * value column, so a value typed into the wrong cell of a form that has one is still reported.
 */
const GLUED_VALUE = /^([^:：≥≤＞＜><=≧≦＝]+?)\s*(?:[:：]\s*|(?=[≥≤＞＜><=≧≦＝]|(?:19|20)\d\d年))(\S.*)$/;

export function splitGluedValue(name: CellText): { name: CellText; value: CellText } | null {
  const m = GLUED_VALUE.exec(name.text);
  if (!m) return null;
  return { name: { ...name, text: m[1].trim() }, value: { ...name, text: m[2].trim() } };
}

/**
 * The 一级 a 二级 stands under, in a form with no 一级 column: 数量指标 → 产出指标 (in the older
 * framework's tree, else the newer one's: 经济成本指标 → 成本指标), placed at the 二级's own cell.
 */
function impliedLevel1(level2: Level | null): Level | null {
  if (!level2?.name) return null;
  const name = homeLevel1('older', level2.name) ?? homeLevel1('newer', level2.name);
  return name ? { ...level2, name, text: name } : null;
}

/** What a prefix or a hint starts with: 指标N, a star, or the asterisks of a fill-in hint. */
const NAME_DECORATION = /^(?:指标|[*★☆])|\*/;

/** Fills the previous row's trailing empty roles with a wrapped row's cells; false when the row is not a wrap. */
function wrapInto(
  prev: RowDraft,
  cells: SheetCell[],
  present: ContentRole[],
  columns: Columns,
  kindAt: (col: number) => ColumnKind | 'before',
): boolean {
  const missing = trailingMissing(prev, present);
  if (missing.length < cells.length || missing.length === 0) return false;
  const firstMissingCol = columns[missing[0]] ?? Infinity;
  const allLeft = cells.every((c) => c.col < firstMissingCol);
  const inPlace = cells.every((c) => {
    const kind = kindAt(c.col);
    return (CONTENT_ROLES as string[]).includes(kind) && missing.includes(kind as ContentRole);
  });
  if (!allLeft && !inPlace) return false;
  const roles = allLeft ? missing.slice(0, cells.length) : cells.map((c) => kindAt(c.col) as ContentRole);
  cells.forEach((c, k) => (prev.content[roles[k]] = textAt(c)));
  prev.wrapped = true;
  return true;
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
 * the next free role, and pushes later cells along when they collide. Cells of side columns
 * (指标性质, 度量单位), region columns and left-aside columns (分值, 备注) stay where they are.
 */
function assignContent(
  content: SheetCell[],
  present: ContentRole[],
  kindAt: (col: number) => ColumnKind | 'before',
  regionAt: Map<number, string>,
  draft: RowDraft,
): void {
  let p = 0;
  for (const cell of content) {
    const own = kindAt(cell.col);
    if (own === 'direction' || own === 'measure' || own === 'polarity' || own === 'weight') {
      draft.side ??= {};
      draft.side[own] ??= textAt(cell);
      continue;
    }
    if (own === 'region') {
      (draft.regions ??= []).push({ region: regionAt.get(cell.col) ?? '', ...textAt(cell) });
      continue;
    }
    if (own === 'remark' || own === 'selfEvaluation' || own === 'ignored') continue;
    if (p >= present.length) break;
    const ownIndex = present.indexOf(own as ContentRole);
    const target = ownIndex >= p ? ownIndex : p;
    const role = present[target];
    const before = draft.content[role];
    draft.content[role] = before ? { ...before, text: `${before.text} ${cell.text}` } : textAt(cell);
    p = target + 1;
  }
}

/**
 * Whether a row ends the block: a title, annex, unit or closing line anywhere, or a header-block
 * label at the row's left edge (the next form's 项目名称). A label-like text in the 三级 column
 * ("财政资金补助") is an indicator, not a boundary.
 */
function isBoundaryRow(src: CellSource, row: number, nameCol: number): boolean {
  const cells = src.cells(row);
  if (isClosingRow(src, row, nameCol)) return true;
  // A heading over the next block ("中期绩效指标"): no indicator of this one.
  if (cells.length === 1 && termHeading(labelKey(cells[0].text))) return true;
  for (const cell of cells) {
    const c = cls(cell);
    if (c.title || c.annex || c.unit) return true;
    // The next form's 项目名称 sits left of the 三级 column, as every header label does.
    if (cell.col < nameCol && !c.level1 && !c.level2 && isProjectNameLabel(cell)) return true;
  }
  const first = cells[0];
  if (first && first.col < nameCol) {
    const c = cls(first);
    if (
      c.label &&
      !c.level1 &&
      !c.level2 &&
      !c.column &&
      !(c.label.kind === 'header' && c.label.field === 'other')
    )
      return true;
  }
  return false;
}

/**
 * A row that only holds a word cut short, left of the 三级 column ("效" where the source ends, "主管"
 * of a 主管部门审核意见 cut off): no indicator, and nothing of the block can follow it.
 */
function isCutRow(src: CellSource, row: number, nameCol: number): boolean {
  const cells = src.cells(row);
  if (cells.length !== 1) return false;
  const c = cells[0];
  if (c.col >= nameCol || typeof c.raw !== 'string') return false;
  const k = cls(c);
  return !k.level1 && !k.level2 && !k.label && !k.column && isCutWord(labelKey(c.text));
}

/** Text that can name a level: a short word, no figure, no label (a header label is a boundary). */
function isLevelWord(cell: SheetCell): boolean {
  if (typeof cell.raw !== 'string') return false;
  const key = labelKey(cell.text);
  return key.length >= 2 && key.length <= 12 && !/[\d%≥≤<>=]/.test(key) && !cls(cell).label;
}

function looksLikeIndicatorRow(
  src: CellSource,
  row: number,
  nameCol: number,
  kindAt: (col: number) => ColumnKind | 'before',
): boolean {
  if (isBoundaryRow(src, row, nameCol)) return false;
  for (const cell of src.cells(row)) {
    if (cls(cell).level1 || cls(cell).level2) return true;
    const kind = kindAt(cell.col);
    if (kind === 'value' || kind === 'name') return true;
  }
  return false;
}
