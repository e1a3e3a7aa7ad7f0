/**
 * The WPS 表格 host: the pane's SheetHost (host/types.ts) on WPS's JavaScript object model (et.ts).
 * The only place that calls WPS. The object model is synchronous and VBA-shaped: a sheet is read in
 * whole blocks (Value2 of a range is a 2-D array), never cell by cell; every property read, write or
 * method call is one round trip and is counted (`syncs`) for the measures.
 *
 * Differences from the Office host, each a choice made here:
 * - A sheet is known by its name (WPS has no stable sheet id in the typings).
 * - Number formats: NumberFormat of a block answers one format when all cells share it; when they do
 *   not (VBA answers null), each column is asked, then only the numeric cells of a mixed column.
 * - Merged areas: there is no call that lists them. MergeCells of a block answers false when none
 *   is merged; otherwise the block is halved until each part is unmerged or a single cell, whose
 *   MergeArea is read — a few calls per merged area, bounded by MERGE_PROBE_BUDGET. A check does
 *   not read them (recognition reads the forms the same without them); 添加指标行 and 插入模板 do.
 * - Marks are conditional formats whose formula carries HIGHLIGHT_TAG, as on Office, so either host
 *   finds and removes the other's.
 * - Settings live in a custom document property (saved with the file, as Office's add-in settings).
 */
import { type CellValue, type MergeArea, a1, a1Range, parseA1Range } from '../core/grid';
import type { GridPatch } from '../core/live';
import { cleanText } from '../core/text';
import { placedArea, placedCells, shift } from '../core/templates/render';
import type { CellStyle, Template } from '../core/templates/template';
import { HostFailure, type HostError } from '../host/errors';
import { type CellContent, contentOf, contentToWrite } from '../host/contents';
import { GridRows, blockersOf, chunkAddresses, patchOf } from '../host/read';
import {
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FORMULA,
  HIGHLIGHT_TAG,
  MAX_ROWS,
  WINDOW_COLS,
  WINDOW_ROWS,
  type Capabilities,
  type CellWrite,
  type GuardedEdit,
  type InsertResult,
  type InsertTarget,
  type MarkSeverity,
  type Progress,
  type RowPlan,
  type SelectionInfo,
  type SheetEvent,
  type SheetHost,
  type SheetInfo,
  type SheetSnapshot,
} from '../host/types';
import { type EtApplication, type EtRange, type EtSheets, type EtWorksheet, XL } from './et';

/** The custom document property holding the check settings (JSON). */
export const SETTINGS_PROPERTY = 'jixiao.config';
/** Calls the merge probe may spend on one read; past it, the read says merges are not fully known. */
export const MERGE_PROBE_BUDGET = 4000;
/** VBA limits a multi-area address to 255 characters. */
const MAX_ADDRESS = 250;

/** Everything WPS offers that the pane can use (the object model has it all, synchronously). */
export const WPS_CAPABILITIES: Capabilities = {
  selectionEvents: true,
  layout: true,
  protection: true,
  conditionalFormats: true,
  events: true,
  collectionEvents: true,
  dataValidation: true,
  mergedAreas: true,
};

/** WPS colours are BGR numbers, as in VBA: "#FFC7CE" → 0xCEC7FF. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** "$A$1:$B$2" (or "Sheet1!$A$1") → "A1:B2". */
function local(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

/** A WPS exception → the pane's kinds (the messages WPS gives are not documented: kept as detail). */
export function classifyWpsError(e: unknown): HostError {
  if (e instanceof HostFailure) return e.info;
  const message = e instanceof Error ? e.message : String(e);
  const kind = /protect|保护/i.test(message)
    ? 'protected'
    : /edit mode|编辑状态|编辑模式/i.test(message)
      ? 'editMode'
      : e instanceof ReferenceError || e instanceof TypeError
        ? 'api'
        : 'generic';
  return { kind, code: null, detail: message, transient: kind === 'editMode' };
}

/**
 * Wraps the Application so that every member read, write and call on it (and on every object it
 * returns) is counted. Arrays are data (Value2), not objects of the model: not wrapped.
 */
function counted<T extends object>(target: T, count: () => void): T {
  return new Proxy(target, {
    get(t, prop) {
      count();
      const v = Reflect.get(t, prop) as unknown;
      if (typeof v === 'function')
        return (...args: unknown[]) => wrap((v as (...a: unknown[]) => unknown).apply(t, args), count);
      return wrap(v, count);
    },
    set(t, prop, value) {
      count();
      return Reflect.set(t, prop, value);
    },
  });
}

function wrap(v: unknown, count: () => void): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? counted(v, count) : v;
}

