/** Valid and invalid cases for the header/* and structure/* rules. */
import { checkGrid } from '../../src/core/check';
import { GOOD_ROWS, checkForm, issuesOf } from '../helpers/form';

describe('a correct form is silent', () => {
  test('no issue at all on the reference form', () => {
    expect(checkForm({ rows: GOOD_ROWS }).issues).toEqual([]);
  });
});

describe('header/missing-field', () => {
  test('valid: all fields present', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS }), 'header/missing-field')).toEqual([]);
  });
  test('invalid: 主管部门 label missing, 实施单位 empty, no amount', () => {
    const t = checkForm({ rows: GOOD_ROWS, department: null, implementer: '', total: null, annual: null, ownTotal: null });
    const msgs = issuesOf(t, 'header/missing-field').map((i) => i.message);
    expect(msgs).toHaveLength(3);
    expect(msgs).toEqual(
      expect.arrayContaining([expect.stringContaining('主管部门'), expect.stringContaining('「实施单位」未填写'), expect.stringContaining('项目金额')]),
    );
  });
  test('invalid: 项目名称 label without a value', () => {
    const t = checkForm({ rows: GOOD_ROWS, projectName: null });
    expect(issuesOf(t, 'header/missing-field').map((i) => i.message)).toEqual([expect.stringContaining('项目名称')]);
  });
});

describe('structure/missing-level1', () => {
  test('valid: older form without 成本 as 一级', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS }), 'structure/missing-level1')).toEqual([]);
  });
  test('invalid: no 满意度指标', () => {
    const t = checkForm({ rows: GOOD_ROWS.slice(0, 6) });
    expect(issuesOf(t, 'structure/missing-level1').map((i) => i.message)).toEqual([expect.stringContaining('满意度指标')]);
  });
  test('invalid: newer form (成本 as 一级) in a year with no cost rows asks for 成本指标', () => {
    const rows = GOOD_ROWS.filter((r) => r[1] !== '成本指标');
    const t = checkForm({ rows, title: '2026年部门项目支出预算绩效目标表' });
    expect(t.framework).toBe('newer');
    expect(issuesOf(t, 'structure/missing-level1').map((i) => i.message)).toEqual([expect.stringContaining('成本指标')]);
  });
  test('valid: newer form with 成本 as 一级 spanning the 二级 column', () => {
    const rows = [...GOOD_ROWS.filter((r) => r[1] !== '成本指标')];
    rows.splice(3, 0, ['成本指标', '', '培训经费', '10万元']);
    const t = checkForm({ rows });
    expect(t.framework).toBe('newer');
    expect(t.issues).toEqual([]);
  });
});

describe('structure/missing-level2', () => {
  test('invalid: 产出 without 时效, 效益 without any 二级', () => {
    const rows = GOOD_ROWS.filter((r) => r[1] !== '时效指标').map((r) => (r[0] === '效益指标' ? ['效益指标', '', r[2], r[3]] : r));
    const t = checkForm({ rows: rows.filter((r) => r[1] !== '可持续影响指标') });
    const msgs = issuesOf(t, 'structure/missing-level2').map((i) => i.message);
    expect(msgs).toEqual([expect.stringContaining('时效指标'), expect.stringContaining('效益指标」下没有任何二级指标')]);
  });
  test('invalid: older form without 成本指标 under 产出', () => {
    const t = checkForm({ rows: GOOD_ROWS.filter((r) => r[1] !== '成本指标'), title: '2019年项目支出绩效目标表' });
    expect(t.framework).toBe('older');
    expect(issuesOf(t, 'structure/missing-level2').map((i) => i.message)).toEqual([expect.stringContaining('成本指标')]);
  });
  test('valid: short 二级 names (经济效益, 服务对象满意度) count', () => {
    const rows = GOOD_ROWS.map((r) => (r[1] === '服务对象满意度指标' ? [r[0], '服务对象满意度', r[2], r[3]] : r));
    expect(issuesOf(checkForm({ rows }), 'structure/missing-level2')).toEqual([]);
  });
});

describe('structure/misplaced-level2', () => {
  test('invalid: 服务对象满意度 under 效益, an 一级 name as 二级', () => {
    const rows = [...GOOD_ROWS];
    rows.splice(6, 0, ['', '服务对象满意度指标', '群众满意度', '≥90%']);
    rows.splice(3, 0, ['', '产出指标', '资料印发时间', '12月前']);
    const t = checkForm({ rows });
    const msgs = issuesOf(t, 'structure/misplaced-level2').map((i) => i.message);
    expect(msgs).toEqual([expect.stringContaining('「产出指标」被用作二级指标'), expect.stringContaining('应属于「满意度指标」')]);
  });
  test('valid: 效果指标 (河北 2020) is an accepted name for 效益指标', () => {
    const rows = GOOD_ROWS.map((r) => (r[0] === '效益指标' ? ['效果指标', ...r.slice(1)] : r));
    expect(checkForm({ rows }).issues).toEqual([]);
  });
});

