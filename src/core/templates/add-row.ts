/**
 * 添加指标行: where a new indicator row goes under a 二级, and which merged areas must follow, as a
 * plan the adapter carries out. Pure: the table model and the merged areas in, the plan out.
 *
 * The row is inserted (cells shifted down) across the table's columns only, so nothing beside the
 * table moves (the span widens only to take whole a merged area below that sticks out of it).
 * `merges` are the sheet's merged areas (from the table's top down). The 一级/二级 (and leading 绩效指标) merges that end on the 二级's last row are
 * extended over the new row, or created when the 二级 had a single row; merges that pass through
 * the insertion point grow with it; a row's own merges (三级 over two columns) are repeated on it.
 */
import { type MergeArea, parseA1Range } from '../grid';
import type { Indicator, Table } from '../model';

export interface AddRowPlan {
  /** Zero-based sheet row the new row takes; the rows from here down (table columns) move down one. */
  row: number;
  left: number;
  right: number;
  /** The row whose formats (borders, number formats, validation) the new row copies. */
  formatsFrom: number;
  /** Merged areas to replace (unmerge `from`, merge `to`), after the insertion. */
  extend: { from: MergeArea; to: MergeArea }[];
  /** New merged areas (single-row 二级 or 一级 becoming two rows; the row's own merges). */
  create: MergeArea[];
  level2: string;
}

/** The plan for a new row under the 二级 of `at` (an indicator of the table), or null if it has none. */
export function planIndicatorRow(
  table: Table,
  at: Indicator,
  merges: readonly MergeArea[],
): AddRowPlan | null {
  const l2 = at.level2;
  if (!l2 && !at.level1) return null;
  const key = l2?.cell ?? at.level1!.cell;
  const group = table.indicators.filter((i) =>
    l2 ? i.level2?.cell === key : !i.level2 && i.level1?.cell === key,
  );
  const range = parseA1Range(table.range.includes(':') ? table.range : `${table.range}:${table.range}`)!;
  let bottom = Math.max(...group.map((i) => i.row));
  // A wrapped last row, or a 二级 merged further down than its last filled row, ends lower.
  const levelCols = [table.columns.lead, table.columns.level1, table.columns.level2].filter(
    (c): c is number => c !== null,
  );
  const keyCell = parseA1Range(key)!;
  const l2Col = keyCell.left;
  const l2Top = keyCell.top;
  const l2Merge = merges.find((m) => m.left === l2Col && m.top <= l2Top && m.bottom >= l2Top);
  if (l2Merge) bottom = Math.max(bottom, l2Merge.bottom);
  const row = bottom + 1;
  const extend: AddRowPlan['extend'] = [];
  const create: MergeArea[] = [];
  for (const m of merges) {
    if (m.right < range.left || m.left > range.right) continue;
    const inLevelCols = m.left === m.right && levelCols.includes(m.left);
    if (inLevelCols && m.bottom === bottom && m.top <= bottom)
      extend.push({ from: m, to: { ...m, bottom: bottom + 1 } });
    else if (m.top === bottom && m.bottom === bottom && !inLevelCols)
      create.push({ top: row, left: m.left, bottom: row, right: m.right });
  }
  // A single-row 二级 (or 一级 that ends here without a merge) becomes a two-row merge.
  const covered = (col: number) =>
    merges.some((m) => m.left <= col && m.right >= col && m.top <= bottom && m.bottom >= bottom);
  if (!covered(l2Col) && l2Top === bottom)
    create.push({ top: bottom, left: l2Col, bottom: row, right: l2Col });
  if (at.level1 && l2) {
    const l1 = parseA1Range(at.level1.cell)!;
    const l1Last = Math.max(
      ...table.indicators.filter((i) => i.level1?.cell === at.level1!.cell).map((i) => i.row),
    );
    if (!covered(l1.left) && l1.top === bottom && l1Last === bottom)
      create.push({ top: bottom, left: l1.left, bottom: row, right: l1.left });
  }
  // Cells shift down across the table's columns. A merged area at or below the new row that sticks
  // out of that span cannot be shifted in part (Excel refuses): the span widens to take it whole.
  let left = range.left;
  let right = range.right;
  for (;;) {
    const crossing = merges.filter(
      (m) => m.bottom >= row && m.left <= right && m.right >= left && (m.left < left || m.right > right),
    );
    if (crossing.length === 0) break;
    left = Math.min(left, ...crossing.map((m) => m.left));
    right = Math.max(right, ...crossing.map((m) => m.right));
  }
  return { row, left, right, formatsFrom: bottom, extend, create, level2: l2?.text ?? at.level1!.text };
}
