/**
 * A simulated Office.js host: exactly the subset of the Excel API that the adapter uses, with
 * Office.js semantics, so that the real adapter and the real pane run on it unchanged (in the
 * playground and in the tests; there is no Excel on Linux).
 *
 * Followed semantics:
 * - Proxy objects: methods queue operations; nothing happens until context.sync(), which runs the
 *   queue in order. Reading a property that was not loaded (and synced) throws PropertyNotLoaded.
 * - *OrNullObject methods give objects whose isNullObject is true after sync; a method called on a
 *   null object fails the sync with ItemNotFound (the stricter of the behaviours hosts show).
 * - A cell in edit mode fails every sync with InvalidOperationInCellEditMode before any operation
 *   runs; one sync reading more than 5 million cells fails with ResponsePayloadSizeLimitExceeded.
 * - A protected sheet (sheetProtection in the file) refuses writes with AccessDenied and Office's
 *   documented message for it, "You cannot perform the requested operation."
 *   (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 *   values into any locked cell, and every format, merge, insertion and conditional format. Values
 *   into cells unlocked before the sheet was protected go through, as in Excel.
 * - Undo: each sync that changes the workbook is one undo step (workbook.ts), as in Excel.
 * - Requirement sets: isSetSupported('ExcelApi', v) follows workbook.apiVersion, and APIs newer than
 *   it fail with ApiNotFound, so the adapter's degraded paths can be tested.
 * - Events: onChanged after edits (triggerSource 'ThisLocalAddin' for API writes from 1.14 on),
 *   onActivated on sheet activation; handlers are registered and removed at sync.
 * - Excel.run syncs what is still queued when the batch returns; every sync is counted.
 */
import { type MergeArea, a1Range, parseA1Range } from '../core/grid';
import { type SimMember, versionOf } from './api-sets';
import {
  type ChangeEvent,
  MAX_COLS,
  MAX_ROWS,
  type SimCellFormat,
  type SimConditionalFormat,
  type SimValue,
  type SimWorkbook,
  type SimWorksheet,
  areaAddress,
  quoteSheet,
} from './workbook';

export class SimError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

const PAYLOAD_CELLS = 5_000_000;

/** Office's message for AccessDenied (the protected-sheet refusal). */
const ACCESS_DENIED = 'You cannot perform the requested operation.';
const denied = () => new SimError('AccessDenied', ACCESS_DENIED);

/** A leading apostrophe marks text, as when typed into Excel: it is not part of the value. */
const unmarked = <T>(v: T): T | string => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

type Op = () => void;

