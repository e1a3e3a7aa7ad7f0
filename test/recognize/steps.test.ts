/**
 * Recognition step by step: each part of src/core/recognize with its own cases — cell classes
 * (labels by their word parts), regions (side by side, stacked, parted columns), indicator anchors
 * (qualified halves, flat exports), the header block (glued labels, goals under their label, groups),
 * the indicator block (sub-headers, per-region columns, split values, closing lines), verdicts.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { checkGrid } from '../../src/core/check';
import { filledIndicators } from '../../src/core/model';
import { recogniseRange, recogniseSheet } from '../../src/core/recognize';
import { indicatorAnchorAt } from '../../src/core/recognize/anchors';
import { classify } from '../../src/core/recognize/classify';
import { headerTop, readHeader } from '../../src/core/recognize/header';
import { findRegions, RegionView } from '../../src/core/recognize/regions';
import { SheetView } from '../../src/core/sheet';
import { FrameworksSchema, VocabularySchema, validateVocabulary } from '../../src/core/vocabulary-schema';
import { frameworkData, vocabulary } from '../../src/core/vocabulary';
import vocabularyJson from '../../src/core/data/vocabulary.json';
import frameworksJson from '../../src/core/data/frameworks.json';
import { GOOD_ROWS, formGrid } from '../helpers/form';

const grid = (values: CellValue[][], merges: Grid['merges'] = []): Grid => ({ sheet: 'S', values, merges });

describe('classify: labels by their word parts', () => {
  test.each([
    ['项目名称', 'projectName'],
    ['项 目 名 称', 'projectName'],
    ['项目支出名称', 'projectName'],
    ['二级项目名称', 'projectName'],
    ['专项名称', 'projectName'],
    ['专项资金名称', 'projectName'],
    ['一级项目名称', 'parentName'],
    ['区级主管部门', 'department'],
    ['项目主管部门', 'department'],
    ['部门(单位)名称', 'department'],
    ['主管部门\n及编码', 'department'],
    ['预算单位', 'weakDepartment'],
    ['项目执行单位', 'implementer'],
    ['项目单位', 'implementer'],
    ['申报单位', 'implementer'],
    ['项目实施主体', 'implementer'],
    ['项目全称', 'projectName'],
    ['*项目名称', 'projectName'],
    ['归口管理部门', 'department'],
    ['建设周期', 'period'],
    ['项目起止时间', 'period'],
    ['项目分类', 'attribute'],
    ['年度主要目标和成果', 'goal'],
    ['年度绩效目标(文字)', 'goal'],
    ['中期目标', 'other'],
    ['项目负责人及电话', 'other'],
    ['部门预算编码', 'other'],
    ['年度预算执行率', 'other'],
  ])('%s → header %s', (text, field) => {
    expect(classify(text).label).toMatchObject({ kind: 'header', field });
  });

  test.each([
    ['中期预算资金总额', 'total'],
    ['项目金额', 'total'],
    ['项目总预算', 'total'],
    ['年度预算资金总额', 'annual'],
    ['当年年度预算', 'annual'],
    ['其中:当年财政拨款', 'fiscal'],
    ['其中:当年市级财政资金', 'fiscal'],
    ['当年其他资金', 'other'],
    ['上年结转 资金', 'carryover'],
    ['其中:中央补助', 'central'],
    ['其中 :上级资金', 'transfer'],
    ['资金情况 (万元)', 'groupProject'],
    ['资金金额', 'groupTotal'],
    ['自治区资', 'regional'],
    ['2026年预算数', 'annual'],
    ['2026年度资金总额（万元）', 'annual'],
    ['2026年其他资金', 'other'],
    ['单位自筹', 'other'],
    ['单位自有资金', 'other'],
    ['自有资金', 'other'],
    ['社会资金', 'other'],
    ['★年度资金总额', 'annual'],
  ])('%s → amount %s', (text, label) => {
    expect(classify(text).label).toMatchObject({ kind: 'amount', label });
  });

  test('a year in front of a label is read; a date or a year in prose is no label', () => {
    for (const text of ['2026年12月底前', '2026年', '2026年完成培训100人次'])
      expect(classify(text).label).toBeNull();
    expect(classify('2022年预算执行率').label?.kind).not.toBe('amount');
  });

  test('a unit inside a label or on its own line', () => {
    expect(classify('项目预算资金(万元)').label).toMatchObject({ kind: 'amount', unit: '万元' });
    expect(classify('金额单位：元')).toMatchObject({ unit: '元', label: null });
    expect(classify('单位:万元').unit).toBe('万元');
  });

  test('a label with its value in one cell', () => {
    expect(classify('年度资金总额:50万').label).toMatchObject({
      kind: 'amount',
      label: 'annual',
      inline: '50万',
    });
    expect(classify('资金总额: 250').label).toMatchObject({
      kind: 'amount',
      label: 'groupTotal',
      inline: '250',
    });
    expect(classify('预算单位: 奉节县云雾土家族乡人民政府').label).toMatchObject({
      field: 'weakDepartment',
      inline: '奉节县云雾土家族乡人民政府',
    });
    const long = `项目名称：${'某'.repeat(90)}项目`;
    expect(classify(long).label).toMatchObject({ field: 'projectName', inline: `${'某'.repeat(90)}项目` });
  });

  test('not labels: values, prose, indicator names', () => {
    for (const t of [
      '50万',
      '一般公共预算',
      '武汉市青山区教育局',
      '≥95%',
      '2022年3月-2023年11月',
      '项目(工程)验收合格率',
    ])
      expect(classify(t).label).toBeNull();
  });

  test('level names as written: score suffixes, alternatives, 目标 for 指标, cut short', () => {
    expect(classify('成本指标(0-20)分').level1).toBe('成本指标');
    expect(classify('产出指标\n(40-50)分').level1).toBe('产出指标');
    expect(classify('数量指标(或建筑规模指标)').level2).toBe('数量指标');
    expect(classify('时效指标(工期指标)').level2).toBe('时效指标');
    expect(classify('预算(或投资规模)控制指标').level2).toBe('成本指标');
    expect(classify('数量目标').level2).toBe('数量指标');
    expect(classify('预期产出指标').level1).toBe('产出指标');
    expect(classify('经济效益\n指标').level2).toBe('经济效益指标');
    expect(classify('数量指').level2).toBe('数量指标');
    expect(classify('社会、经济、生态效益指标').level2).toBe('社会效益指标');
    expect(classify('1.产出指标').level1).toBe('产出指标');
    expect(classify('（一）数量指标').level2).toBe('数量指标');
    expect(classify('二、效益指标').level1).toBe('效益指标');
    expect(classify('10.质量指标').level2).toBe('质量指标');
    for (const v of ['95%', '1.5万元', '2026年11月前', '12']) expect(classify(v).level2).toBeNull();
  });

  test('closing lines and near-miss markers', () => {
    for (const t of [
      '填报人：张三',
      '财政部门支出股室初审意见 (盖章)',
      '财政资金管理科室(盖章) 年 月 日',
      '注:各地请根据实际情况填报',
      '单位负责人（签字）：',
    ])
      expect(classify(t).closing).toBe(true);
    // A header label that asks for a stamp heads a header row, not a closing line.
    const [t] = checkGrid(
      grid([
        ['项目名称', '某项目'],
        ['实施单位（盖章）', '某中心', '主管部门', '某局'],
        ['年度资金总额', 10],
        ['年度总体目标', '培训'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人数', '100人'],
      ]),
    );
    expect(t.header.implementer?.text).toBe('某中心');
    expect(t.projectName).toBe('某项目');
    expect(classify('2022年度项目支出绩效自评表').nearMissTitle).toBe('selfEvaluation');
    expect(classify('部门整体支出绩效目标表').nearMissTitle).toBe('departmentWide');
    expect(classify('全年执行数').markers).toEqual([{ kind: 'selfEvaluation', marker: '执行数' }]);
    expect(classify('评分标准').markers).toEqual([{ kind: 'scoring', marker: '评分标准' }]);
    // 得分 marks a 自评表 and a scoring table alike.
    expect(classify('得分').markers?.map((m) => m.kind)).toEqual(['selfEvaluation', 'scoring']);
    expect(classify('全年执行情况').markers).toEqual([{ kind: 'monitoring', marker: '执行情况' }]);
    // 偏差原因 is in a 自评表 and a 监控表 alike.
    expect(classify('偏差原因分析').markers?.map((m) => m.kind)).toEqual(['selfEvaluation', 'monitoring']);
  });

  test('indicator column headers with 长期/年度 qualifiers and value words', () => {
    expect(classify('二级指标(长期)').column).toEqual({ role: 'level2', qualifier: 'longTerm' });
    expect(classify('指标值(年度)').column).toEqual({ role: 'value', qualifier: 'annual' });
    expect(classify('区域目标值').column?.role).toBe('value');
    expect(classify('指 标 解 释').column?.role).toBe('description');
    expect(classify('度量单位').column?.role).toBe('measure');
    expect(classify('指标性质').column?.role).toBe('direction');
    expect(classify('一级指标名称').column?.role).toBe('level1');
    // A required-field mark is not part of the header.
    expect(classify('*一级指标').column?.role).toBe('level1');
    expect(classify('＊指标值').column?.role).toBe('value');
    expect(classify('三级指标名称').column?.role).toBe('name');
    expect(classify('指标值（定量/定性）').column?.role).toBe('value');
    expect(classify('预期目标值').column?.role).toBe('value');
    // A header naming the indicator and its value together heads the 三级 (name) column.
    for (const both of ['三级指标及指标值', '指标名称及指标值', '三级指标（含指标值）', '绩效指标及目标值'])
      expect(classify(both).column?.role).toBe('name');
  });
});

describe('regions', () => {
  const form = formGrid({ rows: GOOD_ROWS }).values;

  test('two forms side by side, one empty column apart, are two regions and two tables', () => {
    const width = Math.max(...form.map((r) => r.length));
    const values = form.map((row) => [...row, ...Array(width - row.length + 1).fill(null), ...row]);
    const view = new SheetView(grid(values));
    expect(findRegions(view)).toHaveLength(2);
    const tables = checkGrid(grid(values));
    expect(tables.map((t) => t.range)).toEqual(['A1:F19', 'H1:M19']);
    for (const t of tables) expect(t.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('stacked forms two blank rows apart are two regions; with no gap, one region and still two tables', () => {
    const gap = [...form, [], [], ...form];
    expect(findRegions(new SheetView(grid(gap)))).toHaveLength(2);
    const none = [...form, ...form];
    expect(findRegions(new SheetView(grid(none)))).toHaveLength(1);
    expect(checkGrid(grid(none)).map((t) => t.projectName)).toEqual(['干部培训项目', '干部培训项目']);
  });

  test('a value column parted from its labels by an unreported merge joins them (Excel 2016)', () => {
    const values: CellValue[][] = [
      ['项目名称', null, '某项目'],
      ['主管部门', null, '某局'],
      ['项目总额', null, 10],
      ['年度总体绩效目标', null, '培训'],
      ['一级指标', '二级指标', '三级指标', null, '指标值'],
      ['产出指标', '数量指标', '培训人数', null, '≥100人'],
    ];
    const regions = findRegions(new SheetView(grid(values)));
    expect(regions).toHaveLength(1);
    const [t] = checkGrid(grid(values));
    expect(t.projectName).toBe('某项目');
    expect(t.indicators[0].value?.text).toBe('≥100人');
  });
});

describe('anchors', () => {
  test('the 年度 half of a 长期/年度 grid is read, the 长期 half left aside', () => {
    const view = new SheetView(
      grid([
        [
          '一级指标',
          '二级指标(长期)',
          '三级指标(长期)',
          '指标值(长期)',
          '二级指标(年度)',
          '三级指标(年度)',
          '指标值(年度)',
        ],
      ]),
    );
    const a = indicatorAnchorAt(view, 0)!;
    expect(a.columns.filter((c) => c.kind !== 'ignored').map((c) => [c.kind, c.col])).toEqual([
      ['level1', 0],
      ['level2', 4],
      ['name', 5],
      ['value', 6],
    ]);
  });

  test('a header over two rows: 指标值 and 备注 on the row above, reaching down over the empty cells', () => {
    const kinds = (values: CellValue[][]) =>
      indicatorAnchorAt(new SheetView(grid(values)), 1)?.columns.map((c) => [c.kind, c.text]) ?? null;
    expect(
      kinds([
        ['绩效指标', null, null, '指标值', '备注'],
        ['一级指标', '二级指标', '三级指标'],
      ]),
    ).toEqual([
      ['level1', '一级指标'],
      ['level2', '二级指标'],
      ['name', '三级指标'],
      ['value', '指标值'],
      ['remark', '备注'],
    ]);
    // A row above that is not a header row (a header-block row) names no column.
    expect(
      kinds([
        ['项目期', null, null, '指标值'],
        ['一级指标', '二级指标', '三级指标'],
      ]),
    ).toEqual([
      ['level1', '一级指标'],
      ['level2', '二级指标'],
      ['name', '三级指标'],
    ]);
    // The lower row in words of its own (指标类型 | 指标类别 | 具体指标): known by what is under them.
    expect(
      kinds([
        ['绩效指标', null, null, '指标值', '备注'],
        ['指标类型', '指标类别', '具体指标'],
        ['产出指标', '数量指标', '培训人数', '100人'],
      ]),
    ).toEqual([
      ['level1', '指标类型'],
      ['level2', '指标类别'],
      ['name', '具体指标'],
      ['value', '指标值'],
      ['remark', '备注'],
    ]);
    // Not the first row under an ordinary header, which names its level columns itself.
    expect(
      kinds([
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['培训', '人数', '培训人数'],
        ['产出指标', '数量指标', '培训人数', '100人'],
      ]),
    ).toBeNull();
  });

  test('a flat export: the project columns on the indicator header row', () => {
    const levels = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];
    const anchorOf = (project: string[]) =>
      indicatorAnchorAt(new SheetView(grid([[...project, ...levels]])), 0)!;
    const expected = { projectName: 1, implementer: 0, department: null, amount: 2, goal: 3 };
    expect(anchorOf(['单位名称', '项目名称', '预算数', '年度目标']).flat).toEqual(expected);
    // Bare words (单位 | 项目): the same columns; 单位 left of the levels is no 度量单位 column.
    const bare = anchorOf(['单位', '项目', '预算数', '年度目标']);
    expect(bare.flat).toEqual(expected);
    expect(bare.columns.filter((c) => c.kind === 'measure').map((c) => c.col)).toEqual([9]);
  });
});

describe('header block', () => {
  /** The whole of a small sheet as one region. */
  const regionOf = (values: CellValue[][]) =>
    new RegionView(
      new SheetView(grid(values)),
      { id: 0, top: 0, bottom: values.length - 1, left: 0, right: 5 },
      [],
      {
        left: 0,
        right: 5,
      },
    );
  const read = (values: CellValue[][]) => {
    const view = new SheetView(grid(values));
    const src = new RegionView(view, { id: 0, top: 0, bottom: values.length - 1, left: 0, right: 20 }, [], {
      left: 0,
      right: 20,
    });
    return readHeader(src, headerTop(src, 0, values.length), values.length);
  };

  test('a goal under its label; 总体目标 | 中期目标 | 年度目标 over the texts', () => {
    const h = read([
      ['项目名称', '某项目'],
      ['总体目标', '中期目标', null, '年度目标'],
      [null, '三年内完成', null, '本年完成一期'],
    ]);
    expect(h.goal).toEqual({ text: '本年完成一期', cell: 'D3', row: 2, col: 3 });
  });

  test('a goal typed over several rows is read whole; not a row that holds a label or a second cell', () => {
    const h = read([
      ['项目名称', '某项目'],
      ['年度总体目标', '目标1：完成培训100人次。'],
      [null, '目标2：合格率95%以上。'],
      [null, '目标3：经费不超过10万元。'],
      ['年度资金总额', 10],
    ]);
    expect(h.goal).toEqual({
      text: '目标1：完成培训100人次。 目标2：合格率95%以上。 目标3：经费不超过10万元。',
      cell: 'B2',
      row: 1,
      col: 1,
    });
    expect(h.amounts.annual?.value).toBe(10);
    for (const next of [
      [null, '其中：财政拨款', 8],
      ['年度资金总额', 10],
      [null, '一级指标'],
      [null, 12],
      ['备注', '目标2'],
    ])
      expect(read([['年度总体目标', '目标1：完成培训。'], next]).goal?.text).toBe('目标1：完成培训。');
  });

  test("a bare 资金总额 outside any group is the year's amount; inside 本级 it is the group's", () => {
    expect(
      read([
        ['项目名称', 'x'],
        ['资金情况(万元)', '资金总额', 100, '其中:财政拨款', 100],
      ]).amounts.annual?.value,
    ).toBe(100);
    const h = read([
      ['项目名称', 'x'],
      ['年度资金总额', 45],
      ['其中：本级资金', '资金总额', 45],
    ]);
    expect(h.amounts.annual?.value).toBe(45);
    expect(h.amounts.ownTotal?.value).toBe(45);
  });

  test("a lone 申请财政资金 is the year's amount as well as the 财政拨款 part; not beside a total or another part", () => {
    const lone = read([
      ['项目名称', 'x'],
      ['申请财政资金（万元）', 100],
    ]).amounts;
    expect(lone.fiscal?.value).toBe(100);
    expect(lone.annual).toMatchObject({ value: 100, cell: 'B2' });
    const withTotal = read([
      ['项目名称', 'x'],
      ['年度资金总额', 120],
      ['申请财政资金', 100],
    ]).amounts;
    expect(withTotal.annual?.value).toBe(120);
    const withOther = read([
      ['项目名称', 'x'],
      ['申请财政资金', 100, '单位自筹', 20],
    ]).amounts;
    expect(withOther.annual).toBeUndefined();
    // A plain 财政拨款 alone asks for nothing: the form still lacks its total.
    expect(
      read([
        ['项目名称', 'x'],
        ['财政拨款', 100],
      ]).amounts.annual,
    ).toBeUndefined();
  });

  test('a header in one column: each label on a line of its own, its value on the line under it', () => {
    const h = read([['项目名称'], ['农村培训项目'], ['主管部门'], ['某局'], ['年度资金总额（万元）'], [100]]);
    expect(h.fields.projectName?.text).toBe('农村培训项目');
    expect(h.fields.department?.text).toBe('某局');
    expect(h.amounts.annual?.value).toBe(100);
    // A lone label over another label, or over a row of several cells, is an empty field.
    const empty = read([['项目名称'], ['主管部门'], ['某局'], ['实施单位'], ['某中心', '备注']]);
    expect(empty.fields.projectName?.text).toBe('');
    expect(empty.fields.implementer?.text).toBe('');
  });

  test('parts written out in a sentence: after 资金来源, or after the total with 其中; a cell of their own wins', () => {
    const source = read([
      ['项目名称', 'x'],
      ['年度资金总额', 100],
      ['资金来源', '财政拨款80万元，其他资金20万元'],
    ]).amounts;
    expect([source.fiscal?.value, source.other?.value, source.fiscal?.cell]).toEqual([80, 20, 'B3']);
    const after = read([
      ['项目名称', 'x'],
      ['年度资金总额', '100万元（其中：财政资金80万元，单位自筹20万元）'],
    ]).amounts;
    expect([after.annual?.value, after.fiscal?.value, after.other?.value]).toEqual([100, 80, 20]);
    const cells = read([
      ['项目名称', 'x'],
      ['年度资金总额', '100万元（其中财政资金90万元）'],
      ['其中：财政拨款', 80, '其他资金', 20],
    ]).amounts;
    expect([cells.fiscal?.value, cells.fiscal?.cell]).toEqual([80, 'B3']);
  });

  test('funds as a grid: the labels on one row, their figures on the next', () => {
    const h = read([
      ['项目名称', 'x'],
      ['资金情况(万元)', '年度资金总额', '财政拨款', '其他资金'],
      [null, 10, 8, '2万元'],
    ]);
    expect([h.amounts.annual?.value, h.amounts.fiscal?.value, h.amounts.other?.value]).toEqual([10, 8, 2]);
    expect(h.amounts.annual?.cell).toBe('B3');
    // A figure that is another label's value on its own row is not read as the one above's.
    const beside = read([
      ['项目名称', 'x'],
      ['年度资金总额', '财政拨款'],
      ['其他资金', 2],
    ]);
    expect(beside.amounts.fiscal).toBeUndefined();
    expect(beside.amounts.other?.value).toBe(2);
  });

  test('header fields as a grid: 项目名称 | 主管部门 | 实施单位 over their values', () => {
    const h = read([
      ['项目名称', '主管部门', '实施单位'],
      ['干部培训', '某某局', '某某中心'],
      ['年度资金总额', 10],
    ]);
    expect([h.fields.projectName?.text, h.fields.department?.text, h.fields.implementer?.text]).toEqual([
      '干部培训',
      '某某局',
      '某某中心',
    ]);
    // Labels side by side with labels under them: a blank form, nothing read as a value.
    const blank = read([
      ['项目名称', '主管部门'],
      ['实施单位', '项目属性'],
    ]);
    expect([
      blank.fields.projectName?.text,
      blank.fields.department?.text,
      blank.fields.implementer?.text,
    ]).toEqual(['', '', '']);
  });

  test('a label and its value in one cell on two lines; a label wrapped over two lines is still one label', () => {
    const h = read([
      ['项目名称\n2026年某某县农村公路养护工程及附属设施维修改造项目'],
      ['主管部门\n某某局', '实施单位\n（盖章）', '某某中心'],
      ['年度资金总额（万元）\n10'],
    ]);
    expect(h.fields.projectName?.text).toBe('2026年某某县农村公路养护工程及附属设施维修改造项目');
    expect(h.fields.department?.text).toBe('某某局');
    expect(h.fields.implementer?.text).toBe('某某中心');
    expect(h.amounts.annual?.value).toBe(10);
  });

  test('a 项目名称 on two lines anchors its form: beside another one, or under a table', () => {
    const left: CellValue[][] = [
      ['项目名称\n某某县农村公路养护工程及附属设施维修改造项目'],
      ['主管部门', '某局'],
      ['年度资金总额', 25],
      ['年度总体目标', '完成养护'],
    ];
    const right = formGrid({ rows: GOOD_ROWS }).values;
    const rows = Array.from({ length: Math.max(left.length, right.length) }, (_, r) => [
      ...(left[r] ?? []),
      ...Array<CellValue>(3 - (left[r]?.length ?? 0)).fill(null),
      ...(right[r] ?? []),
    ]);
    const tables = recogniseSheet(grid(rows)).tables;
    expect(tables.map((t) => t.projectName)).toEqual([
      '某某县农村公路养护工程及附属设施维修改造项目',
      '干部培训项目',
    ]);
    // Stacked under a table with no gap, it ends that table's indicator block.
    const stacked = recogniseSheet(grid([...right, ...left])).tables;
    expect(stacked.map((t) => [t.projectName, filledIndicators(t).length])).toEqual([
      ['干部培训项目', GOOD_ROWS.length],
      ['某某县农村公路养护工程及附属设施维修改造项目', 0],
    ]);
  });

  test('a group label with an amount of its own is that amount ("项目资金（万元） | 10")', () => {
    expect(
      read([
        ['项目名称', 'x'],
        ['项目资金（万元）', 10],
      ]).amounts.annual?.value,
    ).toBe(10);
    // Heading labels, or followed by words, it is still a heading.
    const h = read([
      ['项目名称', 'x'],
      ['资金来源', '详见附表'],
    ]);
    expect(h.amounts).toEqual({});
    expect(h.emptyAmountLabels).toEqual([]);
  });

  test('empty amount labels keep their words; a group label heads labels, it is not empty', () => {
    const h = read([
      ['项目名称', 'x'],
      ['项目预算资金(万元)', '中期预算资金总额', null, '年度预算资金总额', 25],
    ]);
    expect(h.amounts.annual?.value).toBe(25);
    expect(h.emptyAmountLabels).toEqual([
      { field: 'total', cell: 'B2', row: 1, col: 1, label: '中期预算资金总额' },
    ]);
    expect(h.unit).toBe('万元');
  });

  test('the header starts at the title; a second 项目名称 above is the form above', () => {
    const values: CellValue[][] = [
      ['项目名称', '上一张'],
      ['某某绩效目标表'],
      ['项目名称', '这一张'],
      ['一级指标'],
    ];
    expect(headerTop(regionOf(values), 0, 3)).toBe(1);
  });

  test("a contact line among the header fields (项目负责人 | 联系电话) is the form's own; above its 项目名称 it is the form above's", () => {
    const values: CellValue[][] = [
      ['填报人', '李四', '联系电话', '0951-1234567'],
      ['项目名称', '这一张'],
      ['项目负责人', '张三', '联系电话', '13900000000'],
      ['年度资金总额', 10],
      ['一级指标'],
    ];
    const src = regionOf(values);
    expect(headerTop(src, 0, 4)).toBe(1);
    expect(readHeader(src, 1, 4).amounts.annual?.value).toBe(10);
    // Without a 项目名称 above it, the line still ends the header.
    expect(headerTop(regionOf(values.slice(2)), 0, 2)).toBe(1);
  });
});

