/// <reference types="office-js" />
/**
 * The Office.js adapter: the only code that talks to Excel. It reads the active sheet into the
 * engine's grid, selects cells, marks issues with removable conditional formats and reports edits.
 *
 * Each operation is one Excel.run with as few context.sync calls as the API allows (a check of an
 * ordinary sheet is one sync; a highlight update is one sync). The pane and the tests run this same
 * code: in Excel against office.js, in the playground and in jest against the simulated host.
 */
import { type MergeArea, a1 } from '../core/grid';
import { cleanText } from '../core/text';
import { asAdapterError, classifyError } from './errors';
import { type Capabilities, detectCapabilities } from './host';
import { readWorkbookSettings, saveWorkbookSettings, workbookSettingsAvailable } from './settings';
import type { Template } from '../core/templates/template';
import { rangeAt } from './range';
import { GridRows, blockersOf, chunkAddresses, parseAreaList, patchOf } from '../host/read';
import { type CellContent, contentOf, contentToWrite } from '../host/contents';
import {
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FORMULA,
  HIGHLIGHT_TAG,
  MAX_ROWS,
  WINDOW_COLS,
  WINDOW_ROWS,
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

// The host-neutral names, where the Office tests and tools have always found them.
export { HIGHLIGHT_TAG, WINDOW_COLS, WINDOW_ROWS } from '../host/types';
export type {
  CellWrite,
  GuardedEdit,
  MarkSeverity,
  SelectionInfo,
  SheetEvent,
  SheetSnapshot,
} from '../host/types';
export { chunkAddresses, parseAreaList, toCellValue } from '../host/read';
import type { GridPatch } from '../core/live';

/** getRanges() takes an address list; Excel limits its length, so long lists are sent in parts. */
const MAX_ADDRESS_LIST = 2000;
/** Without RangeAreas (before ExcelApi 1.9) each cell needs its own format: bounded. */
const MAX_SINGLE_CELL_MARKS = 300;

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export class ExcelSession implements SheetHost {
  readonly caps: Capabilities;
  /** context.sync calls made by this session, for the measures and the tests. */
  syncs = 0;
  /** Our conditional formats currently in the workbook: their sheet and ids. */
  private marks: { sheetId: string; ids: string[] } | null = null;
  /** Set while our own writes run, for hosts that cannot tell us the trigger source (< 1.14). */
  private writing = 0;
  private writingEndedAt = 0;

  constructor(
    caps: Capabilities = detectCapabilities(),
    private readonly retryDelayMs = 250,
  ) {
    this.caps = caps;
  }

  /** Whether the workbook can keep the check settings (settings.ts). */
  get settingsAvailable(): boolean {
    return workbookSettingsAvailable();
  }

  /** The check settings saved in this workbook, as stored (the caller validates them), or null. */
  readSettings(): unknown {
    return readWorkbookSettings();
  }

  /** Saves the check settings in the workbook (null removes them); a failed save changes nothing. */
  saveSettings(value: object | null): Promise<void> {
    return saveWorkbookSettings(value);
  }

  /**
   * Excel.run with retries for transient failures: a cell in edit mode or a busy host fails the
   * whole batch before anything is applied, so running it again is safe.
   */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, attempts = 4): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await Excel.run((context) => batch(this.counted(context)));
      } catch (e) {
        const error = asAdapterError(e);
        if (error.info.transient && i < attempts - 1) {
          await delay(this.retryDelayMs * 2 ** i);
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Counts the context's syncs for the diagnostics view. The count is kept on the context itself so
   * that every call site reads `context.sync()`, which is what Office's lint rules
   * (eslint-plugin-office-addins) follow when they check that loads are synced before reads.
   */
  private counted(context: Excel.RequestContext): Excel.RequestContext {
    const sync = context.sync.bind(context);
    context.sync = <T>(passThroughValue?: T) => {
      this.syncs++;
      return sync(passThroughValue);
    };
    return context;
  }

  private async write<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await this.run(batch);
    } finally {
      this.writing--;
      this.writingEndedAt = Date.now();
    }
  }

  /** Reads the active sheet: one sync for any sheet up to WINDOW_ROWS rows, then blocks with progress. */
  async readActiveSheet(onProgress?: Progress): Promise<SheetSnapshot> {
    return this.readSheetOf((context) => context.workbook.worksheets.getActiveWorksheet(), onProgress);
  }

  /** Reads another sheet by its id, the same way (the pane's 其他工作表: one sync for most sheets). */
  async readSheet(sheetId: string, onProgress?: Progress): Promise<SheetSnapshot> {
    return this.readSheetOf((context) => context.workbook.worksheets.getItem(sheetId), onProgress);
  }

  /**
   * The workbook's sheets in tab order, in one sync. Hidden ones are marked: their forms count as
   * the command line counts them, but Excel cannot activate them.
   */
  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name,items/visibility');
      await context.sync();
      return sheets.items.map((ws) => ({
        sheetId: ws.id,
        sheetName: ws.name,
        hidden: ws.visibility !== 'Visible',
      }));
    });
  }

  /** A sheet's used range (values, number formats, merges), for the active sheet and the others alike. */
  private async readSheetOf(
    sheetOf: (context: Excel.RequestContext) => Excel.Worksheet,
    onProgress?: Progress,
  ): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      const start = this.syncs;
      const ws = sheetOf(context);
      ws.load('name,id');
      // Protection status exists from ExcelApi 1.2; before that the pane cannot know it (a refused
      // write then says so).
      // A navigation property (an object), not a value: nothing to load before taking it.
      const protection = this.caps.protection ? ws.protection : null;
      protection?.load('protected');
      if (!this.caps.events) return this.readWhole(context, ws, protection, start);

      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      const first = used.getAbsoluteResizedRange(WINDOW_ROWS, WINDOW_COLS).getIntersectionOrNullObject(used);
      first.load('values,numberFormat,rowCount,columnCount');
      const merged = this.caps.mergedAreas ? first.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      try {
        await context.sync();
      } catch (e) {
        // Some hosts fail a chain started on a null object (an empty sheet) instead of nulling it.
        if (classifyError(e).kind !== 'notFound') throw e;
        const probe = ws.getUsedRangeOrNullObject(true);
        probe.load('address');
        ws.load('name,id');
        await context.sync();
        if (!probe.isNullObject) throw e;
        return this.emptySnapshot(ws.name, ws.id, false, start);
      }
      if (used.isNullObject) return this.emptySnapshot(ws.name, ws.id, protection?.protected ?? false, start);

      const origin = { row: used.rowIndex, col: used.columnIndex };
      const totalRows = Math.min(used.rowCount, MAX_ROWS);
      const cols = Math.min(used.columnCount, WINDOW_COLS);
      const rows = new GridRows();
      if (!first.isNullObject) rows.add(first.values, first.numberFormat);
      const merges: MergeArea[] = [];
      if (merged && !merged.isNullObject) merges.push(...parseAreaList(merged.address));
      onProgress?.(rows.values.length, totalRows);

      // A giant used range: the rest in bounded blocks, one sync each, with progress.
      while (rows.values.length < totalRows) {
        const n = Math.min(WINDOW_ROWS, totalRows - rows.values.length);
        const block = ws.getRangeByIndexes(origin.row + rows.values.length, origin.col, n, cols);
        block.load('values,numberFormat');
        const blockMerged = this.caps.mergedAreas ? block.getMergedAreasOrNullObject() : null;
        blockMerged?.load('address');
        // Bounded blocks of a giant used range, one sync each: the pane shows progress, and no
        // single read is too large for the host.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        rows.add(block.values, block.numberFormat);
        if (blockMerged && !blockMerged.isNullObject) merges.push(...parseAreaList(blockMerged.address));
        onProgress?.(rows.values.length, totalRows);
      }

      return {
        grid: { sheet: ws.name, origin, merges, ...rows.grid() },
        sheetId: ws.id,
        sheetName: ws.name,
        address: used.address,
        protected: protection?.protected ?? false,
        rowsLeftOut: used.rowCount - totalRows,
        colsLeftOut: used.columnCount - cols,
        mergesKnown: this.caps.mergedAreas,
        syncs: this.syncs - start,
      };
    });
  }

  /** Before ExcelApi 1.7 (Office 2016): the whole used range in one read, no blocks. */
  private async readWhole(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    protection: Excel.WorksheetProtection | null,
    start: number,
  ): Promise<SheetSnapshot> {
    // valuesOnly is a 1.2 parameter: on 1.1 the used range may include formatted empty cells, which
    // recognition skips anyway.
    const used = this.caps.protection ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load('address,rowIndex,columnIndex,rowCount,columnCount,values,numberFormat');
    try {
      await context.sync();
    } catch (e) {
      if (classifyError(e).kind === 'notFound') {
        ws.load('name,id');
        await context.sync();
        return this.emptySnapshot(ws.name, ws.id, false, start);
      }
      throw e;
    }
    const rows = new GridRows();
    rows.add(used.values, used.numberFormat);
    return {
      grid: { sheet: ws.name, origin: { row: used.rowIndex, col: used.columnIndex }, ...rows.grid() },
      sheetId: ws.id,
      sheetName: ws.name,
      address: used.address,
      protected: protection?.protected ?? false,
      rowsLeftOut: 0,
      colsLeftOut: 0,
      mergesKnown: false,
      syncs: this.syncs - start,
    };
  }

  private emptySnapshot(name: string, id: string, isProtected: boolean, start: number): SheetSnapshot {
    return {
      grid: { sheet: name, values: [] },
      sheetId: id,
      sheetName: name,
      address: null,
      protected: isProtected,
      rowsLeftOut: 0,
      colsLeftOut: 0,
      mergesKnown: this.caps.mergedAreas,
      syncs: this.syncs - start,
    };
  }

  /**
   * Reads one area of a sheet again after an edit (one sync): values, the display text of cells
   * whose number format changes what is seen, and the merged areas touching it where the host can
   * report them — the patch live checking applies instead of reading the whole sheet.
   */
  async readArea(sheetId: string, area: MergeArea): Promise<GridPatch> {
    return this.run(async (context) => {
      const range = rangeAt(context.workbook.worksheets.getItem(sheetId), this.caps, area);
      range.load('values,numberFormat');
      const merged = this.caps.mergedAreas ? range.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      await context.sync();
      const rows = new GridRows();
      rows.add(range.values, range.numberFormat);
      return patchOf(
        area,
        rows,
        merged ? (merged.isNullObject ? [] : parseAreaList(merged.address)) : undefined,
      );
    });
  }

  /** Activates the sheet and selects the cell (one sync). */
  async select(sheetId: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetId);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  /** The selected cell and its sheet (one sync). */
  async readSelection(): Promise<SelectionInfo> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address,rowIndex,columnIndex');
      // A navigation property (an object), loaded on the next line.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const ws = range.worksheet;
      ws.load('id');
      await context.sync();
      return { sheetId: ws.id, row: range.rowIndex, col: range.columnIndex, address: range.address };
    });
  }

  /**
   * Writes texts into the given cells, and nothing else, in one sync (one undo step in Excel). The
   * caller names every cell: a suggestion writes the 三级 cell the user picked and, if asked, its value.
   * What each cell held is loaded in the same batch, before the write (a batch runs in order), and
   * returned for 撤销; a content is written back through `formulas`, so a formula stays a formula.
   */
  async writeCells(sheetId: string, cells: CellWrite[], selectAfter?: string): Promise<CellContent[]> {
    if (cells.length === 0) return [];
    return this.write(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetId);
      const ranges = cells.map((c) => ws.getRange(c.cell).load('values,formulas'));
      cells.forEach((c, i) => {
        if (c.restore) ranges[i].formulas = [[contentToWrite(c.restore)]];
        else ranges[i].values = [[c.text]];
      });
      if (selectAfter) ws.getRange(selectAfter).select();
      await context.sync();
      return ranges.map((r) => contentOf(r.values[0]?.[0], r.formulas[0]?.[0]));
    });
  }

  /**
   * Applies fixes only to cells that still hold the text the check saw: one sync reads them, one
   * writes the unchanged ones. A cell edited since the check is left alone and reported as skipped.
   */
  async replaceIfUnchanged(
    sheetId: string,
    edits: GuardedEdit[],
  ): Promise<{ applied: string[]; skipped: string[] }> {
    if (edits.length === 0) return { applied: [], skipped: [] };
    return this.write(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetId);
      const ranges = edits.map((e) => ws.getRange(e.cell).load('values'));
      await context.sync();
      const applied: string[] = [];
      const skipped: string[] = [];
      edits.forEach((e, i) => {
        const now = ranges[i].values[0]?.[0];
        if (cleanText(String(now ?? '')) === e.before) {
          ranges[i].values = [[e.after]];
          applied.push(e.cell);
        } else skipped.push(e.cell);
      });
      if (applied.length) await context.sync();
      return { applied, skipped };
    });
  }

  /**
   * Inserts a template at a cell of a sheet, or into a new sheet. At a cell: one sync reads the
   * target's values (and, from ExcelApi 1.13, the merged areas touching it); if anything is in the
   * way nothing is written and the blocking cells are returned. The writes then go in one sync. A new
   * sheet is empty by definition: one sync, or three when the name is taken.
   */
  async insertTemplate(t: Template, target: InsertTarget): Promise<InsertResult> {
    const start = this.syncs;
    // The template writer comes with the 插入模板 chunk: loaded before the batch opens.
    const { placedArea, queueTemplate } = await import(/* webpackChunkName: "templates" */ './templates');
    return this.write(async (context) => {
      if ('newSheet' in target) {
        // Usually the name is free: add and write in one sync. Excel refuses a taken name, and the
        // add is the batch's first operation, so a refusal writes nothing: then read the names
        // (one sync) and write under a free one (one sync).
        const attempt = async (name: string) => {
          const ws = context.workbook.worksheets.add(name);
          queueTemplate(ws, this.caps, t, { top: 0, left: 0 }, true);
          ws.activate();
          ws.getRange('A1').select();
          ws.load('id,name');
          await context.sync();
          return {
            inserted: true,
            blockers: [],
            sheetId: ws.id,
            sheetName: ws.name,
            syncs: this.syncs - start,
          };
        };
        try {
          return await attempt(target.newSheet);
        } catch (e) {
          const kind = classifyError(e).kind;
          if (kind === 'editMode' || kind === 'protected') throw e;
        }
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const taken = new Set(sheets.items.map((w) => w.name.toLowerCase()));
        let name = target.newSheet;
        for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${target.newSheet} (${i})`;
        return attempt(name);
      }
      const at = { top: target.top, left: target.left };
      const area = placedArea(t, at);
      const ws = context.workbook.worksheets.getItem(target.sheetId);
      ws.load('id,name');
      const range = rangeAt(ws, this.caps, area);
      range.load('values,formulas');
      const merged = this.caps.mergedAreas ? range.getMergedAreasOrNullObject() : null;
      if (merged) merged.load('address');
      await context.sync();
      const merges = merged && !merged.isNullObject ? parseAreaList(merged.address) : [];
      const blockers = blockersOf(range.values, range.formulas, at, merges);
      if (blockers.length > 0)
        return { inserted: false, blockers, sheetId: ws.id, sheetName: ws.name, syncs: this.syncs - start };
      queueTemplate(ws, this.caps, t, at, false);
      rangeSelect(ws, area);
      await context.sync();
      return { inserted: true, blockers: [], sheetId: ws.id, sheetName: ws.name, syncs: this.syncs - start };
    });
  }

  /** The merged areas of a range (one sync; empty before ExcelApi 1.13, where they cannot be read). */
  async mergedAreas(sheetId: string, address: string): Promise<MergeArea[]> {
    if (!this.caps.mergedAreas) return [];
    return this.run(async (context) => {
      const merged = context.workbook.worksheets
        .getItem(sheetId)
        .getRange(address)
        .getMergedAreasOrNullObject();
      merged.load('address');
      await context.sync();
      return merged.isNullObject ? [] : parseAreaList(merged.address);
    });
  }

  /**
   * Carries out an 添加指标行 plan in one sync: insert the row across the table's columns (cells
   * below move down; the new cells take the formats of the row above), then extend or create the
   * 一级/二级 merges, and select the new row's 三级 cell.
   */
  async insertIndicatorRow(sheetId: string, plan: RowPlan, selectCol: number): Promise<void> {
    await this.write(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetId);
      const at = (m: MergeArea) => rangeAt(ws, this.caps, m);
      at({ top: plan.row, left: plan.left, bottom: plan.row, right: plan.right }).insert(
        Excel.InsertShiftDirection.down,
      );
      // Merging needs ExcelApi 1.2 (and the plan needs merged areas, 1.13, to have any).
      if (this.caps.layout) {
        for (const e of plan.extend) {
          at(e.from).unmerge();
          at(e.to).merge(false);
        }
        for (const m of plan.create) at(m).merge(false);
      }
      ws.getRange(a1(plan.row, selectCol)).select();
      await context.sync();
    });
  }

  /** Whether a sheet event was caused by this add-in's own writes (and should not re-check). */
  isOwnEvent(args: { triggerSource?: string }): boolean {
    if (args.triggerSource !== undefined) return args.triggerSource === 'ThisLocalAddin';
    return this.writing > 0 || Date.now() - this.writingEndedAt < 300;
  }

  /**
   * Replaces our highlights by marks on the given cells, in one sync: the previous formats are
   * deleted by id and the new ones added, tagged by their formula so that they can always be found
   * and removed. The cells' own formats are never touched.
   */
  async setHighlights(sheetId: string, cells: Record<MarkSeverity, string[]>): Promise<void> {
    if (!this.caps.conditionalFormats) return;
    try {
      await this.write((context) => this.replaceMarks(context, sheetId, cells));
    } catch (e) {
      // A mark deleted by the user (or by undo) makes getItem fail: sweep by tag, then try again.
      if (asAdapterError(e).info.kind !== 'notFound') throw e;
      this.marks = null;
      await this.removeTaggedFormats();
      await this.write((context) => this.replaceMarks(context, sheetId, cells));
    }
  }

  async clearHighlights(): Promise<void> {
    if (!this.caps.conditionalFormats || !this.marks) return;
    await this.setHighlights(this.marks.sheetId, { error: [], warning: [] });
    this.marks = null;
  }

  private async replaceMarks(
    context: Excel.RequestContext,
    sheetId: string,
    cells: Record<MarkSeverity, string[]>,
  ): Promise<void> {
    if (this.marks) {
      const prev = context.workbook.worksheets.getItem(this.marks.sheetId).getRange().conditionalFormats;
      for (const id of this.marks.ids) prev.getItem(id).delete();
    }
    const ws = context.workbook.worksheets.getItem(sheetId);
    const added: Excel.ConditionalFormat[] = [];
    for (const severity of Object.keys(HIGHLIGHT_COLORS) as MarkSeverity[]) {
      const list = [...new Set(cells[severity] ?? [])];
      if (list.length === 0) continue;
      const targets: (Excel.Range | Excel.RangeAreas)[] = [];
      if (this.caps.collectionEvents) {
        for (const part of chunkAddresses(list, MAX_ADDRESS_LIST)) targets.push(ws.getRanges(part));
      } else {
        for (const cell of list.slice(0, MAX_SINGLE_CELL_MARKS)) targets.push(ws.getRange(cell));
      }
      for (const target of targets) {
        const cf = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = HIGHLIGHT_FORMULA;
        cf.custom.format.fill.color = HIGHLIGHT_COLORS[severity].fill;
        cf.custom.format.font.color = HIGHLIGHT_COLORS[severity].font;
        cf.load('id');
        added.push(cf);
      }
    }
    await context.sync();
    this.marks = added.length > 0 ? { sheetId, ids: added.map((cf) => cf.id) } : null;
  }

  /**
   * Removes every conditional format carrying our tag, on every sheet: the marks left behind when
   * the pane was closed without clearing them (Excel gives a pane no reliable close event).
   */
  async removeTaggedFormats(): Promise<number> {
    if (!this.caps.conditionalFormats) return 0;
    return this.write(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id');
      await context.sync();
      const collections = sheets.items.map((ws) => {
        const c = ws.getRange().conditionalFormats;
        c.load('items/id,items/type');
        return c;
      });
      await context.sync();
      const custom = collections.flatMap((c) => c.items.filter((cf) => cf.type === 'Custom'));
      for (const cf of custom) cf.custom.rule.load('formula');
      await context.sync();
      let removed = 0;
      for (const cf of custom) {
        if (cf.custom.rule.formula.includes(HIGHLIGHT_TAG)) {
          cf.delete();
          removed++;
        }
      }
      if (removed > 0) await context.sync();
      this.marks = null;
      return removed;
    });
  }

  /**
   * Subscribes to edits and sheet activation (live checking). Returns a function that
   * unsubscribes. Events caused by this add-in's own writes are filtered out here.
   */
  async watch(onEvent: (e: SheetEvent) => void): Promise<() => Promise<void>> {
    if (!this.caps.events) return async () => {};
    const handlers = new HandlerSet(this);
    const changed = async (args: Excel.WorksheetChangedEventArgs) => {
      if (this.isOwnEvent(args as { triggerSource?: string })) return;
      onEvent({
        kind: 'changed',
        sheetId: args.worksheetId,
        address: args.address || undefined,
        changeType: args.changeType || undefined,
      });
    };
    // Before ExcelApi 1.9 only a single sheet's onChanged exists: follow the active sheet, replacing
    // the handler of the sheet left (by its name in the set, whatever else is subscribed).
    const followSheet = (sheetId: string | null) =>
      handlers.replace('activeSheetChanged', (context) => {
        const ws = sheetId
          ? context.workbook.worksheets.getItem(sheetId)
          : context.workbook.worksheets.getActiveWorksheet();
        return ws.onChanged.add(changed);
      });
    await this.run(async (context) => {
      handlers.set(
        'activated',
        context.workbook.worksheets.onActivated.add(async (args) => {
          if (!this.caps.collectionEvents) await followSheet(args.worksheetId).catch(() => undefined);
          onEvent({ kind: 'activated', sheetId: args.worksheetId });
        }),
      );
      if (this.caps.collectionEvents)
        handlers.set('changed', context.workbook.worksheets.onChanged.add(changed));
      await context.sync();
    });
    if (!this.caps.collectionEvents) await followSheet(null);
    return () => handlers.removeAll();
  }

  /**
   * Follows the selection (ExcelApi 1.2) for the 建议 section, whether live checking is on or not.
   * Returns a function that unsubscribes; without selection events it does nothing (the pane then
   * offers a button to read the selection).
   */
  async watchSelection(onSelection: () => void): Promise<() => Promise<void>> {
    if (!this.caps.selectionEvents) return async () => {};
    const handlers = new HandlerSet(this);
    await this.run(async (context) => {
      handlers.set(
        'selection',
        context.workbook.onSelectionChanged.add(async () => {
          onSelection();
        }),
      );
      await context.sync();
    });
    return () => handlers.removeAll();
  }

  /** For HandlerSet: a counted sync. */
  syncFor(context: Excel.RequestContext): Promise<void> {
    return context.sync();
  }

  /** For HandlerSet: Excel.run with this session's retries. */
  runFor<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.run(batch);
  }
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

/**
 * Event handlers kept by name, so that replacing one (the active sheet's onChanged) never touches
 * another (the selection). A handler is removed in the request context it was added in, as
 * Office.js requires.
 */
class HandlerSet {
  private readonly byName = new Map<string, Handler>();

  constructor(private readonly session: ExcelSession) {}

  set(name: string, handler: Handler): void {
    this.byName.set(name, handler);
  }

  /** Removes the handler of that name (if any), then adds the new one in a fresh batch. */
  async replace(name: string, add: (context: Excel.RequestContext) => Handler): Promise<void> {
    await this.remove(name);
    await this.session.runFor(async (context) => {
      this.byName.set(name, add(context));
      await this.session.syncFor(context);
    });
  }

  async remove(name: string): Promise<void> {
    const h = this.byName.get(name);
    if (!h) return;
    this.byName.delete(name);
    await Excel.run(h.context, async (context) => {
      h.remove();
      await this.session.syncFor(context);
    }).catch(() => undefined);
  }

  /** Removes every handler, those added in one request context together. */
  async removeAll(): Promise<void> {
    const groups = new Map<unknown, Handler[]>();
    for (const h of this.byName.values()) groups.set(h.context, [...(groups.get(h.context) ?? []), h]);
    this.byName.clear();
    for (const group of groups.values()) {
      await Excel.run(group[0].context, async (context) => {
        for (const h of group) h.remove();
        await this.session.syncFor(context);
      }).catch(() => undefined);
    }
  }
}

/** Selects the first cell of an area (the inserted form's title). */
function rangeSelect(ws: Excel.Worksheet, area: MergeArea): void {
  ws.getRange(a1(area.top, area.left)).select();
}