class Context {
  readonly workbook: WorkbookProxy;
  queue: Op[] = [];
  loadedCells = 0;
  constructor(readonly host: SimWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Fails the sync, as Excel does, when the host's ExcelApi version lacks the member. */
  need(member: SimMember): void {
    const version = versionOf(member);
    if (!this.host.supports(version))
      throw new SimError('ApiNotFound', `${member} requires ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    this.host.syncCount++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (this.host.editMode)
      throw new SimError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    this.loadedCells = 0;
    try {
      // One sync is one undo step, whatever it changed.
      this.host.batch(() => {
        for (const op of ops) op();
      });
    } finally {
      this.host.notifyView();
    }
  }
}

abstract class ClientObject {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  isNullObject = false;
  constructor(readonly context: Context) {}

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new SimError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.data[prop] as T;
  }

  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === 'string'
        ? props.split(',')
        : Array.isArray(props)
          ? props
          : props
            ? Object.keys(props)
            : [];
    const names = list.map((p) => p.trim()).filter(Boolean);
    this.context.queue.push(() => {
      this.loadNow(names);
    });
    return this;
  }

  /** Runs at sync: fills `data` for the named properties (or marks a null object). */
  protected abstract loadNow(names: string[]): void;

  protected set(prop: string, value: unknown): void {
    this.data[prop] = value;
    this.loaded.add(prop);
  }
}

// ---------------------------------------------------------------------------------------------

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly onSelectionChanged: EventSource<{ type: string }>;
  constructor(readonly context: Context) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.onSelectionChanged = new EventSource(
      context,
      (h) => context.host.onSelectionChanged(() => h({ type: 'SelectionChanged' })),
      'Workbook.onSelectionChanged',
    );
  }

  /** The selected range (ExcelApi 1.1); A1 of the active sheet when nothing was selected yet. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const host = this.context.host;
      const sel = host.selection;
      const ws = sel ? host.sheet(sel.sheetId) : undefined;
      if (sel && ws) return { ws, area: sel.area };
      return { ws: host.activeSheet, area: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

class EventSource<A> {
  constructor(
    private readonly context: Context,
    private readonly subscribe: (handler: (args: A) => unknown) => () => void,
    private readonly member: SimMember,
  ) {}

  add(handler: (args: A) => unknown): EventHandlerResultProxy {
    const result = new EventHandlerResultProxy(this.context);
    this.context.queue.push(() => {
      this.context.need(this.member);
      result.unsubscribe = this.subscribe(handler);
    });
    return result;
  }
}

class EventHandlerResultProxy {
  unsubscribe: (() => void) | null = null;
  constructor(readonly context: Context) {}
  remove(): void {
    this.context.queue.push(() => {
      this.unsubscribe?.();
      this.unsubscribe = null;
    });
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private itemsList: WorksheetProxy[] = [];
  readonly onActivated: EventSource<{ worksheetId: string; type: string; source: string }>;
  readonly onChanged: EventSource<ChangedArgs>;

  constructor(context: Context) {
    super(context);
    const host = context.host;
    this.onActivated = new EventSource(
      context,
      (h) => host.onActivated((id) => h({ worksheetId: id, type: 'WorksheetActivated', source: 'Local' })),
      'WorksheetCollection.onActivated',
    );
    this.onChanged = new EventSource(
      context,
      (h) => host.onChanged((e) => h(changedArgs(host, e))),
      'WorksheetCollection.onChanged',
    );
  }

  get items(): WorksheetProxy[] {
    this.get('items');
    return this.itemsList;
  }

  protected loadNow(names: string[]): void {
    this.itemsList = this.context.host.sheets.map((s) => {
      const p = new WorksheetProxy(this.context, () => s);
      p.fill(names.map((n) => n.replace(/^items\//, '')));
      return p;
    });
    this.set('items', true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.host.activeSheet);
  }

  /** Adds a sheet at sync (ExcelApi 1.1); the proxy refers to it from then on. */
  add(name?: string): WorksheetProxy {
    let created: SimWorksheet | null = null;
    this.context.queue.push(() => {
      // Excel refuses a name that is taken (case-insensitively).
      if (
        name !== undefined &&
        this.context.host.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())
      ) {
        throw new SimError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      }
      created = this.context.host.addSheet(name ?? `Sheet${this.context.host.sheets.length + 1}`);
      this.context.host.recordAdded(created);
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw new SimError('ItemNotFound', 'The worksheet has not been added yet.');
      return created;
    });
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const ws = this.context.host.sheet(key);
      if (!ws) throw new SimError('ItemNotFound', `The requested resource doesn't exist: worksheet ${key}`);
      return ws;
    });
  }
}

interface ChangedArgs {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
  triggerSource?: string;
}

function changedArgs(host: SimWorkbook, e: ChangeEvent): ChangedArgs {
  const args: ChangedArgs = {
    worksheetId: e.sheetId,
    address: e.address,
    changeType: e.changeType ?? 'RangeEdited',
    source: 'Local',
    type: 'WorksheetChanged',
  };
  // triggerSource exists from ExcelApi 1.14; older hosts do not report it at all.
  if (host.supports(versionOf('WorksheetChangedEventArgs.triggerSource')))
    args.triggerSource = e.triggerSource;
  return args;
}

