/**
 * Finds every 附件2 table in a sheet and models it, in small steps:
 * 1. regions: cells that touch form blocks; forms side by side or stacked apart are read apart;
 * 2. anchors: in each region, indicator header rows (and the labels, titles, closing lines);
 * 3. per anchor: the header block above it, the indicator block below it (or, for a flat
 *    budget-system export, one table per project of the rows below);
 * 4. header-only forms: a 项目名称, an amount and a goal label close together, with no indicator table;
 * 5. verdict: a candidate that is a 自评表, a 部门整体 form, a scoring table or an allocation list is a
 *    near-miss, reported in one line and not checked.
 *
 * Recognition works from values alone (merges are a hint): Excel 2016/2019 cannot report merged
 * areas and many forms are typed without them.
 */
import { type Grid, a1, a1Range, bySheetPosition } from '../grid';
import type { Columns, Indicator, NearMiss, Table } from '../model';
import { type CellSource, type SheetCell, SheetView } from '../sheet';
import {
  type IndicatorAnchor,
  findIndicatorAnchors,
  hasTitle,
  indicatorAnchorAt,
  isClosingRow,
  hasProjectNameLabel,
} from './anchors';
import { cls } from './classify';
import { type Qualifier, isOtherDocumentTitle, termHeading } from '../vocabulary';
import { labelKey } from '../text';
import { readFlatProjects } from './flat';
import { type FrameworkGuess, assignSheetFrameworks, detectFramework, frameworkReason } from './framework';
import { type Correction, applyCorrections, correctedHeaderRows, sortCorrections } from '../corrections';
import { type HeaderResult, headerTop, readHeader } from './header';
import { type BlockLayout, layoutOf, readIndicatorBlock } from './indicators';
import {
  type Region,
  RegionView,
  columnsOfAdjacentForms,
  findRegions,
  joinRegions,
  tagRegion,
} from './regions';
import { nearMissVerdict } from './verdict';
import { type EngineLocale, type MessageData, explainWords, nearMissWords } from '../locales';

export { projectNameFromTitle } from './header';

/** A table as recognised, before rules have run (issues empty). */
export type RecognisedTable = Table;

/** What recognition looked at in one region, and what it made of it (for `jixiao check --explain`). */
export interface Candidate {
  sheet: string;
  range: string;
  verdict: 'table' | 'nearMiss' | 'none';
  /** What was found: indicator headers, labels, titles. */
  anchors: string[];
  /** Why it was taken or not, in one line. */
  reason: string;
}

export interface SheetRecognition {
  tables: Table[];
  nearMisses: NearMiss[];
  /** Filled only when `explain` is asked for. */
  candidates: Candidate[];
  /** The locale --explain speaks, or false when nothing is kept. */
  explain: false | EngineLocale;
  /** This sheet's corrections whose cell no longer holds the text they were made on. */
  lapsed?: Correction[];
}

interface Built {
  table: Table;
  /** The framework the table's own level names say (its sheet's other tables may settle it). */
  guess: FrameworkGuess;
}

/** Recognises every 附件2 table of one sheet. Never throws on odd input; an unrecognisable sheet gives []. */
export function recognise(grid: Grid, view = new SheetView(grid)): RecognisedTable[] {
  return recogniseSheet(grid, view).tables;
}

