import { labelKey } from '../text';
import { isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';

export const structureDuplicateIndicator: Rule = {
  id: 'structure/duplicate-indicator',
  severity: 'warning',
  title: '三级指标重复',
  description: '同一二级指标下重复出现相同的三级指标',
  rationale: '适当性：重复的指标多半是复制粘贴遗留，且会让同一目标被计量两次。',
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
          message: `三级指标「${ind.name.text}」在「${group || '同一类别'}」下重复出现（首次在 ${first}）`,
          cell: ind.name.cell,
          text: rowText(ind),
        });
      } else {
        names.set(key, ind.name.cell);
      }
    }
  },
};
