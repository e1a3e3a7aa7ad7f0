/** Valid and invalid cases for the value/* rules, through the rule tester: message id and cell pinned. */
import type { CellValue } from '../../src/core/grid';
import { valueCostNotAmount } from '../../src/core/rules/value-cost-not-amount';
import { valueDateSerial } from '../../src/core/rules/value-date-serial';
import { valueOutsideYear } from '../../src/core/rules/value-outside-year';
import { valueNotApplicableConflict } from '../../src/core/rules/value-not-applicable-conflict';
import { valueNotMeasurable } from '../../src/core/rules/value-not-measurable';
import { valuePercentRange } from '../../src/core/rules/value-percent-range';
import { valueSatisfactionForm } from '../../src/core/rules/value-satisfaction-form';
import { valueUnitMismatch } from '../../src/core/rules/value-unit-mismatch';
import { GOOD_ROWS, checkForm } from '../helpers/form';
import { ruleTester } from '../helpers/rule-tester';

/** GOOD_ROWS with the value of the row whose 二级 is `level2` replaced. */
function withValue(level2: string, value: CellValue, name?: string): CellValue[][] {
  return GOOD_ROWS.map((r) => (r[1] === level2 ? [r[0], r[1], name ?? r[2], value] : r));
}

/** The value cell of each GOOD_ROWS row in the default form (12 header rows; values in column D). */
const VALUE_CELL: Record<string, string> = {
  数量指标: 'D13',
  质量指标: 'D14',
  时效指标: 'D15',
  成本指标: 'D16',
  服务对象满意度指标: 'D19',
};

ruleTester(valueNotMeasurable, {
  valid: [
    { rows: withValue('数量指标', '207 条（移动光纤）') },
    { rows: withValue('质量指标', '≥98%') },
    { rows: withValue('时效指标', '1-12月') },
    { rows: withValue('时效指标', '≤30天') },
    { rows: withValue('时效指标', '全年') },
    { name: '效益 indicators may be qualitative', rows: withValue('社会效益指标', '效果明显') },
  ],
  invalid: [
    {
      rows: withValue('数量指标', '100%'),
      errors: [{ messageId: 'quantityPercent', cell: VALUE_CELL.数量指标, data: { value: '100%' } }],
    },
    {
      rows: withValue('数量指标', '长期坚持'),
      errors: [{ messageId: 'quantity', cell: VALUE_CELL.数量指标, data: { value: '长期坚持' } }],
    },
    { rows: withValue('质量指标', '优秀'), errors: [{ messageId: 'quality', cell: VALUE_CELL.质量指标 }] },
    { rows: withValue('时效指标', '及时'), errors: [{ messageId: 'timeliness', cell: VALUE_CELL.时效指标 }] },
    {
      rows: withValue('时效指标', '≥**%'),
      errors: [{ messageId: 'placeholder', cell: VALUE_CELL.时效指标, data: { value: '≥**%' } }],
    },
  ],
});

ruleTester(valueCostNotAmount, {
  valid: ['≤10万元', '10万', '100000元', '0.5万元/台', '23.82万/年'].map((v) => ({
    rows: withValue('成本指标', v),
  })),
  invalid: ['100%', '能够控制', '是', '不超预算'].map((v) => ({
    rows: withValue('成本指标', v),
    errors: [{ messageId: 'notAmount', cell: VALUE_CELL.成本指标, data: { value: v } }],
  })),
});

ruleTester(valuePercentRange, {
  valid: [
    ...['100%', '=100%', '≥99%', '≤1%'].map((v) => ({ rows: withValue('质量指标', v) })),
    { name: 'a growth rate may exceed 100%', rows: withValue('质量指标', '≥120%', '访问量同比增长率') },
  ],
  invalid: [
    ...['≥100%', '>100%', '120%', '≥ 101 ％'].map((v) => ({
      rows: withValue('质量指标', v),
      errors: [{ messageId: 'over', cell: VALUE_CELL.质量指标, data: { value: v } }],
    })),
    { rows: withValue('质量指标', '<0%'), errors: [{ messageId: 'under', cell: VALUE_CELL.质量指标 }] },
  ],
});

/** GOOD_ROWS with rows inserted after the 社会效益 row (sheet rows 18, 19 → A1 rows 18, 19). */
function withBenefitRows(...extra: CellValue[][]): CellValue[][] {
  const rows = [...GOOD_ROWS];
  rows.splice(5, 0, ...extra);
  return rows;
}

ruleTester(valueNotApplicableConflict, {
  valid: [
    {
      name: '不涉及 / 无, 无 / 无',
      rows: withBenefitRows(['', '生态效益指标', '不涉及', '无'], ['', '经济效益指标', '无', '无']),
    },
  ],
  invalid: [
    {
      name: '不涉及 with 95%',
      rows: withBenefitRows(['', '生态效益指标', '不涉及', '95%']),
      errors: [{ messageId: 'conflict', cell: 'D18', data: { name: '不涉及', value: '95%' } }],
    },
  ],
});