/** Tables, near-misses and, with `explain`, what was looked at and why (for --explain), for one sheet. */
export function recogniseSheet(
  grid: Grid,
  view = new SheetView(grid),
  explain: boolean | EngineLocale = false,
  /** The clerk's corrections for this workbook (any sheet's: this sheet's are picked out). */
  corrections: readonly Correction[] = [],
): SheetRecognition {
  const { live, lapsed } = sortCorrections(grid, corrections);
  const out: SheetRecognition = {
    tables: [],
    nearMisses: [],
    candidates: [],
    explain: explain === true ? 'zh-CN' : explain,
  };
  const built: Built[] = [];
  interface Part {
    region: Region;
    ids: number[];
    src: CellSource;
    anchors: IndicatorAnchor[];
    /** Cut out of a region by columns (forms side by side with no gap): kept by columns, never joined. */
    split?: boolean;
  }
  const parts: Part[] = findRegions(view).flatMap((region) => {
    const adjacent = columnsOfAdjacentForms(view, region);
    const views = adjacent
      ? adjacent.map((cols) => ({
          region: { ...region, ...cols, wholeRows: false },
          src: new RegionView(view, region, [], cols) as CellSource,
        }))
      : [{ region, src: new RegionView(view, region) as CellSource }];
    return views.map(({ region: r, src }) => ({
      region: r,
      ids: [region.id],
      src,
      anchors: findIndicatorAnchors(src),
      split: !!adjacent,
    }));
  });
  // A header block parted from its indicator table by blank rows joins it: the nearest region
  // above in the same columns, with labels and no indicator header, when this one starts with a
  // bare indicator header.
  for (let i = parts.length - 1; i >= 1; i--) {
    const below = parts[i];
    if (below.anchors.length === 0 || headerTop(below.src, below.src.firstRow, below.anchors[0].row) !== null)
      continue;
    let j = i - 1;
    while (j >= 0 && !overlapsColumns(parts[j].region, below.region)) j--;
    const above = parts[j];
    if (
      !above ||
      above.split ||
      below.split ||
      below.region.top - above.region.bottom > 4 ||
      above.anchors.length ||
      !hasHeaderLabels(above.src)
    )
      continue;
    const region = joinRegions(above.region, below.region);
    const ids = [...above.ids, ...below.ids];
    // The joined view keeps cells by their tags: regions that were alone on their rows were not tagged.
    for (const part of [above, below]) if (part.region.wholeRows) tagRegion(view, part.region);
    const src = new RegionView(view, region, ids);
    parts.splice(i, 1);
    parts.splice(j, 1, { region, ids, src, anchors: findIndicatorAnchors(src) });
  }
  // A row the clerk named as an indicator header anchors a table there, read by its words or, where
  // it has none, by position (一级, 二级, 三级, value).
  for (const at of correctedHeaderRows(live)) {
    const p = parts.find(
      (x) => at.row >= x.src.firstRow && at.row <= x.src.lastRow && x.src.cells(at.row).length,
    );
    if (!p || p.anchors.some((a) => a.row === at.row)) continue;
    const anchor = indicatorAnchorAt(p.src, at.row) ?? anchorByPosition(p.src, at.row);
    if (anchor) p.anchors = [...p.anchors, anchor].sort((a, b) => a.row - b.row);
  }
  for (const p of parts) recogniseRegion(p.src, out, built, false, p.anchors);
  assignSheetFrameworks(built);
  out.tables = built.map((b) => b.table).sort(bySheetPosition);
  if (live.length) applyCorrections(out.tables, grid, live);
  if (lapsed.length) out.lapsed = lapsed;
  // Near-misses in sheet order too (a region's candidates are found header by header, not top down).
  out.nearMisses.sort(bySheetPosition);
  return out;
}

/**
 * Recognises a range the user selected as one form, with a lower bar: any row with two of the
 * indicator column headers anchors it. For 按所选区域识别, when a form the user sees is not found.
 */
export function recogniseRange(
  grid: Grid,
  range: { top: number; left: number; bottom: number; right: number },
  view = new SheetView(grid),
): SheetRecognition {
  const out: SheetRecognition = { tables: [], nearMisses: [], candidates: [], explain: 'zh-CN' };
  const built: Built[] = [];
  const src = new RegionView(view, { id: -1, ...range }, [], { left: range.left, right: range.right });
  recogniseRegion(src, out, built, true);
  assignSheetFrameworks(built);
  out.tables = built.map((b) => ({ ...b.table, source: 'selection' as const }));
  return out;
}

function overlapsColumns(a: Region, b: Region): boolean {
  return a.left <= b.right && b.left <= a.right;
}

function hasHeaderLabels(src: CellSource): boolean {
  for (let r = src.firstRow; r <= src.lastRow; r++) if (hasProjectNameLabel(src, r)) return true;
  return false;
}