class WorksheetProxy extends ClientObject {
  readonly protection: ProtectionProxy;
  readonly onChanged: EventSource<ChangedArgs>;

  constructor(
    context: Context,
    readonly resolve: () => SimWorksheet,
  ) {
    super(context);
    this.protection = new ProtectionProxy(context, resolve);
    const host = context.host;
    this.onChanged = new EventSource(
      context,
      (h) => {
        const id = resolve().id;
        return host.onChanged((e) => {
          if (e.sheetId === id) h(changedArgs(host, e));
        });
      },
      'Worksheet.onChanged',
    );
  }

  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }

  fill(names: string[]): void {
    const ws = this.resolve();
    for (const n of names.length ? names : ['name', 'id', 'visibility']) {
      if (n === 'name') this.set('name', ws.name);
      else if (n === 'id') this.set('id', ws.id);
      else if (n === 'visibility') this.set('visibility', ws.visibility);
    }
  }

  protected loadNow(names: string[]): void {
    this.fill(names);
  }

  activate(): void {
    this.context.queue.push(() => this.context.host.activate(this.resolve().id));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const ws = this.resolve();
      if (address === undefined)
        return { ws, area: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const area = parseA1Range(address);
      if (!area) throw new SimError('InvalidArgument', `Invalid address: ${address}`);
      return { ws, area };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      this.context.need('Worksheet.getRangeByIndexes');
      if (rows < 1 || cols < 1)
        throw new SimError('InvalidArgument', 'rowCount and columnCount must be positive');
      return {
        ws: this.resolve(),
        area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 },
      };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context.need('Worksheet.getRanges');
      const ws = this.resolve();
      const areas = address.split(',').map((a) => parseA1Range(a.trim()));
      if (areas.some((a) => !a)) throw new SimError('InvalidArgument', `Invalid address list: ${address}`);
      return { ws, areas: areas as MergeArea[] };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (valuesOnly !== undefined) this.context.need('Worksheet.getUsedRange(valuesOnly)');
      const ws = this.resolve();
      valuesOnly ??= false;
      const area = ws.usedArea(valuesOnly);
      // An empty sheet's used range is A1 in Excel; getUsedRange never fails on it.
      return { ws, area: area ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      this.context.need('Worksheet.getUsedRangeOrNullObject');
      const ws = this.resolve();
      const area = ws.usedArea(valuesOnly ?? false);
      return area ? { ws, area } : null;
    });
  }
}

class ProtectionProxy extends ClientObject {
  constructor(
    context: Context,
    private readonly resolve: () => SimWorksheet,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protected loadNow(): void {
    // The protection object exists in office.js on every host; an Excel before 1.2 refuses it at sync.
    this.context.need('Worksheet.protection');
    this.set('protected', this.resolve().protected);
  }
}

/** A method called on a null object fails the sync, as in the stricter hosts. */
function present<T>(target: T | null): T {
  if (!target)
    throw new SimError(
      'ItemNotFound',
      'The requested resource does not exist (method called on a null object).',
    );
  return target;
}

interface RangeTarget {
  ws: SimWorksheet;
  area: MergeArea;
}

function intersect(a: MergeArea, b: MergeArea): MergeArea | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

class RangeProxy extends ClientObject {
  /** Resolved once per sync (the target may change between syncs, as in Excel). */
  constructor(
    context: Context,
    private readonly resolver: () => RangeTarget | null,
  ) {
    super(context);
  }

