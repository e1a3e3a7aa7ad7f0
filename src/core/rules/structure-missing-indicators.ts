import { a1 } from '../grid';
import type { Rule } from './types';

export const structureMissingIndicators: Rule = {
  id: 'structure/missing-indicators',
  severity: 'error',
  title: '缺少绩效指标表',
  description: '表中只有表头信息块，没有绩效指标表（一级指标 / 二级指标 / 三级指标 / 指标值）',
  rationale: '完整性：没有绩效指标，绩效目标无从衡量；表头填好后还须填写指标表。',
  check({ table, report }) {
    if (table.hasIndicatorBlock) return;
    report({
      message: '未找到绩效指标表：请在表头下方填写「一级指标 / 二级指标 / 三级指标 / 指标值」及各项指标',
      cell: a1(table.bottom, Number.isFinite(table.columns.level1 ?? NaN) ? table.columns.level1! : 0),
      text: table.projectName ?? '',
    });
  },
};