function recogniseRegion(
  src: CellSource,
  out: SheetRecognition,
  built: Built[],
  lowerBar = false,
  found?: IndicatorAnchor[],
): void {
  let anchors = found ?? findIndicatorAnchors(src);
  if (anchors.length === 0 && lowerBar) anchors = looseAnchors(src);
  const covered: [number, number][] = [];
  let regionStart = src.firstRow;
  const explain = (range: string, verdict: Candidate['verdict'], found: string[], reason: string) => {
    if (out.explain) out.candidates.push({ sheet: src.sheet, range, verdict, anchors: found, reason });
  };
  // Words for --explain, only worked out when asked for.
  const say = (id: string, data?: MessageData) => (out.explain ? explainWords(out.explain, id, data) : '');

  for (let i = 0; i < anchors.length; i++) {
    const first = anchors[i];
    const top = headerTop(src, regionStart, first.row);
    const header = readHeader(src, top, first.row, out.explain);
    // A form with a 中期 and a 年度 indicator table, one under the other, each under a heading
    // (中期绩效指标 | 年度绩效指标): the 年度 one is read, the 中期 one left aside, as the 长期 half
    // of a grid with both side by side.
    let skipped = -1;
    if (termAbove(src, first.row) === 'longTerm' && followsInForm(src, anchors, i, 'annual')) {
      skipped = i;
      i++;
    }
    const anchor = anchors[i];
    const next = i + 1 < anchors.length ? anchors[i + 1].row : src.lastRow + 1;
    const layout = layoutOf(src, anchor);
    let block = readIndicatorBlock(src, layout, layout.firstRow, next);
    let bottom = Math.max(block.bottom, anchor.row);
    // The header row repeated further down (a page break of a form pasted from print): the rows
    // under it continue this table.
    while (!anchor.flat && i + 1 < anchors.length) {
      const again = repeatedLayout(src, anchors[i + 1], anchor, layout, bottom);
      if (!again) break;
      i++;
      const upTo = i + 1 < anchors.length ? anchors[i + 1].row : src.lastRow + 1;
      const more = readIndicatorBlock(
        src,
        again,
        again.firstRow,
        upTo,
        block.indicators[block.indicators.length - 1],
      );
      bottom = Math.max(more.bottom, anchors[i].row);
      block = { ...block, bottom, indicators: [...block.indicators, ...more.indicators] };
    }
    // The 中期 table under the 年度 one: its rows belong to this form, not read.
    if (skipped < 0 && !anchor.flat && followsInForm(src, anchors, i, 'longTerm')) {
      i++;
      const upTo = i + 1 < anchors.length ? anchors[i + 1].row : src.lastRow + 1;
      bottom = Math.max(
        readIndicatorBlock(src, layoutOf(src, anchors[i]), anchors[i].row + 1, upTo).bottom,
        anchors[i].row,
      );
    }
    const anchorText = out.explain
      ? explainWords(out.explain, 'indicatorHeader', {
          cell: a1(anchor.row, anchor.columns[0]?.col ?? 0),
          columns: anchor.columns
            .filter((c) => c.kind !== 'ignored')
            .map((c) => c.text)
            .join(' | '),
        })
      : '';
    if (anchor.flat) {
      const projects = readFlatProjects(src, anchor, layout, bottom, header.unit ?? '万元');
      for (const p of projects) {
        const table = makeTable(src, {
          top: p.top,
          bottom: p.bottom,
          anchorRow: anchor.row,
          header: {
            ...header,
            fields: p.fields,
            amounts: p.amounts,
            emptyAmountLabels: p.emptyAmountLabels,
            goal: p.goal,
            hasHeaderBlock: true,
            projectName: p.projectName,
            projectNameSource: 'cell',
            projectNameAt: p.projectNameAt,
          },
          columns: layout.columns,
          indicators: p.indicators,
          hasIndicatorBlock: true,
          source: 'flat',
        });
        accept(
          src,
          out,
          built,
          table,
          header,
          [anchorText, say('flatProject', { name: p.projectName ?? '', cell: p.projectNameAt.cell })],
          explain,
          say('flatTable'),
          [top ?? anchor.row, layout.firstRow - 1],
        );
      }
      explain(
        regionRange(src, top ?? anchor.row, bottom).range,
        'table',
        [anchorText],
        say('flatRegion', { count: projects.length }),
      );
    } else {
      const table = makeTable(src, {
        top: header.top ?? anchor.row,
        bottom,
        anchorRow: anchor.row,
        header,
        columns: block.columns,
        indicators: block.indicators,
        hasIndicatorBlock: true,
        source: 'form',
      });
      accept(
        src,
        out,
        built,
        table,
        header,
        [anchorText, ...header.found],
        explain,
        say('hasIndicatorHeader'),
        [table.table.top, layout.firstRow - 1],
      );
    }
    covered.push([top ?? anchor.row, bottom]);
    regionStart = bottom + 1;
  }

  // Forms with a header block and no indicator table (not typed yet, or cut short).
  let headerOnly = false;
  for (const [from, to] of uncovered(src, covered)) {
    let r = from;
    while (r <= to) {
      if (!hasProjectNameLabel(src, r)) {
        r++;
        continue;
      }
      const top = headerTop(src, from, r + 1) ?? r;
      const bottom = headerBottom(src, r, to);
      const header = readHeader(src, top, bottom + 1, out.explain);
      const foreign = otherDocumentTitle(src, from, r);
      if (foreign) {
        explain(
          regionRange(src, top, bottom).range,
          'none',
          [say('title', { title: foreign }), ...header.found],
          say('foreignTitle', { title: foreign }),
        );
      } else if (
        header.fields.projectName?.text !== undefined &&
        header.seen.has('projectName') &&
        ((header.seen.has('amount') && header.seen.has('goal')) || startedAtFoot(src, header, bottom))
      ) {
        const table = makeTable(src, {
          top,
          bottom,
          anchorRow: bottom,
          header,
          columns: {
            lead: null,
            level1: null,
            level2: null,
            name: null,
            value: null,
            description: null,
            basis: null,
          },
          indicators: [],
          hasIndicatorBlock: false,
          source: 'form',
        });
        headerOnly = true;
        accept(src, out, built, table, header, header.found, explain, say('headerOnly'), [top, bottom]);
      } else {
        explain(regionRange(src, top, bottom).range, 'none', header.found, say('nameOnly'));
      }
      r = bottom + 1;
    }
  }

  // A region that is no form at all may still be a near-miss worth naming (an allocation list).
  if (anchors.length === 0 && covered.length === 0 && !headerOnly) {
    const nonBlank = countNonBlank(src);
    const verdict =
      nonBlank >= 3
        ? nearMissVerdict(src, src.firstRow, src.lastRow, hasHeaderLabels(src), out.explain || 'zh-CN')
        : null;
    const range = regionRange(src, src.firstRow, src.lastRow).range;
    if (verdict) {
      out.nearMisses.push({
        sheet: src.sheet,
        range,
        kind: verdict.kind,
        message: verdict.message,
        title: null,
      });
      explain(
        range,
        'nearMiss',
        verdict.evidence,
        nearMissWords(out.explain || 'zh-CN', verdict.kind, verdict.message),
      );
    } else if (nonBlank > 0) {
      explain(range, 'none', [], say('nothing'));
    }
  }
}

