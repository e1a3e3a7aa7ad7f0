/**
 * The pane's controller, without React: read the sheet through the adapter, run the engine, mark
 * the cells, re-check on edits (debounced). The React view subscribes to its state.
 */
import {
  WINDOW_COLS,
  WINDOW_ROWS,
  type CellWrite,
  type GuardedEdit,
  type InsertTarget,
  type MarkSeverity,
  type SelectionInfo,
  type SheetEvent,
  type SheetHost,
  type SheetInfo,
  type SheetSnapshot,
} from '../host/types';
import { type HostError, hostError } from '../host/errors';
import { type CellContent, isEmptyContent } from '../host/contents';
import type { CheckOptions } from '../core/check';
import type { ResolvedConfig } from '../core/config';
import type { LiveSheet } from '../core/live';
import type { EngineLocale } from '../core/locales';
import type { Correction, CorrectionRole } from '../core/corrections';
import { type Grid, type MergeArea, a1, cellText, parseA1Range } from '../core/grid';
import { type Indicator, type NearMiss, type Table, filledIndicators } from '../core/model';
import { readingOf } from '../core/reading';
import type { PhrasingLibrary } from '../core/phrasings/library';
import type { Template } from '../core/templates/template';
import type { StringKey } from '../i18n/strings';

/** Live checking's patch reader: loaded after the first check, not with the pane. */
type LiveModule = typeof import('../core/live');
type Engine = typeof import('../core/engine');

export type Status = 'idle' | 'reading' | 'checking' | 'done' | 'error';

export interface CheckState {
  status: Status;
  progress: { done: number; total: number } | null;
  sheet: Pick<
    SheetSnapshot,
    'sheetId' | 'sheetName' | 'protected' | 'rowsLeftOut' | 'colsLeftOut' | 'mergesKnown' | 'address'
  > | null;
  tables: Table[];
  error: HostError | null;
  notices: { key: StringKey; params?: Record<string, string | number> }[];
  live: boolean;
  highlight: boolean;
  /** Milliseconds of the last check (read + engine + marks), for the status line and the measures. */
  lastMs: number | null;
  /** Completed checks, so that tests and the playground can wait for the next one. */
  checks: number;
  /**
   * How the last check read the sheet: all of it, or only the cells around an edit (rows and cells
   * read, for the measures; never shown in the normal view).
   */
  lastRead: { kind: 'full' } | { kind: 'patch'; cells: number; rows: [number, number] | null } | null;
  /** The cell the user is on, for the 建议 section. */
  selection: SelectionInfo | null;
  /** The phrasing library: loaded after the first paint, in its own chunk. */
  library: PhrasingLibrary | null;
  libraryError: string | null;
  /** What the last write did, for the pane's message. */
  lastWrite: { key: StringKey; params?: Record<string, string | number> }[] | null;
  /** A template insertion that was refused: the cells in the way. */
  templateBlocked: { blockers: string[] } | null;
  /** Tables that look like the form but are not target tables (自评表, 部门整体, allocation lists): named, not checked. */
  nearMisses: NearMiss[];
  /**
   * 按所选区域识别: the range the user asked to be read as a form, and what could not be read from
   * it (part keys: projectName, amount, goal, level1, level2, name, value); `found` false when not
   * even an indicator header was there.
   */
  bySelection: { range: string; found: boolean; missing: string[]; keptAutomatic?: boolean } | null;
  /**
   * The check settings in force: saved in the workbook (Office.context.document.settings), else the
   * defaults. `saved` is the stored object, for the settings panel; `problem` says why a stored
   * object was not used (it names the key), and the defaults apply meanwhile.
   */
  settings: { config: ResolvedConfig; saved: object | null; problem: string | null };
  /** Saved corrections whose cell no longer says what it said when the clerk made them: not applied. */
  lapsed: Correction[];
  /** The workbook's visible sheets, listed once after the first check (the 其他工作表 list); null until then. */
  sheets: SheetInfo[] | null;
  /**
   * The last suggestion written over text the clerk had typed: each cell written, what it held (put
   * back exactly by 撤销: a formula as a formula, a number as a number), as shown, and what was
   * written. Gone after any other write.
   */
  undo: {
    sheetId: string;
    cells: { cell: string; before: CellContent; shown: string; after: string }[];
  } | null;
}

