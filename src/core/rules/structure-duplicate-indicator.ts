import { labelKey } from '../text';
import { isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';

export const structureDuplicateIndicator: Rule = {
  meta: {
    id: 'structure/duplicate-indicator',
    type: 'structure',
    severity: 'warning',
    fixable: false,
    messages: ['duplicate', 'duplicateUngrouped'],
  },
  check({ table, report }) {
    // Name key → the group and cell it was first seen in. A name repeated under another group is
    // rare: only then is the group made part of the key. (Two maps a table, not one per group.)
    const firstGroup = new Map<string, string>();
    const firstCell = new Map<string, string>();
    let byGroup: Map<string, string> | null = null;
    for (const ind of table.indicators) {
      if (!ind.name || isNotApplicableName(ind)) continue;
      const group = ind.level2?.name ?? ind.level2?.text ?? ind.level1?.name ?? '';
      const key = labelKey(ind.name.text);
      let first: string | undefined;
      const seenGroup = firstGroup.get(key);
      if (seenGroup === undefined) {
        firstGroup.set(key, group);
        firstCell.set(key, ind.name.cell);
        continue;
      }
      if (seenGroup === group) first = firstCell.get(key);
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