/**
 * A form being started, or cut off, at the foot of a sheet: a title, a 项目名称 and one more field,
 * with nothing after it but a signature block. Too little for a form in the middle of a sheet (a stray label), enough at
 * its end, where the rest of the form would follow.
 */
function startedAtFoot(src: CellSource, header: HeaderResult, bottom: number): boolean {
  if (header.title === null || header.seen.size < 2) return false;
  // Only a signature block (填表人, 年 月 日, (盖章)) may follow.
  for (let r = bottom + 1; r <= src.lastRow; r++) if (!src.isBlank(r) && !isClosingRow(src, r)) return false;
  return true;
}

function countNonBlank(src: CellSource): number {
  let n = 0;
  for (let r = src.firstRow; r <= src.lastRow; r++) if (!src.isBlank(r)) n++;
  return n;
}

function accept(
  src: CellSource,
  out: SheetRecognition,
  built: Built[],
  t: Built,
  header: HeaderResult,
  found: string[],
  explain: (range: string, verdict: Candidate['verdict'], found: string[], reason: string) => void,
  reason: string,
  /** The rows of the candidate's header part, where near-miss titles and markers are looked for. */
  [headerStart, headerEnd]: [number, number],
): void {
  const verdict = nearMissVerdict(
    src,
    headerStart,
    headerEnd,
    header.seen.has('projectName'),
    out.explain || 'zh-CN',
  );
  if (verdict) {
    out.nearMisses.push({
      sheet: t.table.sheet,
      range: t.table.range,
      kind: verdict.kind,
      message: verdict.message,
      title: t.table.title,
    });
    explain(
      t.table.range,
      'nearMiss',
      [...found, ...verdict.evidence],
      nearMissWords(out.explain || 'zh-CN', verdict.kind, verdict.message),
    );
    return;
  }
  built.push(t);
  explain(t.table.range, 'table', found, reason);
}

