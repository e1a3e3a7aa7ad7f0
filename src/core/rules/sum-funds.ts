import { type Amount, type AmountField, PART_FIELDS, type Table } from '../model';
import { agrees, dec, isOneYear, wan } from './helpers';
import type { Rule, RuleContext } from './types';

const LABELS: Record<AmountField, string> = {
  total: '项目总额',
  annual: '年度资金总额',
  ownTotal: '本级资金总额',
  fiscal: '财政拨款',
  other: '其他资金',
  carryover: '结余结转资金',
  transfer: '转移支付资金总额',
  transferFiscal: '转移支付·财政拨款',
  transferCentral: '中央资金',
  transferRegional: '自治区（省级）资金',
  transferOther: '转移支付·其他资金',
};

/** Checks whole = Σ parts when the whole and at least one part are filled; empty parts count as 0. */
function checkSum(ctx: RuleContext, table: Table, whole: AmountField, parts: AmountField[]): void {
  const w = table.amounts[whole];
  const present = parts
    .map((p) => [p, table.amounts[p]] as const)
    .filter((x): x is readonly [AmountField, Amount] => !!x[1]);
  if (!w || present.length === 0) return;
  const values = present.map(([, a]) => dec(a));
  const sum = values.reduce((a, b) => a.add(b));
  const whole_ = dec(w);
  if (agrees(whole_, sum, [whole_, ...values])) return;
  const terms = present.map(([p, a]) => `${LABELS[p]} ${wan(dec(a))}`).join(' + ');
  ctx.report({
    messageId: 'parts',
    data: {
      whole: LABELS[whole],
      wholeAmount: wan(whole_),
      terms,
      sum: wan(sum),
      difference: wan(whole_.sub(sum).abs()),
    },
    at: w,
    text: `${LABELS[whole]} ${w.text}`,
  });
}

export const sumFunds: Rule = {
  meta: {
    id: 'sum/funds',
    type: 'sum',
    severity: 'error',
    fixable: false,
    messages: ['parts', 'totalBelowAnnual', 'oneYear', 'unplaced'],
  },
  check(ctx) {
    const { table } = ctx;
    // A figure the form gives whose role was not decided may be the missing part: no sum is claimed
    // over it, and the clerk is told which figure was not placed.
    const unplaced = table.unplacedAmounts ?? [];
    for (const u of unplaced)
      ctx.report({
        severity: 'info',
        messageId: 'unplaced',
        data: { cell: u.cell, label: u.label, amount: u.value },
        at: u,
        text: `${u.label} ${u.text}`,
      });
    if (unplaced.length === 0) checkParts(ctx, table);
    totalAgainstAnnual(ctx, table);
  },
};

function checkParts(ctx: RuleContext, table: Table): void {
  const a = table.amounts;
  checkSum(ctx, table, 'ownTotal', ['fiscal', 'other', 'carryover']);
  checkSum(ctx, table, 'transfer', [
    'transferFiscal',
    'transferCentral',
    'transferRegional',
    'transferOther',
  ]);
  if (a.ownTotal || a.transfer) checkSum(ctx, table, 'annual', ['ownTotal', 'transfer']);
  else checkSum(ctx, table, 'annual', [...PART_FIELDS]);
}

function totalAgainstAnnual(ctx: RuleContext, table: Table): void {
  const a = table.amounts;
  if (a.total && a.annual) {
    const total = dec(a.total);
    const annual = dec(a.annual);
    if (total.cmp(annual) < 0 && !agrees(total, annual)) {
      ctx.report({
        messageId: 'totalBelowAnnual',
        data: { total: wan(total), annual: wan(annual) },
        at: a.total,
        text: `项目总额 ${a.total.text}`,
      });
    } else if (isOneYear(table) && !agrees(total, annual)) {
      ctx.report({
        messageId: 'oneYear',
        data: { total: wan(total), annual: wan(annual) },
        at: a.total,
        text: `项目总额 ${a.total.text}`,
      });
    }
  }
}
