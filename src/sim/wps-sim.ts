/**
 * A simulated WPS 表格 host: the part of WPS's JavaScript object model (ET JSAPI) that the WPS
 * adapter (src/wps) uses, over the same workbook model as the simulated Office host (workbook.ts),
 * so that the real adapter and the real pane run on it unchanged — in jest and in the playground.
 *
 * It keeps the object model's own shapes: synchronous calls, 1-based rows and columns, `Address()` a
 * method ("$A$1:$B$2"), `Value2` a value for one cell and a 2-D array for several, `MergeCells`
 * true / false / null, `MergeArea` a range, colours as BGR numbers, `ApiEvent` listeners called
 * with (sheet, range). Sources for each member, as for the adapter's interface (src/wps/et.ts):
 * Kingsoft's typings `et-jsapi-declare` 2.5.0 (lib.et.d.ts: Application, Workbook, Sheets,
 * Worksheet, Range, FormatConditions, FormatCondition; lib.kso.d.ts: DocumentProperties,
 * DocumentProperty; addon.et.d.ts: EtApiEvent; index.d.ts: AddonRoot.CreateTaskPane, GetTaskPane,
 * PluginStorage, CustomTaskpane) and the official add-in template (`wpsjs` 2.2.3,
 * packages/@wps-jsapi/et_react/src/components/ribbon.js: CreateTaskPane(url) → .ID, .Visible;
 * PluginStorage.setItem/getItem; ApiEvent.AddApiEventListener(name, callback)).
 *
 * Where the documentation is silent the simulator follows VBA, and the README lists it as
 * unconfirmed: an empty cell's Value2 (undefined here), a multi-cell NumberFormat or MergeCells
 * over differing cells (null), an error value (its text, "#N/A"), SheetChange firing for the
 * add-in's own writes too (it does here, so the adapter must tell them apart), and calls failing
 * while a cell is being edited.
 *
 * Also modelled on VBA and Excel, unconfirmed for WPS: a protected sheet refuses values into locked
 * cells and every other change (formats, merges, insertions, format conditions), and accepts values
 * into cells unlocked before protection; the object-model calls of one run of script (they are
 * synchronous) are one undo step (workbook.ts).
 */
import { type MergeArea, a1Range, parseA1Range } from '../core/grid';
import type { SimCellFormat, SimValue, SimWorkbook, SimWorksheet } from './workbook';

/** A WPS exception: the object model throws plain errors with a message. */
export class WpsSimError extends Error {}

const PROTECTED = '工作表受保护，无法修改 (the sheet is protected)';

let nextTaskPane = 1;
let nextFormat = 1;

