import { a1 } from '../grid';
import { categories, framework } from '../vocabulary';
import type { Rule } from './types';

export const structureMissingLevel1: Rule = {
  id: 'structure/missing-level1',
  severity: 'error',
  title: '缺少一级指标',
  description: '缺少所用框架要求的一级指标（产出、成本、效益、满意度）',
  rationale: '完整性：一级指标是绩效目标的骨架，缺少一类即无法衡量该方面的绩效。',
  check({ table, report }) {
    // A form without an indicator table gets one structure/missing-indicators error instead.
    if (!table.hasIndicatorBlock) return;
    const fw = framework(table.framework);
    const present = new Set(table.indicators.map((i) => i.level1?.name).filter(Boolean));
    const col = table.columns.level1 ?? table.columns.level2 ?? 0;
    for (const required of fw.requiredLevel1) {
      if (present.has(required)) continue;
      const why =
        required === categories.costLevel1 && table.framework === 'newer'
          ? '（按财预〔2021〕101号，成本指标为一级指标，下设经济成本、社会成本、生态环境成本）'
          : '';
      report({
        message: `缺少一级指标「${required}」${why}`,
        cell: a1(table.indicatorHeaderRow, col),
        text: table.projectName ?? '',
      });
    }
  },
};
