import { Decimal } from '../decimal';
import { excerpt } from '../text';
import { agrees, budgetTotal, costLines, dec, wan } from './helpers';
import type { Rule } from './types';

export const sumCostTotal: Rule = {
  id: 'sum/cost-total',
  severity: 'error',
  title: '成本合计不符',
  description: '成本指标金额合计（含上限金额、单价×数量、写在名称里的金额）与年度资金总额不一致',
  rationale: '适当性：成本指标是预算的分解，合计应等于申报的资金总额。',
  check({ table, report }) {
    const budget = budgetTotal(table);
    if (!budget) return;
    const lines = costLines(table);
    const known = lines.filter((l) => l.amount !== null);
    if (known.length === 0) return;
    const sum = Decimal.sum(known.map((l) => l.amount!));
    const total = dec(budget.amount);
    const complete = known.length === lines.length;
    const operands = [total, ...known.map((l) => l.amount!)];
    const terms = known
      .map((l) => {
        const name = excerpt(l.ind.name?.text ?? '', 16);
        if (l.how === 'unitPrice') return `${name} ${l.ind.value!.text}×${l.quantity!.value!.text}`;
        if (l.how === 'name') return `${name}（名称中的金额）`;
        return `${name} ${l.ind.value!.text}`;
      })
      .join('、');
    const first = known[0].ind;
    const cell = known[0].how === 'name' ? first.name!.cell : (first.value?.cell ?? first.name!.cell);
    if (complete && !agrees(sum, total, operands)) {
      report({
        message: `成本指标合计 ${wan(sum)} 万元与${budget.label} ${wan(total)} 万元不一致（相差 ${wan(sum.sub(total).abs())} 万元）：${terms}`,
        cell,
        text: terms,
      });
    } else if (!complete && sum.cmp(total) > 0 && !agrees(sum, total, operands)) {
      report({
        message: `成本指标中已能计算的金额合计 ${wan(sum)} 万元已超过${budget.label} ${wan(total)} 万元：${terms}`,
        cell,
        text: terms,
      });
    }
  },
};
