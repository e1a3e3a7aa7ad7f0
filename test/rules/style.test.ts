/** Valid and invalid cases for the style/* rules, through the rule tester: each fix's output pinned. */
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

ruleTester(styleLevel2Name, {
  valid: [
    {
      name: 'standard names, with or without tags',
      rows: GOOD_ROWS.map((r) => (r[1] === '数量指标' ? [r[0], '数量指标（必填硬性指标）', r[2], r[3]] : r)),
    },
  ],
  invalid: [
    ['经济效益', '经济效益指标'],
    ['社会效益', '社会效益指标'],
    ['社会效益(必填)', '社会效益指标(必填)'],
  ].map(([written, after]) => ({
    rows: withBenefit(written),
    errors: [{ messageId: 'standardName', cell: 'B17', data: { text: written, after } }],
    output: withBenefit(after),
  })),
});
