/**
 * The ExcelApi requirement set of every Excel member the adapter uses, as the simulated host
 * enforces it: a member newer than the host's version fails the sync with ApiNotFound, as in a real
 * Excel of that version. The versions are copied from the `[Api set: ExcelApi x.y]` annotations of
 * @types/office-js, and test/api-sets.test.ts reads those annotations to check every entry, and that
 * every Excel member named in src/adapter is listed here.
 *
 * A member whose value is an object is reached only through another one (`via`) that the host gates
 * itself: the colour of a conditional format exists only on a format that `add` (1.6) created.
 */
export const SIM_API_SETS = {
  'Workbook.worksheets': '1.1',
  'Workbook.getSelectedRange': '1.1',
  'Workbook.onSelectionChanged': '1.2',
  'WorksheetCollection.getActiveWorksheet': '1.1',
  'WorksheetCollection.getItem': '1.1',
  'WorksheetCollection.add': '1.1',
  'WorksheetCollection.onActivated': '1.7',
  'WorksheetCollection.onChanged': '1.9',
  'Worksheet.name': '1.1',
  'Worksheet.id': '1.1',
  'Worksheet.visibility': '1.1',
  'Worksheet.activate': '1.1',
  'Worksheet.getRange': '1.1',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.getRanges': '1.9',
  'Worksheet.getUsedRange': '1.1',
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.protection': '1.2',
  'Worksheet.onChanged': '1.7',
  'WorksheetProtection.protected': { version: '1.2', via: 'Worksheet.protection' },
  'WorksheetChangedEventArgs.worksheetId': { version: '1.7', via: 'Worksheet.onChanged' },
  'WorksheetChangedEventArgs.address': { version: '1.7', via: 'Worksheet.onChanged' },
  'WorksheetChangedEventArgs.changeType': { version: '1.7', via: 'Worksheet.onChanged' },
  'WorksheetChangedEventArgs.triggerSource': '1.14',
  'Range.address': '1.1',
  'Range.rowIndex': '1.1',
  'Range.columnIndex': '1.1',
  'Range.rowCount': '1.1',
  'Range.columnCount': '1.1',
  'Range.values': '1.1',
  'Range.text': '1.1',
  'Range.formulas': '1.1',
  'Range.numberFormat': '1.1',
  'Range.format': '1.1',
  'Range.worksheet': '1.1',
  'Range.select': '1.1',
  'Range.insert': '1.1',
  'Range.getAbsoluteResizedRange': '1.7',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.getMergedAreasOrNullObject': '1.13',
  'Range.merge': '1.2',
  'Range.unmerge': '1.2',
  'Range.dataValidation': '1.8',
  'Range.conditionalFormats': '1.6',
  'RangeAreas.conditionalFormats': { version: '1.9', via: 'Worksheet.getRanges' },
  'RangeFormat.fill': '1.1',
  'RangeFormat.font': '1.1',
  'RangeFormat.borders': '1.1',
  'RangeFormat.wrapText': '1.1',
  'RangeFormat.horizontalAlignment': '1.1',
  'RangeFormat.verticalAlignment': '1.1',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RangeFont.bold': '1.1',
  'RangeFont.size': '1.1',
  'RangeFill.color': '1.1',
  'RangeBorderCollection.getItem': '1.1',
  'RangeBorder.style': '1.1',
  'DataValidation.rule': { version: '1.8', via: 'Range.dataValidation' },
  'DataValidationRule.list': { version: '1.8', via: 'Range.dataValidation' },
  'ConditionalFormatCollection.add': '1.6',
  'ConditionalFormatCollection.getItem': '1.6',
  'ConditionalFormat.id': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalFormat.type': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalFormat.custom': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalFormat.delete': { version: '1.6', via: 'Range.conditionalFormats' },
  'CustomConditionalFormat.rule': { version: '1.6', via: 'Range.conditionalFormats' },
  'CustomConditionalFormat.format': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalFormatRule.formula': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalRangeFormat.fill': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalRangeFormat.font': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalRangeFill.color': { version: '1.6', via: 'Range.conditionalFormats' },
  'ConditionalRangeFont.color': { version: '1.6', via: 'Range.conditionalFormats' },
} as const satisfies Record<string, string | { version: string; via: string }>;

export type SimMember = keyof typeof SIM_API_SETS;

/** The version a member needs. */
export function versionOf(member: SimMember): string {
  const v: string | { version: string } = SIM_API_SETS[member];
  return typeof v === 'string' ? v : v.version;
}
