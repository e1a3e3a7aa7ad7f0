/**
 * 其他工作表: what the other sheets of the workbook hold — each sheet's forms (name, range, errors) —
 * for the list under the pane's summary. Loaded with that list, after the first check.
 *
 * - Read on demand (检查其他工作表), one host read per sheet (SheetHost.readSheet: one context.sync
 *   on Office for any sheet up to WINDOW_ROWS rows), one sheet after another with a pause between
 *   them, so that a workbook of many sheets never holds the pane up; progress is shown and the
 *   clerk can stop.
 * - Kept until that sheet changes: the host's change events (heard by live checking) mark a sheet
 *   changed, and only changed or unread sheets are read again. Where those events are not heard
 *   (live checking off, or a host without events), nothing can be known to be unchanged: every
 *   request reads every other sheet again.
 * - The active sheet is the pane's own check: when the clerk leaves it, what that check found is kept
 *   for it here, without a read.
 */
import { checkSheet, countBySeverity } from '../core/check';
import { a1 } from '../core/grid';
import type { Table } from '../core/model';
import { type HostError, hostError } from '../host/errors';
import type { SheetEvent, SheetInfo, SheetSnapshot } from '../host/types';
import type { CheckState, Checker } from './checker';

export interface SheetTable {
  name: string | null;
  range: string;
  /** The table's first cell: where opening the sheet puts the selection. */
  cell: string;
  errors: number;
}

export interface SheetSummary {
  sheetId: string;
  sheetName: string;
  /** A hidden sheet: listed with its forms, but not offered to open (the host cannot activate it). */
  hidden: boolean;
  tables: SheetTable[];
  errors: number;
  /** The host said the sheet changed since it was read. */
  changed: boolean;
  /** Read while no change event could be heard: read again on the next request. */
  unsure: boolean;
}

export interface WorkbookState {
  /** The sheets in tab order, hidden ones marked, as last listed (null: not listed yet). */
  sheets: SheetInfo[] | null;
  summaries: Record<string, SheetSummary>;
  /** Sheets that could not be read, with the reason. */
  failed: Record<string, HostError>;
  /** While reading: sheets read of those to read. */
  progress: { done: number; total: number } | null;
  /** Listing the sheets failed. */
  error: HostError | null;
  /** Whether a request has been made (then "no other sheet" is worth saying). */
  scanned: boolean;
  /** A hidden sheet the clerk tried to open: the pane says how to show it. */
  hiddenNotice: string | null;
}

/** Lets the pane paint and the clerk act between two sheets' reads. */
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

function tablesOf(tables: Table[]): SheetTable[] {
  return tables.map((t) => ({
    name: t.projectName,
    range: t.range,
    cell: a1(t.top, t.left),
    errors: countBySeverity(t.issues).error,
  }));
}

export class WorkbookScan {
  private state: WorkbookState = {
    sheets: null,
    summaries: {},
    failed: {},
    progress: null,
    error: null,
    scanned: false,
    hiddenNotice: null,
  };
  private readonly listeners = new Set<() => void>();
  /** Changes heard per sheet: a read that a change overtook is not kept as unchanged. */
  private readonly versions = new Map<string, number>();
  private stopping = false;
  /** The pane's state last seen: its tables are kept for its sheet, and its settings decide the checks. */
  private seen: CheckState;

  constructor(readonly checker: Checker) {
    this.seen = checker.getState();
    this.capture(this.seen);
    checker.subscribe(() => this.follow(checker.getState()));
    checker.sheetEvents.add((e) => this.heard(e));
  }