/** Value2 of one cell is a value, of several a 2-D array: always a 2-D array here. */
function grid2(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return rows === 1 && cols === 1 ? [[v]] : Array.from({ length: rows }, () => new Array(cols).fill(v));
}

export class WpsSession implements SheetHost {
  readonly caps: Capabilities = WPS_CAPABILITIES;
  /** Object-model calls made by this session. */
  syncs = 0;
  private readonly app: EtApplication;
  private writing = 0;

  constructor(app: EtApplication) {
    this.app = counted(app, () => this.syncs++);
  }

  /** Runs object-model calls; a WPS exception becomes a HostFailure the pane can explain. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (e) {
      return Promise.reject(new HostFailure(classifyWpsError(e)));
    }
  }

  /**
   * Our own writes: their change events are not the user's edits (no re-check). Events are turned
   * off while we write (EnableEvents, as a VBA macro does); an event that comes all the same comes
   * during the synchronous call, while `writing` is set.
   */
  private write<T>(work: () => T): Promise<T> {
    this.writing++;
    let events: boolean | null = null;
    try {
      events = this.app.EnableEvents;
      this.app.EnableEvents = false;
      return this.run(work);
    } catch (e) {
      return Promise.reject(new HostFailure(classifyWpsError(e)));
    } finally {
      if (events !== null) this.app.EnableEvents = events;
      this.writing--;
    }
  }

  private isOwnEvent(): boolean {
    return this.writing > 0;
  }

  private sheet(name: string): EtWorksheet {
    return sheetItem(this.app.ActiveWorkbook.Worksheets, name);
  }

  // ---- settings ------------------------------------------------------------------------------

  get settingsAvailable(): boolean {
    return true;
  }

  private settingsProperty() {
    const props = this.app.ActiveWorkbook.CustomDocumentProperties;
    for (let i = 1, n = props.Count; i <= n; i++) {
      const p = props.Item(i);
      if (p.Name === SETTINGS_PROPERTY) return { props, property: p };
    }
    return { props, property: null };
  }

  readSettings(): unknown {
    try {
      const { property } = this.settingsProperty();
      if (!property) return null;
      return JSON.parse(String(property.Value)) as unknown;
    } catch {
      // Unreadable JSON is not settings; the caller then uses the defaults.
      return null;
    }
  }

  saveSettings(value: object | null): Promise<void> {
    return this.write(() => {
      const { props, property } = this.settingsProperty();
      if (value === null) {
        property?.Delete();
        return;
      }
      const json = JSON.stringify(value);
      if (property) property.Value = json;
      else props.Add(SETTINGS_PROPERTY, false, XL.propertyString, json);
    });
  }

  // ---- reading -------------------------------------------------------------------------------

  /** Values and the display text of cells whose number format changes what is seen, of one block. */
  private readBlock(ws: EtWorksheet, area: MergeArea, rows: GridRows): void {
    const nRows = area.bottom - area.top + 1;
    const nCols = area.right - area.left + 1;
    const range = ws.Range(a1Range(area.top, area.left, area.bottom, area.right));
    const values = grid2(range.Value2, nRows, nCols);
    rows.add(values, this.formatsOf(ws, range, area, values));
  }

