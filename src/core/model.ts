/**
 * The model of a recognised 附件2 table: its types (from the schemas in model-schema.ts, which the
 * command line's JSON and the tests validate against) and the few values code needs. Importing this
 * module brings no schema library into the pane's bundle.
 */
export type {
  Severity,
  Place,
  CellText,
  Amount,
  Amounts,
  Level,
  Indicator,
  IssueFix,
  Issue,
  Columns,
  Table,
  NearMiss,
} from './model-schema';

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

/** The parts a year's amount is made of, which sum/funds adds up (the wholes and 本级/转移 totals aside). */
export const PART_FIELDS = [
  'fiscal',
  'other',
  'carryover',
  'transferFiscal',
  'transferCentral',
  'transferRegional',
  'transferOther',
] as const satisfies readonly AmountField[];

import type { Indicator, Issue, Severity, Table } from './model-schema';

/** Issues counted by severity (the pane's badges, the command line's summary). */
export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}

/** Rows that carry an indicator: a 三级 text or a value (无/不涉及 rows included). */
export function filledIndicators(table: Pick<Table, 'indicators'>): Indicator[] {
  return table.indicators.filter((i) => i.name !== null || i.value !== null);
}
