/**
 * The simulated host's workbook: sheets of cells with values, number formats and the user's own
 * fill/font, merged areas, conditional formats and protection. The simulated Office.js API
 * (office-sim.ts) reads and writes it; the playground grid shows and edits it. It is plain data with
 * change notifications, no Office.js shape.
 *
 * Undo, as in Excel: every change goes on an undo stack in steps. A step is what one host batch
 * changed — one context.sync of the simulated Office.js (Excel keeps each sync of an add-in's writes
 * as one undo step, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities),
 * the object-model calls the simulated WPS host receives in one run of script (they are
 * synchronous: one step ends when the script yields), or one edit, paste or Delete in the
 * playground's grid. The API layers say what they are about to change (`record`) before changing
 * it; the grid's own edits go through `edit`, `editArea` and `clearArea`. Loading a file records
 * nothing. Undoing a step that changed cells reports the change (onChanged, by the user) as Excel does.
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
  /**
   * The cell's protection: false for a cell unlocked before its sheet was protected (input cells of
   * a protected form). Cells are locked unless said otherwise, as in Excel.
   */
  locked?: boolean;
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

/** What an undo step keeps of a sheet: its cells (of an area, or all), merges, conditional formats, sizes, name. */
export type SheetPart = 'cells' | 'merges' | 'formats' | 'layout' | 'name';

interface PartCopy {
  part: SheetPart;
  some?: Map<string, SimCell | undefined>;
  all?: Map<number, Map<number, SimCell>>;
  merges?: MergeArea[];
  formats?: SimConditionalFormat[];
  widths?: Map<number, number>;
  heights?: Map<number, number>;
  name?: string;
}

/** An area of more cells than this is copied whole (a sheet's cells) rather than cell by cell. */
const AREA_COPY_LIMIT = 100_000;
/** Excel keeps the last 100 actions. */
const UNDO_LIMIT = 100;

function copyCell(cell: SimCell | undefined): SimCell | undefined {
  return cell ? { ...cell, format: { ...cell.format } } : undefined;
}

function sameCell(a: SimCell | undefined, b: SimCell | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.value === b.value &&
    a.formula === b.formula &&
    a.numberFormat === b.numberFormat &&
    JSON.stringify(a.format) === JSON.stringify(b.format)
  );
}

/** One undo step: the parts of each sheet as they were before it, and the sheets it added. */
interface UndoStep {
  sheets: Map<SimWorksheet, PartCopy[]>;
  added: SimWorksheet[];
  /** Sheets an undone step removed (a redo puts them back). */
  removed: { ws: SimWorksheet; index: number }[];
}

let nextId = 1;

export class SimWorksheet {
  readonly id: string;
  name: string;
  readonly cells = new Map<number, Map<number, SimCell>>();
  merges: MergeArea[] = [];
  conditionalFormats: SimConditionalFormat[] = [];
  protected = false;
  /** Hidden sheets (the file's sheet state) are listed by neither host's sheet list. */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
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

  /** Formulas set on this sheet (a count that only grows: whether recalculation is needed at all). */
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

  /** Whether a cell refuses changes: on a protected sheet, every cell not unlocked before protection. */
  isLocked(row: number, col: number): boolean {
    return this.protected && this.get(row, col)?.format.locked !== false;
  }

  /** Whether any cell of the area refuses changes (see isLocked). */
  anyLocked(area: MergeArea): boolean {
    if (!this.protected) return false;
    // Unlocked cells are few: count them instead of visiting an area that may be the whole sheet.
    let unlocked = 0;
    for (const [r, row] of this.cells) {
      if (r < area.top || r > area.bottom) continue;
      for (const [c, cell] of row)
        if (c >= area.left && c <= area.right && cell.format.locked === false) unlocked++;
    }
    return unlocked < (area.bottom - area.top + 1) * (area.right - area.left + 1);
  }

  /**
   * A copy of one part of the sheet, for the undo stack (cells: the area's cells, the named cells
   * ("row,col"), or all of them).
   */
  copyPart(part: SheetPart, area?: MergeArea, keys?: string[]): PartCopy {
    switch (part) {
      case 'cells': {
        if (keys) {
          const some = new Map<string, SimCell | undefined>();
          for (const k of keys) {
            const [r, c] = k.split(',').map(Number);
            some.set(k, copyCell(this.get(r, c)));
          }
          return { part, some };
        }
        if (area && (area.bottom - area.top + 1) * (area.right - area.left + 1) <= AREA_COPY_LIMIT) {
          const some = new Map<string, SimCell | undefined>();
          for (let r = area.top; r <= area.bottom; r++)
            for (let c = area.left; c <= area.right; c++) some.set(`${r},${c}`, copyCell(this.get(r, c)));
          return { part, some };
        }
        const all = new Map<number, Map<number, SimCell>>();
        for (const [r, row] of this.cells)
          all.set(r, new Map([...row].map(([c, cell]) => [c, copyCell(cell)!])));
        return { part, all };
      }
      case 'merges':
        return { part, merges: this.merges.map((m) => ({ ...m })) };
      case 'formats':
        return {
          part,
          formats: this.conditionalFormats.map((f) => ({ ...f, areas: f.areas.map((a) => ({ ...a })) })),
        };
      case 'layout':
        return { part, widths: new Map(this.columnWidths), heights: new Map(this.rowHeights) };
      case 'name':
        return { part, name: this.name };
    }
  }

