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
  id: 'sum/goal-text',
  severity: 'warning',
  title: '目标中的金额不一致',
  description: '年度总体绩效目标中写的金额与年度资金总额或对应成本指标不一致',
  rationale: '相关性：目标文字与表内金额矛盾，说明其中一处是旧数据或笔误。',
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
          message: `年度总体绩效目标写「${excerpt(q.context, 24)}${q.text}」，成本指标「${excerpt(best.ind.name!.text, 24)}」为 ${wan(best.amount!)} 万元`,
          cell: table.goal.cell,
          text: excerpt(table.goal.text, 60),
        });
        continue;
      }
      if (budget && BUDGET_WORDS.test(q.context)) {
        report({
          message: `年度总体绩效目标中的金额「${q.text}」与${budget.label} ${wan(dec(budget.amount))} 万元不一致`,
          cell: table.goal.cell,
          text: excerpt(table.goal.text, 60),
        });
      }
    }
  },
};
