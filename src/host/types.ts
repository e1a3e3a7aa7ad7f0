/**
 * What the pane needs from a spreadsheet host — Excel through Office.js (src/adapter), WPS 表格
 * through its object model (src/wps) — and the data that crosses the boundary. Host-neutral: no
 * Office.js or WPS calls here; each host implements SheetHost in its own folder, and the pane
 * (src/taskpane) talks only to this interface.
 */
import type { Grid, MergeArea } from '../core/grid';
import type { CellContent } from './contents';
import type { GridPatch } from '../core/live';
import type { AddRowPlan } from '../core/templates/add-row';
import type { Template } from '../core/templates/template';

/** First read: up to this many rows and columns from the used range's top-left cell, in one round trip. */
export const WINDOW_ROWS = 2000;
/** Columns read at all: a 附件2 form is about 8 wide; a sheet wider than this is cut (and said so). */
export const WINDOW_COLS = 64;
/** Rows read at all: 60,000 × 64 columns stays under Excel's 5 million cells per workbook read. */
export const MAX_ROWS = 60000;

/** Marks our conditional formats: N("…") is 0, so the rule is always true, and the text finds them. */
export const HIGHLIGHT_TAG = 'jixiao:highlight';
export const HIGHLIGHT_FORMULA = `=N("${HIGHLIGHT_TAG}")=0`;
export const HIGHLIGHT_COLORS = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
} as const;
export type MarkSeverity = keyof typeof HIGHLIGHT_COLORS;

/** What the running host can do; the pane degrades (no merges, no highlights, no live check) without a feature. */
export interface Capabilities {
  /** Selection events: the 建议 section follows the selected cell (Office: ExcelApi 1.2). */
  selectionEvents: boolean;
  /** Merging cells, column widths and row heights: a template's layout (1.2). */
  layout: boolean;
  /** Sheet protection status, and the used range of values only (1.2). */
  protection: boolean;
  /** Conditional formats for highlights (1.6). */
  conditionalFormats: boolean;
  /** Sheet change and activation events, reading by row and column indexes (1.7). */
  events: boolean;
  /** Workbook-wide change events, several areas in one range (1.9). */
  collectionEvents: boolean;
  /** Data validation lists for the templates' dropdowns (1.8). */
  dataValidation: boolean;
  /** Reading the merged areas of a range (1.13). */
  mergedAreas: boolean;
}

export interface SheetSnapshot {
  grid: Grid;
  sheetId: string;
  sheetName: string;
  /** The used range read, or null for an empty sheet. */
  address: string | null;
  protected: boolean;
  /** Rows/columns of the used range left out because of the read limits, or 0. */
  rowsLeftOut: number;
  colsLeftOut: number;
  /** Whether merged areas were available (Office: ExcelApi 1.13). */
  mergesKnown: boolean;
  /** Round trips to the host this read took (Office: context.sync calls; WPS: object-model calls). */
  syncs: number;
}

export type Progress = (doneRows: number, totalRows: number) => void;

/** A sheet of the workbook, in tab order. */
export interface SheetInfo {
  sheetId: string;
  sheetName: string;
  /**
   * Hidden or very hidden: its forms are read and counted like any other sheet's (the command line
   * checks them too), but the host cannot activate it, so the pane does not offer to open it.
   */
  hidden: boolean;
}

export interface SheetEvent {
  kind: 'changed' | 'activated';
  sheetId: string;
  /** The changed cells ("B4", "B4:C9"; no sheet name), when the host says (live checking reads just those). */
  address?: string;
  /** The kind of change: RangeEdited, or RowInserted, CellDeleted…, which move cells (Excel's names). */
  changeType?: string;
}

/** The selected cell (top-left of the selection), zero-based. */
export interface SelectionInfo {
  sheetId: string;
  row: number;
  col: number;
  address: string;
}