export type SettingsSaveResult = { ok: true } | { ok: false; problem?: string; error?: HostError };

const DEFAULT_CONFIG: ResolvedConfig = { rules: {}, ruleOptions: {} };

/** How a settings problem names its source: the workbook, not a file. */
const SETTINGS_SOURCE = '工作簿中的检查设置';

/**
 * Validates stored settings (throws ConfigError naming the key). The validator carries a schema
 * library: its own chunk, loaded only when a workbook holds settings or the 设置 tab saves some.
 */
async function parseSettings(raw: unknown): Promise<ResolvedConfig> {
  const { parseConfig } = await import(/* webpackChunkName: "config" */ '../core/config');
  return parseConfig(raw, SETTINGS_SOURCE);
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class Checker {
  private state: CheckState;
  private readonly listeners = new Set<() => void>();
  private unwatch: (() => Promise<void>) | null = null;
  private unwatchSelection: (() => Promise<void>) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  /** The sheet as the last check read it, for live checking by patches; null when only a full read will do. */
  private liveSheet: { sheetId: string; state: LiveSheet } | null = null;
  /**
   * The engine (recognition and rules), a chunk of its own: started as the pane opens, awaited by the
   * first check, so the pane is drawn before it arrives.
   */
  private readonly engine: Promise<Engine> = import(/* webpackChunkName: "engine" */ '../core/engine');
  /** The active sheet as the last full check read it (corrections record what their cell held). */
  private lastGrid: Grid | null = null;
  /** core/live, once loaded (the first check starts loading it; until then an edit reads the sheet). */
  private live: LiveModule | null = null;
  /** Edits reported since the last check, read together when they settle. */
  private pending: SheetEvent[] = [];
  private again = false;
  private disposed = false;
  /** The language of issue messages: the pane's own (set before the first check). */
  locale: EngineLocale = 'zh-CN';

  constructor(
    readonly session: SheetHost,
    private readonly debounceMs = 300,
  ) {
    const caps = session.caps;
    this.state = {
      status: 'idle',
      progress: null,
      sheet: null,
      tables: [],
      error: null,
      notices: [],
      live: caps.events,
      highlight: caps.conditionalFormats,
      lastMs: null,
      checks: 0,
      lastRead: null,
      selection: null,
      library: null,
      libraryError: null,
      lastWrite: null,
      templateBlocked: null,
      nearMisses: [],
      bySelection: null,
      settings: { config: DEFAULT_CONFIG, saved: null, problem: null },
      lapsed: [],
      sheets: null,
      undo: null,
    };
  }

  /** What the engine is run with: the pane's language, the library once loaded, the settings. */
  engineOptions(): CheckOptions {
    const { config } = this.state.settings;
    return {
      library: this.state.library ?? undefined,
      locale: this.locale,
      rules: config.rules,
      ruleOptions: config.ruleOptions,
      profile: config.profile,
      corrections: config.corrections,
      vocabulary: config.vocabulary,
    };
  }

  /**
   * Tells the engine what the selected cell is (项目名称, 年度资金总额, 指标表头行, 不是指标 …): a
   * correction kept in the workbook with the check settings, tied to the cell and the text it holds
   * now, and taken as given by every check from then on. One correction a cell: a new role replaces
   * the old one.
   */
  async correct(
    role: CorrectionRole,
    options: { cell?: string; framework?: string } = {},
  ): Promise<SettingsSaveResult> {
    const { framework } = options;
    let correction: Correction;
    try {
      const sheet = this.state.sheet;
      const sel = options.cell
        ? { sheetId: sheet?.sheetId, ...parseA1Range(options.cell)! }
        : await this.session.readSelection().then((x) => ({ sheetId: x.sheetId, top: x.row, left: x.col }));
      if (!sheet || sel.sheetId !== sheet.sheetId) return { ok: false, problem: 'sheet' };
      const grid = this.liveSheet?.state.grid ?? this.lastGrid;
      const cell = a1(sel.top, sel.left);
      correction = {
        sheet: sheet.sheetName,
        cell,
        text: grid ? cellText(grid, sel.top, sel.left) : '',
        role,
        ...(framework ? { framework } : {}),
      };
    } catch (e) {
      return { ok: false, error: hostError(e) };
    }
    const saved = (this.state.settings.saved ?? {}) as { corrections?: Correction[] };
    const others = (saved.corrections ?? []).filter(
      (c) => !(c.sheet === correction.sheet && c.cell === correction.cell),
    );
    return this.saveSettings({ ...saved, corrections: [...others, correction] });
  }

  /** Removes a saved correction (a lapsed one, or one the clerk takes back). */
  async removeCorrection(c: Pick<Correction, 'sheet' | 'cell'>): Promise<SettingsSaveResult> {
    const saved = (this.state.settings.saved ?? {}) as { corrections?: Correction[] };
    const left = (saved.corrections ?? []).filter((x) => !(x.sheet === c.sheet && x.cell === c.cell));
    const { corrections: _gone, ...rest } = saved;
    return this.saveSettings(left.length ? { ...rest, corrections: left } : rest);
  }

  /**
   * Reads the settings saved in the workbook. The validator (core/config.ts, with its schema library)
   * is its own chunk, loaded only when the workbook holds settings or the settings panel opens.
   */
  async loadSettings(): Promise<void> {
    let raw: unknown;
    try {
      raw = this.session.readSettings();
    } catch {
      raw = null;
    }
    if (raw === null || raw === undefined) return;
    const saved = typeof raw === 'object' ? (raw as object) : null;
    try {
      this.update({ settings: { config: await parseSettings(raw), saved, problem: null } });
    } catch (e) {
      this.update({
        settings: { config: DEFAULT_CONFIG, saved, problem: e instanceof Error ? e.message : String(e) },
      });
    }
  }

  /**
   * Validates and saves settings in the workbook (null: back to the defaults, nothing stored), then
   * checks the sheet again with them. An invalid object is refused with the reason (nothing saved);
   * a failed save leaves the workbook and the settings in force as they were.
   */
  async saveSettings(raw: object | null): Promise<SettingsSaveResult> {
    let config = DEFAULT_CONFIG;
    if (raw) {
      try {
        config = await parseSettings(raw);
      } catch (e) {
        return { ok: false, problem: e instanceof Error ? e.message : String(e) };
      }
    }
    try {
      await this.session.saveSettings(raw);
    } catch (e) {
      return { ok: false, error: hostError(e) };
    }
    this.update({ settings: { config, saved: raw, problem: null } });
    // Every table is checked again under the new settings: a patch would keep the old issues elsewhere.
    this.liveSheet = null;
    await this.check();
    return { ok: true };
  }

  /** The range 按所选区域识别 reads, on its sheet, until the user goes back to automatic recognition. */
  private manual: { sheetId: string; area: MergeArea; address: string } | null = null;

  /**
   * 按所选区域识别: reads the selected range as one form with a lower bar (any row with two of the
   * indicator column headers), checks it with the same rules, and keeps doing so on every check of
   * that sheet until cleared. For a form the user sees and the automatic recognition missed.
   */
  async recogniseSelection(): Promise<void> {
    try {
      const sel = await this.session.readSelection();
      const local = sel.address.includes('!')
        ? sel.address.slice(sel.address.lastIndexOf('!') + 1)
        : sel.address;
      const area = parseA1Range(local);
      if (!area) return;
      this.manual = { sheetId: sel.sheetId, area, address: local };
    } catch (e) {
      this.update({ status: 'error', error: hostError(e) });
      return;
    }
    await this.check();
  }

  async clearSelectionRecognition(): Promise<void> {
    this.manual = null;
    this.update({ bySelection: null });
    await this.check();
  }

  /**
   * 添加指标行 under the 二级 of a row: reads the table's merged areas (one sync), plans the row in
   * the core, carries it out (one sync), and checks again. Before ExcelApi 1.13 merged areas cannot
   * be read, so only the row is inserted (Excel extends the merges it passes through itself).
   */
  async addIndicatorRow(table: Table, at: Indicator): Promise<boolean> {
    const sheet = this.state.sheet;
    if (!sheet) return false;
    return this.writeThenCheck(async () => {
      const { planIndicatorRow } = await import(
        /* webpackChunkName: "templates" */ '../core/templates/add-row'
      );
      const merges = await this.session.mergedAreas(
        sheet.sheetId,
        sheet.address?.split('!').pop() ?? table.range,
      );
      const plan = planIndicatorRow(table, at, merges);
      if (!plan) return false;
      const safePlan = this.session.caps.mergedAreas ? plan : { ...plan, extend: [], create: [] };
      await this.session.insertIndicatorRow(sheet.sheetId, safePlan, table.columns.name ?? plan.left);
      this.update({ lastWrite: [{ key: 'rowAdded', params: { level2: plan.level2, row: plan.row + 1 } }] });
      return true;
    });
  }

  /**
   * Runs a write; on success checks again (our own writes do not trigger the live check) and, when
   * the write moved the selection, re-reads it; on failure shows the error.
   */
  private async writeThenCheck(write: () => Promise<boolean>, reselect = true): Promise<boolean> {
    // Another write may move or change the cells a 撤销 would put back: it is offered no longer.
    if (this.state.undo) this.update({ undo: null });
    try {
      if (!(await write())) return false;
    } catch (e) {
      this.update({ status: 'error', error: hostError(e) });
      return false;
    }
    await this.check();
    if (reselect) await this.refreshSelection();
    return true;
  }

  /**
   * Inserts a template at the selected cell or into a new sheet. A refusal (cells in the way) is
   * kept in the state for the pane to show, with the offer of a new sheet.
   */
  /**
   * Inserts a blank form: at the selected cell, into a new sheet, or below what the active sheet
   * already holds (two blank rows under the used range, from its first column: where staff stack
   * one form under another). Every target goes through the same check: if a cell is in the way,
   * nothing is written and the pane names it.
   */
  async insertTemplate(
    t: Template,
    where: 'selection' | 'newSheet' | 'below',
    sheetName = '绩效目标表',
  ): Promise<boolean> {
    return this.writeThenCheck(async () => {
      let target: InsertTarget;
      if (where === 'newSheet') target = { newSheet: sheetName };
      else if (where === 'below') {
        // The used range of the last read. If it is stale, the target check still refuses to overwrite.
        const sheet = this.state.sheet ?? (await this.session.readActiveSheet());
        const used = sheet.address ? parseA1Range(sheet.address) : null;
        target = { sheetId: sheet.sheetId, top: used ? used.bottom + 3 : 0, left: used ? used.left : 0 };
      } else {
        // Read now, not from the state: the selection may have moved since the last event.
        const sel = await this.session.readSelection();
        target = { sheetId: sel.sheetId, top: sel.row, left: sel.col };
      }
      const r = await this.session.insertTemplate(t, target);
      if (!r.inserted) {
        this.update({ templateBlocked: { blockers: r.blockers }, lastWrite: null });
        return false;
      }
      this.update({
        templateBlocked: null,
        lastWrite: [{ key: 'templateInserted', params: { sheet: r.sheetName } }],
      });
      return true;
    });
  }

  private libraryLoad: Promise<PhrasingLibrary | null> | null = null;
  private selectionTimer: ReturnType<typeof setTimeout> | null = null;

  /** Loads the phrasing library chunk once; a failure is reported and the checks go on without it. */
  loadLibrary(): Promise<PhrasingLibrary | null> {
    if (!this.libraryLoad) {
      this.libraryLoad = import(/* webpackChunkName: "phrasings" */ '../core/phrasings')
        .then((m) => {
          const library = m.loadLibrary();
          this.update({ library });
          return library;
        })
        .catch((e: unknown) => {
          this.update({ libraryError: e instanceof Error ? e.message : String(e) });
          return null;
        });
    }
    return this.libraryLoad;
  }

  getState = (): CheckState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<CheckState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** First run: sweep marks a previous pane left behind, check, and start listening. */
  async start(): Promise<void> {
    try {
      await this.session.removeTaggedFormats();
    } catch {
      // Sweeping is a courtesy: a protected or busy workbook must not stop the first check.
    }
    // The pane has painted; the checks use the library's category predictions, so wait for it here,
    // and for the settings the workbook carries.
    await Promise.all([this.loadLibrary(), this.loadSettings()]);
    await this.check();
    if (this.state.live) await this.setLive(true);
    // The 建议 section follows the selection whether live checking is on or not.
    try {
      this.unwatchSelection = await this.session.watchSelection(() => this.scheduleSelection());
    } catch {
      // Without selection events the section offers a button that reads the selection.
    }
    await this.refreshSelection();
    // One round trip: whether other sheets are there for the 其他工作表 list to offer.
    await this.session.listSheets().then(
      (sheets) => this.update({ sheets }),
      () => undefined,
    );
  }

  /** Told of every edit and sheet switch the live check hears (the 其他工作表 list keeps a sheet until it changes). */
  readonly sheetEvents = new Set<(e: SheetEvent) => void>();
  /** A sheet openSheet activated: its activation event is ours, and checked already. */
  private opening: { sheetId: string; until: number } | null = null;

  /**
   * Opens another sheet (a click in the 其他工作表 list): activates it with `cell` selected, then
   * checks it as the active sheet — once: the host's activation event for it is not checked again.
   */
  async openSheet(sheetId: string, cell: string): Promise<void> {
    this.opening = { sheetId, until: Date.now() + 2000 };
    try {
      await this.session.select(sheetId, cell);
    } catch (e) {
      this.opening = null;
      this.update({ status: 'error', error: hostError(e) });
      return;
    }
    await this.check();
    await this.refreshSelection();
  }

  /** Whether an event is the activation openSheet caused (then not checked a second time). */
  private ownActivation(e: SheetEvent): boolean {
    const o = this.opening;
    if (!o || e.kind !== 'activated' || e.sheetId !== o.sheetId) return false;
    this.opening = null;
    return Date.now() <= o.until;
  }

  /** Reads the selected cell (one sync) for the 建议 section. */
  async refreshSelection(): Promise<void> {
    try {
      const selection = await this.session.readSelection();
      this.update({ selection });
    } catch {
      // The selection is a convenience: a busy Excel must not turn it into an error message.
    }
  }

  /** Selection events come in bursts (arrow keys): read the selection once they settle. */
  private scheduleSelection(): void {
    if (this.disposed) return;
    if (this.selectionTimer) clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(
      () => {
        this.selectionTimer = null;
        void this.refreshSelection();
      },
      Math.min(100, this.debounceMs),
    );
  }

  /**
   * Writes a chosen phrasing (and value) into the cells the user picked, in one sync, then checks
   * again: our own write does not trigger the live check.
   */
  async writeCells(cells: CellWrite[], selectAfter?: string): Promise<boolean> {
    const sheet = this.state.sheet;
    if (!sheet || cells.length === 0) return false;
    return this.writeThenCheck(async () => {
      // What the cells held comes back from the same round trip as the write.
      const before = await this.session.writeCells(sheet.sheetId, cells, selectAfter);
      const names = cells.map((c) => c.cell).join('、');
      // Text the clerk typed was replaced: the message shows before → after and offers 撤销.
      if (before.length === cells.length && before.some((b) => !isEmptyContent(b))) {
        this.update({
          lastWrite: [{ key: 'wroteReplacing', params: { cells: names } }],
          undo: {
            sheetId: sheet.sheetId,
            cells: cells.map((c, i) => ({
              cell: c.cell,
              before: before[i],
              shown: this.shownText(c.cell, before[i]),
              after: c.text,
            })),
          },
        });
      } else this.update({ lastWrite: [{ key: 'wrote', params: { cells: names } }] });
      return true;
    }, false);
  }

  /** A content as the clerk saw it: a number or a formula's result as displayed (95%), a text as it is. */
  private shownText(cell: string, content: CellContent): string {
    const grid = this.liveSheet?.state.grid ?? this.lastGrid;
    const at = parseA1Range(cell);
    if (grid && at && (content.formula || typeof content.value !== 'string')) {
      const shown = cellText(grid, at.top, at.left);
      if (shown) return shown;
    }
    return String(content.value);
  }

  /**
   * 撤销 of the last suggestion written over the clerk's text: reads the sheet (a check), and when
   * every cell written still holds what was written, puts back what each held, in one write. A cell
   * changed since is the clerk's newer text: then nothing is put back, and the pane says which.
   */
  async undoWrite(): Promise<boolean> {
    const undo = this.state.undo;
    if (!undo) return false;
    await this.check();
    const sheet = this.state.sheet;
    const grid =
      this.liveSheet && this.liveSheet.sheetId === undo.sheetId ? this.liveSheet.state.grid : this.lastGrid;
    const changed = undo.cells
      .filter((c) => {
        const at = parseA1Range(c.cell);
        return (
          !grid ||
          !at ||
          sheet?.sheetId !== undo.sheetId ||
          cellText(grid, at.top, at.left) !== c.after.trim()
        );
      })
      .map((c) => c.cell);
    if (changed.length > 0) {
      this.update({ undo: null, lastWrite: [{ key: 'undoStale', params: { cells: changed.join('、') } }] });
      return false;
    }
    return this.writeThenCheck(async () => {
      await this.session.writeCells(
        undo.sheetId,
        undo.cells.map((c) => ({ cell: c.cell, text: c.shown, restore: c.before })),
      );
      this.update({
        lastWrite: [{ key: 'undone', params: { cells: undo.cells.map((c) => c.cell).join('、') } }],
      });
      return true;
    }, false);
  }

  /** Applies mechanical fixes to cells that still hold what the check saw; reports the others. */
  async applyFixes(edits: GuardedEdit[]): Promise<void> {
    const sheet = this.state.sheet;
    if (!sheet || edits.length === 0) return;
    await this.writeThenCheck(async () => {
      const { applied, skipped } = await this.session.replaceIfUnchanged(sheet.sheetId, edits);
      const lastWrite: CheckState['lastWrite'] = [];
      if (applied.length) lastWrite.push({ key: 'fixApplied', params: { n: applied.length } });
      if (skipped.length)
        lastWrite.push({ key: 'fixSkipped', params: { n: skipped.length, cells: skipped.join('、') } });
      this.update({ lastWrite });
      return true;
    }, false);
  }

  /** Checks the active sheet now; a request during a running check runs once more after it. */
  check(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.checkOnce();
      } while (this.again && !this.disposed);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkOnce(): Promise<void> {
    const t0 = now();
    this.update({ status: 'reading', progress: null, error: null });
    try {
      const snap = await this.session.readActiveSheet((done, total) => {
        if (total > done || this.state.progress) this.update({ progress: { done, total } });
      });
      this.update({ status: 'checking' });
      const options = this.engineOptions();
      this.lastGrid = snap.grid;
      const { checkSheet, recogniseRange, runRules, SheetView, sortCorrections } = await this.engine;
      const result = checkSheet(snap.grid, options);
      let tables = result.tables;
      let bySelection: CheckState['bySelection'] = null;
      const manual = this.manual && this.manual.sheetId === snap.sheetId ? this.manual : null;
      if (manual) {
        const view = new SheetView(snap.grid);
        const found = recogniseRange(snap.grid, manual.area, view).tables.map((t) =>
          runRules(t, options, undefined, view),
        );
        // The user asked for this range to be read as a form: its reading replaces any automatic one
        // there — unless it reads less (fewer fields or indicators) than the automatic reading of the
        // same cells, which is then kept, and the pane says what the selection lacked.
        const a = manual.area;
        const outside = (t: Table) => {
          const r = parseA1Range(t.range);
          return !r || r.bottom < a.top || r.top > a.bottom || r.right < a.left || r.left > a.right;
        };
        const automatic = tables.filter((t) => !outside(t));
        const worse =
          found.length > 0 &&
          automatic.length > 0 &&
          readAmount(found[0]) < Math.max(...automatic.map(readAmount));
        if (!worse) tables = [...tables.filter(outside), ...found].sort((x, y) => x.top - y.top);
        bySelection = {
          range: manual.address,
          found: found.length > 0,
          missing: found.length ? missingParts(found[0]) : [],
          ...(worse ? { keptAutomatic: true } : {}),
        };
      }
      const notices: CheckState['notices'] = [];
      if (snap.rowsLeftOut > 0)
        notices.push({ key: 'truncatedRows', params: { rows: snap.grid.values.length } });
      if (snap.colsLeftOut > 0)
        notices.push({ key: 'truncatedCols', params: { cols: snap.grid.values[0]?.length ?? 0 } });
      // A host that reads merged areas only on demand (WPS) is not missing them.
      if (!snap.mergesKnown && !this.session.caps.mergedAreas && tables.length > 0)
        notices.push({ key: 'noMergeApi' });
      if (this.state.settings.problem)
        notices.push({ key: 'settingsInvalid', params: { problem: this.state.settings.problem } });
      if (!this.session.caps.events) notices.push({ key: 'noLiveApi' });
      if (!this.session.caps.conditionalFormats) notices.push({ key: 'noHighlightApi' });
      else if (snap.protected && this.state.highlight) notices.push({ key: 'protectedNoHighlight' });
      const { grid: _grid, syncs: _syncs, ...sheet } = snap;
      // Edits to this sheet can now be read as patches (not while a selected range is read by hand).
      this.liveSheet = manual
        ? null
        : { sheetId: snap.sheetId, state: { grid: snap.grid, tables, nearMisses: result.nearMisses } };
      if (!this.live && this.session.caps.events)
        void import(/* webpackChunkName: "live" */ '../core/live').then(
          (m) => (this.live = m),
          () => undefined, // not loaded: edits keep reading the whole sheet
        );
      this.pending = [];
      this.update({
        tables,
        sheet,
        notices,
        nearMisses: result.nearMisses,
        bySelection,
        lapsed: sortCorrections(snap.grid, options.corrections).lapsed,
        lastRead: { kind: 'full' },
      });
      await this.applyMarks();
      this.update({
        status: 'done',
        progress: null,
        lastMs: Math.round(now() - t0),
        checks: this.state.checks + 1,
      });
    } catch (e) {
      this.update({
        status: 'error',
        progress: null,
        error: hostError(e),
        checks: this.state.checks + 1,
      });
    }
  }

  /**
   * After edits settle: when the host said which cells changed and they are plain edits on the sheet
   * last read, reads only those cells and the forms they touch (one sync) and re-checks just that
   * (src/core/live.ts); otherwise — no address, rows or cells inserted or deleted, another sheet, an
   * edit above or left of the sheet's first cell, a huge paste — reads and checks the whole sheet.
   */
  private async checkPending(): Promise<void> {
    if (this.running) {
      // A check is running: one more full check after it covers these edits too.
      this.again = true;
      return this.running;
    }
    const events = this.pending.splice(0);
    const plan = this.patchPlan(events);
    if (!plan) return this.check();
    this.running = this.patchOnce(plan.sheetId, plan.area).finally(() => {
      this.running = null;
    });
    await this.running;
    if (this.again && !this.disposed) {
      this.again = false;
      await this.check();
    }
  }

  private patchPlan(events: SheetEvent[]): { sheetId: string; area: MergeArea } | null {
    const live = this.liveSheet;
    if (!live || !this.live || events.length === 0) return null;
    let changed: MergeArea | null = null;
    for (const e of events) {
      if (
        e.kind !== 'changed' ||
        e.sheetId !== live.sheetId ||
        !e.address ||
        (e.changeType && e.changeType !== 'RangeEdited')
      )
        return null;
      const a = e.address.includes(',') ? null : parseA1Range(e.address);
      if (!a) return null;
      changed = changed
        ? {
            top: Math.min(changed.top, a.top),
            left: Math.min(changed.left, a.left),
            bottom: Math.max(changed.bottom, a.bottom),
            right: Math.max(changed.right, a.right),
          }
        : a;
    }
    const area = this.live.readAreaFor(live.state, changed!);
    const origin = live.state.grid.origin ?? { row: 0, col: 0 };
    if (area.top < origin.row || area.left < origin.col) return null;
    if (area.bottom - area.top + 1 > WINDOW_ROWS || area.right - area.left + 1 > WINDOW_COLS) return null;
    return { sheetId: live.sheetId, area };
  }

  private async patchOnce(sheetId: string, area: MergeArea): Promise<void> {
    const live = this.liveSheet;
    if (!live || !this.live) return this.checkOnce();
    const t0 = now();
    try {
      const patch = await this.session.readArea(sheetId, area);
      const options = this.engineOptions();
      const { sortCorrections } = await this.engine;
      const next = this.live.applyPatch(live.state, patch, options);
      this.liveSheet = { sheetId, state: next };
      const marks = JSON.stringify(this.marksFor());
      const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      this.update({
        tables: next.tables,
        nearMisses: next.nearMisses,
        // An edit may change a corrected cell: its correction lapses at once.
        lapsed: sortCorrections(next.grid, options.corrections).lapsed,
        error: null,
        lastRead: { kind: 'patch', cells, rows: next.rows },
      });
      // The marks change only when the marked cells do: most edits need no second sync.
      if (JSON.stringify(this.marksFor()) !== marks) await this.applyMarks();
      this.update({ status: 'done', lastMs: Math.round(now() - t0), checks: this.state.checks + 1 });
    } catch {
      // A patch that cannot be read (a cell in edit mode, the sheet gone): read everything instead.
      this.liveSheet = null;
      await this.checkOnce();
    }
  }

  private marksFor(): Record<MarkSeverity, string[]> {
    const out: Record<MarkSeverity, string[]> = { error: [], warning: [] };
    for (const t of this.state.tables)
      for (const i of t.issues)
        if (i.severity === 'error' || i.severity === 'warning') out[i.severity].push(i.cell);
    // A cell with an error is marked as an error only.
    const errors = new Set(out.error);
    out.warning = out.warning.filter((c) => !errors.has(c));
    return out;
  }

  /** The marks last written, by sheet: the same marks are not written again. */
  private marksWritten: string | null = null;

  /**
   * Marks the issues' cells. Marks the sheet already has are not written again: in Excel every write
   * is a step of the clerk's undo list, and a check that changed nothing must not push their own
   * edit one Ctrl+Z further away.
   */
  private async applyMarks(): Promise<void> {
    const sheet = this.state.sheet;
    if (!this.session.caps.conditionalFormats) return;
    if (!this.state.highlight || !sheet || sheet.protected) {
      this.marksWritten = null;
      await this.session.clearHighlights();
      return;
    }
    const marks = this.marksFor();
    const key = `${sheet.sheetId}\n${JSON.stringify(marks)}`;
    if (key === this.marksWritten) return;
    this.marksWritten = null;
    await this.session.setHighlights(sheet.sheetId, marks);
    this.marksWritten = key;
  }

  async setHighlight(on: boolean): Promise<void> {
    this.marksWritten = null;
    this.update({ highlight: on });
    try {
      await this.applyMarks();
    } catch (e) {
      this.update({ status: 'error', error: hostError(e) });
    }
  }

  async setLive(on: boolean): Promise<void> {
    this.update({ live: on && this.session.caps.events });
    if (this.unwatch) {
      const u = this.unwatch;
      this.unwatch = null;
      await u();
    }
    if (!on || !this.session.caps.events) return;
    try {
      this.unwatch = await this.session.watch((e) => {
        for (const l of this.sheetEvents) l(e);
        if (this.ownActivation(e)) return;
        this.pending.push(e);
        this.schedule();
      });
    } catch (e) {
      this.update({ live: false, status: 'error', error: hostError(e) });
    }
  }

  /** Debounce: a burst of edits (a paste, typing across cells) gives one check. */
  private schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.checkPending();
    }, this.debounceMs);
  }

  async select(cell: string): Promise<void> {
    const sheet = this.state.sheet;
    if (!sheet) return;
    try {
      await this.session.select(sheet.sheetId, cell);
    } catch (e) {
      this.update({ status: 'error', error: hostError(e) });
    }
  }

  /** The pane is closing: stop listening and remove our marks. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.selectionTimer) clearTimeout(this.selectionTimer);
    if (this.unwatch) await this.unwatch().catch(() => undefined);
    if (this.unwatchSelection) await this.unwatchSelection().catch(() => undefined);
    this.unwatch = null;
    this.unwatchSelection = null;
    await this.session.clearHighlights().catch(() => undefined);
  }
}

/** What a table read from a selection lacks, as part keys the pane names (项目名称, 指标值列, …). */
/** How much a reading holds: the fields read and the indicator rows. */
function readAmount(t: Table): number {
  return Object.keys(readingOf(t).fields).length + filledIndicators(t).length;
}

export function missingParts(t: Table): string[] {
  const out: string[] = [];
  if (!t.projectName) out.push('projectName');
  if (!t.amounts.total && !t.amounts.annual) out.push('amount');
  if (!t.goal) out.push('goal');
  for (const col of ['level1', 'level2', 'name', 'value'] as const)
    if (t.columns[col] === null) out.push(col);
  return out;
}
