/**
 * The part of WPS 表格's JavaScript object model (ET, "WPS 加载项" JSAPI) that the WPS adapter uses,
 * typed here rather than pulled in as global declarations. Every member is as declared in Kingsoft's
 * typings for the ET JSAPI (npm `et-jsapi-declare` 2.5.0: lib.et.d.ts, lib.kso.d.ts, addon.et.d.ts,
 * index.d.ts) and used as the official add-in templates use it (npm `wpsjs` 2.2.3,
 * packages/@wps-jsapi/et_react). `test/wps-typings.test.ts` compiles this file against those typings,
 * so a member written here that the typings do not declare fails the build of the tests.
 *
 * The object model follows VBA: synchronous calls, 1-based rows and columns, `Address()` a method,
 * `Value2` a 2-D array for a range of several cells. What the typings cannot say — how a multi-cell
 * `NumberFormat` or `MergeCells` answers when the cells differ (VBA: null) — is listed as unconfirmed
 * in the README.
 */

/** lib.et.d.ts `Et.Application` (and index.d.ts `WPS.AddonRoot`, `WPS.EtAddonRoot`). */
export interface EtApplication {
  /** lib.et.d.ts Application.ActiveSheet */
  readonly ActiveSheet: EtWorksheet;
  /** lib.et.d.ts Application.ActiveWorkbook */
  readonly ActiveWorkbook: EtWorkbook;
  /** lib.et.d.ts Application.Selection (a Range when cells are selected) */
  readonly Selection: EtRange;
  /** lib.et.d.ts Application.EnableEvents: off while the add-in writes, so its writes raise no events */
  EnableEvents: boolean;
  /** addon.et.d.ts EtAddonRoot.ApiEvent */
  readonly ApiEvent: EtApiEvent;
  /** index.d.ts AddonRoot.PluginStorage: shared by the add-in's pages, not persisted */
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  /** index.d.ts AddonRoot.CreateTaskPane */
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  /** index.d.ts AddonRoot.GetTaskPane */
  GetTaskPane(id: number): EtTaskPane;
}

/** index.d.ts `WPS.CustomTaskpane` */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
}

/** lib.et.d.ts `Et.Workbook` */
export interface EtWorkbook {
  /** lib.et.d.ts Workbook.Worksheets */
  readonly Worksheets: EtSheets;
  /** lib.et.d.ts Workbook.CustomDocumentProperties (a kso DocumentProperties) */
  readonly CustomDocumentProperties: EtDocumentProperties;
}

/** lib.et.d.ts `Et.Sheets` */
export interface EtSheets {
  readonly Count: number;
  /** 1-based index or sheet name: a Worksheet (several names would give Sheets; never asked here) */
  Item(index: number | string): EtWorksheet | EtSheets;
  /** Add(Before?, After?, Count?, Type?) */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

/** lib.et.d.ts `Et.Worksheet` */
export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  readonly UsedRange: EtRange;
  readonly ProtectContents: boolean;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden */
  readonly Visible: unknown;
  /** Range(Cell1, Cell2?): here always an A1 address */
  Range(address: string): EtRange;
  Activate(): void;
}

/** lib.et.d.ts `Et.Range` */
export interface EtRange {
  /** Values without dates or currency converted: a 2-D array for several cells, a value for one. */
  Value2: unknown;
  Formula: unknown;
  /** The number format; for several cells with different formats, VBA answers null (unconfirmed in WPS). */
  NumberFormat: unknown;
  /** 1-based first row and column */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** Address(RowAbsolute?, ColumnAbsolute?): "$A$1:$B$2" by default */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  /** true, false, or (several cells, some merged) null */
  readonly MergeCells: unknown;
  /** The merged area a cell is in (the cell itself when it is not merged) */
  readonly MergeArea: EtRange;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  Select(): unknown;
  /** Insert(Shift?): xlShiftDown = -4121 */
  Insert(Shift?: number): unknown;
  readonly Worksheet: EtWorksheet;
  readonly FormatConditions: EtFormatConditions;
  ColumnWidth: unknown;
  RowHeight: unknown;
  readonly Interior: { Color: unknown };
  readonly Font: { Bold: unknown; Color: unknown; Size: unknown };
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  WrapText: unknown;
  /** Borders.Item(xlEdge…).LineStyle */
  readonly Borders: { Item(index: number): { LineStyle: unknown } };
  /** Validation.Add(Type, AlertStyle?, Operator?, Formula1?) */
  readonly Validation: {
    Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string): unknown;
  };
}

/** lib.et.d.ts `Et.FormatConditions` */
export interface EtFormatConditions {
  readonly Count: number;
  /** 1-based */
  Item(index: number): EtFormatCondition;
  /** Add(Type, Operator?, Formula1?): xlExpression = 2 */
  Add(Type: number, Operator?: unknown, Formula1?: string): EtFormatCondition;
}

/** lib.et.d.ts `Et.FormatCondition` */
export interface EtFormatCondition {
  readonly Formula1: string;
  readonly Interior: { Color: unknown };
  readonly Font: { Color: unknown };
  Delete(): void;
}

/** lib.kso.d.ts `DocumentProperties` */
export interface EtDocumentProperties {
  readonly Count: number;
  /** 1-based index or name */
  Item(index: number | string): EtDocumentProperty;
  /** Add(Name, LinkToContent, Type?, Value?): msoPropertyTypeString = 4 */
  Add(Name: string, LinkToContent: boolean, Type?: number, Value?: string): EtDocumentProperty;
}

/** lib.kso.d.ts `DocumentProperty` */
export interface EtDocumentProperty {
  Name: string;
  Value: unknown;
  Delete(): void;
}

/** addon.et.d.ts `WPS.EtApiEvent`: a callback is a function or the name of a global function */
export interface EtApiEvent {
  AddApiEventListener(EventName: string, callback: (...args: unknown[]) => void): void;
  RemoveApiEventListener(EventName: string, callback?: (...args: unknown[]) => void): void;
}

/** VBA constants the adapter passes (lib.et.d.ts enums) */
export const XL = {
  /** XlInsertShiftDirection.xlShiftDown */
  shiftDown: -4121,
  /** XlFormatConditionType.xlExpression */
  expression: 2,
  /** XlDVType.xlValidateList */
  validateList: 3,
  /** XlLineStyle.xlContinuous */
  continuous: 1,
  /** XlBordersIndex: xlEdgeLeft … xlInsideHorizontal */
  edges: [7, 8, 9, 10, 11, 12],
  /** XlHAlign / XlVAlign */
  align: { left: -4131, center: -4108, right: -4152, top: -4160, middle: -4108, bottom: -4107 },
  /** MsoDocProperties.msoPropertyTypeString */
  propertyString: 4,
  /** XlSheetVisibility.xlSheetHidden, xlSheetVeryHidden (xlSheetVisible is -1) */
  sheetHidden: 0,
  sheetVeryHidden: 2,
} as const;
