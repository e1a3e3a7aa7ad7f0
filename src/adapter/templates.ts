/// <reference types="office-js" />
/**
 * Renders a template description into Excel: the same description the .xlsx writer renders. The
 * target is checked first (one sync: its values and the merged areas that touch it); if any cell is
 * in use or a merged area is in the way, nothing is written and the blocking cells are returned.
 * Otherwise everything is queued and sent in one sync (one undo step where the host supports it).
 * Loaded on first use (the 插入模板 chunk), not with the pane.
 */
import { type Placement, placedArea, placedCells, shift } from '../core/templates/render';
import type { CellStyle, Template } from '../core/templates/template';
import type { Capabilities } from '../host/types';
import { rangeAt } from './range';

// The insert path loads this module when it is used (adapter/excel.ts), with the area it needs.
export { placedArea };

/** Points per character of column width (Excel's default font: about 7 px, 0.75 pt a pixel). */
const POINTS_PER_CHAR = 5.6;

const ALIGN: Record<string, string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};

function styleRange(range: Excel.Range, style: CellStyle): void {
  if (style.bold) range.format.font.bold = true;
  if (style.fontSize) range.format.font.size = style.fontSize;
  if (style.align) range.format.horizontalAlignment = ALIGN[style.align] as Excel.HorizontalAlignment;
  if (style.valign) range.format.verticalAlignment = ALIGN[style.valign] as Excel.VerticalAlignment;
  if (style.wrap) range.format.wrapText = true;
  if (style.fill) range.format.fill.color = style.fill;
}

/** Queues the whole template (no sync). `newSheet`: widths and heights are set only on a sheet of our own. */
export function queueTemplate(
  ws: Excel.Worksheet,
  caps: Capabilities,
  t: Template,
  at: Placement,
  newSheet: boolean,
): void {
  const area = placedArea(t, at);
  // Texts and formulas in one 2-D write; number formats in another.
  const formulas: (string | number)[][] = Array.from({ length: t.rows }, () => new Array(t.cols).fill(''));
  const formats: string[][] = Array.from({ length: t.rows }, () => new Array(t.cols).fill('General'));
  for (const c of placedCells(t, at)) {
    formulas[c.row - at.top][c.col - at.left] = c.formula ?? c.text ?? '';
    if (c.numberFormat) formats[c.row - at.top][c.col - at.left] = c.numberFormat;
  }
  const whole = rangeAt(ws, caps, area);
  whole.numberFormat = formats;
  whole.formulas = formulas;
  // Styles, grouped: one range per styled cell, the cells of a style sharing its settings.
  for (const c of placedCells(t, at))
    styleRange(rangeAt(ws, caps, { top: c.row, left: c.col, bottom: c.row, right: c.col }), c.style);
  for (const b of t.borders) {
    const r = rangeAt(ws, caps, shift(b, at));
    for (const edge of [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
      'InsideHorizontal',
      'InsideVertical',
    ] as const)
      r.format.borders.getItem(edge).style = 'Continuous';
  }
  // Merges and sizes need ExcelApi 1.2: on Office 2016 the form goes in unmerged, which
  // recognition reads all the same.
  if (caps.layout) for (const m of t.merges) rangeAt(ws, caps, shift(m, at)).merge(false);
  if (caps.dataValidation) {
    for (const v of t.validations)
      rangeAt(ws, caps, shift(v.area, at)).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.list.join(',') },
      };
  }
  if (newSheet && caps.layout) {
    t.columnWidths.forEach((w, i) => {
      rangeAt(ws, caps, { top: 0, left: at.left + i, bottom: 0, right: at.left + i }).format.columnWidth =
        Math.round(w * POINTS_PER_CHAR);
    });
    t.rowHeights.forEach((h, i) => {
      rangeAt(ws, caps, {
        top: at.top + i,
        left: at.left,
        bottom: at.top + i,
        right: at.left,
      }).format.rowHeight = h;
    });
  }
}