  getState = (): WorkbookState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(patch: Partial<WorkbookState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Whether the host's change events reach us now (live checking listens for them). */
  private get listening(): boolean {
    return this.checker.session.caps.events && this.checker.getState().live;
  }

  private follow(next: CheckState): void {
    const prev = this.seen;
    this.seen = next;
    // Checked under other settings (or, with the phrasing library, other predictions): not kept.
    const rechecked = next.settings !== prev.settings || next.library !== prev.library;
    // Live checking turned off: a sheet's changes are no longer heard.
    const deaf = prev.live && !next.live;
    if (rechecked || deaf) {
      const summaries = Object.fromEntries(
        Object.entries(this.state.summaries).map(([id, s]) => [id, { ...s, unsure: true }]),
      );
      this.update({ summaries });
    }
    if (next.tables !== prev.tables || next.sheet?.sheetId !== prev.sheet?.sheetId) this.capture(next);
  }

  /** What the pane's own check found on the active sheet: kept for it, for when the clerk leaves it. */
  private capture(s: CheckState): void {
    if (!s.sheet || s.status === 'error') return;
    // The active sheet is visible: the host shows the sheet it activates.
    this.keep({ sheetId: s.sheet.sheetId, sheetName: s.sheet.sheetName, hidden: false }, s.tables, {
      changed: false,
      unsure: !this.listening,
    });
  }

  private keep(sheet: SheetInfo, tables: Table[], flags: Pick<SheetSummary, 'changed' | 'unsure'>): void {
    const { sheetId } = sheet;
    const list = tablesOf(tables);
    const summary: SheetSummary = {
      ...sheet,
      tables: list,
      errors: list.reduce((n, t) => n + t.errors, 0),
      ...flags,
    };
    const { [sheetId]: _gone, ...failed } = this.state.failed;
    this.update({ summaries: { ...this.state.summaries, [sheetId]: summary }, failed });
  }

  /** A change the host reported: that sheet is read again on the next request. */
  private heard(e: SheetEvent): void {
    if (e.kind !== 'changed') return;
    this.versions.set(e.sheetId, (this.versions.get(e.sheetId) ?? 0) + 1);
    const s = this.state.summaries[e.sheetId];
    // The active sheet's own check follows its edits (and is kept from there).
    if (s && !s.changed && e.sheetId !== this.checker.getState().sheet?.sheetId)
      this.update({ summaries: { ...this.state.summaries, [e.sheetId]: { ...s, changed: true } } });
  }

  /** A sheet whose summary can be shown as it is, and needs no read. */
  kept(sheetId: string): boolean {
    const s = this.state.summaries[sheetId];
    return !!s && !s.changed && !s.unsure;
  }

  /**
   * The other sheets, in tab order as last listed (the pane lists them after its first check), then
   * any sheet the pane has checked since that the list does not know (a sheet 插入模板 added).
   */
  others(): SheetInfo[] {
    const sheets = this.state.sheets ?? this.checker.getState().sheets ?? [];
    const listed = new Set(sheets.map((s) => s.sheetId));
    const since = Object.values(this.state.summaries).filter((s) => !listed.has(s.sheetId));
    const active = this.checker.getState().sheet?.sheetId;
    return [...sheets, ...since].filter((s) => s.sheetId !== active);
  }

  /**
   * Takes a new listing: sheets gone (deleted, or renamed on WPS, where a sheet is known by its name)
   * are forgotten, and each kept sheet takes its visibility as listed now (hiding or showing a sheet
   * changes none of its cells, so what was read of it still holds).
   */
  private relist(sheets: SheetInfo[]): void {
    const listed = new Map(sheets.map((s) => [s.sheetId, s]));
    const active = this.checker.getState().sheet?.sheetId;
    const summaries: Record<string, SheetSummary> = {};
    for (const [id, s] of Object.entries(this.state.summaries)) {
      const now = listed.get(id);
      if (now) summaries[id] = { ...s, hidden: now.hidden };
      else if (id === active) summaries[id] = s;
    }
    this.update({ sheets, summaries });
  }

  /**
   * Reads the other sheets that are not kept: lists the sheets (one round trip), then reads each
   * (one round trip for most sheets) and checks it with the pane's settings.
   */
  async scan(): Promise<void> {
    if (this.state.progress) return;
    this.stopping = false;
    this.update({ progress: { done: 0, total: 0 }, error: null, scanned: true });
    try {
      this.relist(await this.checker.session.listSheets());
      const todo = this.others().filter((s) => !this.kept(s.sheetId));
      this.update({ progress: { done: 0, total: todo.length } });
      for (let i = 0; i < todo.length && !this.stopping; i++) {
        await this.read(todo[i]);
        this.update({ progress: { done: i + 1, total: todo.length } });
        await pause();
      }
    } catch (e) {
      this.update({ error: hostError(e) });
    } finally {
      this.update({ progress: null });
    }
  }

  private async read(sheet: SheetInfo): Promise<void> {
    const version = this.versions.get(sheet.sheetId) ?? 0;
    const unsure = !this.listening;
    let snap: SheetSnapshot;
    try {
      snap = await this.checker.session.readSheet(sheet.sheetId);
    } catch (e) {
      this.update({ failed: { ...this.state.failed, [sheet.sheetId]: hostError(e) } });
      return;
    }
    const { tables } = checkSheet(snap.grid, this.checker.engineOptions());
    // A change heard while the sheet was being read: what was read may be older than the sheet.
    this.keep({ sheetId: snap.sheetId, sheetName: snap.sheetName, hidden: sheet.hidden }, tables, {
      changed: (this.versions.get(sheet.sheetId) ?? 0) !== version,
      unsure,
    });
  }

  /** Stops after the sheet being read. */
  stop(): void {
    this.stopping = true;
  }

  /**
   * Activates a sheet of the list, its first form's first cell selected, and checks it as the active
   * sheet. A sheet listed as hidden is listed again first (one round trip: the clerk may have shown
   * it since); while it stays hidden it is not opened — the host cannot activate it — and the pane
   * says so (`hiddenNotice`).
   */
  async open(sheetId: string): Promise<void> {
    if (this.state.summaries[sheetId]?.hidden) {
      try {
        this.relist(await this.checker.session.listSheets());
      } catch (e) {
        this.update({ error: hostError(e) });
        return;
      }
      const now = this.state.summaries[sheetId];
      if (!now || now.hidden) {
        this.update({ hiddenNotice: now ? sheetId : null });
        return;
      }
    }
    this.update({ hiddenNotice: null });
    const cell = this.state.summaries[sheetId]?.tables[0]?.cell ?? 'A1';
    return this.checker.openSheet(sheetId, cell);
  }
}

const scans = new WeakMap<Checker, WorkbookScan>();

/** One list per pane: kept while the list's view comes and goes. */
export function workbookScan(checker: Checker): WorkbookScan {
  let scan = scans.get(checker);
  if (!scan) scans.set(checker, (scan = new WorkbookScan(checker)));
  return scan;
}
