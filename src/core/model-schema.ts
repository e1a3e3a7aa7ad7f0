/**
 * The one schema of a recognised 附件2 table, shared by the command line's JSON and the tests (the
 * types in model.ts come from here). Amounts are normalised to 万元; every field keeps the A1 address
 * of its source cell so that an issue can point at it and the pane can select it. The pane's code
 * imports only the types: its first bundle carries no schema library.
 */
import { z } from 'zod/mini';
import { AMOUNT_FIELDS, type AmountField } from './model';
import { FrameworkIdSchema } from './vocabulary-schema';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * Where a cell is: zero-based sheet row and column — what issues, marks and selection use. The A1
 * address beside it (`cell`) is for display and for the host's range calls, never parsed back.
 */
export const PlaceSchema = z.object({ row: z.int(), col: z.int() });
export type Place = z.infer<typeof PlaceSchema>;

/** A cell's text and where it is. */
export const CellTextSchema = z.object({ text: z.string(), cell: z.string(), row: z.int(), col: z.int() });
export type CellText = z.infer<typeof CellTextSchema>;

/** An amount in 万元: `value` for display, `exact` (a decimal string keeping the stated digits) for sums. */
export const AmountSchema = z.object({
  value: z.number(),
  exact: z.string(),
  text: z.string(),
  cell: z.string(),
  row: z.int(),
  col: z.int(),
});
export type Amount = z.infer<typeof AmountSchema>;

export const AmountsSchema = z.object(
  Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, z.optional(AmountSchema)])) as Record<
    AmountField,
    z.ZodMiniOptional<typeof AmountSchema>
  >,
);
export type Amounts = z.infer<typeof AmountsSchema>;

/** A 一级 or 二级 cell: the canonical name where the text is a known one, and the text as written. */
export const LevelSchema = z.object({
  name: z.nullable(z.string()),
  text: z.string(),
  cell: z.string(),
  row: z.int(),
  col: z.int(),
});
export type Level = z.infer<typeof LevelSchema>;

export const IndicatorSchema = z.object({
  /** Zero-based sheet row of the indicator (the first row when it was wrapped over several). */
  row: z.int(),
  level1: z.nullable(LevelSchema),
  level2: z.nullable(LevelSchema),
  name: z.nullable(CellTextSchema),
  value: z.nullable(CellTextSchema),
  description: z.nullable(CellTextSchema),
  basis: z.nullable(CellTextSchema),
  /** The row continued on the next sheet row(s) (text wrapped by a careless paste). */
  wrapped: z.boolean(),
  /**
   * Where a value split over columns came from (指标性质 | 指标值 | 度量单位): `value` is read as
   * the three together, and a fix never writes the assembled text back into one cell.
   */
  valueParts: z.optional(
    z.object({ value: z.string(), comparison: z.optional(CellTextSchema), unit: z.optional(CellTextSchema) }),
  ),
  /**
   * The row's cells in the columns kept beside the value: 指标性质/指标方向 (a comparison, or 定性),
   * 计量单位, 指标方向性/指标属性 (定性/定量) — what value/unit-mismatch compares the value with —
   * and 分值/权重, which sum/weights adds up.
   */
  side: z.optional(
    z.object({
      direction: z.optional(CellTextSchema),
      measure: z.optional(CellTextSchema),
      polarity: z.optional(CellTextSchema),
      weight: z.optional(CellTextSchema),
    }),
  ),
  /** Per-region values (one column per county or village); `value` is the first region's. */
  regionValues: z.optional(
    z.array(z.object({ region: z.string(), text: z.string(), cell: z.string(), row: z.int(), col: z.int() })),
  ),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A mechanical fix: the cell's text as it is, and as it should be. Applied only while the cell still holds `before`. */
export const IssueFixSchema = z.object({ cell: z.string(), before: z.string(), after: z.string() });
export type IssueFix = z.infer<typeof IssueFixSchema>;

export const IssueSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  /** Which of the rule's messages (its meta.messages), and the figures and texts it quotes. */
  messageId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The message rendered in the check's locale from the locale files. */
  message: z.string(),
  /** Where the issue is: zero-based sheet row and column. */
  row: z.int(),
  col: z.int(),
  /** The same place as an A1 address, derived for display. */
  cell: z.string(),
  /** The text of the row (or field) concerned, for context in lists. */
  text: z.string(),
  fix: z.optional(IssueFixSchema),
});
export type Issue = z.infer<typeof IssueSchema>;

export const HeaderFieldSchema = z.extend(CellTextSchema, {
  /** The label cell ("项目名称"), even when the value is empty. */
  labelCell: z.string(),
  /** The label as written ("项目主管部门"), for messages in the form's own words. */
  label: z.string(),
});

