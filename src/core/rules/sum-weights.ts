import { Decimal } from '../decimal';
import { foldText } from '../text';
import { rowText } from './helpers';
import type { Rule } from './types';

/**
 * Forms with a 分值 or 权重 column give each indicator its share of 100 points. The shares of the
 * indicator rows (those with a 三级 name) must add up to 100 — or to 90 where the 10 points of
 * 预算执行率 are scored apart, as the self-evaluation rules (财预〔2020〕10号) do and budget-system
 * exports follow; a form that weighs only its 一级 or 二级 rows is judged on those.
 */
export const sumWeights: Rule = {
  meta: { id: 'sum/weights', type: 'sum', severity: 'warning', fixable: false, messages: ['notHundred'] },
  check({ table, report }) {
    const indicatorWeights: Decimal[] = [];
    const levelWeights: Decimal[] = [];
    let first: { row: number; col: number } | null = null;
    for (const ind of table.indicators) {
      const w = ind.side?.weight;
      if (!w) continue;
      const d = Decimal.parse(foldText(w.text).replace(/\s+/g, '').replace(/分$/, ''));
      if (!d) continue;
      first ??= w;
      (ind.name ? indicatorWeights : levelWeights).push(d);
    }
    if (!first) return;
    const weights = indicatorWeights.length ? indicatorWeights : levelWeights;
    const sum = Decimal.sum(weights);
    const budgetRateListed = table.indicators.some((i) => /预算执行率/.test(i.name?.text ?? ''));
    if (sum.eq(Decimal.parse('100')!) || (!budgetRateListed && sum.eq(Decimal.parse('90')!))) return;
    report({
      messageId: 'notHundred',
      data: { sum: sum.toExact(), n: weights.length },
      at: first,
      text: rowText(table.indicators.find((i) => i.side?.weight)!),
    });
  },
};
