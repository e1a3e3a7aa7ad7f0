/**
 * Valid and invalid cases for the header/* and structure/* rules, through the rule tester: message
 * id and cell pinned. The default form's cells (test/helpers/form.ts): the title A1, 项目总额 B6,
 * the indicator header row 12, indicator rows from row 13 (一级 A, 二级 B, 三级 C, 指标值 D).
 */
import { checkGrid } from '../../src/core/check';
import type { CellValue } from '../../src/core/grid';
import { headerMissingField } from '../../src/core/rules/header-missing-field';
import { structureDuplicateIndicator } from '../../src/core/rules/structure-duplicate-indicator';
import { structureEmptyCell } from '../../src/core/rules/structure-empty-cell';
import { structureMisplacedLevel2 } from '../../src/core/rules/structure-misplaced-level2';
import { structureMissingIndicators } from '../../src/core/rules/structure-missing-indicators';
import { structureMissingLevel1 } from '../../src/core/rules/structure-missing-level1';
import { structureMissingLevel2 } from '../../src/core/rules/structure-missing-level2';
import { structureRequiredLevel2 } from '../../src/core/rules/structure-required-level2';
import { structureTooFewIndicators } from '../../src/core/rules/structure-too-few-indicators';
import { GOOD_ROWS, checkForm } from '../helpers/form';
import { ruleTester } from '../helpers/rule-tester';

test('a correct form is silent: no issue at all on the reference form', () => {
  expect(checkForm({ rows: GOOD_ROWS }).issues).toEqual([]);
});

/** The reference form with an indicator table of fewer columns: `pick` takes them from each row. */
const withColumns = (header: string[], pick: (r: CellValue[]) => CellValue[]) => ({
  sheet: 'S',
  values: [
    ['项目名称', '干部培训项目'],
    ['主管部门', '某某局', '实施单位', '某某中心'],
    ['年度资金总额', 10],
    ['年度总体目标', '完成干部培训100人次'],
    header,
    ...GOOD_ROWS.map(pick),
  ],
});

const HEADER = (...rows: CellValue[][]) => ({
  grid: { sheet: 'S', values: [...rows, ['一级指标', '二级指标', '三级指标', '指标值'], ...GOOD_ROWS] },
});

