import { Decimal } from '../decimal';
import { excerpt } from '../text';
import { agrees, budgetTotal, costLines, dec, wan } from './helpers';
import type { Rule } from './types';

export const sumCostTotal: Rule = {
  meta: {
    id: 'sum/cost-total',
    type: 'sum',
    severity: 'error',
    fixable: false,
    messages: ['differs', 'exceeds'],
  },
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
        // The amount is the one written in the name itself: the name, quoted, shows it.
        if (l.how === 'name') return `「${name}」`;
        return `${name} ${l.ind.value!.text}`;
      })
      .join('、');
    const first = known[0].ind;
    const at = known[0].how === 'name' ? first.name! : (first.value ?? first.name!);
    const data = {
      sum: wan(sum),
      budgetLabel: budget.label,
      budget: wan(total),
      difference: wan(sum.sub(total).abs()),
      terms,
    };
    if (complete && !agrees(sum, total, operands)) report({ messageId: 'differs', data, at, text: terms });
    else if (!complete && sum.cmp(total) > 0 && !agrees(sum, total, operands))
      report({ messageId: 'exceeds', data, at, text: terms });
  },
};
