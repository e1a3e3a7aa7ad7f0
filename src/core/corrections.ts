/**
 * A clerk's corrections to a reading: "this cell is the 年度资金总额", "this row is the indicator
 * header", "this row is no indicator", "judge this table against that framework". Kept in the
 * workbook with the check settings (`corrections` in the configuration), each tied to its cell and
 * the text that cell held when the clerk confirmed it: when the text changes, the correction lapses
 * (the pane says so) and the cell is read as recognition reads it.
 *
 * Recognition takes a live correction as given: the corrected cell is read in that role, the rest is
 * read around it. Applied inside recognition (recogniseSheet), so the pane, live checking and the
 * command line (which reads the settings saved in a workbook) all see the same reading.
 */
import { type Grid, cellText, parseA1Range, placed } from './grid';
import { AMOUNT_FIELDS, type AmountField, type Table } from './model';

interface Place {
  row: number;
  col: number;
}
import { parseAmount } from './values';
import { frameworkData } from './vocabulary';

/** The roles a cell can be given. */
export const FIELD_ROLES = ['projectName', 'department', 'implementer', 'goal'] as const;
export const AMOUNT_ROLES = ['total', 'annual', 'fiscal', 'other', 'carryover'] as const;
export const ROW_ROLES = ['indicatorHeader', 'notIndicator'] as const;
export const CORRECTION_ROLES = [...FIELD_ROLES, ...AMOUNT_ROLES, ...ROW_ROLES, 'framework'] as const;
export type CorrectionRole = (typeof CORRECTION_ROLES)[number];

export interface Correction {
  sheet: string;
  /** A1 address of the cell (for a row role, any cell of the row; for framework, the indicator header's first cell). */
  cell: string;
  /** The cell's text when the correction was made: the correction lapses when it changes. */
  text: string;
  role: CorrectionRole;
  /** For role "framework": the framework's id (frameworks.json). */
  framework?: string;
}

export { cellText };

/** A correction's cell, as the A1 parser reads it (a single cell; the configuration's schema checks the form). */
function placeOf(cell: string): Place | null {
  const r = parseA1Range(cell);
  return r ? { row: r.top, col: r.left } : null;
}

/** A sheet's corrections split into those that hold (the cell still says what it said) and those that lapsed. */
export function sortCorrections(
  grid: Grid,
  corrections: readonly Correction[] = [],
): { live: Correction[]; lapsed: Correction[] } {
  const live: Correction[] = [];
  const lapsed: Correction[] = [];
  if (corrections.length === 0 || !Array.isArray(grid.values)) return { live, lapsed };
  // A slice of the sheet (live checking re-reads the rows around an edit) judges only its own rows.
  const first = grid.origin?.row ?? 0;
  const last = first + grid.values.length - 1;
  for (const c of corrections) {
    if (c.sheet !== grid.sheet) continue;
    const at = placeOf(c.cell);
    if (at && (at.row < first || at.row > last)) continue;
    if (at && cellText(grid, at.row, at.col) === c.text.trim()) live.push(c);
    else lapsed.push(c);
  }
  return { live, lapsed };
}

/** The rows a sheet's live corrections name as indicator headers. */
export function correctedHeaderRows(live: readonly Correction[]): Place[] {
  return live.filter((c) => c.role === 'indicatorHeader').flatMap((c) => placeOf(c.cell) ?? []);
}

function inside(t: Table, at: Place, headerOnly: boolean): boolean {
  const bottom = headerOnly && t.hasIndicatorBlock ? t.indicatorHeaderRow : t.bottom;
  return at.row >= t.top && at.row <= bottom && at.col >= t.left && at.col <= t.right;
}

/**
 * Applies a sheet's live corrections to its recognised tables, in place: each correction to the table
 * whose rows hold its cell. Returns the corrections no table holds (their cell lies outside every form).
 */
export function applyCorrections(tables: Table[], grid: Grid, live: readonly Correction[]): Correction[] {
  const unused: Correction[] = [];
  for (const c of live) {
    const at = placeOf(c.cell);
    if (!at) continue;
    const header = c.role !== 'notIndicator' && c.role !== 'framework' && c.role !== 'indicatorHeader';
    const table = tables.find((t) => inside(t, at, header)) ?? tables.find((t) => inside(t, at, false));
    if (!table || !applyOne(table, grid, c, at)) {
      unused.push(c);
      continue;
    }
    (table.corrections ??= []).push({
      cell: c.cell,
      role: c.role,
      ...(c.framework ? { framework: c.framework } : {}),
    });
  }
  return unused;
}

function applyOne(t: Table, grid: Grid, c: Correction, at: Place): boolean {
  const text = cellText(grid, at.row, at.col);
  const where = placed(at.row, at.col);
  switch (c.role) {
    case 'projectName':
    case 'department':
    case 'implementer': {
      const before = t.header[c.role];
      t.header[c.role] = {
        text,
        ...where,
        labelCell: before?.labelCell ?? where.cell,
        label: before?.label ?? '',
      };
      if (c.role === 'projectName') {
        t.projectName = text;
        t.projectNameSource = 'cell';
        t.projectNameAt = { cell: where.cell, row: at.row, col: at.col };
      }
      return true;
    }
    case 'goal':
      t.goal = { text, ...where };
      return true;
    case 'total':
    case 'annual':
    case 'fiscal':
    case 'other':
    case 'carryover': {
      const r = at.row - (grid.origin?.row ?? 0);
      const col = at.col - (grid.origin?.col ?? 0);
      const raw = grid.values[r]?.[col];
      // A label and its figure in one cell ("一、预算资金:250"): the figure after the colon.
      const after = /[:：]\s*([^:：]+)$/.exec(text)?.[1];
      let parsed = parseAmount(typeof raw === 'number' ? raw : text, t.unit ?? '万元');
      if (parsed.kind !== 'money' && after) parsed = parseAmount(after, t.unit ?? '万元');
      if (parsed.kind !== 'money' || !parsed.amountWan) return false;
      // The cell's figure is now this amount and no other part (a whole may stand beside its part's copy).
      for (const f of AMOUNT_FIELDS as readonly AmountField[])
        if (f !== c.role && t.amounts[f]?.cell === where.cell && isPart(f) === isPart(c.role))
          delete t.amounts[f];
      t.amounts[c.role] = {
        value: parsed.amountWan.toNumber(),
        exact: parsed.amountWan.toExact(),
        text,
        ...where,
      };
      t.emptyAmountLabels = t.emptyAmountLabels.filter((e) => e.field !== c.role && e.cell !== where.cell);
      if (t.unplacedAmounts) {
        t.unplacedAmounts = t.unplacedAmounts.filter((u) => u.cell !== where.cell);
        if (t.unplacedAmounts.length === 0) delete t.unplacedAmounts;
      }
      return true;
    }
    case 'notIndicator': {
      const n = t.indicators.length;
      t.indicators = t.indicators.filter((i) => i.row !== at.row);
      return t.indicators.length < n;
    }
    case 'indicatorHeader':
      // Read by recognition itself (the row anchors the table): held when a table starts there.
      return t.indicatorHeaderRow === at.row;
    case 'framework':
      // The table's first header cell keys it; the framework must be one the data defines.
      if (!c.framework || !(c.framework in frameworkData.frameworks)) return false;
      t.framework = c.framework as Table['framework'];
      t.frameworkBasis = 'corrected';
      return true;
  }
}

const isPart = (f: AmountField) => f !== 'total' && f !== 'annual';