function hexOf(bgr: unknown): string | null {
  if (typeof bgr !== 'number') return null;
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

function bgrOf(hex: string | null | undefined): number | null {
  if (!hex) return null;
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

function intersects(a: MergeArea, b: MergeArea): boolean {
  return !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right);
}

/** "A1", "$A$1:$B$2", "A1,B3:C4" → areas (a multi-area address is a union of areas, as in VBA). */
function areasOf(address: string): MergeArea[] {
  return address
    .split(',')
    .map((p) => parseA1Range(p.trim().replace(/\$/g, '')))
    .filter((a): a is MergeArea => !!a);
}

function dollar(a: MergeArea, absolute: boolean): string {
  const plain = a1Range(a.top, a.left, a.bottom, a.right);
  if (!absolute) return plain;
  return plain.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** A value typed through the object model: numbers stay numbers, text stays text ('' clears). */
function stored(v: unknown): SimValue {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  // A leading apostrophe marks text, as when typed: it is not part of the value.
  const text = String(v);
  return text.startsWith("'") ? text.slice(1) : text;
}

export class SimEtApplication {
  private readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  private readonly storage = new Map<string, unknown>();
  private readonly panes = new Map<number, { ID: number; Visible: boolean; url: string }>();
  private readonly unsubscribe: (() => void)[] = [];

  /** Application.EnableEvents: while false, the object model's own writes raise no SheetChange. */
  EnableEvents = true;

  constructor(readonly host: SimWorkbook) {
    // The workbook model's notifications, as ApiEvent events (addon.et.d.ts).
    this.unsubscribe.push(
      host.onChanged((e) => {
        const ws = host.sheet(e.sheetId);
        if (!ws) return;
        const area = parseA1Range(e.address);
        if (!area) return;
        this.fire('SheetChange', new SimEtWorksheet(this, ws), new SimEtRange(this, ws, [area]));
      }),
      host.onActivated((sheetId) => {
        const ws = host.sheet(sheetId);
        if (ws) this.fire('SheetActivate', new SimEtWorksheet(this, ws));
      }),
      host.onSelectionChanged(() => {
        const sel = host.selection;
        const ws = sel && host.sheet(sel.sheetId);
        if (sel && ws)
          this.fire(
            'SheetSelectionChange',
            new SimEtWorksheet(this, ws),
            new SimEtRange(this, ws, [sel.area]),
          );
      }),
    );
  }

  fire(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args);
  }

  /** Every call fails while a cell is being edited (unconfirmed in WPS; Excel's behaviour). */
  guard(): void {
    if (this.host.editMode) throw new WpsSimError('单元格处于编辑模式，无法执行此操作 (cell edit mode)');
  }

  get ActiveSheet(): SimEtWorksheet {
    this.guard();
    return new SimEtWorksheet(this, this.host.activeSheet);
  }

  get ActiveWorkbook(): SimEtWorkbook {
    this.guard();
    return new SimEtWorkbook(this);
  }

  /** The selected cells (a Range); A1 of the active sheet when nothing was selected yet. */
  get Selection(): SimEtRange {
    this.guard();
    const sel = this.host.selection;
    const ws = (sel && this.host.sheet(sel.sheetId)) || this.host.activeSheet;
    return new SimEtRange(this, ws, [sel?.area ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
  }

  readonly ApiEvent = {
    AddApiEventListener: (name: string, callback: (...args: unknown[]) => void) => {
      let set = this.listeners.get(name);
      if (!set) this.listeners.set(name, (set = new Set()));
      set.add(callback);
    },
    RemoveApiEventListener: (name: string, callback?: (...args: unknown[]) => void) => {
      if (callback) this.listeners.get(name)?.delete(callback);
      else this.listeners.delete(name);
    },
  };

  /** Listeners currently registered, for the tests (a stopped watch leaves none). */
  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }

  readonly PluginStorage = {
    getItem: (key: string) => this.storage.get(key) ?? null,
    setItem: (key: string, value: unknown) => void this.storage.set(key, value),
  };

  CreateTaskPane(url: string): { ID: number; Visible: boolean; url: string } {
    const pane = { ID: nextTaskPane++, Visible: false, url };
    this.panes.set(pane.ID, pane);
    return pane;
  }

  GetTaskPane(id: number): { ID: number; Visible: boolean; url: string } {
    const pane = this.panes.get(id);
    if (!pane) throw new WpsSimError(`没有任务窗格 ${id}`);
    return pane;
  }

  /** Stops relaying the workbook's notifications (a playground switching hosts). */
  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.listeners.clear();
  }
}

class SimEtWorkbook {
  constructor(private readonly app: SimEtApplication) {}

  get Worksheets(): SimEtSheets {
    return new SimEtSheets(this.app);
  }

  /** Custom document properties, kept on the workbook model (saved with the file, as in WPS). */
  get CustomDocumentProperties() {
    const host = this.app.host;
    const props = () => (host.documentProperties ??= []);
    const item = (p: { name: string; value: string }) => ({
      get Name() {
        return p.name;
      },
      get Value() {
        return p.value;
      },
      set Value(v: unknown) {
        p.value = String(v);
      },
      Delete: () => {
        host.documentProperties = props().filter((x) => x !== p);
      },
    });
    return {
      get Count() {
        return props().length;
      },
      Item: (index: number | string) => {
        const p = typeof index === 'number' ? props()[index - 1] : props().find((x) => x.name === index);
        if (!p) throw new WpsSimError(`没有文档属性 ${index}`);
        return item(p);
      },
      Add: (name: string, _link: boolean, _type?: number, value?: string) => {
        if (host.failSettingsSave) throw new WpsSimError('无法保存文档属性 (read-only document)');
        if (props().some((x) => x.name === name)) throw new WpsSimError(`文档属性 ${name} 已存在`);
        const p = { name, value: String(value ?? '') };
        props().push(p);
        return item(p);
      },
    };
  }
}

class SimEtSheets {
  constructor(private readonly app: SimEtApplication) {}

  get Count(): number {
    return this.app.host.sheets.length;
  }

  Item(index: number | string): SimEtWorksheet {
    this.app.guard();
    const host = this.app.host;
    const ws =
      typeof index === 'number'
        ? host.sheets[index - 1]
        : host.sheets.find((s) => s.name.toLowerCase() === index.toLowerCase());
    if (!ws) throw new WpsSimError(`下标越界 (no sheet ${index})`);
    return new SimEtWorksheet(this.app, ws);
  }

  /** Add(Before?, After?): a new sheet, named SheetN until renamed, and active. */
  Add(_before?: SimEtWorksheet, _after?: SimEtWorksheet): SimEtWorksheet {
    this.app.guard();
    const host = this.app.host;
    let n = host.sheets.length + 1;
    while (host.sheet(`Sheet${n}`)) n++;
    const ws = host.addSheet(`Sheet${n}`);
    host.recordAdded(ws);
    host.activate(ws.id);
    return new SimEtWorksheet(this.app, ws);
  }
}

export class SimEtWorksheet {
  constructor(
    private readonly app: SimEtApplication,
    readonly ws: SimWorksheet,
  ) {}

  get Name(): string {
    return this.ws.name;
  }

  set Name(name: string) {
    if (this.app.host.sheets.some((s) => s !== this.ws && s.name.toLowerCase() === name.toLowerCase()))
      throw new WpsSimError(`工作表名称 ${name} 已被占用`);
    this.app.host.record(this.ws, 'name');
    this.ws.name = name;
    this.app.host.notifyView();
  }

  get Index(): number {
    return this.app.host.sheets.indexOf(this.ws) + 1;
  }

  get ProtectContents(): boolean {
    return this.ws.protected;
  }

  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  get Visible(): number {
    return { Visible: -1, Hidden: 0, VeryHidden: 2 }[this.ws.visibility];
  }

  /** The used range; an empty sheet's is A1, as in VBA. */
  get UsedRange(): SimEtRange {
    this.app.guard();
    const used = this.ws.usedArea(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new SimEtRange(this.app, this.ws, [used]);
  }

  Range(address: string): SimEtRange {
    this.app.guard();
    const areas = areasOf(address);
    if (areas.length === 0) throw new WpsSimError(`无效的地址 ${address}`);
    return new SimEtRange(this.app, this.ws, areas);
  }

  Activate(): void {
    this.app.guard();
    this.app.host.activate(this.ws.id);
  }
}

export class SimEtRange {
  constructor(
    private readonly app: SimEtApplication,
    private readonly ws: SimWorksheet,
    private readonly areas: MergeArea[],
  ) {}

  private get first(): MergeArea {
    return this.areas[0];
  }

  private cells(): [number, number][] {
    const out: [number, number][] = [];
    for (const a of this.areas)
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push([r, c]);
    return out;
  }

  /** Refused on a protected sheet (values: only into locked cells); kept in the undo step first. */
  private writable(change: 'values' | 'format' | 'structure' | 'merges' | 'layout'): void {
    this.app.guard();
    const ws = this.ws;
    if (ws.protected && (change !== 'values' || this.areas.some((a) => ws.anyLocked(a))))
      throw new WpsSimError(PROTECTED);
    const host = this.app.host;
    if (change === 'values' || change === 'format') for (const a of this.areas) host.record(ws, 'cells', a);
    else if (change === 'merges') host.record(ws, 'merges');
    else if (change === 'layout') host.record(ws, 'layout');
    else {
      host.record(ws, 'cells');
      host.record(ws, 'merges');
    }
  }

  /**
   * A write through the object model raises SheetChange during the call, as a VBA macro's write
   * raises Worksheet_Change — unless EnableEvents is off.
   */
  private changed(): void {
    this.app.host.notifyView();
    if (!this.app.EnableEvents) return;
    for (const a of this.areas)
      this.app.fire(
        'SheetChange',
        new SimEtWorksheet(this.app, this.ws),
        new SimEtRange(this.app, this.ws, [a]),
      );
  }

  private matrix<T>(each: (row: number, col: number) => T): T | T[][] {
    const a = this.first;
    if (a.top === a.bottom && a.left === a.right) return each(a.top, a.left);
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(each(r, c));
      out.push(row);
    }
    this.app.host.cellsRead += out.length * (out[0]?.length ?? 0);
    return out;
  }

  get Value2(): unknown {
    this.app.guard();
    return this.matrix((r, c) => {
      const v = this.ws.value(r, c);
      return v === '' ? undefined : v;
    });
  }

  set Value2(v: unknown) {
    this.writable('values');
    const a = this.first;
    for (const [r, c] of this.cells()) {
      const x = Array.isArray(v) ? (v[r - a.top] as unknown[] | undefined)?.[c - a.left] : v;
      this.ws.set(r, c, stored(x));
    }
    this.changed();
  }

  /** A formula cell reads as its formula, others as their value ("" when empty). */
  get Formula(): unknown {
    this.app.guard();
    return this.matrix((r, c) => this.ws.get(r, c)?.formula ?? this.ws.value(r, c));
  }

  set Formula(v: unknown) {
    this.writable('values');
    const a = this.first;
    for (const [r, c] of this.cells()) {
      const f = Array.isArray(v) ? (v[r - a.top] as unknown[] | undefined)?.[c - a.left] : v;
      if (typeof f === 'string' && f.startsWith('=')) this.ws.setFormula(r, c, f);
      else this.ws.set(r, c, stored(f));
    }
    this.changed();
  }

  /** One format when every cell shares it, else null (VBA's answer). */
  get NumberFormat(): unknown {
    this.app.guard();
    const formats = new Set(this.cells().map(([r, c]) => this.ws.get(r, c)?.numberFormat ?? 'General'));
    return formats.size === 1 ? [...formats][0] : null;
  }

  set NumberFormat(f: unknown) {
    this.writable('format');
    for (const [r, c] of this.cells()) this.ws.setNumberFormat(r, c, String(f));
    this.app.host.notifyView();
  }

  get Row(): number {
    return this.first.top + 1;
  }

  get Column(): number {
    return this.first.left + 1;
  }

  get Rows(): { Count: number } {
    return { Count: this.first.bottom - this.first.top + 1 };
  }

  get Columns(): { Count: number } {
    return { Count: this.first.right - this.first.left + 1 };
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    return this.areas.map((a) => dollar(a, rowAbsolute && columnAbsolute)).join(',');
  }

  get Worksheet(): SimEtWorksheet {
    return new SimEtWorksheet(this.app, this.ws);
  }

  /** true when every cell is in a merged area, false when none is, null otherwise. */
  get MergeCells(): unknown {
    this.app.guard();
    const cells = this.cells();
    const inMerge = cells.filter(([r, c]) =>
      this.ws.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right),
    ).length;
    return inMerge === 0 ? false : inMerge === cells.length ? true : null;
  }

  get MergeArea(): SimEtRange {
    const { top, left } = this.first;
    const m = this.ws.merges.find(
      (x) => top >= x.top && top <= x.bottom && left >= x.left && left <= x.right,
    );
    return new SimEtRange(this.app, this.ws, [m ?? { top, left, bottom: top, right: left }]);
  }

  Merge(across = false): void {
    this.writable('merges');
    for (const a of this.areas) {
      const parts = across
        ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({
            ...a,
            top: a.top + i,
            bottom: a.top + i,
          }))
        : [a];
      for (const m of parts) {
        // VBA merges over existing merged areas by absorbing them.
        this.ws.merges = this.ws.merges.filter((x) => !intersects(x, m));
        if (m.bottom > m.top || m.right > m.left) this.ws.merges.push(m);
      }
    }
    this.app.host.notifyView();
  }

  UnMerge(): void {
    this.writable('merges');
    this.ws.merges = this.ws.merges.filter((m) => !this.areas.some((a) => intersects(m, a)));
    this.app.host.notifyView();
  }

  Select(): boolean {
    this.app.guard();
    this.app.host.activate(this.ws.id);
    this.app.host.selection = { sheetId: this.ws.id, area: { ...this.first } };
    return true;
  }

  /** Insert(xlShiftDown): cells below move down, merges and formulas follow. */
  Insert(shift?: number): boolean {
    this.writable('structure');
    if (shift !== undefined && shift !== -4121)
      throw new WpsSimError(`The simulated host only shifts down, not ${shift}`);
    const a = this.first;
    this.ws.insertRows(a.top, a.bottom - a.top + 1, a.left, a.right);
    this.changed();
    return true;
  }

  private format(patch: Partial<SimCellFormat>): void {
    this.writable('format');
    for (const [r, c] of this.cells()) this.ws.setFormat(r, c, patch);
    this.app.host.notifyView();
  }

  set ColumnWidth(w: unknown) {
    this.writable('layout');
    for (let c = this.first.left; c <= this.first.right; c++) this.ws.columnWidths.set(c, Number(w) * 5.6);
  }

  get ColumnWidth(): unknown {
    return (this.ws.columnWidths.get(this.first.left) ?? 48) / 5.6;
  }

  set RowHeight(h: unknown) {
    this.writable('layout');
    for (let r = this.first.top; r <= this.first.bottom; r++) this.ws.rowHeights.set(r, Number(h));
  }

  get RowHeight(): unknown {
    return this.ws.rowHeights.get(this.first.top) ?? 15;
  }

  /** The first cell's own format (what a VBA read of a multi-cell range's format answers for it). */
  private own(): SimCellFormat | undefined {
    return this.ws.get(this.first.top, this.first.left)?.format;
  }

  get Interior(): { Color: unknown } {
    return accessors({
      Color: { get: () => bgrOf(this.own()?.fill), set: (v) => this.format({ fill: hexOf(v) }) },
    });
  }

  get Font(): { Bold: unknown; Color: unknown; Size: unknown } {
    return accessors({
      Bold: { get: () => this.own()?.bold ?? false, set: (v) => this.format({ bold: v === true }) },
      Color: { get: () => bgrOf(this.own()?.fontColor), set: (v) => this.format({ fontColor: hexOf(v) }) },
      Size: { get: () => this.own()?.fontSize ?? 11, set: (v) => this.format({ fontSize: Number(v) }) },
    });
  }

  set HorizontalAlignment(v: unknown) {
    this.format({ align: v === -4131 ? 'Left' : v === -4152 ? 'Right' : 'Center' });
  }

  get HorizontalAlignment(): unknown {
    return this.ws.get(this.first.top, this.first.left)?.format.align;
  }

  set VerticalAlignment(v: unknown) {
    this.format({ valign: v === -4160 ? 'Top' : v === -4107 ? 'Bottom' : 'Center' });
  }

  get VerticalAlignment(): unknown {
    return this.ws.get(this.first.top, this.first.left)?.format.valign;
  }

  set WrapText(v: unknown) {
    this.format({ wrap: v === true });
  }

  get WrapText(): unknown {
    return this.ws.get(this.first.top, this.first.left)?.format.wrap ?? false;
  }

  get Borders(): { Item(index: number): { LineStyle: unknown } } {
    return {
      Item: () =>
        accessors({
          LineStyle: {
            get: () => (this.own()?.border ? 1 : -4142),
            set: (v) => this.format({ border: v === 1 }),
          },
        }),
    };
  }

  get Validation(): { Add(type: number, alert?: number, op?: number, formula1?: string): unknown } {
    return {
      Add: (type, _alert, _op, formula1) => {
        if (type !== 3)
          throw new WpsSimError(`The simulated host implements list validation only, not ${type}`);
        this.format({ list: String(formula1 ?? '').split(',') });
        return true;
      },
    };
  }

  /** The conditional formats whose areas touch this range; Add puts one on this range. */
  get FormatConditions() {
    this.app.guard();
    const ws = this.ws;
    const host = this.app.host;
    const notify = () => host.notifyView();
    /** The format as it is in the sheet now (after an undo, the sheet holds a copy of it). */
    const live = (f: (typeof ws.conditionalFormats)[number]) => {
      if (ws.protected) throw new WpsSimError(PROTECTED);
      host.record(ws, 'formats');
      return ws.conditionalFormats.find((x) => x.id === f.id) ?? f;
    };
    const touching = () =>
      ws.conditionalFormats.filter((f) => f.areas.some((a) => this.areas.some((b) => intersects(a, b))));
    const item = (f: (typeof ws.conditionalFormats)[number]) => ({
      get Formula1() {
        return f.formula;
      },
      Interior: {
        get Color() {
          return bgrOf(f.fill);
        },
        set Color(v: unknown) {
          live(f).fill = hexOf(v);
          notify();
        },
      },
      Font: {
        get Color() {
          return bgrOf(f.fontColor);
        },
        set Color(v: unknown) {
          live(f).fontColor = hexOf(v);
          notify();
        },
      },
      Delete: () => {
        live(f);
        ws.conditionalFormats = ws.conditionalFormats.filter((x) => x.id !== f.id);
        notify();
      },
    });
    return {
      get Count() {
        return touching().length;
      },
      Item: (index: number) => {
        const f = touching()[index - 1];
        if (!f) throw new WpsSimError(`下标越界 (no format condition ${index})`);
        return item(f);
      },
      Add: (type: number, _operator?: unknown, formula1?: string) => {
        if (ws.protected) throw new WpsSimError(PROTECTED);
        host.record(ws, 'formats');
        if (type !== 2)
          throw new WpsSimError(`The simulated host implements expression conditions only, not ${type}`);
        const f = {
          id: `{wps-cf-${nextFormat++}}`,
          type: 'Custom' as const,
          areas: this.areas.map((a) => ({ ...a })),
          formula: String(formula1 ?? ''),
          fill: null,
          fontColor: null,
        };
        ws.conditionalFormats.push(f);
        this.app.host.notifyView();
        return item(f);
      },
    };
  }
}

/** An object of properties with getters and setters, written with arrow functions (no `this` of its own). */
function accessors<T>(props: Record<string, { get: () => unknown; set?: (v: unknown) => void }>): T {
  const out = {};
  for (const [name, { get, set }] of Object.entries(props))
    Object.defineProperty(out, name, { get, set, enumerable: true });
  return out as T;
}

/** Installs the simulated WPS globals (`wps` and `Application`) for a workbook. */
export function installSimulatedWps(target: Record<string, unknown>, host: SimWorkbook): SimEtApplication {
  const app = new SimEtApplication(host);
  Object.assign(target, { wps: app, Application: app });
  return app;
}
