import { Decimal } from '../decimal';
import { containment, excerpt } from '../text';
import { findAmounts } from '../values';
import { budgetTotal, costLines, dec, quotes, wan } from './helpers';
import type { Rule } from './types';

/** Words that mark an amount as the project's whole budget. */
const BUDGET_WORDS = /预算|总额|总计|合计|资金|金额|经费|投入|安排/;
/** How much of a cost line's name the goal text must contain to be about the same thing. */
const SAME_THING = 0.5;

export const sumGoalText: Rule = {
  meta: {
    id: 'sum/goal-text',
    type: 'sum',
    severity: 'warning',
    fixable: false,
    messages: ['costLine', 'budget'],
  },
  check({ table, report }) {
    if (!table.goal) return;
    const budget = budgetTotal(table);
    const lines = costLines(table).filter((l) => l.amount !== null && l.ind.name);
    for (const q of findAmounts(table.goal.text)) {
      const quoted = q.amountWan;
      if (budget && quotes(quoted, dec(budget.amount))) continue;
      if (lines.some((l) => quotes(quoted, l.amount!))) continue;
      // Lines the sentence is about; the amount may be their sum ("法治宣传及法务服务，预算90万元").
      const related = lines
        .map((l) => ({ l, score: containment(q.context, l.ind.name!.text) }))
        .filter((x) => x.score >= SAME_THING)
        .sort((a, b) => b.score - a.score);
      if (related.length > 1 && quotes(quoted, Decimal.sum(related.map((x) => x.l.amount!)))) continue;
      if (related.length > 0) {
        const best = related[0].l;
        report({
          messageId: 'costLine',
          data: {
            quote: `${excerpt(q.context, 24)}${q.text}`,
            quoted: q.text,
            name: excerpt(best.ind.name!.text, 24),
            amount: wan(best.amount!),
          },
          at: table.goal,
          text: excerpt(table.goal.text, 60),
        });
        continue;
      }
      if (budget && BUDGET_WORDS.test(q.context)) {
        report({
          messageId: 'budget',
          data: { quoted: q.text, budgetLabel: budget.label, budget: wan(dec(budget.amount)) },
          at: table.goal,
          text: excerpt(table.goal.text, 60),
        });
      }
    }
  },
};
