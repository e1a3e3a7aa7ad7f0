/**
 * Where the user is in a recognised table: the indicator row under the selected cell and whether
 * the cell is its 二级, 三级 or 指标值. The pane's 建议 follow this; writing goes only to this row.
 */
import { a1 } from '../grid';
import type { Indicator, Table } from '../model';
import { category } from '../categories';

export interface RowContext {
  table: Table;
  /** The indicator of the row (the one above for a wrapped continuation), or null for an empty row. */
  indicator: Indicator | null;
  /** Zero-based sheet row the writes go to. */
  row: number;
  role: 'level2' | 'name' | 'value';
  nameCell: string;
  valueCell: string;
  /** The row's 二级 as the engine judges it (成本指标 for a newer cost row without 二级), or null. */
  category: string | null;
}

export function rowContext(tables: readonly Table[], row: number, col: number): RowContext | null {
  const table = tables.find((t) => row > t.indicatorHeaderRow && row <= t.bottom);
  if (!table) return null;
  const { level2, name, value } = table.columns;
  const role = col === name ? 'name' : col === value ? 'value' : col === level2 ? 'level2' : null;
  if (!role || name === null || value === null) return null;
  let above: Indicator | null = null;
  for (const ind of table.indicators) if (ind.row <= row) above = ind;
  // A row of the indicator itself, or a wrapped continuation of it (no other text of its own).
  const own = above && (above.row === row || (above.wrapped && row > above.row)) ? above : null;
  const at = own ? own.row : row;
  return {
    table,
    indicator: own,
    row: at,
    role,
    nameCell: a1(at, name),
    valueCell: a1(at, value),
    category: own ? category(own) : above ? category(above) : null,
  };
}