  /** Number formats of a block: one call when uniform, else per column, else per numeric cell. */
  private formatsOf(ws: EtWorksheet, range: EtRange, area: MergeArea, values: unknown[][]): unknown[][] {
    const nRows = values.length;
    const nCols = area.right - area.left + 1;
    const whole = range.NumberFormat;
    const out: unknown[][] = Array.from({ length: nRows }, () => new Array(nCols).fill(undefined));
    if (typeof whole === 'string') {
      if (whole !== 'General' && whole !== 'G/通用格式' && whole !== '@')
        for (const row of out) row.fill(whole);
      return out;
    }
    for (let c = 0; c < nCols; c++) {
      // Only numbers are shown differently by a format (a percentage, a date): skip text columns.
      if (!values.some((r) => typeof r[c] === 'number')) continue;
      const col = area.left + c;
      const f = ws.Range(a1Range(area.top, col, area.bottom, col)).NumberFormat;
      if (typeof f === 'string') {
        for (const row of out) row[c] = f;
        continue;
      }
      for (let r = 0; r < nRows; r++)
        if (typeof values[r][c] === 'number') out[r][c] = ws.Range(a1(area.top + r, col)).NumberFormat;
    }
    return out;
  }

  /**
   * The merged areas touching a block: MergeCells false means none; otherwise halves until a part
   * is unmerged or one cell, whose MergeArea is read. Returns null when the budget ran out.
   */
  private mergesIn(
    ws: EtWorksheet,
    area: MergeArea,
    budget = { left: MERGE_PROBE_BUDGET },
  ): MergeArea[] | null {
    const found = new Map<string, MergeArea>();
    const covered = (r: number, c: number) =>
      [...found.values()].some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
    const visit = (a: MergeArea): boolean => {
      if (budget.left-- <= 0) return false;
      if (a.top === a.bottom && a.left === a.right) {
        if (covered(a.top, a.left)) return true;
        const cell = ws.Range(a1(a.top, a.left));
        if (cell.MergeCells !== true) return true;
        const m = parseA1Range(local(cell.MergeArea.Address()));
        if (m) found.set(`${m.top},${m.left}`, m);
        return true;
      }
      const merged = ws.Range(a1Range(a.top, a.left, a.bottom, a.right)).MergeCells;
      if (merged === false) return true;
      // Halve the longer side.
      if (a.bottom - a.top >= a.right - a.left) {
        const mid = (a.top + a.bottom) >> 1;
        return visit({ ...a, bottom: mid }) && visit({ ...a, top: mid + 1 });
      }
      const mid = (a.left + a.right) >> 1;
      return visit({ ...a, right: mid }) && visit({ ...a, left: mid + 1 });
    };
    return visit(area) ? [...found.values()] : null;
  }

  readActiveSheet(onProgress?: Progress): Promise<SheetSnapshot> {
    return this.readSheetOf(() => this.app.ActiveSheet, onProgress);
  }

  /** Another sheet by its name, read the same way (the pane's 其他工作表). */
  readSheet(sheetId: string, onProgress?: Progress): Promise<SheetSnapshot> {
    return this.readSheetOf(() => this.sheet(sheetId), onProgress);
  }

  /** The sheets in tab order: Count, then each sheet's Visible and Name (hidden ones are marked: they cannot be activated). */
  listSheets(): Promise<SheetInfo[]> {
    return this.run(() => {
      const sheets = this.app.ActiveWorkbook.Worksheets;
      const out: SheetInfo[] = [];
      for (let i = 1, n = sheets.Count; i <= n; i++) {
        const ws = sheetItem(sheets, i);
        // XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden (some hosts answer true/false).
        const visible = ws.Visible;
        const hidden = visible === XL.sheetHidden || visible === XL.sheetVeryHidden || visible === false;
        const name = ws.Name;
        out.push({ sheetId: name, sheetName: name, hidden });
      }
      return out;
    });
  }

