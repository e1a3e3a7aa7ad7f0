import { categories, framework } from '../vocabulary';
import type { Rule } from './types';

export const structureMissingLevel2: Rule = {
  id: 'structure/missing-level2',
  severity: 'error',
  title: '缺少二级指标',
  description: '一级指标下缺少必需的二级指标（如产出指标下的数量、质量、时效、成本）',
  rationale: '完整性：数量、质量、时效、成本和服务对象满意度是审核的必备项。',
  check({ table, report }) {
    // A form without an indicator table gets one structure/missing-indicators error instead.
    if (!table.hasIndicatorBlock) return;
    const fw = framework(table.framework);
    const byLevel1 = new Map<string, { cell: string; level2: Set<string> }>();
    for (const ind of table.indicators) {
      const l1 = ind.level1?.name;
      if (!l1) continue;
      let entry = byLevel1.get(l1);
      if (!entry) byLevel1.set(l1, (entry = { cell: ind.level1!.cell, level2: new Set() }));
      if (ind.level2?.name) entry.level2.add(ind.level2.name);
    }
    for (const [l1, { cell, level2 }] of byLevel1) {
      for (const required of fw.requiredLevel2[l1] ?? []) {
        if (level2.has(required)) continue;
        const where = l1 === categories.output && required === categories.cost ? '（旧版框架中成本指标为产出指标下的二级指标）' : '';
        report({ message: `「${l1}」下缺少二级指标「${required}」${where}`, cell, text: table.projectName ?? '' });
      }
      if (fw.atLeastOneLevel2.includes(l1) && level2.size === 0) {
        report({
          message: `「${l1}」下没有任何二级指标（${(fw.tree[l1] ?? []).join('、')}）`,
          cell,
          text: table.projectName ?? '',
        });
      }
    }
  },
};
