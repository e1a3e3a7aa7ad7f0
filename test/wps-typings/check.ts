/**
 * Compiled, not run (test/wps-typings.test.ts): the adapter's view of WPS's object model
 * (src/wps/et.ts) must be something Kingsoft's own typings (et-jsapi-declare) can stand in for.
 * Each assignment fails to compile if et.ts names a member the typings do not declare, or gives it
 * a shape they contradict.
 */
import type {
  EtApiEvent,
  EtApplication,
  EtDocumentProperties,
  EtFormatConditions,
  EtRange,
  EtSheets,
  EtWorkbook,
  EtWorksheet,
} from '../../src/wps/et';

declare const range: Et.Range;
declare const sheet: Et.Worksheet;
declare const sheets: Et.Sheets;
declare const conditions: Et.FormatConditions;
declare const properties: Kso.DocumentProperties;
declare const events: WPS.EtApiEvent;

export const checks: [EtRange, EtWorksheet, EtSheets, EtFormatConditions, EtDocumentProperties, EtApiEvent] =
  [range, sheet, sheets, conditions, properties, events];

// The application as the add-in gets it (index.d.ts: the global Application).
export const app: Pick<
  EtApplication,
  'PluginStorage' | 'ApiEvent' | 'EnableEvents' | 'CreateTaskPane' | 'GetTaskPane'
> = Application;
export const workbookSheets: EtWorkbook['Worksheets'] = Application.ActiveWorkbook.Worksheets;