  /** For chained methods: a null parent fails the sync, as calling a method on a null object does. */
  resolveStrict(): RangeTarget {
    return present(this.resolver());
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): SimValue[][] {
    return this.get('values');
  }
  set values(v: SimValue[][]) {
    this.writeCells((ws, row, col, r, c) => ws.set(row, col, unmarked(v[r]?.[c] ?? '')), true, 'values');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.writeCells(
      (ws, row, col, r, c) => {
        const f = v[r]?.[c];
        if (f !== undefined) ws.setNumberFormat(row, col, f);
      },
      false,
      'format',
    );
  }
  /** Range.formulas (ExcelApi 1.1): a formula cell reads as its formula, others as their value. */
  get formulas(): (SimValue | string)[][] {
    return this.get('formulas');
  }
  /** Setting: "=…" sets a formula, anything else a constant. */
  set formulas(v: (string | number)[][]) {
    this.writeCells(
      (ws, row, col, r, c) => {
        const f = v[r]?.[c];
        if (f === undefined) return;
        if (typeof f === 'string' && f.startsWith('=')) ws.setFormula(row, col, f);
        else ws.set(row, col, unmarked(f));
      },
      true,
      'values',
    );
  }

  /**
   * The range's target for a write at sync, kept in the undo step first. A protected sheet refuses
   * values into a locked cell and any other change, as in Excel.
   */
  private writable(change: 'values' | 'format' | 'structure' | 'merges'): RangeTarget {
    const target = this.resolveStrict();
    const { ws, area } = target;
    if (ws.protected && (change !== 'values' || ws.anyLocked(area))) throw denied();
    const host = this.context.host;
    if (change === 'values' || change === 'format') host.record(ws, 'cells', area);
    else if (change === 'merges') host.record(ws, 'merges');
    else {
      host.record(ws, 'cells');
      host.record(ws, 'merges');
    }
    return target;
  }

  /** Reports an API write as a change by this add-in (the events' triggerSource). */
  private changed(
    { ws, area }: RangeTarget,
    changeType: 'RangeEdited' | 'CellInserted' = 'RangeEdited',
  ): void {
    this.context.host.fireChanged({
      sheetId: ws.id,
      address: a1Range(area.top, area.left, area.bottom, area.right),
      triggerSource: 'ThisLocalAddin',
      changeType,
    });
  }

  /**
   * Runs a write over every cell of the range at sync, with its sheet row and column and its
   * position in the range; `changes` reports it as an edit (values), formats do not.
   */
  private writeCells(
    each: (ws: SimWorksheet, row: number, col: number, r: number, c: number) => void,
    changes: boolean,
    change: 'values' | 'format',
  ): void {
    this.context.queue.push(() => {
      const target = this.writable(change);
      const { ws, area } = target;
      for (let r = 0; r <= area.bottom - area.top; r++)
        for (let c = 0; c <= area.right - area.left; c++) each(ws, area.top + r, area.left + c, r, c);
      if (changes) this.changed(target);
    });
  }

  /** Sets a cell-format property on every cell of the range at sync. */
  formatCells(patch: Partial<SimCellFormat>): void {
    this.writeCells((ws, row, col) => ws.setFormat(row, col, patch), false, 'format');
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this);
  }

  /** Inserts cells, shifting down (ExcelApi 1.1); the merged areas and formulas follow. */
  insert(shift: string): RangeProxy {
    const target = { current: null as RangeTarget | null };
    this.context.queue.push(() => {
      if (shift !== 'Down')
        throw new SimError('InvalidArgument', `The simulated host only shifts down, not ${shift}`);
      const written = this.writable('structure');
      const { ws, area } = written;
      try {
        ws.insertRows(area.top, area.bottom - area.top + 1, area.left, area.right);
      } catch (e) {
        throw new SimError('InvalidOperation', e instanceof Error ? e.message : String(e));
      }
      target.current = written;
      this.changed(written, 'CellInserted');
    });
    return new RangeProxy(this.context, () => target.current);
  }

  /** Unmerges every merged area in the range (ExcelApi 1.2). */
  unmerge(): void {
    this.context.queue.push(() => {
      this.context.need('Range.unmerge');
      const { ws, area } = this.writable('merges');
      ws.merges = ws.merges.filter((m) => !intersect(m, area));
    });
  }