  /** A sheet's used range in blocks of values and number formats, for the active sheet and the others alike. */
  private readSheetOf(sheetOf: () => EtWorksheet, onProgress?: Progress): Promise<SheetSnapshot> {
    return this.run(() => {
      const start = this.syncs;
      const ws = sheetOf();
      const name = ws.Name;
      const used = ws.UsedRange;
      const top = used.Row - 1;
      const left = used.Column - 1;
      const usedRows = used.Rows.Count;
      const usedCols = used.Columns.Count;
      const isProtected = ws.ProtectContents === true;
      // An empty sheet's used range is its first cell, empty.
      if (
        usedRows === 1 &&
        usedCols === 1 &&
        (used.Value2 === undefined || used.Value2 === null || used.Value2 === '')
      )
        return {
          grid: { sheet: name, origin: { row: 0, col: 0 }, values: [], merges: [] },
          sheetId: name,
          sheetName: name,
          address: null,
          protected: isProtected,
          rowsLeftOut: 0,
          colsLeftOut: 0,
          mergesKnown: true,
          syncs: this.syncs - start,
        };
      const totalRows = Math.min(usedRows, MAX_ROWS);
      const cols = Math.min(usedCols, WINDOW_COLS);
      const rows = new GridRows();
      while (rows.values.length < totalRows) {
        const n = Math.min(WINDOW_ROWS, totalRows - rows.values.length);
        const block = {
          top: top + rows.values.length,
          left,
          bottom: top + rows.values.length + n - 1,
          right: left + cols - 1,
        };
        this.readBlock(ws, block, rows);
        onProgress?.(rows.values.length, totalRows);
      }
      return {
        // No merged areas: the object model has no call that lists them, finding them costs calls per
        // merged area, and recognition reads the forms the same without them (test/wps.test.ts).
        grid: { sheet: name, origin: { row: top, col: left }, merges: [], ...rows.grid() },
        sheetId: name,
        sheetName: name,
        address: `${name}!${a1Range(top, left, top + usedRows - 1, left + usedCols - 1)}`,
        protected: isProtected,
        rowsLeftOut: usedRows - totalRows,
        colsLeftOut: usedCols - cols,
        mergesKnown: false,
        syncs: this.syncs - start,
      };
    });
  }

  readArea(sheetId: string, area: MergeArea): Promise<GridPatch> {
    return this.run(() => {
      const ws = this.sheet(sheetId);
      const rows = new GridRows();
      this.readBlock(ws, area, rows);
      // Merged areas unknown, as for a whole-sheet read.
      return patchOf(area, rows);
    });
  }

  mergedAreas(sheetId: string, address: string): Promise<MergeArea[]> {
    return this.run(() => {
      const area = parseA1Range(local(address));
      if (!area) return [];
      return this.mergesIn(this.sheet(sheetId), area) ?? [];
    });
  }

  // ---- selection -----------------------------------------------------------------------------

  select(sheetId: string, cell: string): Promise<void> {
    return this.run(() => {
      const ws = this.sheet(sheetId);
      ws.Activate();
      ws.Range(cell).Select();
    });
  }

