/** Valid and invalid cases for the value/* rules. */
import type { CellValue } from '../../src/core/grid';
import { GOOD_ROWS, checkForm, issuesOf } from '../helpers/form';

/** GOOD_ROWS with the value of the row whose 二级 is `level2` replaced. */
function withValue(level2: string, value: CellValue, name?: string): CellValue[][] {
  return GOOD_ROWS.map((r) => (r[1] === level2 ? [r[0], r[1], name ?? r[2], value] : r));
}

describe('value/not-measurable', () => {
  test.each([
    ['数量指标', '100%'],
    ['数量指标', '长期坚持'],
    ['质量指标', '优秀'],
    ['时效指标', '及时'],
    ['时效指标', '≥**%'],
  ])('invalid: %s「%s」', (level2, value) => {
    expect(issuesOf(checkForm({ rows: withValue(level2, value) }), 'value/not-measurable')).toHaveLength(1);
  });
  test.each([
    ['数量指标', '207 条（移动光纤）'],
    ['质量指标', '≥98%'],
    ['时效指标', '1-12月'],
    ['时效指标', '≤30天'],
    ['时效指标', '全年'],
  ])('valid: %s「%s」', (level2, value) => {
    expect(issuesOf(checkForm({ rows: withValue(level2, value) }), 'value/not-measurable')).toEqual([]);
  });
  test('valid: 效益 indicators may be qualitative', () => {
    expect(issuesOf(checkForm({ rows: withValue('社会效益指标', '效果明显') }), 'value/not-measurable')).toEqual([]);
  });
});

describe('value/cost-not-amount', () => {
  test.each(['100%', '能够控制', '是', '不超预算'])('invalid: 成本「%s」', (value) => {
    expect(issuesOf(checkForm({ rows: withValue('成本指标', value) }), 'value/cost-not-amount')).toHaveLength(1);
  });
  test.each(['≤10万元', '10万', '100000元', '0.5万元/台', '23.82万/年'])('valid: 成本「%s」', (value) => {
    expect(issuesOf(checkForm({ rows: withValue('成本指标', value) }), 'value/cost-not-amount')).toEqual([]);
  });
});

describe('value/percent-range', () => {
  test.each(['≥100%', '>100%', '120%', '≥ 101 ％'])('invalid: %s', (value) => {
    expect(issuesOf(checkForm({ rows: withValue('质量指标', value) }), 'value/percent-range')).toHaveLength(1);
  });
  test.each(['100%', '=100%', '≥99%', '≤1%'])('valid: %s', (value) => {
    expect(issuesOf(checkForm({ rows: withValue('质量指标', value) }), 'value/percent-range')).toEqual([]);
  });
  test('valid: a growth rate may exceed 100%', () => {
    expect(issuesOf(checkForm({ rows: withValue('质量指标', '≥120%', '访问量同比增长率') }), 'value/percent-range')).toEqual([]);
  });
});

describe('value/not-applicable-conflict', () => {
  test('invalid: 不涉及 with 95%', () => {
    const rows = [...GOOD_ROWS];
    rows.splice(5, 0, ['', '生态效益指标', '不涉及', '95%']);
    expect(issuesOf(checkForm({ rows }), 'value/not-applicable-conflict')).toHaveLength(1);
  });
  test('valid: 不涉及 / 无, 无 / 无', () => {
    const rows = [...GOOD_ROWS];
    rows.splice(5, 0, ['', '生态效益指标', '不涉及', '无'], ['', '经济效益指标', '无', '无']);
    expect(checkForm({ rows }).issues).toEqual([]);
  });
});

describe('value/satisfaction-form', () => {
  test.each(['提高', '提升', '≤2次', '良好'])('invalid: 满意度「%s」', (value) => {
    expect(issuesOf(checkForm({ rows: withValue('服务对象满意度指标', value) }), 'value/satisfaction-form')).toHaveLength(1);
  });
  test.each(['≥90%', '95%', '>=80%', '≧９０％'])('valid: 满意度「%s」', (value) => {
    expect(issuesOf(checkForm({ rows: withValue('服务对象满意度指标', value) }), 'value/satisfaction-form')).toEqual([]);
  });
});