  /** Puts a copied part back; returns the cells it changed (for the change event), if any. */
  restorePart(copy: PartCopy): MergeArea | null {
    let changed: MergeArea | null = null;
    const touch = (r: number, c: number) => {
      changed = changed
        ? {
            top: Math.min(changed.top, r),
            left: Math.min(changed.left, c),
            bottom: Math.max(changed.bottom, r),
            right: Math.max(changed.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    };
    if (copy.some) {
      for (const [key, cell] of copy.some) {
        const [r, c] = key.split(',').map(Number);
        const now = this.get(r, c);
        if (sameCell(now, cell)) continue;
        touch(r, c);
        let row = this.cells.get(r);
        if (!cell) row?.delete(c);
        else {
          if (!row) this.cells.set(r, (row = new Map()));
          row.set(c, copyCell(cell)!);
          if (cell.formula) this.formulaCount++;
        }
      }
    }
    if (copy.all) {
      for (const [r, row] of this.cells) for (const c of row.keys()) touch(r, c);
      this.cells.clear();
      for (const [r, row] of copy.all) {
        this.cells.set(r, new Map([...row].map(([c, cell]) => [c, copyCell(cell)!])));
        for (const [c, cell] of row) {
          touch(r, c);
          if (cell.formula) this.formulaCount++;
        }
      }
    }
    if (copy.merges) this.merges = copy.merges.map((m) => ({ ...m }));
    if (copy.formats)
      this.conditionalFormats = copy.formats.map((f) => ({ ...f, areas: f.areas.map((a) => ({ ...a })) }));
    if (copy.widths) {
      this.columnWidths.clear();
      for (const [k, v] of copy.widths) this.columnWidths.set(k, v);
    }
    if (copy.heights) {
      this.rowHeights.clear();
      for (const [k, v] of copy.heights) this.rowHeights.set(k, v);
    }
    if (copy.name !== undefined) this.name = copy.name;
    if ((copy.some || copy.all) && this.formulaCount > 0) this.recalc();
    return changed;
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

  /**
   * A person showing a hidden sheet (the playground's tab of a hidden sheet stands for Excel's
   * 取消隐藏): it becomes visible and active. Excel fires no change event for it (no cell changes).
   */
  unhide(nameOrId: string): void {
    const ws = this.sheet(nameOrId);
    if (!ws) return;
    ws.visibility = 'Visible';
    this.notifyView();
    this.activate(ws.id);
  }

  /** A person typing into a cell (the playground's grid): one undo step; fires onChanged as Excel would. */
  edit(sheetNameOrId: string, row: number, col: number, value: SimValue): void {
    const ws = this.sheet(sheetNameOrId);
    if (!ws) throw new Error(`no sheet ${sheetNameOrId}`);
    this.batch(() => {
      this.record(ws, 'cells', { top: row, left: col, bottom: row, right: col });
      typeInto(ws, row, col, value);
    });
    this.notifyView();
    this.fireChanged({ sheetId: ws.id, address: a1(row, col), triggerSource: 'Unknown' });
  }

  /**
   * A paste in the playground's grid: rows of typed texts from (top, left), one undo step, one
   * change event over the pasted cells.
   */
  editArea(sheetNameOrId: string, top: number, left: number, rows: SimValue[][]): void {
    const ws = this.sheet(sheetNameOrId);
    if (!ws) throw new Error(`no sheet ${sheetNameOrId}`);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const area = { top, left, bottom: top + Math.max(1, rows.length) - 1, right: left + width - 1 };
    this.batch(() => {
      this.record(ws, 'cells', area);
      const auto = ws.autoRecalc;
      ws.autoRecalc = false;
      try {
        rows.forEach((row, r) => row.forEach((v, c) => typeInto(ws, top + r, left + c, v)));
      } finally {
        ws.autoRecalc = auto;
      }
      ws.recalc();
    });
    this.notifyView();
    this.fireChanged({
      sheetId: ws.id,
      address: a1Range(area.top, area.left, area.bottom, area.right),
      triggerSource: 'Unknown',
    });
  }

  /** Delete in the playground's grid: the cells' contents cleared, their formats kept (one undo step). */
  clearArea(sheetNameOrId: string, area: MergeArea): void {
    const ws = this.sheet(sheetNameOrId);
    if (!ws) throw new Error(`no sheet ${sheetNameOrId}`);
    this.batch(() => {
      this.record(ws, 'cells', area);
      for (const [r, row] of ws.cells) {
        if (r < area.top || r > area.bottom) continue;
        for (const [c, cell] of row)
          if (c >= area.left && c <= area.right && (cell.value !== '' || cell.formula)) ws.set(r, c, '');
      }
    });
    this.notifyView();
    this.fireChanged({
      sheetId: ws.id,
      address: a1Range(area.top, area.left, area.bottom, area.right),
      triggerSource: 'Unknown',
    });
  }

  // ---- undo ------------------------------------------------------------------------------------

  private step: UndoStep | null = null;
  private batchDepth = 0;
  private readonly undoStack: UndoStep[] = [];
  private readonly redoStack: UndoStep[] = [];

  /** Runs changes as one undo step: one host batch (a context.sync, a grid edit). */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      if (--this.batchDepth === 0) this.closeStep();
    }
  }

  private openStep(): UndoStep {
    if (this.step) return this.step;
    this.step = { sheets: new Map(), added: [], removed: [] };
    // Outside a batch (the WPS object model's synchronous calls), the step ends when the script yields.
    if (this.batchDepth === 0) queueMicrotask(() => this.closeStep());
    return this.step;
  }

  private closeStep(): void {
    const step = this.step;
    if (!step || this.batchDepth > 0) return;
    this.step = null;
    if (step.sheets.size === 0 && step.added.length === 0) return;
    this.undoStack.push(step);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
    this.notifyView();
  }

  /**
   * A change is about to be made to a part of a sheet (by the simulated API or the grid): the part is
   * kept, as it is now, in the current undo step — once per step, so the step restores what was
   * there before its first change.
   */
  record(ws: SimWorksheet, part: SheetPart, area?: MergeArea): void {
    const step = this.openStep();
    if (step.added.includes(ws)) return;
    let parts = step.sheets.get(ws);
    if (!parts) step.sheets.set(ws, (parts = []));
    const kept = parts.find((p) => p.part === part);
    if (!kept) {
      parts.push(ws.copyPart(part, area));
      return;
    }
    if (part !== 'cells' || kept.all) return;
    const more = ws.copyPart('cells', area);
    if (more.some) {
      // Cells of this area not kept yet have not been changed in this step: keep them as they are.
      for (const [k, v] of more.some) if (!kept.some!.has(k)) kept.some!.set(k, v);
      return;
    }
    // The whole sheet from now on: what is kept already is older, and wins.
    for (const [k, v] of kept.some!) {
      const [r, c] = k.split(',').map(Number);
      let row = more.all!.get(r);
      if (!v) row?.delete(c);
      else {
        if (!row) more.all!.set(r, (row = new Map()));
        row.set(c, v);
      }
    }
    kept.some = undefined;
    kept.all = more.all;
  }

  /** A sheet was added in the current step (undoing the step removes it). */
  recordAdded(ws: SimWorksheet): void {
    this.openStep().added.push(ws);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Ctrl+Z: undoes the last step; false when there is none. */
  undo(): boolean {
    return this.travel(this.undoStack, this.redoStack, true);
  }

  /** Ctrl+Y: redoes the last undone step. */
  redo(): boolean {
    return this.travel(this.redoStack, this.undoStack, false);
  }

  private travel(from: UndoStep[], to: UndoStep[], undoing: boolean): boolean {
    if (this.step) {
      // A step still open (WPS calls in this same script run) ends here.
      const open = this.step;
      this.step = null;
      if (open.sheets.size || open.added.length) this.undoStack.push(open);
    }
    const step = from.pop();
    if (!step) return false;
    const inverse: UndoStep = { sheets: new Map(), added: [], removed: [] };
    const events: ChangeEvent[] = [];
    for (const [ws, parts] of step.sheets) {
      if (!this.sheets.includes(ws)) continue;
      const now = parts.map((p) =>
        p.some ? ws.copyPart('cells', undefined, [...p.some.keys()]) : ws.copyPart(p.part),
      );
      inverse.sheets.set(ws, now);
      const structural = parts.some((p) => p.part === 'merges') && parts.some((p) => p.all);
      for (const p of parts) {
        const changed = ws.restorePart(p);
        if (changed)
          events.push({
            sheetId: ws.id,
            address: a1Range(changed.top, changed.left, changed.bottom, changed.right),
            triggerSource: 'Unknown',
            changeType: structural ? (undoing ? 'CellDeleted' : 'CellInserted') : 'RangeEdited',
          });
      }
    }
    for (const ws of step.added) {
      const index = this.sheets.indexOf(ws);
      if (index < 0) continue;
      this.sheets.splice(index, 1);
      inverse.removed.push({ ws, index });
      if (this.selected?.sheetId === ws.id) this.selected = null;
      if (this.activeSheetId === ws.id) {
        const next = this.sheets[Math.max(0, index - 1)];
        this.activeSheetId = null;
        if (next) this.activate(next.id);
      }
    }
    for (const { ws, index } of [...step.removed].reverse()) {
      this.sheets.splice(Math.min(index, this.sheets.length), 0, ws);
      inverse.added.push(ws);
    }
    to.push(inverse);
    this.notifyView();
    for (const e of events) this.fireChanged(e);
    return true;
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

/** Typed as in Excel: "=…" is a formula (computed at once), "'…" forces text, digits are a number. */
function typeInto(ws: SimWorksheet, row: number, col: number, value: SimValue): void {
  if (typeof value === 'string' && value.startsWith('=') && value.length > 1) ws.setFormula(row, col, value);
  else ws.set(row, col, typeof value === 'string' ? parseTyped(value) : value);
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