describe('indicator block', () => {
  const base: CellValue[][] = [
    ['项目名称', '某项目'],
    ['年度资金总额', 10],
    ['年度总体绩效目标', '培训'],
  ];
  /** The form above with these rows under it. */
  const formOf = (...rows: CellValue[][]) => checkGrid(grid([...base, ...rows]))[0];
  /** The form above with the plain indicator header and these rows under it. */
  const formWith = (...rows: CellValue[][]) =>
    checkGrid(grid([...base, ['一级指标', '二级指标', '三级指标', '指标值'], ...rows]))[0];

  test("a sub-header under 指标值: this year's target is the value, last year's actual is left aside", () => {
    const [t] = checkGrid(
      grid(
        [
          ...base,
          ['一级指标', '二级指标', '三级指标', '指标值', null, '指标标准或依据'],
          [null, null, null, '2025年实际值', '预期2026年实现值'],
          ['产出指标', '数量指标', '培训人次', '250人次', '280人次', '计划'],
        ],
        [{ top: 3, left: 3, bottom: 3, right: 4 }],
      ),
    );
    expect(filledIndicators(t).map((i) => [i.name?.text, i.value?.text, i.basis?.text])).toEqual([
      ['培训人次', '280人次', '计划'],
    ]);
  });

  test('per-region value columns under 区域目标值', () => {
    const [t] = checkGrid(
      grid(
        [
          ...base,
          ['一级指标', '二级指标', '三级指标', '区域目标值'],
          [null, null, null, '甲县', '乙县'],
          ['产出指标', '数量指标', '建设道路', '2公里', '3公里'],
        ],
        [{ top: 3, left: 3, bottom: 3, right: 4 }],
      ),
    );
    expect(t.indicators[0].regionValues).toEqual([
      { region: '甲县', text: '2公里', cell: 'D6', row: 5, col: 3 },
      { region: '乙县', text: '3公里', cell: 'E6', row: 5, col: 4 },
    ]);
    expect(t.indicators[0].value?.text).toBe('2公里');
  });

  test('columns known by their place: a 三级 header no word names, right after the 二级; one unnamed column after it is the value', () => {
    for (const [name, value] of [
      ['具体指标', '预期目标值'],
      ['绩效指标', '绩效标准'],
      ['三级', '计划完成值'],
    ]) {
      const [t] = checkGrid(
        grid([
          ...base,
          ['一级', '二级', name, value, '备注'],
          ['产出指标', '数量指标', '培训人次', '≥250人次', '按计划'],
          [null, '质量指标', '合格率', '≥95%'],
        ]),
      );
      expect(filledIndicators(t).map((i) => [i.level2?.name, i.name?.text, i.value?.text])).toEqual([
        ['数量指标', '培训人次', '≥250人次'],
        ['质量指标', '合格率', '≥95%'],
      ]);
      expect(t.indicators[0].regionValues).toBeUndefined();
    }
    // Not by place: a header right of the 二级 that names another column, or a row with two 二级 headers.
    const cells = (texts: string[]) =>
      indicatorAnchorAt(new SheetView(grid([texts])), 0)?.columns.map((c) => c.kind) ?? null;
    expect(cells(['一级指标', '二级指标', '指标解释', '指标值'])).toEqual([
      'level1',
      'level2',
      'description',
      'value',
    ]);
    expect(cells(['一级指标', '二级指标', '具体指标', '二级指标', '具体指标'])).toBeNull();
  });

  test('level columns known by what is written under them: 一级 names in one column, 二级 names in the next', () => {
    for (const [h1, h2] of [
      ['指标类型', '指标类别'],
      ['类别', '分类'],
      ['指标', '类型'],
    ]) {
      const [t] = checkGrid(
        grid([
          ...base,
          [h1, h2, '指标名称', '指标值'],
          ['产出指标', '数量指标', '培训人次', '≥250人次'],
          [null, '质量指标', '合格率', '≥95%'],
          ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
        ]),
      );
      expect(
        filledIndicators(t).map((i) => [i.level1?.name, i.level2?.name, i.name?.text, i.value?.text]),
      ).toEqual([
        ['产出指标', '数量指标', '培训人次', '≥250人次'],
        ['产出指标', '质量指标', '合格率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
      ]);
    }
    // Only the 二级 header in a word of its own; or none at all, under a 绩效指标 merged over both.
    for (const [head, merges] of [
      [['一级指标', '指标类别', '三级指标', '指标值'], []],
      [['绩效指标', null, '三级指标', '指标值'], [{ top: 3, left: 0, bottom: 3, right: 1 }]],
    ] as [CellValue[], Grid['merges']][]) {
      const [t] = checkGrid(
        grid(
          [
            ...base,
            head,
            ['产出指标', '数量指标', '培训人次', '≥250人次'],
            [null, '质量指标', '合格率', '≥95%'],
          ],
          merges,
        ),
      );
      expect(filledIndicators(t).map((i) => [i.level1?.name, i.level2?.name, i.name?.text])).toEqual([
        ['产出指标', '数量指标', '培训人次'],
        ['产出指标', '质量指标', '合格率'],
      ]);
    }
    // Not when what is under the columns is not level names: a list with a 名称 and a 目标值 column.
    const list = grid([
      ['序号', '类型', '指标名称', '目标值'],
      [1, '道路', '新建道路', '2公里'],
      [2, '桥梁', '维修桥梁', '3座'],
    ]);
    expect(indicatorAnchorAt(new SheetView(list), 0)).toBeNull();
    // Nor a header over an empty block.
    expect(
      indicatorAnchorAt(new SheetView(grid([['指标类型', '指标类别', '指标名称', '指标值']])), 0),
    ).toBeNull();
  });

  test('an outline layout: a level name on a row of its own heads the rows under it, and is no empty indicator', () => {
    const head = ['一级指标', '二级指标', '三级指标', '指标值'];
    for (const rows of [
      [
        ['一、产出指标', null, null, null],
        [null, '数量指标', '培训人次', '≥250人次'],
        [null, '质量指标', '合格率', '≥95%'],
      ],
      [
        ['产出指标', '数量指标', null, null],
        [null, null, '培训人次', '≥250人次'],
        [null, '质量指标', null, null],
        [null, null, '合格率', '≥95%'],
      ],
    ] as CellValue[][][]) {
      const [t] = checkGrid(grid([...base, head, ...rows]));
      expect(t.indicators.map((i) => [i.level1?.name, i.level2?.name, i.name?.text])).toEqual([
        ['产出指标', '数量指标', '培训人次'],
        ['产出指标', '质量指标', '合格率'],
      ]);
      expect(t.issues.filter((i) => i.rule === 'structure/empty-cell')).toEqual([]);
    }
    // The first row of a group whose 二级 is merged down over it, left empty, is an empty indicator.
    const [t] = checkGrid(
      grid(
        [...base, head, ['产出指标', '数量指标', null, null], [null, null, '培训人次', '≥250人次']],
        [{ top: 4, left: 1, bottom: 5, right: 1 }],
      ),
    );
    expect(t.indicators).toHaveLength(2);
    expect(t.issues.filter((i) => i.rule === 'structure/empty-cell').map((i) => i.cell)).toEqual(['C5']);
    // And a 一级 with nothing under it before the next 一级 stays an empty indicator.
    const [u] = checkGrid(
      grid([...base, head, ['满意度指标', null, null, null], ['效益指标', '社会效益指标', '影响', '好']]),
    );
    expect(u.indicators).toHaveLength(2);
  });

  test('level columns by content: the 绩效指标 (lead) column is the 一级 one only when no other column is', () => {
    // A sloppy row puts 满意度指标 into the lead column; the 一级 column is still the one headed 指标类型.
    const [t] = checkGrid(
      grid([
        ...base,
        ['绩效指标', '指标类型', '指标类别', '具体指标', '绩效值'],
        [null, null, '时效目标', '按期完成率', '100%'],
        [null, '效益指标', '社会效益指标', '群众知晓率', '≥90%'],
        ['满意度指标', null, '服务对象满意度指标', '满意度', '≥90%'],
      ]),
    );
    expect(t.columns).toMatchObject({ lead: 0, level1: 1, level2: 2, name: 3, value: 4 });
    expect(filledIndicators(t)).toHaveLength(3);
  });

  test('a form with no 二级 column (一级指标 | 三级指标 | 指标值) is read, its indicators without a 二级', () => {
    const t = formOf(
      ['一级指标', '三级指标', '指标值'],
      ['产出指标', '培训人次', '≥250人次'],
      [null, '合格率', '≥95%'],
      ['效益指标', '干部业务能力', '有所提升'],
    );
    expect(filledIndicators(t).map((i) => [i.level1?.name, i.level2, i.name?.text, i.value?.text])).toEqual([
      ['产出指标', null, '培训人次', '≥250人次'],
      ['产出指标', null, '合格率', '≥95%'],
      ['效益指标', null, '干部业务能力', '有所提升'],
    ]);
    // One error says the column is missing, on the header, instead of one per missing 二级.
    const level2 = t.issues.filter((i) => i.rule === 'structure/missing-level2');
    expect(level2.map((i) => [i.messageId, i.cell])).toEqual([['noColumn', `A${t.indicatorHeaderRow + 1}`]]);
    // 一级 and 三级 alone, without a value column, are not enough to call a row a header.
    expect(indicatorAnchorAt(new SheetView(grid([['一级指标', '三级指标', '备注']])), 0)).toBeNull();
  });

  test('the header row repeated inside the block (a page break) continues the table, its 一级 and 二级 carried on', () => {
    const head = ['一级指标', '二级指标', '三级指标', '指标值'];
    const tables = checkGrid(
      grid([
        ...base,
        head,
        ['产出指标', '数量指标', '培训人次', '≥250人次'],
        [null, null, '培训班次', '5期'],
        [],
        head,
        [null, null, '培训天数', '10天'],
        [null, '质量指标', '合格率', '≥95%'],
      ]),
    );
    expect(tables).toHaveLength(1);
    expect(filledIndicators(tables[0]).map((i) => [i.level1?.name, i.level2?.name, i.name?.text])).toEqual([
      ['产出指标', '数量指标', '培训人次'],
      ['产出指标', '数量指标', '培训班次'],
      ['产出指标', '数量指标', '培训天数'],
      ['产出指标', '质量指标', '合格率'],
    ]);
    // A second form's header block between the two makes them two tables.
    expect(
      checkGrid(
        grid([
          ...base,
          head,
          ['产出指标', '数量指标', '培训人次', '≥250人次'],
          ...base,
          head,
          ['产出指标', '数量指标', '班次', '5期'],
        ]),
      ),
    ).toHaveLength(2);
  });

  test('split value columns are reassembled; 分值 and 备注 are never the value', () => {
    const [t] = checkGrid(
      grid([
        ...base,
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '分值', '备注'],
        ['产出指标', '质量指标', '合格率', '≥', 95, '%', 10, '抽检'],
        [null, null, '服务质量', '定性', '良好', null, 10],
      ]),
    );
    expect(t.indicators.map((i) => i.value?.text)).toEqual(['≥95%', '良好']);
    expect(t.indicators[0].valueParts).toMatchObject({ value: '95' });
  });

  test('closing lines end the block and are never indicators', () => {
    const t = formWith(
      ['产出指标', '数量指标', '培训人数', '100人'],
      ['填报人：张三', null, '联系电话：123'],
      ['单位负责人（签字）：'],
    );
    expect(filledIndicators(t)).toHaveLength(1);
    expect(t.bottom).toBe(4);
  });

  test('a form with no 一级 column (二级指标 | 三级指标 | 指标值): each 一级 read from its 二级', () => {
    const t = formOf(
      ['二级指标', '三级指标', '指标值'],
      ['数量指标', '培训人数', '100人'],
      ['社会效益指标', '群众知晓率', '≥90%'],
      ['服务对象满意度指标', '满意度', '≥90%'],
    );
    expect(t.indicators.map((i) => [i.level1?.name, i.level2?.name])).toEqual([
      ['产出指标', '数量指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    expect(t.issues.filter((i) => i.rule === 'structure/missing-level1').map((i) => i.messageId)).toEqual([
      'noColumn',
    ]);
  });

  test('an 一级 typed down on every row carries its 二级 on to a row that leaves it blank; a new 一级 does not', () => {
    const t = formWith(
      ['产出指标', '数量指标', '培训人数', '100人'],
      ['产出指标', null, '培训场次', '5场'],
      ['效益指标', null, '群众知晓率', '≥90%'],
    );
    expect(t.indicators.map((i) => i.level2?.name ?? null)).toEqual(['数量指标', '数量指标', null]);
  });

  test('a 中期 and a 年度 indicator table stacked under their headings: the 年度 one is read, in either order', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标值'];
    const annual = [['产出指标', '数量指标', '培训人数', '100人']];
    const longTerm = [['产出指标', '数量指标', '培训人数', '300人']];
    for (const rows of [
      [['中期绩效指标'], header, ...longTerm, ['年度绩效指标'], header, ...annual],
      [['一、年度绩效指标'], header, ...annual, [], ['二、中期绩效指标'], header, ...longTerm],
      [header, ...annual, ['长期绩效指标'], header, ...longTerm],
    ]) {
      const tables = checkGrid(grid([...base, ...rows]));
      expect(tables).toHaveLength(1);
      expect(filledIndicators(tables[0]).map((i) => i.value?.text)).toEqual(['100人']);
      expect(tables[0].bottom).toBe(base.length + rows.length - 1);
    }
    // Alone, a 中期 table is the form's table.
    const [only] = checkGrid(grid([...base, ['中期绩效指标'], header, ...longTerm]));
    expect(filledIndicators(only).map((i) => i.value?.text)).toEqual(['300人']);
  });

  test('a form with no value column: a value typed after its 三级 is parted from it; not where a value column exists', () => {
    const rows: CellValue[][] = [
      ['产出指标', '数量指标', '培训人数≥100人'],
      ['产出指标', '质量指标', '合格率：95%'],
      ['产出指标', '时效指标', '完成时间2026年12月底前'],
      ['效益指标', '社会效益指标', '群众满意度明显提升'],
    ];
    const [t] = checkGrid(grid([...base, ['一级指标', '二级指标', '三级指标及指标值'], ...rows]));
    expect(t.indicators.map((i) => [i.name?.text, i.value?.text])).toEqual([
      ['培训人数', '≥100人'],
      ['合格率', '95%'],
      ['完成时间', '2026年12月底前'],
      ['群众满意度明显提升', undefined],
    ]);
    expect(t.indicators[0].value?.cell).toBe('C5');
    const [withColumn] = checkGrid(
      grid([
        ...base,
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人数≥100人'],
      ]),
    );
    expect(withColumn.indicators[0].name?.text).toBe('培训人数≥100人');
    expect(withColumn.indicators[0].value).toBeNull();
  });
});

