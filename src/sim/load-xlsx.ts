/**
 * An .xlsx (bytes) → a simulated workbook, with ExcelJS: values as Excel's Range.values reports
 * them, number formats, the cells' own fill and font, merged areas, sheet protection (sheetProtection
 * in the sheet's XML) with the cells unlocked before it, and what the hosts keep of an add-in in the
 * file: this add-in's settings (Office's webextension part) and the custom document properties (where
 * WPS keeps them), read by document-parts.ts. Used by the playground (the fixtures and the user's own
 * file) and by the tests.
 */
import ExcelJS from 'exceljs';
import { isCellError, parseA1Range } from '../core/grid';
import { toCellValue } from '../xlsx/sheet';
import { prescan } from '../xlsx/prescan';
import { UnreadableFileError, corruptReason, headerProblem } from '../xlsx/unreadable';
import { readDocumentParts } from './document-parts';
import { SimWorkbook } from './workbook';

function argbToHex(argb: string | undefined): string | null {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return null;
  return `#${argb.slice(2).toUpperCase()}`;
}

/** Throws UnreadableFileError with the command line's one-line reason for a file it cannot open. */
export async function loadXlsx(data: ArrayBuffer | Uint8Array): Promise<SimWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // The command line's limits protect the playground's file picker too.
  const problem = headerProblem(bytes.subarray(0, 8)) ?? (await prescan(bytes));
  if (problem) throw new UnreadableFileError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; in the browser it takes an ArrayBuffer as well.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(corruptReason(e));
  }
  const host = new SimWorkbook();
  for (const sheet of wb.worksheets) {
    const ws = host.addSheet(sheet.name);
    if (sheet.state === 'hidden') ws.visibility = 'Hidden';
    else if (sheet.state === 'veryHidden') ws.visibility = 'VeryHidden';
    ws.autoRecalc = false;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master && cell.master !== cell) return;
        const v = toCellValue(cell.value);
        const value = v === null ? '' : isCellError(v) ? v.error : v;
        ws.set(rowNumber - 1, colNumber - 1, value, cell.numFmt || 'General');
        // Formulas are kept and computed once the sheet is loaded, as Excel does on opening: a
        // file written by ExcelJS or `jixiao template` has no cached results at all.
        const formula = typeof cell.formula === 'string' && cell.formula !== '' ? cell.formula : null;
        if (formula) ws.setFormula(rowNumber - 1, colNumber - 1, `=${formula}`, value, false);
        const fill = cell.fill && cell.fill.type === 'pattern' ? argbToHex(cell.fill.fgColor?.argb) : null;
        const fontColor = argbToHex(cell.font?.color?.argb);
        const bold = !!cell.font?.bold;
        if (fill || fontColor || bold) ws.setFormat(rowNumber - 1, colNumber - 1, { fill, fontColor, bold });
      });
    });
    ws.autoRecalc = true;
    ws.recalc();
    for (const ref of (sheet.model as { merges?: string[] }).merges ?? []) {
      const m = parseA1Range(ref);
      if (m) ws.merges.push(m);
    }
    // <sheetProtection sheet="1"/>: the sheet is protected (ExcelJS reads the attribute as sheet: true),
    // all but the cells unlocked before it — a form's input cells, often empty, hence the second pass.
    ws.protected =
      (sheet as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet === true;
    if (ws.protected)
      sheet.eachRow({ includeEmpty: true }, (row, rowNumber) =>
        row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
          if (cell.protection?.locked === false)
            ws.setFormat(rowNumber - 1, colNumber - 1, { locked: false });
        }),
      );
  }
  if (host.sheets.length === 0) host.addSheet('Sheet1');
  try {
    const parts = await readDocumentParts(bytes);
    host.addinSettings = parts.addinSettings;
    if (parts.documentProperties.length > 0) host.documentProperties = parts.documentProperties;
  } catch {
    // ExcelJS read the package: a part it does not need that cannot be read leaves the settings empty.
  }
  return host;
}
