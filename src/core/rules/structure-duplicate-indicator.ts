import type { Indicator } from '../model';
import { labelKey } from '../text';
import { isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';

/** The group a 三级 is counted in: its 二级 (canonical name, else as written), else its 一级. */
function groupOf(ind: Indicator): string {
  return ind.level2?.name ?? ind.level2?.text ?? ind.level1?.name ?? '';
}

export const structureDuplicateIndicator: Rule = {
  meta: {
    id: 'structure/duplicate-indicator',
    type: 'structure',
    severity: 'warning',
    fixable: false,
    messages: ['duplicate', 'duplicateUngrouped'],
  },
  check({ table, report }) {
    // Name key → the row (its index in the table) where it was first seen. A name repeated under
    // another group is rare: only then is the group made part of the key. One map a table, holding
    // small integers, not one per group: a check of a large sheet meets thousands of names.
    const indicators = table.indicators;
    const firstAt = new Map<string, number>();
    let byGroup: Map<string, string> | null = null;
    for (let i = 0; i < indicators.length; i++) {
      const ind = indicators[i];
      if (!ind.name || isNotApplicableName(ind)) continue;
      const group = groupOf(ind);
      const key = labelKey(ind.name.text);
      let first: string | undefined;
      const seen = firstAt.get(key);
      if (seen === undefined) {
        firstAt.set(key, i);
        continue;
      }
      const earlier = indicators[seen];
      if (groupOf(earlier) === group) first = earlier.name!.cell;
      else {
        byGroup ??= new Map();
        const compound = `${group}\u0000${key}`;
        first = byGroup.get(compound);
        if (first === undefined) byGroup.set(compound, ind.name.cell);
      }
      if (first !== undefined) {
        report({
          messageId: group ? 'duplicate' : 'duplicateUngrouped',
          data: { name: ind.name.text, group, first },
          at: ind.name,
          text: rowText(ind),
        });
      }
    }
  },
};