describe('structure/duplicate-indicator', () => {
  test('invalid: the same 三级 twice under one 二级', () => {
    const rows = [...GOOD_ROWS];
    rows.splice(1, 0, ['', '', '培训人数', '≥100人']);
    expect(issuesOf(checkForm({ rows }), 'structure/duplicate-indicator')).toHaveLength(1);
  });
  test('valid: the same words under different 二级, and repeated 无 rows', () => {
    const rows = [...GOOD_ROWS, ['', '', '无', '无']];
    rows.splice(5, 0, ['', '经济效益指标', '无', '无'], ['', '生态效益指标', '无', '无']);
    rows.splice(2, 0, ['', '', '培训人数', '≥99%']);
    expect(issuesOf(checkForm({ rows }), 'structure/duplicate-indicator')).toEqual([]);
  });
});

describe('structure/empty-cell', () => {
  test('invalid: a name without value, a value without name', () => {
    const rows = [...GOOD_ROWS];
    rows[0] = ['产出指标', '数量指标', '培训人数', ''];
    rows[1] = ['', '质量指标', '', '≥95%'];
    const issues = issuesOf(checkForm({ rows }), 'structure/empty-cell');
    expect(issues.map((i) => i.cell)).toEqual(['D13', 'C14']);
  });
  test('valid: every row filled', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS }), 'structure/empty-cell')).toEqual([]);
  });
});

describe('header/missing-field: labels in the form\'s own words', () => {
  test('invalid: an empty 项目主管部门 is named as written', () => {
    const [t] = checkGrid({ sheet: 'S', values: [['项目名称', '某项目'], ['项目主管部门', null, '实施单位', '某中心'], ['项目金额', '10万元'], ['一级指标', '二级指标', '三级指标', '指标值'], ...GOOD_ROWS] });
    const issues = issuesOf(t, 'header/missing-field');
    expect(issues.map((i) => [i.severity, i.message, i.cell])).toEqual([['error', '「项目主管部门」未填写', 'B2']]);
  });
  test('invalid: 中期预算资金总额 left empty beside a filled 年度 amount is a warning', () => {
    const [t] = checkGrid({ sheet: 'S', values: [['项目名称', '某项目'], ['主管部门', '某局', '实施单位', '某中心'], ['项目预算资金(万元)', '中期预算资金总额', null, '年度预算资金总额', 10], ['一级指标', '二级指标', '三级指标', '指标值'], ...GOOD_ROWS] });
    expect(issuesOf(t, 'header/missing-field').map((i) => [i.severity, i.message])).toEqual([['warning', '「中期预算资金总额」未填写或不是金额']]);
  });
  test('valid: a flat export has no 主管部门 column of its own, and is not asked for one', () => {
    const [t] = checkGrid({ sheet: 'S', values: [['单位名称', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'], ['某单位', '某项目', 100, '产出指标', '数量指标', '人数', '10人']] });
    expect(t.source).toBe('flat');
    expect(issuesOf(t, 'header/missing-field')).toEqual([]);
  });
});

describe('structure/missing-indicators', () => {
  test('valid: a form with its indicator table', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS }), 'structure/missing-indicators')).toEqual([]);
  });
  test('invalid: a header-only form gets one error, and no missing-level1/level2 on top', () => {
    const [t] = checkGrid({ sheet: 'S', values: [['项目名称', '某项目'], ['主管部门', '某局', '实施单位', '某中心'], ['年度资金总额', 10], ['年度总体目标', '完成培训']] });
    expect(t.issues.map((i) => i.rule)).toEqual(['structure/missing-indicators']);
    expect(t.issues[0].severity).toBe('error');
  });
});

describe('structure/empty-cell: a 三级 without its 二级', () => {
  test('invalid: rows typed with no 二级 above them', () => {
    const t = checkForm({ rows: [['产出指标', '', '培训人数', '≥100人'], ...GOOD_ROWS.slice(1)] });
    const issues = issuesOf(t, 'structure/empty-cell');
    expect(issues.map((i) => i.message)).toEqual(['三级指标「培训人数」没有所属的二级指标']);
    expect(issues[0].cell).toMatch(/^B\d+$/);
  });
  test('valid: 成本指标 and 满意度指标 as 一级 spanning the 二级 column', () => {
    const t = checkForm({ rows: [...GOOD_ROWS.slice(0, 3), ['成本指标', '', '培训经费', '≤10万元'], ...GOOD_ROWS.slice(4, 6), ['满意度指标', '', '参训人员满意度', '≥90%']] });
    expect(issuesOf(t, 'structure/empty-cell')).toEqual([]);
  });
});
