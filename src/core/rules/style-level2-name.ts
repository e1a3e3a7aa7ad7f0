import { TRAILING_LEVEL_TAG } from '../text';
import { canonicalLevel2 } from '../vocabulary';
import { rowText } from './helpers';
import type { Rule } from './types';

export const styleLevel2Name: Rule = {
  meta: {
    id: 'style/level2-name',
    type: 'style',
    severity: 'info',
    fixable: true,
    messages: ['standardName'],
  },
  check({ table, report }) {
    const seen = new Set<string>();
    for (const ind of table.indicators) {
      const l2 = ind.level2;
      if (!l2?.name || seen.has(l2.cell)) continue;
      seen.add(l2.cell);
      const written = l2.text.trim();
      // A (必填…) tag after the name is kept as written by the fix.
      const tag = TRAILING_LEVEL_TAG.exec(written)?.[0] ?? '';
      const name = written.slice(0, written.length - tag.length).replace(/\s+/g, '');
      // The older 成本指标 in a newer form is a structure question (structure/misplaced-level2), not spelling.
      if (name === l2.name || canonicalLevel2(name) !== l2.name) continue;
      const after = `${l2.name}${tag.trim()}`;
      report({
        messageId: 'standardName',
        data: { text: written, after },
        at: l2,
        text: rowText(ind),
        fix: { cell: l2.cell, before: l2.text, after },
      });
    }
  },
};
