/**
 * A simulated workbook → .xlsx bytes (the playground's 下载工作簿), with ExcelJS: every sheet's
 * values and formulas, number formats, the cells' own fill, font, alignment, borders, lists and
 * protection, merged areas, column widths and row heights, sheet protection and the active sheet;
 * then the parts where the hosts keep an add-in's settings (document-parts.ts): the add-in's settings
 * as Excel saves them, and the custom document properties as WPS does. Conditional formats are not
 * written: the only ones the playground holds are the pane's marks, which the pane removes on its next
 * start anyway.
 */
import ExcelJS from 'exceljs';
import { writeDocumentParts } from './document-parts';
import type { SimCell, SimWorkbook, SimWorksheet } from './workbook';

const ERROR_VALUES = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!']);

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

const ALIGN: Record<string, ExcelJS.Alignment['horizontal']> = {
  Left: 'left',
  Center: 'center',
  Right: 'right',
};
const VALIGN: Record<string, ExcelJS.Alignment['vertical']> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
};

function writeCell(cell: ExcelJS.Cell, c: SimCell): void {
  const v = c.value;
  const value: ExcelJS.CellValue =
    typeof v === 'string' && ERROR_VALUES.has(v)
      ? { error: v as ExcelJS.CellErrorValue['error'] }
      : v === ''
        ? null
        : v;
  if (c.formula)
    cell.value = {
      formula: c.formula.replace(/^=/, ''),
      result: value ?? undefined,
    } as ExcelJS.CellFormulaValue;
  else if (value !== null) cell.value = value;
  if (c.numberFormat && c.numberFormat !== 'General') cell.numFmt = c.numberFormat;
  const f = c.format;
  if (f.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
  if (f.fontColor || f.bold || f.fontSize)
    cell.font = {
      ...(f.fontColor ? { color: { argb: argb(f.fontColor) } } : {}),
      ...(f.bold ? { bold: true } : {}),
      ...(f.fontSize ? { size: f.fontSize } : {}),
    };
  if (f.align || f.valign || f.wrap)
    cell.alignment = {
      ...(f.align && ALIGN[f.align] ? { horizontal: ALIGN[f.align] } : {}),
      ...(f.valign && VALIGN[f.valign] ? { vertical: VALIGN[f.valign] } : {}),
      ...(f.wrap ? { wrapText: true } : {}),
    };
  if (f.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (f.list) cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${f.list.join(',')}"`] };
  if (f.locked === false) cell.protection = { locked: false };
}

async function writeSheet(wb: ExcelJS.Workbook, ws: SimWorksheet): Promise<void> {
  // A hidden sheet stays hidden in the file (Excel's state attribute), as Excel saves it.
  const state =
    ws.visibility === 'Hidden' ? 'hidden' : ws.visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
  const sheet = wb.addWorksheet(ws.name, { state });
  for (const [r, row] of ws.cells) for (const [c, cell] of row) writeCell(sheet.getCell(r + 1, c + 1), cell);
  for (const m of ws.merges) {
    if (m.bottom === m.top && m.right === m.left) continue;
    try {
      sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    } catch {
      // Overlapping areas (a file Excel would not have written): the first one wins.
    }
  }
  // The simulated host keeps widths in points; a column's width in a file is in characters.
  for (const [c, pt] of ws.columnWidths) sheet.getColumn(c + 1).width = Math.round((pt / 5.6) * 100) / 100;
  for (const [r, pt] of ws.rowHeights) sheet.getRow(r + 1).height = pt;
  // Protected without a password, as the simulated host knows no password; unlocked cells stay unlocked.
  if (ws.protected) await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The workbook as an .xlsx, with the add-in's saved settings in the parts each host reads them from. */
export async function saveXlsx(host: SimWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const ws of host.sheets) await writeSheet(wb, ws);
  const active = Math.max(0, host.sheets.indexOf(host.activeSheet));
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' },
  ];
  const bytes = await wb.xlsx.writeBuffer();
  return writeDocumentParts(bytes as ArrayBuffer, {
    addinSettings: host.addinSettings,
    documentProperties: host.documentProperties ?? [],
  });
}
