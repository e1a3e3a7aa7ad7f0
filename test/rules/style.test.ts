/** Valid and invalid cases for the style/* rules, through the rule tester: each fix's output pinned. */
import type { CellValue } from '../../src/core/grid';
import { styleLevel2Name } from '../../src/core/rules/style-level2-name';
import { styleNotation } from '../../src/core/rules/style-notation';
import { GOOD_ROWS } from '../helpers/form';
import { ruleTester } from '../helpers/rule-tester';

/** GOOD_ROWS with the 质量 value (D14 in the default form) replaced. */
const withQuality = (value: string) =>
  GOOD_ROWS.map((r) => (r[1] === '质量指标' ? [r[0], r[1], r[2], value] : r));
/** GOOD_ROWS with the 社会效益 row's 二级 (B17) written otherwise. */
const withBenefit = (written: string) =>
  GOOD_ROWS.map((r) => (r[1] === '社会效益指标' ? [r[0], written, r[2], r[3]] : r));

ruleTester(styleNotation, {
  valid: ['≥95%', '100%', '2026年11月前', '70（人）*3天', '提升'].map((v) => ({ rows: withQuality(v) })),
  invalid: [
    ...[
      ['>=95%', '≥95%'],
      ['≧90％', '≥90%'],
      ['≥87百分比', '≥87%'],
      ['≥ 98 %', '≥98%'],
      ['＞＝９５％', '≥95%'],
    ].map(([before, after]) => ({
      rows: withQuality(before),
      errors: [{ messageId: 'value', cell: 'D14', data: { before, after }, severity: 'info' as const }],
      output: withQuality(after),
    })),
    {
      name: 'a full-width amount in the header',
      rows: GOOD_ROWS,
      annual: '１０万',
      errors: [{ messageId: 'amount', cell: 'D6', data: { before: '１０万', after: '10万' } }],
      output: GOOD_ROWS,
    },
  ],
});

/** GOOD_ROWS with the 二级 written `standard` (B13–B19 in the default form) written otherwise. */
const withLevel2 = (standard: string, written: string) =>
  GOOD_ROWS.map((r) => (r[1] === standard ? [r[0], written, r[2], r[3]] : r));

/**
 * A form with a 中期 and a 年度 half side by side (the 88号 申报表, 东莞 批复表): the 年度 half is
 * read, the 中期 one left aside. Each row gives the 二级 of both halves: [一级, 中期 二级, 年度 二级].
 */
const halves = (rows: [string, string, string][]) => ({
  sheet: 'S',
  values: [
    ['项目名称', '干部培训项目'],
    ['主管部门', '某某局', '实施单位', '某某中心'],
    ['中期资金总额', 30, '年度资金总额', 10],
    ['中期目标', '三年培训干部300人次', '年度目标', '完成干部培训100人次'],
    [
      '一级指标',
      '二级指标(中期)',
      '三级指标(中期)',
      '指标值(中期)',
      '二级指标(年度)',
      '三级指标(年度)',
      '指标值(年度)',
    ],
    ...rows.map(([l1, long, annual], k) => [
      l1,
      long,
      GOOD_ROWS[k][2],
      GOOD_ROWS[k][3],
      annual,
      GOOD_ROWS[k][2],
      GOOD_ROWS[k][3],
    ]),
  ] as CellValue[][],
});
/** The reference rows as [一级, 中期 二级, 年度 二级], with some 二级 changed in either half. */
const halfRows = (long: Record<string, string> = {}, annual: Record<string, string> = {}) =>
  GOOD_ROWS.map((r): [string, string, string] => {
    const l2 = String(r[1]);
    return [String(r[0]), long[l2] ?? l2, annual[l2] ?? l2];
  });

