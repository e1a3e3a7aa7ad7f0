import { canonicalLevel1, homeLevel1 } from '../vocabulary';
import { rowText } from './helpers';
import type { Rule } from './types';

export const structureMisplacedLevel2: Rule = {
  id: 'structure/misplaced-level2',
  severity: 'error',
  description: '二级指标放在了错误的一级指标下，或把一级指标名称用作二级指标',
  rationale: '相关性：分类错位会让数量、效益、满意度的审核口径全部对不上。',
  check({ table, report }) {
    const seen = new Set<string>();
    for (const ind of table.indicators) {
      const l2 = ind.level2;
      if (!l2 || seen.has(l2.cell)) continue;
      seen.add(l2.cell);
      if (!l2.name) {
        const asLevel1 = canonicalLevel1(l2.text);
        if (asLevel1) {
          report({
            message: `一级指标名称「${l2.text}」被用作二级指标（所在行应为数量、质量、时效等二级指标）`,
            cell: l2.cell,
            text: rowText(ind),
          });
        }
        continue;
      }
      const l1 = ind.level1?.name;
      if (!l1) continue;
      const home = homeLevel1(table.framework, l2.name);
      if (home === null) {
        report({
          severity: 'warning',
          message: `二级指标「${l2.text}」不属于所用框架（${table.framework === 'newer' ? '成本指标应为一级指标' : '旧版框架'}）`,
          cell: l2.cell,
          text: rowText(ind),
        });
      } else if (home !== l1) {
        report({
          message: `二级指标「${l2.text}」应属于「${home}」，却放在「${ind.level1!.text}」下`,
          cell: l2.cell,
          text: rowText(ind),
        });
      }
    }
  },
};