describe('verdicts and forms without an indicator table', () => {
  test('a header-only form is a table with structure/missing-indicators, a contact line under its 项目名称 included', () => {
    const form = (contact: CellValue[][]) =>
      checkGrid(
        grid([
          ['某某项目支出绩效目标申报表'],
          ['项目名称', '某项目'],
          ...contact,
          ['主管部门', '某局', '实施单位', '某中心'],
          ['年度资金总额', 25],
          ['年度总体目标', '完成道路养护'],
          [],
          [],
          ['填报人', '李四', '联系电话', '0951-1234567'],
        ]),
      )[0];
    const t = form([]);
    expect(t.hasIndicatorBlock).toBe(false);
    expect(t.issues.map((i) => i.rule)).toContain('structure/missing-indicators');
    const withContact = form([['项目负责人', '张三', '联系电话', '13900000000']]);
    expect(withContact.range).toBe('A1:D6');
    expect(withContact.amounts.annual?.value).toBe(25);
    expect(withContact.header.department?.text).toBe('某局');
  });

  test('an allocation list with 项目名称 and 金额 columns is no form', () => {
    const found = recogniseSheet(
      grid([
        ['2025年某专项资金分配表'],
        ['序号', '单位', '项目名称', '金额(万元)'],
        [1, '甲县', '道路', 10],
        [2, '乙县', '桥梁', 20],
      ]),
    );
    expect(found.tables).toEqual([]);
    expect(found.nearMisses.map((n) => n.kind)).toEqual(['allocation']);
  });

  test('a 部门整体 form and a 自评表 are near-misses, each said in one line', () => {
    const whole = recogniseSheet(
      grid([
        ['2026年部门整体支出绩效目标表'],
        ['部门(单位)名称', '某局'],
        ['年度主要任务', '…'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '任务数', '5项'],
      ]),
    );
    expect(whole.tables).toEqual([]);
    expect(whole.nearMisses[0]).toMatchObject({
      kind: 'departmentWide',
      message: '此表像是部门整体支出绩效目标表，不是项目支出绩效目标表，未检查',
    });
    const self = recogniseSheet(
      grid([
        ['项目名称', '某项目'],
        ['年度资金总额', '全年执行数', '得分'],
        ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '得分'],
        ['产出指标', '数量指标', '任务数', '5项', '5项', 10],
      ]),
    );
    expect(self.tables).toEqual([]);
    expect(self.nearMisses[0].kind).toBe('selfEvaluation');
  });

  test('without a title: a monitoring table and a scoring table are near-misses by their columns', () => {
    const rows = (extra: CellValue[]) => [
      ['项目名称', '某项目'],
      ['年度资金总额', 10],
      ['年度总体目标', '完成'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', ...extra],
      ['产出指标', '数量指标', '任务数', '5项', '3项', '5项', ''],
    ];
    const monitor = recogniseSheet(grid(rows(['1-7月执行情况', '全年预计完成情况', '偏差原因'])));
    expect(monitor.tables).toEqual([]);
    expect(monitor.nearMisses.map((n) => n.kind)).toEqual(['monitoring']);
    expect(monitor.nearMisses[0].message).toBe('此表像是绩效运行监控表，不是绩效目标表，未检查');
    const scoring = recogniseSheet(grid(rows(['分值', '评分标准'])));
    expect(scoring.tables).toEqual([]);
    expect(scoring.nearMisses.map((n) => n.kind)).toEqual(['scoring']);
    // A target form with a 分值 column (an 审批表) is still a target form.
    expect(recogniseSheet(grid(rows(['分值', '指标解释']))).tables).toHaveLength(1);
  });

  test("a header block under another document's title (…申报书) is not a header-only form", () => {
    const values = (title: string): CellValue[][] => [
      [title],
      ['项目名称', '某项目'],
      ['申报单位', '某中心'],
      ['申请金额（万元）', 10],
      ['项目目标', '提升能力'],
    ];
    expect(recogniseSheet(grid(values('2026年某项目申报书'))).tables).toEqual([]);
    expect(recogniseSheet(grid(values('2026年项目支出绩效目标表'))).tables).toHaveLength(1);
    const explained = recogniseSheet(grid(values('2026年某项目申报书')), undefined, true).candidates;
    expect(explained.map((c) => c.reason).join(' ')).toContain('标题「2026年某项目申报书」不是绩效目标表');
  });

  test('按所选区域识别: a selected range with only two column headers is read with a lower bar', () => {
    const values: CellValue[][] = [
      ['三级指标', '指标值'],
      ['培训人数', '100人'],
      ['合格率', '≥95%'],
    ];
    expect(recogniseSheet(grid(values)).tables).toEqual([]);
    const found = recogniseRange(grid(values), { top: 0, left: 0, bottom: 2, right: 1 });
    expect(found.tables).toHaveLength(1);
    expect(found.tables[0].source).toBe('selection');
    expect(filledIndicators(found.tables[0]).map((i) => i.value?.text)).toEqual(['100人', '≥95%']);
  });
});