/** Row spans of the region that no table covers. */
function uncovered(src: CellSource, covered: [number, number][]): [number, number][] {
  const spans: [number, number][] = [];
  let from = src.firstRow;
  for (const [a, b] of [...covered].sort((x, y) => x[0] - y[0])) {
    if (a > from) spans.push([from, a - 1]);
    from = Math.max(from, b + 1);
  }
  if (from <= src.lastRow) spans.push([from, src.lastRow]);
  return spans;
}

/**
 * The layout of an indicator header that repeats the one above, or null: it follows that block's
 * last row (blank rows aside, at most two), no header block comes between, and it names the same
 * columns in the same places.
 */
function repeatedLayout(
  src: CellSource,
  anchor: IndicatorAnchor,
  first: IndicatorAnchor,
  layout: BlockLayout,
  bottom: number,
): BlockLayout | null {
  if (anchor.flat || anchor.row - bottom > 3 || anchor.row <= bottom) return null;
  for (let r = bottom + 1; r < anchor.row; r++) if (!src.isBlank(r)) return null;
  // The same words in the same columns: the same header, whatever the few rows under it suggest
  // about columns that are named by what is written under them (指标类型 | 指标类别).
  // (A sub-header row under 指标值 is part of the header, and is repeated too.)
  let repeated = true;
  for (let k = 0; repeated && first.row + k < layout.firstRow; k++)
    repeated = sameRow(src.cells(anchor.row + k), src.cells(first.row + k));
  if (repeated) return { ...layout, firstRow: layout.firstRow + anchor.row - first.row };
  const again = layoutOf(src, anchor);
  const [now, was] = [again.columns, layout.columns];
  const same =
    now.level1 === was.level1 &&
    now.level2 === was.level2 &&
    now.name === was.name &&
    now.value === was.value &&
    now.lead === was.lead;
  return same ? again : null;
}

/** The term of the heading right over an indicator header row ("中期绩效指标"), blank rows aside. */
function termAbove(src: CellSource, row: number): Qualifier {
  for (let r = row - 1; r >= Math.max(src.firstRow, row - 3); r--) {
    const cells = src.cells(r);
    if (cells.length === 0) continue;
    return cells.length === 1 ? termHeading(labelKey(cells[0].text)) : null;
  }
  return null;
}

/**
 * Whether anchor i + 1 heads the same form's other-term table: under a heading of that term (a
 * 年度 one may also have none), a few rows under anchor i's block, with no header block between.
 */
function followsInForm(
  src: CellSource,
  anchors: IndicatorAnchor[],
  i: number,
  term: 'annual' | 'longTerm',
): boolean {
  const nextAnchor = anchors[i + 1];
  if (!nextAnchor || nextAnchor.flat) return false;
  const heading = termAbove(src, nextAnchor.row);
  if (term === 'longTerm' ? heading !== 'longTerm' : heading === 'longTerm') return false;
  for (let r = anchors[i].row + 1; r < nextAnchor.row; r++) if (hasProjectNameLabel(src, r)) return false;
  return true;
}

/** The same words in the same columns, as labels are compared: spaces and required-field marks aside ("绩 效 值" = "绩效值"). */
function sameRow(a: SheetCell[], b: SheetCell[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (c, k) => c.col === b[k].col && (c.text === b[k].text || labelKey(c.text) === labelKey(b[k].text)),
    )
  );
}

/**
 * The title of another document (…申报书, …明细表) above a header block, on a line of its own in rows
 * [from, row): a header block under it is that document's, not a header-only form.
 */
function otherDocumentTitle(src: CellSource, from: number, row: number): string | null {
  for (let r = Math.max(from, row - 6); r < row; r++) {
    const cells = src.cells(r);
    if (cells.length !== 1) continue;
    const c = cells[0];
    if (typeof c.raw === 'string' && !cls(c).label && isOtherDocumentTitle(c.text)) return c.text;
  }
  return null;
}

/** The last row of a header-only form: before two blank rows, a closing line, a title or the next 项目名称. */
function headerBottom(src: CellSource, labelRow: number, limit: number): number {
  let bottom = labelRow;
  let blank = 0;
  for (let r = labelRow + 1; r <= limit; r++) {
    if (src.isBlank(r)) {
      if (++blank >= 2) break;
      continue;
    }
    blank = 0;
    if (
      (isClosingRow(src, r) && !fieldNext(src, r, limit)) ||
      hasTitle(src, r) ||
      hasProjectNameLabel(src, r)
    )
      break;
    bottom = r;
  }
  return bottom;
}