  /** Merges the range (ExcelApi 1.2). Overlapping an existing merged area is refused. */
  merge(across = false): void {
    this.context.queue.push(() => {
      this.context.need('Range.merge');
      const { ws, area } = this.writable('merges');
      const rows = across
        ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({
            ...area,
            top: area.top + i,
            bottom: area.top + i,
          }))
        : [area];
      for (const m of rows) {
        if (ws.merges.some((x) => intersect(x, m)))
          throw new SimError('InvalidArgument', 'Cannot merge cells that overlap a merged area.');
        if (m.bottom > m.top || m.right > m.left) ws.merges.push(m);
      }
    });
  }

  get dataValidation(): { rule: unknown } {
    // The setter below is an object's accessor, whose own `this` is that object.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    return {
      set rule(rule: { list?: { source: string } }) {
        range.context.queue.push(() => range.context.need('Range.dataValidation'));
        if (rule.list) range.formatCells({ list: rule.list.source.split(',') });
      },
      get rule(): unknown {
        throw new SimError('InvalidArgument', 'The simulated host does not read data validation rules.');
      },
    };
  }
  get text(): string[][] {
    return this.get('text');
  }

  /** The range's worksheet (ExcelApi 1.1). */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.resolveStrict().ws);
  }

  protected loadNow(names: string[]): void {
    const t = this.resolver();
    this.isNullObject = !t;
    this.set('isNullObject', !t);
    if (!t) return;
    const { ws, area } = t;
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    for (const n of names.length
      ? names
      : ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'numberFormat']) {
      switch (n) {
        case 'address':
          this.set('address', areaAddress(ws, area));
          break;
        case 'rowIndex':
          this.set('rowIndex', area.top);
          break;
        case 'columnIndex':
          this.set('columnIndex', area.left);
          break;
        case 'rowCount':
          this.set('rowCount', rows);
          break;
        case 'columnCount':
          this.set('columnCount', cols);
          break;
        case 'formulas': {
          const out: (SimValue | string)[][] = [];
          for (let r = 0; r < rows; r++) {
            const row: (SimValue | string)[] = [];
            for (let c = 0; c < cols; c++) {
              const cell = ws.get(area.top + r, area.left + c);
              row.push(cell?.formula ?? cell?.value ?? '');
            }
            out.push(row);
          }
          this.set('formulas', out);
          break;
        }
        case 'values':
        case 'numberFormat':
        case 'text': {
          this.context.loadedCells += rows * cols;
          if (n === 'values') this.context.host.cellsRead += rows * cols;
          if (this.context.loadedCells > PAYLOAD_CELLS)
            throw new SimError(
              'ResponsePayloadSizeLimitExceeded',
              'The response payload size has exceeded the limit.',
            );
          const out: (SimValue | string)[][] = [];
          for (let r = 0; r < rows; r++) {
            const row: (SimValue | string)[] = new Array(cols);
            for (let c = 0; c < cols; c++) {
              const cell = ws.get(area.top + r, area.left + c);
              row[c] =
                n === 'values'
                  ? (cell?.value ?? '')
                  : n === 'numberFormat'
                    ? (cell?.numberFormat ?? 'General')
                    : String(cell?.value ?? '');
            }
            out.push(row);
          }
          this.set(n, out);
          break;
        }
        case 'isNullObject':
          break;
        default:
          throw new SimError('InvalidArgument', `The simulated host does not implement Range.${n}`);
      }
    }
  }

  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { ws, area } = this.resolveStrict();
      return {
        ws,
        area: { top: area.top + row, left: area.left + col, bottom: area.top + row, right: area.left + col },
      };
    });
  }

  getAbsoluteResizedRange(rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      this.context.need('Range.getAbsoluteResizedRange');
      const { ws, area } = this.resolveStrict();
      return {
        ws,
        area: {
          top: area.top,
          left: area.left,
          bottom: Math.min(MAX_ROWS, area.top + rows) - 1,
          right: Math.min(MAX_COLS, area.left + cols) - 1,
        },
      };
    });
  }

  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.context, () => {
      this.context.need('Range.getIntersectionOrNullObject');
      const a = this.resolveStrict();
      const b = other.resolveStrict();
      if (a.ws !== b.ws) throw new SimError('InvalidArgument', 'Ranges are on different worksheets.');
      const area = intersect(a.area, b.area);
      return area ? { ws: a.ws, area } : null;
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context.need('Range.getMergedAreasOrNullObject');
      const { ws, area } = this.resolveStrict();
      const areas = ws.merges.filter((m) => intersect(m, area));
      return areas.length ? { ws, areas } : null;
    });
  }

  select(): void {
    this.context.queue.push(() => {
      const { ws, area } = this.resolveStrict();
      if (this.context.host.activeSheetId !== ws.id) this.context.host.activate(ws.id);
      this.context.host.selection = { sheetId: ws.id, area };
    });
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.context, () => {
      const { ws, area } = this.resolveStrict();
      return { ws, areas: [area] };
    });
  }
}