/** A 中期 table over the 年度 one, each under its heading; the 年度 one is read. */
const stacked = (long: Record<string, string>, annual: Record<string, string>) => {
  const block = (change: Record<string, string>) =>
    GOOD_ROWS.map((r) => [r[0], change[String(r[1])] ?? r[1], r[2], r[3]].map((c) => (c === '' ? null : c)));
  return {
    sheet: 'S',
    values: [
      ['项目名称', '干部培训项目'],
      ['主管部门', '某某局', '实施单位', '某某中心'],
      ['年度资金总额', 10],
      ['年度总体目标', '完成干部培训100人次'],
      ['中期绩效指标'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ...block(long),
      ['年度绩效指标'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ...block(annual),
    ] as CellValue[][],
  };
};

ruleTester(styleLevel2Name, {
  valid: [
    {
      name: 'standard names, with or without tags',
      rows: GOOD_ROWS.map((r) => (r[1] === '数量指标' ? [r[0], '数量指标（必填硬性指标）', r[2], r[3]] : r)),
    },
    { name: 'spaces alone: the standard name, wrapped', rows: withBenefit('社会效益 指标 （必填）') },
    {
      name: 'three categories in one (社会、经济、生态效益)',
      rows: withBenefit('社会、经济、生态效益 指标'),
    },
    {
      name: 'another category name (批复表 预算控制指标): not made 成本指标',
      rows: withLevel2('成本指标', '预算(或投资规模)控制指标'),
    },
    { name: 'another word for the category (工期指标)', rows: withLevel2('时效指标', '工期指标') },
    {
      name: 'another group named (社会公众 besides 服务对象)',
      rows: withLevel2('服务对象满意度指标', '社会公众或服务对象满意度指标'),
    },
    { name: 'a bracket that names another category', rows: withLevel2('数量指标', '数量指标(质量)') },
    {
      name: 'a bracket that says more than the category',
      rows: withLevel2('时效指标', '时效指标(按期完成)'),
    },
    {
      name: 'a bracket naming this and another category',
      rows: withBenefit('社会效益指标（经济、社会效益）'),
    },
    {
      name: 'halves: the 中期 half at the same place is another word, so neither is fixed',
      grid: halves(halfRows({ 时效指标: '工期指标' }, { 时效指标: '时效' })),
    },
    {
      name: 'halves stacked: the 中期 table names several categories there, so neither is fixed',
      grid: stacked({ 社会效益指标: '社会、经济效益指标' }, { 社会效益指标: '社会效益' }),
    },
  ],
  invalid: [
    ...[
      ['经济效益', '经济效益指标'],
      ['社会效益', '社会效益指标'],
      ['社会效益(必填)', '社会效益指标(必填)'],
      ['社会效益（必填）', '社会效益指标（必填）'],
      ['社会效益：', '社会效益指标'],
      ['社会效益 指标：', '社会效益指标'],
    ].map(([written, after]) => ({
      rows: withBenefit(written),
      errors: [{ messageId: 'standardName', cell: 'B17', data: { text: written, after } }],
      output: withBenefit(after),
    })),
    ...[
      ['数量指标', '数量', '数量指标'],
      ['数量指标', '数量目标', '数量指标'],
      ['数量指标', '数量指', '数量指标'],
      ['数量指标', '（一）数量', '（一）数量指标'],
      ['数量指标', '数量指标(或建筑规模指标)', '数量指标'],
      ['时效指标', '时效指标(工期指标)', '时效指标'],
      ['时效指标', '时效指标（工期指标、形象进度指标）', '时效指标'],
      ['时效指标', '时效指标(工期指标)(必填)', '时效指标(必填)'],
    ].map(([standard, written, after]) => ({
      rows: withLevel2(standard, written),
      errors: [{ messageId: 'standardName', cell: `B${13 + GOOD_ROWS.findIndex((r) => r[1] === standard)}` }],
      output: withLevel2(standard, after),
    })),
    {
      name: 'halves: the same fix in both',
      grid: halves(
        halfRows({ 时效指标: '时效指标(工期指标)' }, { 时效指标: '时效指标（工期指标、形象进度指标）' }),
      ),
      errors: [
        { messageId: 'standardName', cell: 'E8', data: { after: '时效指标' } },
        { messageId: 'standardName', cell: 'B8', data: { after: '时效指标' } },
      ],
      output: halves(halfRows()).values,
    },
    {
      name: 'halves: the 年度 half standard, the 中期 one fixable',
      grid: halves(halfRows({ 经济效益指标: '', 社会效益指标: '社会效益' })),
      errors: [{ messageId: 'standardName', cell: 'B10' }],
      output: halves(halfRows({ 经济效益指标: '' })).values,
    },
    {
      name: 'halves stacked: the same fix in both tables',
      grid: stacked({ 数量指标: '数量' }, { 数量指标: '数量目标' }),
      errors: [
        { messageId: 'standardName', cell: 'B7' },
        { messageId: 'standardName', cell: 'B16' },
      ],
      output: stacked({}, {}).values.map((r) => r.map((c) => c ?? '')),
    },
  ],
});
