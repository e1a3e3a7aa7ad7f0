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
    // 二级 → name key → first cell (nested maps: no concatenated key to build and hash per row).
    const seen = new Map<string, Map<string, string>>();
    for (const ind of table.indicators) {
      if (!ind.name || isNotApplicableName(ind)) continue;
      const group = ind.level2?.name ?? ind.level2?.text ?? ind.level1?.name ?? '';
      const key = labelKey(ind.name.text);
      let names = seen.get(group);
      if (!names) seen.set(group, (names = new Map()));
      const first = names.get(key);
      if (first) {
        report({
          messageId: group ? 'duplicate' : 'duplicateUngrouped',
          data: { name: ind.name.text, group, first },
          at: ind.name,
          text: rowText(ind),
        });
      } else {
        names.set(key, ind.name.cell);
      }
    }
  },
};