/** Range.format: the properties the templates set, written to every cell of the range. */
class RangeFormatProxy {
  readonly fill: { color: string };
  readonly font: { bold: boolean; size: number };
  readonly borders: { getItem: (edge: string) => { style: string } };
  constructor(private readonly range: RangeProxy) {
    const r = range;
    this.fill = {
      set color(v: string) {
        r.formatCells({ fill: v });
      },
      get color(): string {
        throw new SimError('PropertyNotLoaded', 'format.fill.color is write-only in the simulated host');
      },
    };
    this.font = {
      set bold(v: boolean) {
        r.formatCells({ bold: v });
      },
      get bold(): boolean {
        throw new SimError('PropertyNotLoaded', 'format.font.bold is write-only in the simulated host');
      },
      set size(v: number) {
        r.formatCells({ fontSize: v });
      },
      get size(): number {
        throw new SimError('PropertyNotLoaded', 'format.font.size is write-only in the simulated host');
      },
    };
    this.borders = {
      getItem: () => ({
        set style(v: string) {
          r.formatCells({ border: v !== 'None' });
        },
        get style(): string {
          throw new SimError('PropertyNotLoaded', 'border style is write-only in the simulated host');
        },
      }),
    };
  }
  set wrapText(v: boolean) {
    this.range.formatCells({ wrap: v });
  }
  set horizontalAlignment(v: string) {
    this.range.formatCells({ align: v });
  }
  set verticalAlignment(v: string) {
    this.range.formatCells({ valign: v });
  }
  set columnWidth(v: number) {
    const r = this.range;
    r.context.queue.push(() => {
      r.context.need('RangeFormat.columnWidth');
      const { ws, area } = r.resolveStrict();
      if (ws.protected) throw denied();
      r.context.host.record(ws, 'layout');
      for (let c = area.left; c <= area.right; c++) ws.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    const r = this.range;
    r.context.queue.push(() => {
      r.context.need('RangeFormat.rowHeight');
      const { ws, area } = r.resolveStrict();
      if (ws.protected) throw denied();
      r.context.host.record(ws, 'layout');
      for (let row = area.top; row <= area.bottom; row++) ws.rowHeights.set(row, v);
    });
  }
}

interface AreasTarget {
  ws: SimWorksheet;
  areas: MergeArea[];
}

class RangeAreasProxy extends ClientObject {
  constructor(
    context: Context,
    private readonly resolver: () => AreasTarget | null,
  ) {
    super(context);
  }
  resolveStrict(): AreasTarget {
    return present(this.resolver());
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  protected loadNow(names: string[]): void {
    const t = this.resolver();
    this.isNullObject = !t;
    this.set('isNullObject', !t);
    if (!t) return;
    for (const n of names.length ? names : ['address', 'areaCount']) {
      if (n === 'address') this.set('address', t.areas.map((a) => areaAddress(t.ws, a)).join(', '));
      else if (n === 'areaCount') this.set('areaCount', t.areas.length);
      else if (n !== 'isNullObject')
        throw new SimError('InvalidArgument', `The simulated host does not implement RangeAreas.${n}`);
    }
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.context, () => this.resolveStrict());
  }
}

let nextFormatId = 1;

class ConditionalFormatCollectionProxy extends ClientObject {
  private itemsList: ConditionalFormatProxy[] = [];
  constructor(
    context: Context,
    private readonly resolver: () => AreasTarget,
  ) {
    super(context);
  }

  get items(): ConditionalFormatProxy[] {
    this.get('items');
    return this.itemsList;
  }

  protected loadNow(names: string[]): void {
    this.context.need('Range.conditionalFormats');
    const { ws, areas } = this.resolver();
    const found = ws.conditionalFormats.filter((cf) =>
      cf.areas.some((a) => areas.some((b) => intersect(a, b))),
    );
    this.itemsList = found.map((cf) => {
      const p = new ConditionalFormatProxy(this.context, () => ({ ws, cf }));
      p.fill(names.map((n) => n.replace(/^items\//, '')));
      return p;
    });
    this.set('items', true);
  }

  add(type: string): ConditionalFormatProxy {
    let created: { ws: SimWorksheet; cf: SimConditionalFormat } | null = null;
    const proxy = new ConditionalFormatProxy(this.context, () => {
      if (!created) throw new SimError('ItemNotFound', 'conditional format not created');
      return created;
    });
    this.context.queue.push(() => {
      this.context.need('ConditionalFormatCollection.add');
      if (type !== 'Custom')
        throw new SimError(
          'InvalidArgument',
          `The simulated host implements only Custom conditional formats, not ${type}`,
        );
      const { ws, areas } = this.resolver();
      if (ws.protected) throw denied();
      this.context.host.record(ws, 'formats');
      const cf: SimConditionalFormat = {
        id: `{cf-${nextFormatId++}}`,
        type: 'Custom',
        areas: areas.map((a) => ({ ...a })),
        formula: '',
        fill: null,
        fontColor: null,
      };
      ws.conditionalFormats.push(cf);
      created = { ws, cf };
    });
    return proxy;
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      this.context.need('ConditionalFormatCollection.getItem');
      const { ws } = this.resolver();
      const cf = ws.conditionalFormats.find((f) => f.id === id);
      if (!cf) throw new SimError('ItemNotFound', `The requested conditional format ${id} does not exist.`);
      return { ws, cf };
    });
  }
}

class ConditionalFormatProxy extends ClientObject {
  readonly custom: {
    rule: { formula: string; load: (p?: string) => unknown };
    format: { fill: { color: string }; font: { color: string } };
  };

  constructor(
    context: Context,
    private readonly resolver: () => { ws: SimWorksheet; cf: SimConditionalFormat },
  ) {
    super(context);
    const queue = (fn: (cf: SimConditionalFormat, ws: SimWorksheet) => void) =>
      context.queue.push(() => {
        const { ws, cf } = this.resolver();
        if (ws.protected) throw denied();
        context.host.record(ws, 'formats');
        // The step keeps a copy; this format is the one now in the sheet (a copy after an undo).
        const live = ws.conditionalFormats.find((f) => f.id === cf.id) ?? cf;
        fn(live, ws);
      });
    let ruleLoaded = false;
    let ruleFormula = '';
    const rule = {
      get formula(): string {
        if (!ruleLoaded)
          throw new SimError(
            'PropertyNotLoaded',
            "The property 'formula' is not available. Call load and context.sync() first.",
          );
        return ruleFormula;
      },
      set formula(f: string) {
        queue((cf) => {
          cf.formula = f;
        });
      },
      load: () => {
        context.queue.push(() => {
          ruleFormula = this.resolver().cf.formula;
          ruleLoaded = true;
        });
        return rule;
      },
    };
    const colorSetter = (key: 'fill' | 'fontColor') => ({
      get color(): string {
        throw new SimError('PropertyNotLoaded', "The property 'color' is not available.");
      },
      set color(c: string) {
        queue((cf) => {
          cf[key] = c;
        });
      },
    });
    this.custom = { rule, format: { fill: colorSetter('fill'), font: colorSetter('fontColor') } };
  }

  fill(names: string[]): void {
    const { cf } = this.resolver();
    for (const n of names.length ? names : ['id', 'type']) {
      if (n === 'id') this.set('id', cf.id);
      else if (n === 'type') this.set('type', cf.type);
    }
  }

  protected loadNow(names: string[]): void {
    this.fill(names);
  }

  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }

  delete(): void {
    this.context.queue.push(() => {
      const { ws, cf } = this.resolver();
      if (ws.protected) throw denied();
      this.context.host.record(ws, 'formats');
      ws.conditionalFormats = ws.conditionalFormats.filter((f) => f.id !== cf.id);
    });
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Office.Settings (https://learn.microsoft.com/javascript/api/office/office.settings): an in-memory
 * copy of the add-in's settings loaded with the document; set and remove change only the copy, and
 * saveAsync writes the copy to the document, calling back with an AsyncResult.
 */
const jsonCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

class SimSettings {
  private copy: Record<string, unknown>;
  constructor(private readonly host: SimWorkbook) {
    this.copy = jsonCopy(host.addinSettings);
  }
  get(name: string): unknown {
    // Office returns null for a setting that is not there.
    return name in this.copy ? jsonCopy(this.copy[name]) : null;
  }
  set(name: string, value: unknown): void {
    // Values are stored as JSON: what cannot be serialised fails here, as in Office.
    this.copy[name] = jsonCopy(value);
  }
  remove(name: string): void {
    delete this.copy[name];
  }
  saveAsync(...args: unknown[]): void {
    const callback = args.find((a) => typeof a === 'function') as
      ((r: { status: string; error?: { name: string; message: string; code: number } }) => void) | undefined;
    setTimeout(() => {
      if (this.host.failSettingsSave) {
        callback?.({
          status: 'failed',
          error: { name: 'Settings Save Error', message: 'The settings could not be saved.', code: 5006 },
        });
        return;
      }
      this.host.addinSettings = jsonCopy(this.copy);
      callback?.({ status: 'succeeded' });
    }, 0);
  }
}

export interface SimulatedOffice {
  Office: unknown;
  Excel: unknown;
  OfficeExtension: unknown;
}

/** Builds the Office / Excel / OfficeExtension globals for a simulated workbook. */
export function createSimulatedOffice(
  host: SimWorkbook,
  options: { displayLanguage?: string; bodyBackgroundColor?: string } = {},
): SimulatedOffice {
  const run = async (...args: unknown[]) => {
    const batch = args[args.length - 1] as (ctx: Context) => Promise<unknown>;
    const first = args.length > 1 ? (args[0] as { context?: Context } | Context) : null;
    const ctx =
      first instanceof Context
        ? first
        : first && (first as { context?: Context }).context instanceof Context
          ? (first as { context: Context }).context
          : new Context(host);
    const result = await batch(ctx);
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  };
  const Excel = {
    run,
    RequestContext: Context,
    ConditionalFormatType: { custom: 'Custom' },
    EventTriggerSource: { thisLocalAddin: 'ThisLocalAddin', unknown: 'Unknown' },
    InsertShiftDirection: { down: 'Down', right: 'Right' },
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      itemNotFound: 'ItemNotFound',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
  };
  const Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      officeTheme: { bodyBackgroundColor: options.bodyBackgroundColor ?? '#ffffff' },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && host.supports(version ?? '1.1'),
      },
      document: { settings: new SimSettings(host) },
    },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  return { Office, Excel, OfficeExtension: { Error: SimError } };
}

/** Installs the simulated globals (window in the playground, globalThis in jest). */
export function installSimulatedOffice(
  target: Record<string, unknown>,
  host: SimWorkbook,
  options?: { displayLanguage?: string; bodyBackgroundColor?: string },
): void {
  Object.assign(target, createSimulatedOffice(host, options));
}

export { quoteSheet };