ruleTester(headerMissingField, {
  valid: [
    { name: 'all fields present', rows: GOOD_ROWS },
    {
      name: 'a flat export has no 主管部门 column of its own, and is not asked for one',
      grid: {
        sheet: 'S',
        values: [
          ['单位名称', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'],
          ['某单位', '某项目', 100, '产出指标', '数量指标', '人数', '10人'],
        ],
      },
    },
  ],
  invalid: [
    {
      name: '主管部门 label missing, 实施单位 empty, no amount',
      rows: GOOD_ROWS,
      department: null,
      implementer: '',
      total: null,
      annual: null,
      ownTotal: null,
      errors: [
        { messageId: 'missingField', cell: 'A1', data: { label: '主管部门' } },
        { messageId: 'missingAmount', cell: 'A1' },
        { messageId: 'emptyField', cell: 'B4', data: { label: '实施单位' } },
      ],
    },
    {
      name: 'no 项目名称 row',
      rows: GOOD_ROWS,
      projectName: null,
      errors: [{ messageId: 'missingField', cell: 'A1', data: { label: '项目名称' } }],
    },
    {
      name: 'an empty 项目主管部门 is named as written',
      ...HEADER(['项目名称', '某项目'], ['项目主管部门', null, '实施单位', '某中心'], ['项目金额', '10万元']),
      errors: [{ messageId: 'emptyField', cell: 'B2', data: { label: '项目主管部门' }, severity: 'error' }],
    },
    {
      name: '中期预算资金总额 left empty beside a filled 年度 amount is a warning',
      ...HEADER(
        ['项目名称', '某项目'],
        ['主管部门', '某局', '实施单位', '某中心'],
        ['项目预算资金(万元)', '中期预算资金总额', null, '年度预算资金总额', 10],
      ),
      errors: [
        { messageId: 'emptyAmount', cell: 'B3', data: { label: '中期预算资金总额' }, severity: 'warning' },
      ],
    },
  ],
});

ruleTester(structureMissingIndicators, {
  valid: [{ name: 'a form with its indicator table', rows: GOOD_ROWS }],
  invalid: [
    {
      name: 'a header-only form',
      grid: {
        sheet: 'S',
        values: [
          ['项目名称', '某项目'],
          ['主管部门', '某局', '实施单位', '某中心'],
          ['年度资金总额', 10],
          ['年度总体目标', '完成培训'],
        ],
      },
      errors: [{ messageId: 'missing', cell: 'A4' }],
    },
  ],
});

test('a header-only form gets one error, and no missing-level1/level2 on top', () => {
  const [t] = checkGrid({
    sheet: 'S',
    values: [
      ['项目名称', '某项目'],
      ['主管部门', '某局', '实施单位', '某中心'],
      ['年度资金总额', 10],
      ['年度总体目标', '完成培训'],
    ],
  });
  expect(t.issues.map((i) => [i.rule, i.severity])).toEqual([['structure/missing-indicators', 'error']]);
});

const WITHOUT = (level2: string) => GOOD_ROWS.filter((r) => r[1] !== level2);

/** GOOD_ROWS in the transfer template: 满意度 as a 二级 under 效益, no 满意度 一级. */
const TRANSFER_ROWS = [
  ...GOOD_ROWS.slice(0, 6),
  ['', '社会公众或服务对象满意度指标', '参训人员满意度', '≥90%'],
];
/** GOOD_ROWS with the 效益 一级 named in a word no framework has. */
const UNKNOWN_LEVEL1 = GOOD_ROWS.map((r) => (r[0] === '效益指标' ? ['影响力指标', ...r.slice(1)] : r));
const OLDER_LABEL = '财预〔2015〕88号（成本指标为产出指标下的二级指标）';

ruleTester(structureMissingLevel1, {
  valid: [
    { name: 'older form without 成本 as 一级', rows: GOOD_ROWS },
    { name: 'transfer template: 满意度 is a 二级 under 效益, no 满意度 一级 asked for', rows: TRANSFER_ROWS },
    {
      name: '广东 批复表: 预期产出指标 / 效果指标, no 满意度 asked for',
      rows: GOOD_ROWS.slice(0, 6).map((r) => [
        { 产出指标: '预期产出指标', 效益指标: '效果指标' }[r[0] as string] ?? r[0],
        {
          数量指标: '数量指标(或建筑规模指标)',
          时效指标: '时效指标(工期指标)',
          成本指标: '预算(或投资规模)控制指标',
        }[r[1] as string] ?? r[1],
        r[2],
        r[3],
      ]),
    },
    {
      name: 'newer form with 成本 as 一级 spanning the 二级 column',
      rows: [
        ...WITHOUT('成本指标').slice(0, 3),
        ['成本指标', '', '培训经费', '10万元'],
        ...WITHOUT('成本指标').slice(3),
      ],
    },
  ],
  invalid: [
    {
      name: 'no 满意度指标',
      rows: GOOD_ROWS.slice(0, 6),
      errors: [{ messageId: 'missing', cell: 'A12', data: { level1: '满意度指标' } }],
    },
    {
      name: 'newer form (a 2026 title) with no cost rows asks for 成本指标',
      rows: WITHOUT('成本指标'),
      title: '2026年部门项目支出预算绩效目标表',
      errors: [{ messageId: 'missingCost', cell: 'A12', data: { level1: '成本指标' } }],
    },
    {
      name: 'no 一级 column at all: one error on the header; the 一级 read from the 二级, none missing',
      grid: withColumns(['二级指标', '三级指标', '指标值'], (r) => [r[1], r[2], r[3]]),
      errors: [{ messageId: 'noColumn', cell: 'A5' }],
    },
    {
      name: 'an 一级 no framework has: one info naming it and the framework assumed, nothing required',
      rows: UNKNOWN_LEVEL1.slice(0, 6),
      errors: [
        {
          messageId: 'unmatched',
          cell: 'A12',
          severity: 'info',
          data: { names: '影响力指标', framework: OLDER_LABEL },
        },
      ],
    },
    {
      name: '成本 both an 一级 and a 二级 under 产出: no one framework holds both',
      rows: [
        ...GOOD_ROWS.slice(0, 4),
        ['成本指标', '经济成本指标', '场地租赁费', '≤2万元'],
        ...GOOD_ROWS.slice(4),
      ],
      errors: [
        {
          messageId: 'unmatched',
          cell: 'A12',
          severity: 'info',
          data: { names: '成本指标', framework: '财预〔2021〕101号（成本指标为一级指标）' },
        },
      ],
    },
  ],
});

ruleTester(structureMissingLevel2, {
  valid: [
    {
      name: 'short 二级 names (服务对象满意度) count',
      rows: GOOD_ROWS.map((r) => (r[1] === '服务对象满意度指标' ? [r[0], '服务对象满意度', r[2], r[3]] : r)),
    },
    {
      name: 'no framework fits (an 一级 nobody knows): no 二级 is required, 时效 missing or not',
      rows: UNKNOWN_LEVEL1.filter((r) => r[1] !== '时效指标'),
    },
  ],
  invalid: [
    {
      name: '产出 without 时效, 效益 without any 二级',
      rows: WITHOUT('时效指标')
        .map((r) => (r[0] === '效益指标' ? ['效益指标', '', r[2], r[3]] : r))
        .filter((r) => r[1] !== '可持续影响指标'),
      errors: [
        { messageId: 'missing', cell: 'A13', data: { level1: '产出指标', level2: '时效指标' } },
        { messageId: 'none', cell: 'A16', data: { level1: '效益指标' } },
      ],
    },
    {
      name: 'no 二级 column at all: one error on the header, not one per 二级',
      grid: withColumns(['一级指标', '三级指标', '指标值'], (r) => [r[0], r[2], r[3]]),
      errors: [{ messageId: 'noColumn', cell: 'A5' }],
    },
    {
      name: 'older form (a 2019 title) without 成本指标 under 产出',
      rows: WITHOUT('成本指标'),
      title: '2019年项目支出绩效目标表',
      errors: [
        { messageId: 'missingCostOlder', cell: 'A13', data: { level1: '产出指标', level2: '成本指标' } },
      ],
    },
  ],
});

/** GOOD_ROWS with the 三级 name of the row whose 二级 is `level2` replaced (and its value, when given). */
const named = (name: string, level2 = '社会效益指标', value?: string) =>
  GOOD_ROWS.map((r) => (r[1] === level2 ? [r[0], r[1], name, value ?? r[3]] : r));

ruleTester(structureMisplacedLevel2, {
  valid: [
    { rows: GOOD_ROWS },
    {
      name: 'transfer template: 满意度 as a 二级 under 效益 is where that framework puts it',
      rows: TRANSFER_ROWS,
    },
    {
      name: 'no framework fits: where a 二级 belongs is not judged',
      rows: [...UNKNOWN_LEVEL1.slice(0, 6), ['', '服务对象满意度指标', '参训人员满意度', '≥90%']],
    },
    {
      name: '效果指标 (河北 2020) is an accepted name for 效益指标',
      rows: GOOD_ROWS.map((r) => (r[0] === '效益指标' ? ['效果指标', ...r.slice(1)] : r)),
    },
    { name: 'fuzzy: a count under 社会效益', rows: named('受益人口数量') },
    { name: 'fuzzy: 及时率 under 质量', rows: named('培训完成及时率', '质量指标') },
  ],
  invalid: [
    {
      name: '服务对象满意度 under 效益, an 一级 name as 二级',
      rows: [
        ...GOOD_ROWS.slice(0, 3),
        ['', '产出指标', '资料印发时间', '12月前'],
        ...GOOD_ROWS.slice(3, 6),
        ['', '服务对象满意度指标', '群众满意度', '≥90%'],
        ...GOOD_ROWS.slice(6),
      ],
      errors: [
        { messageId: 'level1AsLevel2', cell: 'B16', data: { text: '产出指标' }, severity: 'error' },
        {
          messageId: 'wrongLevel1',
          cell: 'B20',
          data: { text: '服务对象满意度指标', home: '满意度指标', level1: '效益指标' },
          severity: 'error',
        },
      ],
    },
    {
      name: 'predicted: a 满意度 indicator under 社会效益 (a warning)',
      rows: named('群众满意度'),
      errors: [
        {
          messageId: 'indicatorElsewhere',
          cell: 'C17',
          data: { name: '群众满意度', level2: '服务对象满意度指标', under: '社会效益指标' },
          severity: 'warning',
        },
      ],
    },
    {
      name: 'predicted: a cost line under 数量',
      rows: named('培训场地租赁费用', '数量指标', '2万元'),
      errors: [{ messageId: 'indicatorElsewhere', cell: 'C13', severity: 'warning' }],
    },
  ],
});

ruleTester(structureDuplicateIndicator, {
  valid: [
    {
      name: 'the same words under different 二级, and repeated 无 rows',
      rows: [
        ...GOOD_ROWS.slice(0, 2),
        ['', '', '培训人数', '≥99%'],
        ...GOOD_ROWS.slice(2, 5),
        ['', '经济效益指标', '无', '无'],
        ['', '生态效益指标', '无', '无'],
        ...GOOD_ROWS.slice(5),
        ['', '', '无', '无'],
      ],
    },
  ],
  invalid: [
    {
      name: 'the same 三级 twice under one 二级',
      rows: [GOOD_ROWS[0], ['', '', '培训人数', '≥100人'], ...GOOD_ROWS.slice(1)],
      errors: [
        { messageId: 'duplicate', cell: 'C14', data: { name: '培训人数', group: '数量指标', first: 'C13' } },
      ],
    },
    {
      name: 'a name under 数量, then twice under 质量: the second 质量 row repeats the first 质量 row',
      rows: [
        GOOD_ROWS[0],
        ['', '质量指标', '培训人数', '≥99%'],
        ['', '', '培训人数', '≥98%'],
        ...GOOD_ROWS.slice(1),
      ],
      errors: [
        { messageId: 'duplicate', cell: 'C15', data: { name: '培训人数', group: '质量指标', first: 'C14' } },
      ],
    },
  ],
});

ruleTester(structureEmptyCell, {
  valid: [
    { name: 'every row filled', rows: GOOD_ROWS },
    {
      name: '成本指标 and 满意度指标 as 一级 spanning the 二级 column',
      rows: [
        ...GOOD_ROWS.slice(0, 3),
        ['成本指标', '', '培训经费', '≤10万元'],
        ...GOOD_ROWS.slice(4, 6),
        ['满意度指标', '', '参训人员满意度', '≥90%'],
      ],
    },
  ],
  invalid: [
    {
      name: 'a name without value, a value without name',
      rows: [['产出指标', '数量指标', '培训人数', ''], ['', '质量指标', '', '≥95%'], ...GOOD_ROWS.slice(2)],
      errors: [
        { messageId: 'noValue', cell: 'D13', data: { name: '培训人数' } },
        { messageId: 'noName', cell: 'C14', data: { value: '≥95%' } },
      ],
    },
    {
      name: 'a 三级 typed with no 二级 above it',
      rows: [['产出指标', '', '培训人数', '≥100人'], ...GOOD_ROWS.slice(1)],
      errors: [{ messageId: 'noLevel2', cell: 'B13', data: { name: '培训人数' } }],
    },
  ],
});

ruleTester(structureTooFewIndicators, {
  valid: [{ name: 'minimum 1: every required 二级 has one', rows: GOOD_ROWS, options: { min: 1 } }],
  invalid: [
    {
      name: 'minimum 2 (default): the reference form has one 三级 under each',
      rows: [GOOD_ROWS[0], ['', '', '培训天数', '≥3天'], ...GOOD_ROWS.slice(1)],
      errors: [
        { messageId: 'tooFew', cell: 'B15', data: { level2: '质量指标', n: 1, min: 2 } },
        { messageId: 'tooFew', cell: 'B16', data: { level2: '时效指标' } },
        { messageId: 'tooFew', cell: 'B17', data: { level2: '成本指标' } },
        { messageId: 'tooFew', cell: 'B20', data: { level2: '服务对象满意度指标' } },
      ],
    },
    {
      name: 'minimum 3, a 无 row does not count',
      rows: [...GOOD_ROWS.slice(0, 6), ['', '', '无', '无'], GOOD_ROWS[6]],
      options: { min: 3 },
      errors: ['B13', 'B14', 'B15', 'B16', 'B20'].map((cell) => ({ messageId: 'tooFew', cell })),
    },
  ],
});

test('off by default: a plain check does not run it', () => {
  expect(
    checkForm({ rows: GOOD_ROWS }).issues.filter((i) => i.rule === 'structure/too-few-indicators'),
  ).toEqual([]);
});

const without = (level2: string) => GOOD_ROWS.filter((r) => r[1] !== level2);
const replaced = (level2: string, row: CellValue[]) => GOOD_ROWS.map((r) => (r[1] === level2 ? row : r));

ruleTester(structureRequiredLevel2, {
  valid: [
    { name: '宁夏: every required 二级 there', rows: GOOD_ROWS, profile: '宁夏' },
    {
      name: '宁夏: 选填 经济效益 said not to apply',
      rows: [...GOOD_ROWS.slice(0, 4), ['效益指标', '经济效益指标', '不涉及', '无'], ...GOOD_ROWS.slice(4)],
      profile: '宁夏',
    },
    {
      name: '101号 and no tags on the form: nothing is required beyond the framework',
      rows: without('可持续影响指标'),
    },
    {
      name: 'what the framework itself requires is structure/missing-level2’s to report',
      rows: without('质量指标'),
      profile: '宁夏',
    },
  ],
  invalid: [
    {
      name: '宁夏: 必填 可持续影响 missing, reported on its 一级',
      rows: without('可持续影响指标'),
      profile: '宁夏',
      errors: [{ messageId: 'missing', cell: 'A17', data: { level2: '可持续影响指标' } }],
    },
    {
      name: '宁夏: 必填硬性 成本 answered with 无',
      rows: replaced('成本指标', ['', '成本指标', '无', '无']),
      profile: '宁夏',
      errors: [{ messageId: 'hardNotApplicable', cell: 'C16', data: { level2: '成本指标', text: '无' } }],
    },
    {
      name: '宁夏: 必填 社会效益 said not to apply',
      rows: replaced('社会效益指标', ['效益指标', '社会效益指标', '不涉及', '无']),
      profile: '宁夏',
      errors: [
        { messageId: 'requiredNotApplicable', cell: 'C17', data: { level2: '社会效益指标', text: '不涉及' } },
      ],
    },
    {
      name: '宁夏, newer framework: the 成本 一级 with only a 无 row',
      rows: [...GOOD_ROWS.slice(0, 3), ['成本指标', '经济成本指标', '无', '无'], ...GOOD_ROWS.slice(4)],
      profile: '宁夏',
      errors: [{ messageId: 'hardNotApplicable', cell: 'C16', data: { level2: '成本指标' } }],
    },
    {
      name: 'any profile: the form’s own tag is enforced once the rule is on',
      rows: replaced('社会效益指标', ['效益指标', '社会效益指标（必填硬性指标）', '无', '无']),
      errors: [{ messageId: 'hardNotApplicable', cell: 'C17', data: { level2: '社会效益指标' } }],
    },
    {
      name: '宁夏: a tag on a 二级 that is there changes nothing; the missing 必填 one is reported',
      rows: replaced('质量指标', ['', '质量指标（必填）', '验收合格率', '≥95%']).filter(
        (r) => r[1] !== '可持续影响指标',
      ),
      profile: '宁夏',
      errors: [{ messageId: 'missing', cell: 'A17' }],
    },
  ],
});

describe('profiles', () => {
  const issuesOf = (rows: CellValue[][], profile?: string) =>
    checkForm({ rows }, { profile }).issues.filter((i) => i.rule === 'structure/required-level2');

  test('structure/required-level2 runs under 宁夏 only, unless turned on', () => {
    expect(issuesOf(without('可持续影响指标'))).toEqual([]);
    expect(issuesOf(without('可持续影响指标'), '88号')).toEqual([]);
    expect(issuesOf(without('可持续影响指标'), '宁夏').map((i) => i.cell)).toEqual(['A17']);
  });

  test('88号 reads a table whose costs do not show its framework as the older one, whatever its year', () => {
    const rows = GOOD_ROWS.filter((r) => r[1] !== '成本指标');
    const by101 = checkForm({ rows });
    expect([by101.year, by101.framework, by101.frameworkBasis]).toEqual([2026, 'newer', 'year']);
    const by88 = checkForm({ rows }, { profile: '88号' });
    expect([by88.framework, by88.frameworkBasis]).toEqual(['older', 'profile']);
    expect(by88.frameworkReason).toContain('所选规范');
    // Under the older framework the missing 成本 is a missing 二级 under 产出; under the newer one a missing 一级.
    expect(
      by88.issues.some((i) => i.rule === 'structure/missing-level2' && i.data.level2 === '成本指标'),
    ).toBe(true);
    expect(
      by101.issues.some((i) => i.rule === 'structure/missing-level1' && i.data.level1 === '成本指标'),
    ).toBe(true);
    // A table whose own costs show the profile's framework keeps its own reason.
    expect(checkForm({ rows: GOOD_ROWS }, { profile: '88号' }).frameworkBasis).toBe('cost-under-output');
  });

  test('88号 judges every table against the older framework, a transfer-template one too', () => {
    const by101 = checkForm({ rows: TRANSFER_ROWS });
    expect([by101.framework, by101.frameworkBasis]).toEqual(['transfer', 'names']);
    expect(by101.issues.filter((i) => i.rule.startsWith('structure/'))).toEqual([]);
    const by88 = checkForm({ rows: TRANSFER_ROWS }, { profile: '88号' });
    expect([by88.framework, by88.frameworkBasis]).toEqual(['older', 'forced']);
    expect(by88.frameworkReason).toContain('所选规范');
    expect(by88.issues.filter((i) => i.severity === 'error').map((i) => [i.rule, i.messageId])).toEqual([
      ['structure/missing-level1', 'missing'],
      ['structure/misplaced-level2', 'wrongLevel1'],
    ]);
    // A newer table too: 成本 is asked for under 产出.
    const newer = checkForm(
      {
        rows: [
          ...GOOD_ROWS.slice(0, 3),
          ['成本指标', '经济成本指标', '培训经费', '≤10万元'],
          ...GOOD_ROWS.slice(4),
        ],
      },
      { profile: '88号' },
    );
    expect([newer.framework, newer.frameworkBasis]).toEqual(['older', 'forced']);
    expect(
      newer.issues.some((i) => i.rule === 'structure/missing-level2' && i.data.level2 === '成本指标'),
    ).toBe(true);
    // Names nobody understood stay unmatched under any profile: nothing is required of them.
    const unknown = checkForm({ rows: UNKNOWN_LEVEL1 }, { profile: '88号' });
    expect([unknown.framework, unknown.frameworkBasis]).toEqual(['older', 'unmatched']);
    expect(unknown.issues.filter((i) => i.rule.startsWith('structure/') && i.severity === 'error')).toEqual(
      [],
    );
  });

  test('the configuration’s own level wins over the profile’s', () => {
    const issues = checkForm(
      { rows: without('可持续影响指标') },
      { profile: '宁夏', rules: { 'structure/required-level2': 'off' } },
    ).issues;
    expect(issues.filter((i) => i.rule === 'structure/required-level2')).toEqual([]);
  });
});