  readSelection(): Promise<SelectionInfo> {
    return this.run(() => {
      const sel = this.app.Selection;
      const sheetId = sel.Worksheet.Name;
      const address = local(sel.Address());
      return { sheetId, row: sel.Row - 1, col: sel.Column - 1, address: `${sheetId}!${address}` };
    });
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Writes texts; resolves to what each cell held (its formula, or its value) for 撤销. */
  writeCells(sheetId: string, cells: CellWrite[], selectAfter?: string): Promise<CellContent[]> {
    if (cells.length === 0) return Promise.resolve([]);
    return this.write(() => {
      const ws = this.sheet(sheetId);
      const before = cells.map((c) => {
        const range = ws.Range(c.cell);
        const held = contentOf(range.Value2, range.Formula);
        if (c.restore) range.Formula = contentToWrite(c.restore);
        else range.Value2 = c.text;
        return held;
      });
      if (selectAfter) ws.Range(selectAfter).Select();
      return before;
    });
  }

  replaceIfUnchanged(
    sheetId: string,
    edits: GuardedEdit[],
  ): Promise<{ applied: string[]; skipped: string[] }> {
    if (edits.length === 0) return Promise.resolve({ applied: [], skipped: [] });
    return this.write(() => {
      const ws = this.sheet(sheetId);
      const applied: string[] = [];
      const skipped: string[] = [];
      for (const e of edits) {
        const range = ws.Range(e.cell);
        if (cleanText(String(range.Value2 ?? '')) === e.before) {
          range.Value2 = e.after;
          applied.push(e.cell);
        } else skipped.push(e.cell);
      }
      return { applied, skipped };
    });
  }

  insertTemplate(t: Template, target: InsertTarget): Promise<InsertResult> {
    const start = this.syncs;
    return this.write(() => {
      if ('newSheet' in target) {
        const sheets = this.app.ActiveWorkbook.Worksheets;
        const taken = new Set<string>();
        for (let i = 1, n = sheets.Count; i <= n; i++) taken.add(sheetItem(sheets, i).Name.toLowerCase());
        let name = target.newSheet;
        for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${target.newSheet} (${i})`;
        const ws = sheets.Add(undefined, sheetItem(sheets, sheets.Count));
        ws.Name = name;
        this.renderTemplate(ws, t, { top: 0, left: 0 }, true);
        ws.Activate();
        ws.Range('A1').Select();
        return { inserted: true, blockers: [], sheetId: name, sheetName: name, syncs: this.syncs - start };
      }
      const at = { top: target.top, left: target.left };
      const area = placedArea(t, at);
      const ws = this.sheet(target.sheetId);
      const range = ws.Range(a1Range(area.top, area.left, area.bottom, area.right));
      const nRows = area.bottom - area.top + 1;
      const nCols = area.right - area.left + 1;
      const values = grid2(range.Value2, nRows, nCols);
      const formulas = grid2(range.Formula, nRows, nCols);
      const merges = this.mergesIn(ws, area) ?? [area];
      const blockers = blockersOf(values, formulas, at, merges);
      if (blockers.length > 0)
        return { inserted: false, blockers, sheetId: ws.Name, sheetName: ws.Name, syncs: this.syncs - start };
      this.renderTemplate(ws, t, at, false);
      ws.Range(a1(area.top, area.left)).Select();
      return {
        inserted: true,
        blockers: [],
        sheetId: ws.Name,
        sheetName: ws.Name,
        syncs: this.syncs - start,
      };
    });
  }

  /** Writes a template: texts in one 2-D Value2, then formulas, formats, styles, merges, lists. */
  private renderTemplate(
    ws: EtWorksheet,
    t: Template,
    at: { top: number; left: number },
    newSheet: boolean,
  ): void {
    const area = placedArea(t, at);
    const texts: CellValue[][] = Array.from({ length: t.rows }, () => new Array(t.cols).fill(''));
    const cells = placedCells(t, at);
    for (const c of cells) if (!c.formula) texts[c.row - at.top][c.col - at.left] = c.text ?? '';
    ws.Range(a1Range(area.top, area.left, area.bottom, area.right)).Value2 = texts;
    for (const c of cells) {
      const range = ws.Range(a1(c.row, c.col));
      if (c.formula) range.Formula = c.formula;
      if (c.numberFormat) range.NumberFormat = c.numberFormat;
      styleRange(range, c.style);
    }
    for (const b of t.borders) {
      const m = shift(b, at);
      const r = ws.Range(a1Range(m.top, m.left, m.bottom, m.right));
      for (const edge of XL.edges) r.Borders.Item(edge).LineStyle = XL.continuous;
    }
    for (const m of t.merges) {
      const s = shift(m, at);
      ws.Range(a1Range(s.top, s.left, s.bottom, s.right)).Merge(false);
    }
    for (const v of t.validations) {
      const s = shift(v.area, at);
      ws.Range(a1Range(s.top, s.left, s.bottom, s.right)).Validation.Add(
        XL.validateList,
        1,
        1,
        v.list.join(','),
      );
    }
    if (newSheet) {
      t.columnWidths.forEach((w, i) => {
        // ColumnWidth is in characters of the standard font, as the template's widths are.
        ws.Range(a1(0, at.left + i)).ColumnWidth = Math.round(w);
      });
      t.rowHeights.forEach((h, i) => {
        ws.Range(a1(at.top + i, at.left)).RowHeight = h;
      });
    }
  }

  insertIndicatorRow(sheetId: string, plan: RowPlan, selectCol: number): Promise<void> {
    return this.write(() => {
      const ws = this.sheet(sheetId);
      const at = (m: MergeArea) => ws.Range(a1Range(m.top, m.left, m.bottom, m.right));
      at({ top: plan.row, left: plan.left, bottom: plan.row, right: plan.right }).Insert(XL.shiftDown);
      for (const e of plan.extend) {
        at(e.from).UnMerge();
        at(e.to).Merge(false);
      }
      for (const m of plan.create) at(m).Merge(false);
      ws.Range(a1(plan.row, selectCol)).Select();
    });
  }

  // ---- marks ---------------------------------------------------------------------------------

  /** The sheet our marks are on, for clearing them. */
  private marked: string | null = null;

  setHighlights(sheetId: string, cells: Record<MarkSeverity, string[]>): Promise<void> {
    return this.write(() => {
      const ws = this.sheet(sheetId);
      if (this.marked) this.removeMarks(this.sheet(this.marked));
      for (const severity of Object.keys(HIGHLIGHT_COLORS) as MarkSeverity[]) {
        for (const list of chunkAddresses(cells[severity], MAX_ADDRESS)) {
          const cf = ws.Range(list).FormatConditions.Add(XL.expression, undefined, HIGHLIGHT_FORMULA);
          cf.Interior.Color = bgr(HIGHLIGHT_COLORS[severity].fill);
          cf.Font.Color = bgr(HIGHLIGHT_COLORS[severity].font);
        }
      }
      this.marked = sheetId;
    });
  }

  clearHighlights(): Promise<void> {
    if (!this.marked) return Promise.resolve();
    const sheetId = this.marked;
    return this.write(() => {
      this.removeMarks(this.sheet(sheetId));
      this.marked = null;
    });
  }

  /** Deletes our conditional formats on a sheet (found by their tag), from the last down. */
  private removeMarks(ws: EtWorksheet): number {
    const all = ws.UsedRange.FormatConditions;
    let removed = 0;
    for (let i = all.Count; i >= 1; i--) {
      const cf = all.Item(i);
      if (String(cf.Formula1).includes(HIGHLIGHT_TAG)) {
        cf.Delete();
        removed++;
      }
    }
    return removed;
  }

  removeTaggedFormats(): Promise<number> {
    return this.write(() => {
      const sheets = this.app.ActiveWorkbook.Worksheets;
      let removed = 0;
      for (let i = 1, n = sheets.Count; i <= n; i++) removed += this.removeMarks(sheetItem(sheets, i));
      this.marked = null;
      return removed;
    });
  }

  // ---- events --------------------------------------------------------------------------------

  watch(onEvent: (e: SheetEvent) => void): Promise<() => Promise<void>> {
    return this.run(() => {
      const changed = (...args: unknown[]) => {
        if (this.isOwnEvent()) return;
        const [ws, range] = args as [EtWorksheet, EtRange];
        onEvent({ kind: 'changed', sheetId: ws.Name, address: local(range.Address()) });
      };
      const activated = (...args: unknown[]) => {
        const [ws] = args as [EtWorksheet];
        onEvent({ kind: 'activated', sheetId: ws.Name });
      };
      const events = this.app.ApiEvent;
      events.AddApiEventListener('SheetChange', changed);
      events.AddApiEventListener('SheetActivate', activated);
      return () =>
        this.run(() => {
          events.RemoveApiEventListener('SheetChange', changed);
          events.RemoveApiEventListener('SheetActivate', activated);
        });
    });
  }

  watchSelection(onSelection: () => void): Promise<() => Promise<void>> {
    return this.run(() => {
      const selected = () => onSelection();
      const events = this.app.ApiEvent;
      events.AddApiEventListener('SheetSelectionChange', selected);
      return () => this.run(() => events.RemoveApiEventListener('SheetSelectionChange', selected));
    });
  }
}

/** One sheet of a Sheets collection, by 1-based index or name (one index gives one Worksheet). */
function sheetItem(sheets: EtSheets, index: number | string): EtWorksheet {
  return sheets.Item(index) as EtWorksheet;
}

/** A template cell's style through the object model. */
function styleRange(range: EtRange, style: CellStyle | undefined): void {
  if (!style) return;
  if (style.bold) range.Font.Bold = true;
  if (style.fontSize) range.Font.Size = style.fontSize;
  if (style.align) range.HorizontalAlignment = XL.align[style.align];
  if (style.valign) range.VerticalAlignment = XL.align[style.valign];
  if (style.wrap) range.WrapText = true;
  if (style.fill) range.Interior.Color = bgr(style.fill);
}
