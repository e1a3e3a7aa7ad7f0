import { framework } from '../vocabulary';
import { category, isNotApplicableName } from './helpers';
import type { Place } from '../model';
import type { Rule } from './types';

/**
 * Some provinces ask for several 三级 under each required 二级 (at least three 数量 indicators, say).
 * Off unless a configuration turns it on with its minimum.
 */
export const structureTooFewIndicators: Rule = {
  meta: {
    id: 'structure/too-few-indicators',
    type: 'structure',
    severity: 'warning',
    fixable: false,
    messages: ['tooFew'],
    offByDefault: true,
    options: {
      min: {
        kind: 'integer',
        min: 1,
        max: 20,
        default: 2,
      },
    },
  },
  check({ table, report, options }) {
    const min = options.min ?? 2;
    // A table whose level names no framework fits has no required 二级 to count.
    if (!table.hasIndicatorBlock || table.frameworkBasis === 'unmatched') return;
    const fw = framework(table.framework);
    const required = new Set(Object.values(fw.requiredLevel2).flat());
    const groups = new Map<string, { at: Place; n: number; text: string }>();
    for (const ind of table.indicators) {
      const c = category(ind);
      if (!c || !required.has(c)) continue;
      let g = groups.get(c);
      if (!g)
        groups.set(
          c,
          (g = {
            at: ind.level2 ?? ind.level1 ?? ind.name ?? { row: ind.row, col: 0 },
            n: 0,
            text: ind.level2?.text ?? c,
          }),
        );
      if (ind.name && !isNotApplicableName(ind)) g.n++;
    }
    for (const [level2, g] of groups) {
      if (g.n < min) report({ messageId: 'tooFew', data: { level2, n: g.n, min }, at: g.at, text: g.text });
    }
  },
};
