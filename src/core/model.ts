/**
 * The one schema of a recognised 附件2 table, shared by the command line's JSON, the task pane and
 * the tests. Amounts are normalised to 万元; every field keeps the A1 address of its source cell so
 * that an issue can point at it and the pane can select it.
 */
import { z } from 'zod';
import { FrameworkIdSchema } from './vocabulary';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A cell's text and where it is. */
export const CellTextSchema = z.object({ text: z.string(), cell: z.string() });
export type CellText = z.infer<typeof CellTextSchema>;

/** An amount in 万元: `value` for display, `exact` (a decimal string keeping the stated digits) for sums. */
export const AmountSchema = z.object({
  value: z.number(),
  exact: z.string(),
  text: z.string(),
  cell: z.string(),
});
export type Amount = z.infer<typeof AmountSchema>;

export const AMOUNT_FIELDS = [
  'total', // 项目总额
  'annual', // 年度资金总额 / 项目年度金额
  'ownTotal', // 本级资金 · 资金总额
  'fiscal', // 本级 · 财政拨款
  'other', // 本级 · 其他资金
  'carryover', // 本级 · 结余结转资金
  'transfer', // 上级转移支付 / 转移市县(区)资金 · 资金总额
  'transferFiscal', // 转移 · 财政拨款
  'transferCentral', // 转移 · 中央资金
  'transferRegional', // 转移 · 自治区(省级)资金
  'transferOther', // 转移 · 其他资金
] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];

export const AmountsSchema = z.object(
  Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, AmountSchema.optional()])) as Record<
    AmountField,
    z.ZodOptional<typeof AmountSchema>
  >,
);
export type Amounts = z.infer<typeof AmountsSchema>;

/** A 一级 or 二级 cell: the canonical name where the text is a known one, and the text as written. */
export const LevelSchema = z.object({
  name: z.string().nullable(),
  text: z.string(),
  cell: z.string(),
});
export type Level = z.infer<typeof LevelSchema>;

export const IndicatorSchema = z.object({
  /** Zero-based sheet row of the indicator (the first row when it was wrapped over several). */
  row: z.number().int(),
  level1: LevelSchema.nullable(),
  level2: LevelSchema.nullable(),
  name: CellTextSchema.nullable(),
  value: CellTextSchema.nullable(),
  description: CellTextSchema.nullable(),
  basis: CellTextSchema.nullable(),
  /** The row continued on the next sheet row(s) (text wrapped by a careless paste). */
  wrapped: z.boolean(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A mechanical fix: the cell's text as it is, and as it should be. Applied only while the cell still holds `before`. */
export const IssueFixSchema = z.object({ cell: z.string(), before: z.string(), after: z.string() });
export type IssueFix = z.infer<typeof IssueFixSchema>;

export const IssueSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** A1 address of the cell the issue is about. */
  cell: z.string(),
  /** The text of the row (or field) concerned, for context in lists. */
  text: z.string(),
  fix: IssueFixSchema.optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const HeaderFieldSchema = CellTextSchema.extend({
  /** The label cell ("项目名称"), even when the value is empty. */
  labelCell: z.string(),
});

export const ColumnsSchema = z.object({
  lead: z.number().int().nullable(),
  level1: z.number().int().nullable(),
  level2: z.number().int().nullable(),
  name: z.number().int().nullable(),
  value: z.number().int().nullable(),
  description: z.number().int().nullable(),
  basis: z.number().int().nullable(),
});
export type Columns = z.infer<typeof ColumnsSchema>;

export const TableSchema = z.object({
  sheet: z.string(),
  /** A1 range of the whole table, title to last indicator row. */
  range: z.string(),
  /** Zero-based sheet rows: first and last row of the table, and the indicator header row. */
  top: z.number().int(),
  bottom: z.number().int(),
  indicatorHeaderRow: z.number().int(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  projectName: z.string().nullable(),
  /** Where the project name came from: its cell, the row above an empty 项目名称 cell, or the title. */
  projectNameSource: z.enum(['cell', 'above', 'title', 'none']),
  projectNameCell: z.string().nullable(),
  header: z.object({
    projectName: HeaderFieldSchema.nullable(),
    department: HeaderFieldSchema.nullable(),
    implementer: HeaderFieldSchema.nullable(),
    attribute: HeaderFieldSchema.nullable(),
    period: HeaderFieldSchema.nullable(),
  }),
  /** Whether the form has a header block at all (廊坊 2020 has only title, goal and indicators). */
  hasHeaderBlock: z.boolean(),
  unit: z.enum(['万元', '元']).nullable(),
  amounts: AmountsSchema,
  /** Labels of amount fields that are on the form but empty. */
  emptyAmountLabels: z.array(z.object({ field: z.string(), cell: z.string() })),
  goal: CellTextSchema.nullable(),
  framework: FrameworkIdSchema,
  frameworkReason: z.string(),
  columns: ColumnsSchema,
  indicators: z.array(IndicatorSchema),
  issues: z.array(IssueSchema),
});
export type Table = z.infer<typeof TableSchema>;

/** Rows that carry an indicator: a 三级 text or a value (无/不涉及 rows included). */
export function filledIndicators(table: Pick<Table, 'indicators'>): Indicator[] {
  return table.indicators.filter((i) => i.name !== null || i.value !== null);
}