/**
 * Whether a row under a closing-like line (past a few contact lines) holds a header field or an
 * amount label: then the line (项目负责人 | 张三 | 联系电话 | 139…) is a contact among the form's
 * fields, not its end.
 */
function fieldNext(src: CellSource, row: number, limit: number): boolean {
  // 项目负责人 on one line, 联系人 or 联系电话 on the next: look past a few such lines.
  for (let r = row + 1; r <= Math.min(limit, row + CONTACT_LINES); r++) {
    const cells = src.cells(r);
    if (cells.length === 0 || hasTitle(src, r) || hasProjectNameLabel(src, r)) return false;
    const field = cells.some((c) => {
      const label = cls(c).label;
      return label !== null && (label.kind === 'amount' || label.field !== 'other');
    });
    if (field) return true;
  }
  return false;
}

/** How many contact lines a header block may hold together. */
const CONTACT_LINES = 3;

/** Lower bar for a selected range: a row with two indicator column headers, else the first row with level names. */
const BY_POSITION = ['level1', 'level2', 'name', 'value'] as const;

/** A header row read by position: its first four cells are the 一级, 二级, 三级 and value columns. */
function anchorByPosition(src: CellSource, row: number): IndicatorAnchor | null {
  const cells = src.cells(row);
  if (cells.length < 3) return null;
  const columns = cells.slice(0, 4).map((c, i) => ({ kind: BY_POSITION[i], col: c.col, text: c.text }));
  return { row, columns, unknown: [], flat: null };
}

function looseAnchors(src: CellSource): IndicatorAnchor[] {
  for (let r = src.firstRow; r <= src.lastRow; r++) {
    const roles = new Set(
      src
        .cells(r)
        .map((c) => cls(c).column?.role)
        .filter(Boolean),
    );
    const known = ['level1', 'level2', 'name', 'value'].filter((k) => roles.has(k as never));
    if (known.length >= 2) {
      const a = indicatorAnchorAt(src, r);
      if (a) return [a];
      const columns = src
        .cells(r)
        .filter((c) => cls(c).column)
        .map((c) => ({ kind: cls(c).column!.role, col: c.col, text: c.text }));
      return [{ row: r, columns, unknown: [], flat: null }];
    }
  }
  return [];
}

interface TableParts {
  top: number;
  bottom: number;
  anchorRow: number;
  header: HeaderResult;
  columns: Columns;
  indicators: Indicator[];
  hasIndicatorBlock: boolean;
  source: Table['source'];
}

function makeTable(src: CellSource, p: TableParts): Built {
  const { header } = p;
  const guess = detectFramework(p.indicators, header.year);
  const table: Table = {
    sheet: src.sheet,
    ...regionRange(src, p.top, p.bottom),
    top: p.top,
    bottom: p.bottom,
    indicatorHeaderRow: p.anchorRow,
    title: header.title,
    year: header.year,
    projectName: header.projectName,
    projectNameSource: header.projectNameSource,
    projectNameAt: header.projectNameAt,
    header: header.fields,
    hasHeaderBlock: header.hasHeaderBlock,
    hasIndicatorBlock: p.hasIndicatorBlock,
    source: p.source,
    unit: header.unit,
    amounts: header.amounts,
    emptyAmountLabels: header.emptyAmountLabels,
    ...(header.unplaced.length ? { unplacedAmounts: header.unplaced } : {}),
    goal: header.goal,
    framework: guess.framework,
    frameworkBasis: guess.basis,
    frameworkReason: frameworkReason(guess.basis, guess.framework, header.year),
    columns: p.columns,
    indicators: p.indicators,
    issues: [],
  };
  return { table, guess };
}

/** The columns the region's cells cover in rows [top, bottom], and the A1 range of that area. */
function regionRange(
  src: CellSource,
  top: number,
  bottom: number,
): { range: string; left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (let r = top; r <= bottom; r++) {
    const cells = src.cells(r);
    if (cells.length === 0) continue;
    // Cells are in column order and merged areas never overlap a cell: the row's ends are its first and last cells.
    left = Math.min(left, cells[0].col);
    right = Math.max(right, src.rightEdge(cells[cells.length - 1]));
  }
  if (!Number.isFinite(left)) left = right = 0;
  return { range: a1Range(top, left, bottom, right), left, right };
}