ruleTester(valueSatisfactionForm, {
  valid: [
    ...['≥90%', '95%', '>=80%', '≧９０％'].map((v) => ({ rows: withValue('服务对象满意度指标', v) })),
    {
      name: 'at the configured minimum',
      rows: withValue('服务对象满意度指标', '≥90%'),
      options: { minimum: 90 },
    },
  ],
  invalid: [
    ...['提高', '提升', '≤2次', '良好'].map((v) => ({
      rows: withValue('服务对象满意度指标', v),
      errors: [{ messageId: 'notPercent', cell: VALUE_CELL.服务对象满意度指标, data: { value: v } }],
    })),
    {
      name: 'below the configured minimum',
      rows: withValue('服务对象满意度指标', '≥85%'),
      options: { minimum: 90 },
      errors: [
        {
          messageId: 'belowMinimum',
          cell: VALUE_CELL.服务对象满意度指标,
          data: { value: '≥85%', minimum: 90 },
        },
      ],
    },
  ],
});

test('the whole check of a form with 不涉及 / 无 rows raises nothing at all', () => {
  expect(
    checkForm({
      rows: withBenefitRows(['', '生态效益指标', '不涉及', '无'], ['', '经济效益指标', '无', '无']),
    }).issues,
  ).toEqual([]);
});

ruleTester(valueDateSerial, {
  valid: [
    ...['2026年11月前', '≤30天', '12345', '100'].map((v) => ({ rows: withValue('时效指标', v) })),
    { name: 'a five-digit number elsewhere is a quantity', rows: withValue('数量指标', '45657') },
  ],
  invalid: [
    {
      rows: withValue('时效指标', 45657),
      errors: [
        { messageId: 'serial', cell: VALUE_CELL.时效指标, data: { value: '45657', date: '2024年12月31日' } },
      ],
    },
    {
      rows: withValue('时效指标', '46022'),
      errors: [{ messageId: 'serial', cell: VALUE_CELL.时效指标, data: { date: '2025年12月31日' } }],
    },
  ],
});

ruleTester(valueOutsideYear, {
  valid: [
    ...['2026年11月前', '11月前', '2026-06-30', '≤30天'].map((v) => ({ rows: withValue('时效指标', v) })),
    {
      name: 'a multi-year project may end later',
      rows: withValue('时效指标', '2028年底前'),
      period: '3年',
      attribute: '延续性项目',
    },
    {
      name: 'no budget year in the title: nothing to compare',
      rows: withValue('时效指标', '2020年底前'),
      title: '部门项目支出预算绩效目标表',
    },
    {
      name: 'the budget year configured',
      rows: withValue('时效指标', '2025年11月前'),
      options: { year: 2025 },
    },
  ],
  invalid: [
    {
      name: 'last year’s date in a 2026 form',
      rows: withValue('时效指标', '2025年11月前'),
      errors: [{ messageId: 'before', cell: VALUE_CELL.时效指标, data: { written: 2025, year: 2026 } }],
    },
    {
      name: 'a one-year project ending next year',
      rows: withValue('时效指标', '2027.6'),
      errors: [{ messageId: 'after', cell: VALUE_CELL.时效指标, data: { written: 2027, year: 2026 } }],
    },
  ],
});

/** A form whose values are split: 指标性质 | 指标值 | 计量单位 | 指标属性 (values in column E from row 6). */
function splitForm(...rows: CellValue[][]) {
  const head: CellValue[][] = [
    ['项目名称', '培训项目'],
    ['主管部门', '某局', '实施单位', '某中心'],
    ['年度资金总额', 10],
    ['年度总体目标', '完成培训'],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标属性'],
  ];
  const good: CellValue[][] = [
    ['产出指标', '数量指标', '培训人数', '≥', 100, '人', '定量'],
    ['', '质量指标', '培训合格率', '≥', 95, '%', '定量'],
    ['效益指标', '社会效益指标', '干部业务能力', '', '有所提升', '', '定性'],
    ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', 90, '%', '定量'],
  ];
  return {
    grid: { sheet: 'S', values: [...head, ...good, ...rows].map((r) => r.map((c) => (c === '' ? null : c))) },
  };
}

ruleTester(valueUnitMismatch, {
  valid: [
    { name: 'split values that agree', ...splitForm() },
    {
      name: 'a value with its own unit equal to the unit column',
      ...splitForm(['', '时效指标', '完成时间', '≤', '30天', '天', '定量']),
    },
  ],
  invalid: [
    {
      name: 'an amount under the unit %',
      ...splitForm(['', '成本指标', '培训经费', '≤', '28.8万元', '%', '定量']),
      errors: [{ messageId: 'unit', cell: 'E10', data: { value: '28.8万元', own: '万元', unit: '%' } }],
    },
    {
      name: '≤ under the direction ≥',
      ...splitForm(['', '时效指标', '完成时间', '≥', '≤5天', '', '定量']),
      errors: [{ messageId: 'direction', cell: 'E10', data: { value: '≤5天', direction: '≥' } }],
    },
    {
      name: 'a figure in a 定性 row',
      ...splitForm(['', '可持续影响指标', '长效机制', '', '95%', '', '定性']),
      errors: [{ messageId: 'qualitativeNumber', cell: 'E10', data: { value: '95%' } }],
    },
  ],
});
