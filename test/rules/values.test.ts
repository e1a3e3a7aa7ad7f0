/** Valid and invalid cases for the value/* rules, through the rule tester: message id and cell pinned. */
import type { CellValue } from '../../src/core/grid';
import { valueCostNotAmount } from '../../src/core/rules/value-cost-not-amount';
import { valueDateSerial } from '../../src/core/rules/value-date-serial';
import { valueImpossibleDate } from '../../src/core/rules/value-impossible-date';
import { valueMissingUnit } from '../../src/core/rules/value-missing-unit';
import { valueOutsideYear } from '../../src/core/rules/value-outside-year';
import { valueNotApplicableConflict } from '../../src/core/rules/value-not-applicable-conflict';
import { valueNotMeasurable } from '../../src/core/rules/value-not-measurable';
import { valuePercentRange } from '../../src/core/rules/value-percent-range';
import { valueSatisfactionForm } from '../../src/core/rules/value-satisfaction-form';
import { valueUnitMismatch } from '../../src/core/rules/value-unit-mismatch';
import '../../src/core/locales/en-US';
import { loadLibrary } from '../../src/core/phrasings/library';
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

/** A form whose value column is headed `valueHeader` (no 单位 line): values in column D from row 6. */
function headedForm(valueHeader: string, ...rows: CellValue[][]) {
  const head: CellValue[][] = [
    ['项目名称', '培训项目'],
    ['主管部门', '某局', '实施单位', '某中心'],
    ['年度资金总额', 10],
    ['年度总体目标', '完成培训'],
    ['一级指标', '二级指标', '三级指标', valueHeader],
  ];
  return {
    grid: { sheet: 'S', values: [...head, ...rows].map((r) => r.map((c) => (c === '' ? null : c))) },
  };
}

ruleTester(valueMissingUnit, {
  valid: [
    ...['≥100人', '207条（移动光纤）', '100%', '效果明显'].map((v) => ({ rows: withValue('数量指标', v) })),
    { name: 'the unit in the 三级 (brackets)', rows: withValue('数量指标', '10', '雾炮车车辆数(辆)') },
    { name: 'the unit in the 三级 (full-width)', rows: withValue('数量指标', '10', '配备车辆数（台）') },
    { name: 'a count named by its measure word', rows: withValue('数量指标', '100', '培训人数') },
    { name: 'a count of vehicles', rows: withValue('数量指标', '10', '雾炮车配备车辆数') },
    { name: 'a rate is read as a percentage', rows: withValue('质量指标', '95', '培训完成率') },
    { name: 'a score', rows: withValue('社会效益指标', '90', '综合评分') },
    { name: 'nothing to count', rows: withValue('数量指标', '0', '新增场地') },
    { name: 'a year', rows: withValue('时效指标', '2026') },
    { name: 'a period of dates', rows: withValue('时效指标', '2023.07-2024.01', '服务周期') },
    { name: 'a period of years', rows: withValue('时效指标', '2024-2026', '服务周期') },
    { name: 'a date serial (value/date-serial)', rows: withValue('时效指标', 45657) },
    { name: 'digits run together (value/impossible-date)', rows: withValue('时效指标', '20246') },
    { name: 'satisfaction (value/satisfaction-form)', rows: withValue('服务对象满意度指标', '90') },
    { name: 'a cost figure in the form’s 单位：万元', rows: withValue('成本指标', '15') },
    { name: 'a unit column', ...splitForm(['', '时效指标', '培训天数', '≤', 5, '天', '定量']) },
    {
      name: 'the value column’s header gives the unit',
      ...headedForm('指标值（万元）', ['产出指标', '成本指标', '培训经费', 15]),
    },
  ],
  invalid: [
    {
      name: 'a service period of 180 what',
      rows: withValue('时效指标', 180, '服务周期'),
      errors: [
        {
          messageId: 'missing',
          cell: VALUE_CELL.时效指标,
          data: { value: '180', indicator: '服务周期', example: '180天' },
        },
      ],
    },
    {
      name: 'a count whose 三级 names no unit',
      rows: withValue('数量指标', '≥220', '开设课程数量'),
      errors: [
        { messageId: 'missing', cell: VALUE_CELL.数量指标, data: { value: '≥220', example: '≥220门' } },
      ],
    },
    {
      name: 'a count of projects',
      rows: withValue('数量指标', 3, '补助款完成结算项目数'),
      errors: [{ messageId: 'missing', cell: VALUE_CELL.数量指标, data: { example: '3个' } }],
    },
    {
      name: 'a cost figure with no 单位 line',
      rows: withValue('成本指标', '15'),
      unit: null,
      // No unit line: the rows start one higher.
      errors: [{ messageId: 'missing', cell: 'D15', data: { value: '15', example: '15万元' } }],
    },
    {
      name: 'months of the year without 月',
      rows: withValue('时效指标', '1-12', '培训时间'),
      errors: [{ messageId: 'missing', cell: VALUE_CELL.时效指标, data: { example: '1-12月' } }],
    },
    {
      name: 'a unit column left empty',
      ...splitForm(['', '时效指标', '培训时长', '≤', 5, '', '定量']),
      errors: [{ messageId: 'missing', cell: 'E10', data: { value: '5', example: '≤5天' } }],
    },
    {
      name: 'a value column headed with no unit',
      ...headedForm('指标值', ['产出指标', '成本指标', '培训经费', 15]),
      errors: [{ messageId: 'missing', cell: 'D6', data: { example: '15万元' } }],
    },
  ],
});

