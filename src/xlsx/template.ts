/**
 * Writes a template into an ExcelJS worksheet: the same description the Excel adapter renders
 * (texts, sum formulas, number formats, named styles, merges, borders, widths, heights, dropdowns).
 */
import type ExcelJS from 'exceljs';
import { type Placement, placedCells, shift } from '../core/templates/render';
import { type CellStyle, type Template } from '../core/templates/template';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.fontSize)
    cell.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
    };
  cell.alignment = { horizontal: style.align, vertical: style.valign, wrapText: style.wrap ?? false };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
}

export function writeTemplate(ws: ExcelJS.Worksheet, t: Template, at: Placement = { top: 0, left: 0 }): void {
  t.columnWidths.forEach((w, i) => {
    const col = ws.getColumn(at.left + i + 1);
    col.width = w;
  });
  t.rowHeights.forEach((h, i) => {
    ws.getRow(at.top + i + 1).height = h;
  });
  for (const b of t.borders) {
    const a = shift(b, at);
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++)
        ws.getCell(r + 1, c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
  for (const c of placedCells(t, at)) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula) cell.value = { formula: c.formula.slice(1) } as ExcelJS.CellFormulaValue;
    else if (c.text) cell.value = c.text;
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    applyStyle(cell, c.style);
  }
  for (const m of t.merges) {
    const a = shift(m, at);
    ws.mergeCells(a.top + 1, a.left + 1, a.bottom + 1, a.right + 1);
  }
  for (const v of t.validations) {
    const a = shift(v.area, at);
    for (let r = a.top; r <= a.bottom; r++) {
      for (let c = a.left; c <= a.right; c++) {
        ws.getCell(r + 1, c + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${v.list.join(',')}"`],
          showErrorMessage: false,
        };
      }
    }
  }
}
