/**
 * What recognition read from a table, field by field, with the cell each came from: the pane's 读取
 * section, `jixiao check --json`'s `fields` and the text output's --explain lines all show this, so
 * a clerk can see a misreading before it turns into a baffling finding. What was looked for and not
 * found, what has a label but no value, and what was seen but could not be placed are listed too.
 */
import { AMOUNT_FIELDS, type AmountField, filledIndicators, type Table } from './model';

/** The header fields a reading names, in the order a form lists them. */
export const READ_FIELDS = ['projectName', 'department', 'implementer', 'attribute', 'period'] as const;
export type ReadFieldName = (typeof READ_FIELDS)[number];

/** One field read: its cell, the form's own label and where that is, and the text or the amount. */
export interface ReadField {
  cell: string;
  text: string;
  label?: string;
  labelCell?: string;
  /** An amount in 万元. */
  value?: number;
}

export interface TableReading {
  /** projectName, department, implementer, attribute, period, the amounts (total, annual, fiscal …) and goal. */
  fields: Partial<Record<ReadFieldName | AmountField | 'goal', ReadField>>;
  /** Looked for and not found on the form at all (no label): a template may not carry them. */
  notFound: ('projectName' | 'department' | 'implementer' | 'amount' | 'goal')[];
  /** Labels the form has with nothing (or no amount) beside them. */
  empty: { label: string; cell: string }[];
  /** Figures seen beside money words whose role could not be decided. */
  unplaced: NonNullable<Table['unplacedAmounts']>;
  framework: { id: Table['framework']; basis: Table['frameworkBasis']; reason: string };
  /** Indicator rows (with a 三级 text or a value), in all and per 一级 in the form's order. */
  indicators: { count: number; byLevel1: { level1: string; count: number }[] };
}

export function readingOf(table: Table): TableReading {
  const fields: TableReading['fields'] = {};
  const empty: TableReading['empty'] = [];
  for (const name of READ_FIELDS) {
    const f = table.header[name];
    if (!f) continue;
    if (f.text) fields[name] = { cell: f.cell, text: f.text, label: f.label, labelCell: f.labelCell };
    else empty.push({ label: f.label, cell: f.cell });
  }
  // A name taken from the title or the row above its label still says where it was read.
  if (!fields.projectName && table.projectName && table.projectNameAt)
    fields.projectName = { cell: table.projectNameAt.cell, text: table.projectName };
  for (const name of AMOUNT_FIELDS) {
    const a = table.amounts[name];
    if (a) fields[name] = { cell: a.cell, text: a.text, value: a.value };
  }
  for (const e of table.emptyAmountLabels)
    if (!table.amounts[e.field as AmountField]) empty.push({ label: e.label, cell: e.cell });
  if (table.goal) fields.goal = { cell: table.goal.cell, text: table.goal.text };

  const notFound: TableReading['notFound'] = [];
  if (!table.header.projectName && !table.projectName) notFound.push('projectName');
  if (table.source !== 'flat') {
    if (!table.header.department) notFound.push('department');
    if (!table.header.implementer) notFound.push('implementer');
  }
  const anyAmount = AMOUNT_FIELDS.some((f) => table.amounts[f]);
  if (!anyAmount && table.emptyAmountLabels.length === 0 && !table.unplacedAmounts?.length)
    notFound.push('amount');
  if (!table.goal) notFound.push('goal');

  const byLevel1: { level1: string; count: number }[] = [];
  const rows = filledIndicators(table);
  for (const i of rows) {
    const level1 = i.level1?.name ?? i.level1?.text ?? '';
    const last = byLevel1[byLevel1.length - 1];
    const seen = byLevel1.find((b) => b.level1 === level1);
    if (seen && (seen === last || level1 !== '')) seen.count++;
    else byLevel1.push({ level1, count: 1 });
  }
  return {
    fields,
    notFound,
    empty,
    unplaced: table.unplacedAmounts ?? [],
    framework: { id: table.framework, basis: table.frameworkBasis, reason: table.frameworkReason },
    indicators: { count: rows.length, byLevel1 },
  };
}