describe('vocabulary and frameworks are data, validated', () => {
  test('the shipped data parses; a category naming an unknown level does not', () => {
    expect(VocabularySchema.safeParse(vocabularyJson).success).toBe(true);
    expect(FrameworksSchema.safeParse(frameworksJson).success).toBe(true);
    const broken = { ...frameworksJson, categories: { ...frameworksJson.categories, quantity: '数目指标' } };
    expect(FrameworksSchema.safeParse(broken).success).toBe(false);
    const noWords = { ...vocabularyJson, closing: { starts: [], contains: ['(盖章)'] } };
    expect(VocabularySchema.safeParse(noWords).success).toBe(false);
  });
});

describe('a blank template inserted right of a filled form', () => {
  test.each([1, 0])(
    "%i empty column(s) between: the form and the template are read apart, the form keeps its model, the template only a blank form's issues",
    async (gap) => {
      const { readWorkbook } = await import('../../src/cli/xlsx');
      const { buildTemplate, templateToGrid } = await import('../../src/core/templates');
      const path = await import('path');
      const [form] = await readWorkbook(path.join(__dirname, '..', 'fixtures', 'pingluo.per-sheet.xlsx'));
      const alone = checkGrid(form);
      const width = Math.max(...form.values.map((r) => r.length));
      const template = templateToGrid(
        buildTemplate({ framework: 'newer', unit: '万元', describe: false, transfer: true, year: 2026 }),
        'S',
        { top: 0, left: width + gap },
      );
      const rows = Math.max(form.values.length, template.values.length);
      const values: CellValue[][] = Array.from({ length: rows }, (_, r) => {
        const row = [...(template.values[r] ?? [])];
        (form.values[r] ?? []).forEach((v, c) => (row[c] = v));
        return row;
      });
      const both = checkGrid({
        sheet: 'S',
        values,
        merges: [...(form.merges ?? []), ...(template.merges ?? [])],
      });
      expect(both).toHaveLength(2);
      expect(both[0].projectName).toBe(alone[0].projectName);
      expect(filledIndicators(both[0])).toEqual(filledIndicators(alone[0]));
      expect(both[0].issues.map((i) => i.rule)).toEqual(alone[0].issues.map((i) => i.rule));
      expect(new Set(both[1].issues.map((i) => i.rule))).toEqual(
        new Set(['header/missing-field', 'structure/empty-cell']),
      );
    },
  );
});