ruleTester(valueImpossibleDate, {
  valid: [
    ...[
      '2023.07-2024.01',
      '2024年6月-2025年1月',
      '2024-2026',
      '12月底前',
      '180天',
      '2026年11月前',
      '2026年9-10月',
      '2024-02-29',
      '2026年12月20日前',
      '20260630',
      '202606',
      '45657',
      '每年12月底前',
    ].map((v) => ({ rows: withValue('时效指标', v) })),
    { name: 'a count elsewhere is no date', rows: withValue('数量指标', '20246人') },
    { name: 'a period of years', period: '2024-2026', rows: GOOD_ROWS },
    { name: 'a period of dates', period: '2024.01.01-2026.12.31', rows: GOOD_ROWS },
    { name: 'a period in dates written together', period: '20240101-20261231', rows: GOOD_ROWS },
  ],
  invalid: [
    {
      rows: withValue('时效指标', '2024.13'),
      errors: [
        {
          messageId: 'month',
          cell: VALUE_CELL.时效指标,
          data: { label: '培训完成时间', value: '2024.13', date: '2024.13', month: 13 },
        },
      ],
    },
    {
      rows: withValue('时效指标', '2026年13月前'),
      errors: [{ messageId: 'month', cell: VALUE_CELL.时效指标, data: { date: '2026年13月', month: 13 } }],
    },
    {
      rows: withValue('时效指标', '2026-02-30'),
      errors: [{ messageId: 'day', cell: VALUE_CELL.时效指标, data: { month: 2, day: 30, days: 28 } }],
    },
    {
      rows: withValue('时效指标', '20246年6月'),
      errors: [{ messageId: 'year', cell: VALUE_CELL.时效指标, data: { year: 20246 } }],
    },
    {
      name: 'year and month run together (湘潭 2024: 开始时间 20246)',
      rows: withValue('时效指标', 20246, '开始时间'),
      errors: [
        {
          messageId: 'digits',
          cell: VALUE_CELL.时效指标,
          data: { label: '开始时间', date: '20246', example: '2024年6月' },
        },
      ],
    },
    {
      name: 'the 项目期 (湘潭 2024: 项目起止时间 20246-202516)',
      period: '20246-202516',
      rows: GOOD_ROWS,
      errors: [
        {
          messageId: 'digits',
          cell: 'D5',
          data: { label: '项目期', value: '20246-202516', date: '20246', example: '2024年6月' },
        },
      ],
    },
  ],
});

describe('value/missing-unit and value/impossible-date in both locales', () => {
  const library = loadLibrary();
  const spec = {
    period: '20246-202516',
    rows: withValue('时效指标', '180', '服务周期'),
  };
  const messages = (locale: 'zh-CN' | 'en-US') =>
    checkForm(spec, { library, locale })
      .issues.filter((i) => i.rule === 'value/missing-unit' || i.rule === 'value/impossible-date')
      .map((i) => i.message);

  test('zh-CN', () => {
    expect(messages('zh-CN')).toEqual([
      '项目期「20246-202516」中的「20246」不是有效日期（没有 20246 年）：年、月、日之间缺少分隔，若指 2024年6月，请写作「2024年6月」',
      '指标值「180」没有计量单位：「服务周期」的单位应写明（如「180天」）',
    ]);
  });

  test('en-US', () => {
    expect(messages('en-US')).toEqual([
      '项目期 「20246-202516」: 「20246」 is not a valid date (there is no year 20246) — year, month and day run together; if 「2024年6月」 is meant, write 「2024年6月」',
      'Value 「180」 has no unit: state the unit of 「服务周期」 (such as 「180天」)',
    ]);
  });

  test('a month and a day no calendar has, in both locales', () => {
    const table = (locale: 'zh-CN' | 'en-US') =>
      checkForm({ rows: withValue('时效指标', '2026.6.31') }, { library, locale }).issues.filter(
        (i) => i.rule === 'value/impossible-date',
      );
    expect(table('zh-CN').map((i) => i.message)).toEqual([
      '培训完成时间「2026.6.31」中的「2026.6.31」不是有效日期：6 月只有 30 天',
    ]);
    expect(table('en-US').map((i) => i.message)).toEqual([
      '培训完成时间 「2026.6.31」: 「2026.6.31」 is not a valid date — month 6 has only 30 days',
    ]);
  });
});