/** A text to write into one cell. */
export interface CellWrite {
  cell: string;
  text: string;
  /** Written instead of `text`: a content writeCells reported, put back exactly (撤销). */
  restore?: CellContent;
}

/** A replacement applied only while the cell still holds `before` (the text the check saw). */
export interface GuardedEdit {
  cell: string;
  before: string;
  after: string;
}

/** Where a template goes: at a cell of a sheet, or into a new sheet of that name. */
export type InsertTarget = { sheetId: string; top: number; left: number } | { newSheet: string };

export interface InsertResult {
  inserted: boolean;
  /** Cells in the way (non-empty, or covered by a merged area), when nothing was inserted. */
  blockers: string[];
  sheetId: string;
  sheetName: string;
  /** Round trips the insertion took. */
  syncs: number;
}

/** A planned 添加指标行 (core/templates/add-row), as the host carries it out. */
export type RowPlan = Pick<AddRowPlan, 'row' | 'left' | 'right' | 'extend' | 'create'>;

/**
 * The spreadsheet host as the pane uses it. Every method either does all it says or changes
 * nothing, and fails with a HostFailure (host/errors.ts) that the pane can explain.
 */
export interface SheetHost {
  readonly caps: Capabilities;
  /** Round trips made so far, for the measures (never shown in the normal view). */
  readonly syncs: number;
  /** Whether the workbook can keep the check settings. */
  readonly settingsAvailable: boolean;
  /** The check settings saved in the workbook, as stored (the caller validates them), or null. */
  readSettings(): unknown;
  /** Saves the check settings in the workbook (null removes them); a failed save changes nothing. */
  saveSettings(value: object | null): Promise<void>;
  /** The active sheet's used range: values, displayed text where a number format changes it, merges. */
  readActiveSheet(onProgress?: Progress): Promise<SheetSnapshot>;
  /** The workbook's visible sheets in tab order (Office: one context.sync). */
  listSheets(): Promise<SheetInfo[]>;
  /** Another sheet, read as readActiveSheet reads the active one (one round trip for most sheets). */
  readSheet(sheetId: string, onProgress?: Progress): Promise<SheetSnapshot>;
  /** One area of a sheet, for live checking by patches. */
  readArea(sheetId: string, area: MergeArea): Promise<GridPatch>;
  /** Selects a cell (and scrolls it into view). */
  select(sheetId: string, cell: string): Promise<void>;
  readSelection(): Promise<SelectionInfo>;
  /**
   * Writes texts into cells (the caller has checked they may be written); resolves to what each cell
   * held before, read in the same round trip, so that the pane can put it back.
   */
  writeCells(sheetId: string, cells: CellWrite[], selectAfter?: string): Promise<CellContent[]>;
  /** Applies each edit only while its cell still holds `before`. */
  replaceIfUnchanged(
    sheetId: string,
    edits: GuardedEdit[],
  ): Promise<{ applied: string[]; skipped: string[] }>;
  /** Inserts a blank form, or writes nothing and names the cells in the way. */
  insertTemplate(t: Template, target: InsertTarget): Promise<InsertResult>;
  /** The merged areas inside an address of a sheet. */
  mergedAreas(sheetId: string, address: string): Promise<MergeArea[]>;
  /** Inserts an indicator row as planned, extending and creating merges. */
  insertIndicatorRow(sheetId: string, plan: RowPlan, selectCol: number): Promise<void>;
  /** Marks cells by severity, in a way that removes without trace; replaces earlier marks. */
  setHighlights(sheetId: string, cells: Record<MarkSeverity, string[]>): Promise<void>;
  clearHighlights(): Promise<void>;
  /** Removes marks an earlier pane left behind; how many. */
  removeTaggedFormats(): Promise<number>;
  /** Reports edits and sheet switches (not the add-in's own writes); resolves to a stop function. */
  watch(onEvent: (e: SheetEvent) => void): Promise<() => Promise<void>>;
  watchSelection(onSelection: () => void): Promise<() => Promise<void>>;
}
