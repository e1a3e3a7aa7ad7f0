/**
 * The simulated host's workbook: sheets of cells with values, number formats and the user's own
 * fill/font, merged areas, conditional formats and protection. The simulated Office.js API
 * (office-sim.ts) reads and writes it; the playground grid shows and edits it. It is plain data with
 * change notifications, no Office.js shape.
 */
import { type CellValue, type MergeArea, a1, a1Range, parseA1Range } from '../core/grid';
import { type FormulaScope, NotUnderstood, evaluate } from './formula';

export type SimValue = string | number | boolean;

export interface SimCellFormat {
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  fontSize?: number;
  align?: string;
  valign?: string;
  wrap?: boolean;
  /** Thin borders drawn on the cell (any edge). */
  border?: boolean;
  /** A dropdown list (data validation) on the cell. */
  list?: string[];
}

export interface SimCell {
  /** What Range.values reports: "" for empty, "#N/A" for a formula error. */
  value: SimValue;
  /** A formula ("=C8+C9", "=IF(C5="","",C5*2)"): computed by ./formula, in dependency order. */
  formula?: string;
  numberFormat: string;
  format: SimCellFormat;
}

export interface SimConditionalFormat {
  id: string;
  type: 'Custom';
  areas: MergeArea[];
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface ChangeEvent {
  sheetId: string;
  address: string;
  /** 'ThisLocalAddin' for writes made through the API, 'Unknown' for the user's edits. */
  triggerSource: 'ThisLocalAddin' | 'Unknown';
  /** Excel's changeType: RangeEdited unless cells were inserted or deleted. */
  changeType?: 'RangeEdited' | 'CellInserted' | 'CellDeleted' | 'RowInserted' | 'RowDeleted';
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

const EMPTY_FORMAT: SimCellFormat = { fill: null, fontColor: null, bold: false };

let nextId = 1;

export class SimWorksheet {
  readonly id: string;
  name: string;
  readonly cells = new Map<number, Map<number, SimCell>>();
  merges: MergeArea[] = [];
  conditionalFormats: SimConditionalFormat[] = [];
  protected = false;
  /** Column widths and row heights set through the API, in points. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();

  constructor(name: string) {
    this.id = `{sheet-${nextId++}}`;
    this.name = name;
  }

  get(row: number, col: number): SimCell | undefined {
    return this.cells.get(row)?.get(col);
  }

  value(row: number, col: number): SimValue {
    return this.get(row, col)?.value ?? '';
  }

  set(row: number, col: number, value: SimValue, numberFormat?: string): void {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    const prev = r.get(col);
    r.set(col, {
      value,
      numberFormat: numberFormat ?? prev?.numberFormat ?? 'General',
      format: prev?.format ?? { ...EMPTY_FORMAT },
    });
    if (this.formulaCount > 0 && this.autoRecalc) this.recalc();
  }

  private formulaCount = 0;
  /** Off while a file is loaded cell by cell: one recalculation at the end instead of one per cell. */
  autoRecalc = true;

  /**
   * Sets a formula and computes its value (and every formula's). `cached`: the value a file
   * stored for it, kept when the simulator cannot compute the formula.
   */
  setFormula(row: number, col: number, formula: string, cached: SimValue = 0, recalc = true): void {
    this.set(row, col, cached);
    this.get(row, col)!.formula = formula;
    this.formulaCount++;
    if (recalc && this.autoRecalc) this.recalc();
  }

  /**
   * Inserts `count` rows at `row` across columns left..right, shifting those cells down (Excel's
   * Range.insert(Down)). New cells take the formats of the cell above, as Excel's default does.
   * Merged areas below move, merged areas the insertion passes through grow, and formulas that
   * refer to moved cells follow them. A merged area crossing the columns' edge at or below the
   * insertion cannot be shifted: refused, as Excel refuses it.
   */
  insertRows(row: number, count: number, left: number, right: number): void {
    const crosses = (m: MergeArea) =>
      m.bottom >= row && m.left <= right && m.right >= left && (m.left < left || m.right > right);
    if (this.merges.some(crosses)) throw new Error('merged cells cross the shifted columns');
    for (let c = left; c <= right; c++) {
      const rows = [...this.cells.keys()]
        .filter((r) => r >= row && this.cells.get(r)!.has(c))
        .sort((a, b) => b - a);
      for (const r of rows) {
        const cell = this.cells.get(r)!.get(c)!;
        this.cells.get(r)!.delete(c);
        let target = this.cells.get(r + count);
        if (!target) this.cells.set(r + count, (target = new Map()));
        target.set(c, cell);
      }
      const above = this.get(row - 1, c);
      for (let k = 0; k < count; k++) {
        let target = this.cells.get(row + k);
        if (!target) this.cells.set(row + k, (target = new Map()));
        target.set(c, {
          value: '',
          numberFormat: above?.numberFormat ?? 'General',
          format: { ...(above?.format ?? EMPTY_FORMAT) },
        });
      }
    }
    this.merges = this.merges.map((m) => {
      if (m.right < left || m.left > right) return m;
      if (m.top >= row) return { ...m, top: m.top + count, bottom: m.bottom + count };
      if (m.bottom >= row) return { ...m, bottom: m.bottom + count };
      return m;
    });
    // Formulas follow the cells they name.
    for (const r of this.cells.values()) {
      for (const cell of r.values()) {
        if (!cell.formula) continue;
        cell.formula = cell.formula.replace(/([A-Z]{1,3})(\d+)/g, (m, col: string, n: string) => {
          const ref = parseA1Range(`${col}${n}`);
          if (!ref || ref.top < row || ref.left < left || ref.left > right) return m;
          return `${col}${Number(n) + count}`;
        });
      }
    }
    if (this.formulaCount > 0) this.recalc();
  }

  /**
   * Recomputes every formula cell in dependency order, as Excel does: a formula's terms are
   * computed before it (a template's 年度资金总额 sums its parts after they are summed). A formula
   * the simulator does not understand keeps the value it had (the file's cached result); a
   * circular reference leaves the value as it was, as Excel does after its warning.
   */
  recalc(): void {
    const state = new Map<SimCell, 'busy' | 'done'>();
    const scope: FormulaScope = {
      cell: (r, c) => {
        const cell = this.get(r, c);
        if (!cell) return '';
        if (cell.formula) compute(cell);
        return cell.value;
      },
    };
    const compute = (cell: SimCell) => {
      if (state.has(cell)) return;
      state.set(cell, 'busy');
      try {
        const v = evaluate(cell.formula!, scope);
        // 15 significant digits, as Excel keeps: 0.1 + 0.2 shows 0.3.
        cell.value = typeof v === 'number' ? Number(v.toPrecision(15)) : v;
      } catch (e) {
        if (!(e instanceof NotUnderstood)) throw e;
      }
      state.set(cell, 'done');
    };
    for (const row of this.cells.values()) for (const cell of row.values()) if (cell.formula) compute(cell);
  }

  /** Sets a cell's number format, keeping its value and formula. */
  setNumberFormat(row: number, col: number, numberFormat: string): void {
    const cell = this.get(row, col);
    if (cell) cell.numberFormat = numberFormat;
    else this.set(row, col, '', numberFormat);
  }

  setFormat(row: number, col: number, format: Partial<SimCellFormat>): void {
    const cell = this.get(row, col);
    if (cell) cell.format = { ...cell.format, ...format };
    else {
      this.set(row, col, '');
      this.get(row, col)!.format = { ...EMPTY_FORMAT, ...format };
    }
  }

  /** The used range: cells with a value (valuesOnly) or also with a format of their own. */
  usedArea(valuesOnly: boolean): MergeArea | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const counts =
          cell.value !== '' ||
          (!valuesOnly && (cell.format.fill !== null || cell.format.fontColor !== null || cell.format.bold));
        if (!counts) continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The conditional formats (ours or the user's) that apply to a cell, in priority order. */
  formatsAt(row: number, col: number): SimConditionalFormat[] {
    return this.conditionalFormats.filter((cf) =>
      cf.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right),
    );
  }
}

export class SimWorkbook {
  readonly sheets: SimWorksheet[] = [];
  activeSheetId: string | null = null;
  private selected: { sheetId: string; area: MergeArea } | null = null;
  private readonly selectionListeners = new Set<() => void>();
  /** A cell is being edited: every batch fails with InvalidOperationInCellEditMode. */
  editMode = false;
  /** The highest ExcelApi version this host claims (Office 2019 is 1.8, Microsoft 365 1.17+). */
  apiVersion = '1.17';
  /**
   * The add-in's settings as saved in the document (Office.context.document.settings after
   * saveAsync): what the next pane opened on this workbook starts with.
   */
  addinSettings: Record<string, unknown> = {};
  /** WPS's custom document properties (Workbook.CustomDocumentProperties), saved with the file. */
  documentProperties: { name: string; value: string }[] | undefined;
  /** Makes Settings.saveAsync fail (a read-only or locked file), for the tests. */
  failSettingsSave = false;
  /** context.sync calls made against this workbook, for the measures. */
  syncCount = 0;
  /** Cells whose values the API returned (Range.values loads), for the live-checking measures. */
  cellsRead = 0;
  private readonly changeListeners = new Set<(e: ChangeEvent) => void>();
  private readonly activationListeners = new Set<(sheetId: string) => void>();
  private readonly viewListeners = new Set<() => void>();

  addSheet(name: string): SimWorksheet {
    let unique = name;
    for (let i = 2; this.sheets.some((s) => s.name === unique); i++) unique = `${name} (${i})`;
    const ws = new SimWorksheet(unique);
    this.sheets.push(ws);
    if (!this.activeSheetId) this.activeSheetId = ws.id;
    this.notifyView();
    return ws;
  }

  sheet(nameOrId: string): SimWorksheet | undefined {
    return (
      this.sheets.find((s) => s.id === nameOrId) ??
      this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase())
    );
  }

  get activeSheet(): SimWorksheet {
    const ws = this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
    if (!ws) throw new Error('workbook has no sheets');
    return ws;
  }

  activate(nameOrId: string): void {
    const ws = this.sheet(nameOrId);
    if (!ws || ws.id === this.activeSheetId) return;
    this.activeSheetId = ws.id;
    this.selected = null;
    this.notifyView();
    for (const l of this.activationListeners) setTimeout(() => l(ws.id), 0);
  }

  /** A person typing into a cell (the playground's grid): fires onChanged as Excel would. */
  edit(sheetNameOrId: string, row: number, col: number, value: SimValue): void {
    const ws = this.sheet(sheetNameOrId);
    if (!ws) throw new Error(`no sheet ${sheetNameOrId}`);
    // Typed as in Excel: "=…" is a formula (computed at once), "'…" forces text, digits are a number.
    if (typeof value === 'string' && value.startsWith('=') && value.length > 1)
      ws.setFormula(row, col, value);
    else ws.set(row, col, typeof value === 'string' ? parseTyped(value) : value);
    this.notifyView();
    this.fireChanged({ sheetId: ws.id, address: a1(row, col), triggerSource: 'Unknown' });
  }

  fireChanged(e: ChangeEvent): void {
    for (const l of this.changeListeners) setTimeout(() => l(e), 0);
  }

  onChanged(listener: (e: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onActivated(listener: (sheetId: string) => void): () => void {
    this.activationListeners.add(listener);
    return () => this.activationListeners.delete(listener);
  }

  /** The selected cells; setting it (a click in the playground, Range.select()) fires onSelectionChanged. */
  get selection(): { sheetId: string; area: MergeArea } | null {
    return this.selected;
  }
  set selection(sel: { sheetId: string; area: MergeArea } | null) {
    this.selected = sel;
    this.notifyView();
    for (const l of this.selectionListeners) setTimeout(() => l(), 0);
  }

  /** A click or the arrow keys in the playground: the same as setting `selection`. */
  select(sheetId: string, area: MergeArea): void {
    this.selection = { sheetId, area };
  }

  /** The playground's cell editor opened (true) or closed: batches fail meanwhile, as in Excel. */
  setEditMode(on: boolean): void {
    this.editMode = on;
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** For the playground: re-render after any change (values, formats, selection, sheets). */
  onView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  notifyView(): void {
    for (const l of this.viewListeners) l();
  }

  supports(version: string): boolean {
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return x > a || (x === a && y >= b);
  }
}

/** What Excel does with typed text: "12.5" becomes a number, "'12" stays text, "" clears. */
export function parseTyped(text: string): SimValue {
  if (text.startsWith("'")) return text.slice(1);
  const t = text.trim();
  if (t !== '' && /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  return text;
}

/** Sim value → what the engine would get (used by tests comparing the two paths). */
export function simToCellValue(v: SimValue): CellValue {
  if (v === '') return null;
  return v;
}

export function areaAddress(ws: SimWorksheet, area: MergeArea): string {
  return `${quoteSheet(ws.name)}!${a1Range(area.top, area.left, area.bottom, area.right)}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