export const ColumnsSchema = z.object({
  lead: z.nullable(z.int()),
  level1: z.nullable(z.int()),
  level2: z.nullable(z.int()),
  name: z.nullable(z.int()),
  value: z.nullable(z.int()),
  description: z.nullable(z.int()),
  basis: z.nullable(z.int()),
});
export type Columns = z.infer<typeof ColumnsSchema>;

export const TableSchema = z.object({
  sheet: z.string(),
  /** A1 range of the whole table, title to last indicator row. */
  range: z.string(),
  /**
   * Zero-based sheet rows: first and last row of the table, and the indicator header row (for a
   * form without an indicator table, its last header row).
   */
  top: z.int(),
  bottom: z.int(),
  /** Zero-based first and last column the table's cells cover. */
  left: z.int(),
  right: z.int(),
  indicatorHeaderRow: z.int(),
  title: z.nullable(z.string()),
  year: z.nullable(z.int()),
  projectName: z.nullable(z.string()),
  /** Where the project name came from: its cell, the row above an empty 项目名称 cell, or the title. */
  projectNameSource: z.enum(['cell', 'above', 'title', 'none']),
  projectNameAt: z.nullable(z.object({ cell: z.string(), row: z.int(), col: z.int() })),
  header: z.object({
    projectName: z.nullable(HeaderFieldSchema),
    department: z.nullable(HeaderFieldSchema),
    implementer: z.nullable(HeaderFieldSchema),
    attribute: z.nullable(HeaderFieldSchema),
    period: z.nullable(HeaderFieldSchema),
  }),
  /** Whether the form has a header block at all (廊坊 2020 has only title, goal and indicators). */
  hasHeaderBlock: z.boolean(),
  /** Whether the form has an indicator table (a header-only form, or one not typed yet, has none). */
  hasIndicatorBlock: z.boolean(),
  /**
   * How the table was read: a form; one project of a flat budget-system export (one row per
   * indicator, the project's columns repeated or merged down); or a range the user selected.
   */
  source: z.enum(['form', 'flat', 'selection']),
  unit: z.nullable(z.enum(['万元', '元'])),
  amounts: AmountsSchema,
  /** Labels of amount fields that are on the form but empty (or not an amount), as written. */
  emptyAmountLabels: z.array(
    z.object({ field: z.string(), cell: z.string(), row: z.int(), col: z.int(), label: z.string() }),
  ),
  /**
   * Figures in the header block that a label-like cell gives but whose role could not be decided (a
   * money word that no amount label takes, a numbered part under a total that names no known part,
   * a second figure for a part already read): what was seen and could not be placed. Rules about
   * money do not claim a sum or a missing amount over them.
   */
  unplacedAmounts: z.optional(
    z.array(
      z.object({
        label: z.string(),
        labelCell: z.string(),
        text: z.string(),
        value: z.number(),
        cell: z.string(),
        row: z.int(),
        col: z.int(),
      }),
    ),
  ),
  goal: z.nullable(CellTextSchema),
  /** The clerk's corrections this reading took as given (core/corrections.ts), by cell and role. */
  corrections: z.optional(
    z.array(z.object({ cell: z.string(), role: z.string(), framework: z.optional(z.string()) })),
  ),
  framework: FrameworkIdSchema,
  /**
   * Why this framework, as a code: the form's own cost rows, the level names that single out another
   * framework, its year, its sheet's other tables, the default, the profile; or 'unmatched' — no
   * framework fits its level names: its rows are read by position and no category is required of it.
   */
  frameworkBasis: z.enum([
    'cost-as-level1',
    'cost-under-output',
    'names',
    'year',
    'sheet',
    'default',
    'profile',
    'forced',
    'unmatched',
    'corrected',
  ]),
  /** The same reason in words (zh-CN unless the check asked for another locale). */
  frameworkReason: z.string(),
  columns: ColumnsSchema,
  indicators: z.array(IndicatorSchema),
  issues: z.array(IssueSchema),
});
export type Table = z.infer<typeof TableSchema>;

/** A table that looks like the form but is not a target table: reported in one line, never checked. */
export const NearMissSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  kind: z.enum(['selfEvaluation', 'monitoring', 'departmentWide', 'scoring', 'allocation']),
  /** What it looks like, in one zh-CN line ("此表像是绩效自评表，不是绩效目标表，未检查"). */
  message: z.string(),
  title: z.nullable(z.string()),
});
export type NearMiss = z.infer<typeof NearMissSchema>;
