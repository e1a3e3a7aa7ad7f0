/**
 * Reads a flat budget-system export: one row per indicator, with the project's own columns
 * (单位名称 / 项目名称 / 预算数 / 年度目标) on the indicator header row, merged down each project or
 * repeated on every row. Each project becomes a table of its own, its header read from those columns.
 */
import { a1, placed } from '../grid';
import type { Amounts, CellText, Indicator, Table } from '../model';
import { type CellSource, type SheetCell, textAt } from '../sheet';
import { parseAmount } from '../values';
import type { FlatColumns, IndicatorAnchor } from './anchors';
import { cls, type Unit } from './classify';
import { type BlockLayout, readIndicatorBlock } from './indicators';

export interface FlatProject {
  top: number;
  bottom: number;
  projectName: string;
  projectNameAt: { cell: string; row: number; col: number };
  fields: Table['header'];
  amounts: Amounts;
  emptyAmountLabels: Table['emptyAmountLabels'];
  goal: CellText | null;
  indicators: Indicator[];
}

/** The projects of a flat export, from the first row under the header to `bottom` (inclusive). */
export function readFlatProjects(
  src: CellSource,
  anchor: IndicatorAnchor,
  layout: BlockLayout,
  bottom: number,
  unit: Unit,
): FlatProject[] {
  const flat = anchor.flat!;
  const at = (row: number, col: number | null): SheetCell | undefined =>
    col === null ? undefined : src.cells(row).find((c) => c.col === col);
  const headerText = (col: number | null) => (col === null ? '' : (at(anchor.row, col)?.text ?? ''));

  // Where each project starts: a new name in the 项目名称 column (merged down or repeated).
  const starts: { row: number; cell: SheetCell }[] = [];
  for (let r = layout.firstRow; r <= bottom; r++) {
    const cell = at(r, flat.projectName);
    if (cell && (starts.length === 0 || starts[starts.length - 1].cell.text !== cell.text))
      starts.push({ row: r, cell });
  }

  const projects: FlatProject[] = [];
  let implementer: SheetCell | undefined;
  let department: SheetCell | undefined;
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].row : bottom + 1;
    const first = (col: number | null): SheetCell | undefined => {
      for (let r = start.row; r < end; r++) {
        const c = at(r, col);
        if (c) return c;
      }
      return undefined;
    };
    // A unit's name merged down over several projects is theirs too.
    implementer =
      first(flat.implementer) ?? lastAbove(src, flat.implementer, start.row, layout.firstRow) ?? implementer;
    department = first(flat.department) ?? department;
    const field = (cell: SheetCell | undefined, col: number | null) =>
      col === null
        ? null
        : {
            text: cell?.text ?? '',
            ...(cell ? placed(cell.row, cell.col) : placed(start.row, col)),
            labelCell: a1(anchor.row, col),
            label: headerText(col),
          };
    const amounts: Amounts = {};
    const emptyAmountLabels: Table['emptyAmountLabels'] = [];
    const amountCell = first(flat.amount);
    if (flat.amount !== null) {
      const parsed = amountCell
        ? parseAmount(typeof amountCell.raw === 'number' ? amountCell.raw : amountCell.text, unit)
        : null;
      if (parsed?.kind === 'money' && parsed.amountWan && amountCell) {
        amounts.annual = {
          value: parsed.amountWan.toNumber(),
          exact: parsed.amountWan.toExact(),
          text: amountCell.text,
          ...placed(amountCell.row, amountCell.col),
        };
      } else {
        emptyAmountLabels.push({
          field: 'annual',
          ...placed(start.row, flat.amount),
          label: headerText(flat.amount),
        });
      }
    }
    const goalCell = first(flat.goal);
    const block = readIndicatorBlock(src, layout, start.row, end);
    projects.push({
      top: start.row,
      bottom: Math.max(block.bottom, start.row),
      projectName: start.cell.text,
      projectNameAt: placed(start.cell.row, start.cell.col),
      fields: {
        projectName: field(start.cell, flat.projectName),
        department: field(department, flat.department),
        implementer: field(implementer, flat.implementer),
        attribute: null,
        period: null,
      },
      amounts,
      emptyAmountLabels,
      goal: goalCell ? textAt(goalCell) : null,
      indicators: block.indicators,
    });
  });
  return projects;
}

function lastAbove(src: CellSource, col: number | null, row: number, floor: number): SheetCell | undefined {
  if (col === null) return undefined;
  for (let r = row - 1; r >= floor; r--) {
    const c = src.cells(r).find((x) => x.col === col);
    if (c) return cls(c).label ? undefined : c;
  }
  return undefined;
}

export type { FlatColumns };