describe('the 88号 申报表 with 中期 and 年度 halves side by side', () => {
  const values: CellValue[][] = [
    ['项目支出绩效目标申报表'],
    ['（2026年度）'],
    ['项目名称', '某项目'],
    ['主管部门及代码', '某局', '实施单位', '某中心'],
    ['项目资金（万元）', '中期资金总额：', 300, '年度资金总额：', 100],
    [null, '其中：财政拨款', 280, '其中：财政拨款', 90],
    [null, '其他资金', 20, '其他资金', 10],
    ['总体目标', '中期目标（2026年－2028年）', null, '年度目标'],
    [null, '三年建成', null, '本年建成一期'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
    [null, '产出指标', '数量指标', '建成道路', '30公里', '数量指标', '建成道路', '10公里'],
    [null, null, '成本指标', '建设成本', '≤300万元', '成本指标', '建设成本', '≤100万元'],
    [null, '效益指标', '社会效益指标', '通行条件', '改善', '社会效益指标', '通行条件', '改善'],
    [
      null,
      '满意度指标',
      '服务对象满意度指标',
      '群众满意度',
      '≥90%',
      '服务对象满意度指标',
      '群众满意度',
      '≥90%',
    ],
  ];

  test("the 年度 half is read: its indicators, its amounts, its goal; sums are this year's", () => {
    const [t] = checkGrid(grid(values));
    expect(filledIndicators(t).map((i) => i.value?.text)).toEqual(['10公里', '≤100万元', '改善', '≥90%']);
    expect(t.amounts).toMatchObject({
      total: { value: 300 },
      annual: { value: 100 },
      fiscal: { value: 90 },
      other: { value: 10 },
    });
    expect(t.goal?.text).toBe('本年建成一期');
    expect(t.issues.filter((i) => i.rule.startsWith('sum/') && i.severity === 'error')).toEqual([]);
  });
});

describe('三级 names as the template leaves them', () => {
  test('a 指标1： prefix, a core-indicator star and a fill-in hint are not part of the name', async () => {
    const { indicatorName } = await import('../../src/core/recognize/indicators');
    const at = (text: string) => indicatorName({ text, cell: 'D5', row: 4, col: 3 }).text;
    expect(at('贫困地区旅游景点开发数量( ≥**个 )')).toBe('贫困地区旅游景点开发数量');
    expect(at('*资产股权年收益率( ≥**% )')).toBe('资产股权年收益率');
    expect(at('指标1：培训人数')).toBe('培训人数');
    expect(at('项目总投入（≤**万元）')).toBe('项目总投入');
    expect(at('项目(工程)验收合格率')).toBe('项目(工程)验收合格率');
    expect(at('受益人数(人)')).toBe('受益人数(人)');
    expect(at('★')).toBe('★');
  });
});

test('the data the engine reads is the data the schemas accept (notes dropped, nothing else changed)', () => {
  expect(vocabulary).toEqual(VocabularySchema.parse(vocabularyJson));
  expect(frameworkData).toEqual(FrameworksSchema.parse(frameworksJson));
  expect(() => validateVocabulary()).not.toThrow();
});
