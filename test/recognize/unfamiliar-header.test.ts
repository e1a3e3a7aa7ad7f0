/**
 * Header blocks of templates nobody here has seen (issue 27, points 1, 2, 6): amounts read by their
 * labels' word parts, figures that cannot be placed said as such (never an error), fields a template
 * does not carry said as info, a program's name over the project's, a form cut off at a sheet's foot.
 */
import * as path from 'path';
import { readWorkbook } from '../../src/cli/xlsx';
import type { CellValue, Grid } from '../../src/core/grid';
import { checkGrid } from '../../src/core/check';
import type { Table } from '../../src/core/model';
import { loadLibrary } from '../../src/core/phrasings/library';
import { FIXTURES, SEEDS } from '../helpers/fixtures';
import { GOOD_ROWS } from '../helpers/form';
import { MutableSheet } from '../helpers/variants';

const INDICATORS: CellValue[][] = [['一级指标', '二级指标', '三级指标', '指标值'], ...GOOD_ROWS];

function check(header: CellValue[][], tail: CellValue[][] = INDICATORS): Table[] {
  const grid: Grid = { sheet: 'S', values: [['2026年项目支出绩效目标批复表'], ...header, ...tail] };
  return checkGrid(grid, { library: loadLibrary() });
}
const one = (header: CellValue[][], tail?: CellValue[][]) => {
  const tables = check(header, tail);
  expect(tables).toHaveLength(1);
  return tables[0];
};
const errors = (t: Table, rule: string) => t.issues.filter((i) => i.rule === rule && i.severity === 'error');
const infos = (t: Table, rule: string) => t.issues.filter((i) => i.rule === rule && i.severity === 'info');

describe('amounts by the words of their labels', () => {
  test('a 中期 part with no total named is the project total; a 本年度 request the year’s amount', () => {
    const t = one([
      ['项目名称', '道路改造', '中期市财政预算(万元)', 284500, '本年度申请市财政预算资金(万元)', 919],
      ['主管部门', '交通局', '实施单位', '公路中心'],
      ['年度目标', '完成结算919万元'],
    ]);
    expect(t.amounts.total?.value).toBe(284500);
    expect(t.amounts.annual?.value).toBe(919);
    // The 中期 figure is no part of this year's money.
    expect(t.amounts.fiscal?.value).toBe(919);
    expect(errors(t, 'header/missing-field')).toEqual([]);
    expect(errors(t, 'sum/funds')).toEqual([]);
  });

  test('a term part is not taken where the form has a label for that amount, even an empty one', () => {
    const t = one([
      ['项目名称', '道路改造', '年度资金总额', null, '本年度申请财政资金', 919],
      ['主管部门', '交通局', '实施单位', '公路中心'],
      ['年度目标', '完成结算'],
    ]);
    expect(t.amounts.annual).toBeUndefined();
    expect(errors(t, 'header/missing-field').map((i) => i.messageId)).toEqual(['emptyAmount']);
  });

  test('年度本级预算金额 beside 上级资金 0: the year’s own-level amount, and the year’s amount', () => {
    const t = one([
      ['项目支出名称', '雾炮车服务', '预算部门', '环卫处'],
      ['年度本级 预算金额', '250万', '该项目支出上级资金', 0],
      ['本年度绩效目标', '空气质量优良'],
    ]);
    expect(t.amounts.ownTotal?.value).toBe(250);
    expect(t.amounts.transfer?.value).toBe(0);
    expect(t.amounts.annual?.value).toBe(250);
    expect(errors(t, 'sum/funds')).toEqual([]);
  });

  test('numbered parts under a total: a part named by its words is read, one that is not is said, and no sum is claimed', () => {
    const t = one([
      ['项目名称', '雾炮车服务', '主管部门', '城管局'],
      ['项目资金申请(万元)', '资金总额: 250'],
      [null, '一、预算资金:250'],
      [null, '二、自有资金:0'],
      [null, '三、其他:0'],
      ['年度目标', '空气质量优良'],
    ]);
    expect(t.amounts.annual?.value).toBe(250);
    expect(t.amounts.other?.value).toBe(0);
    expect(errors(t, 'sum/funds')).toEqual([]);
    expect(infos(t, 'sum/funds').map((i) => [i.messageId, i.data])).toEqual([
      ['unplaced', { cell: 'B4', label: '一、预算资金', amount: 250 }],
    ]);
    expect(infos(t, 'sum/funds')[0].message).toBe(
      '读到 B4「一、预算资金」250 万元，未能确定它是哪一项资金，未核对资金合计',
    );
  });

  test('the same numbered parts that do add up to a known split are still checked', () => {
    const t = one([
      ['项目名称', '雾炮车服务', '主管部门', '城管局'],
      ['项目资金申请(万元)', '资金总额: 250'],
      [null, '一、财政拨款:200'],
      [null, '二、自有资金:10'],
      ['年度目标', '空气质量优良'],
    ]);
    expect(t.amounts.fiscal?.value).toBe(200);
    expect(errors(t, 'sum/funds').map((i) => i.messageId)).toEqual(['parts']);
  });

  test('a money word no label takes, with a figure beside it: said, not called missing', () => {
    const t = one([
      ['项目名称', '培训', '主管部门', '某局', '实施单位', '某中心'],
      ['本期安排经费', 919],
      ['年度目标', '完成培训'],
    ]);
    expect(t.amounts.total).toBeUndefined();
    expect(t.amounts.annual).toBeUndefined();
    expect(errors(t, 'header/missing-field')).toEqual([]);
    const said = infos(t, 'header/missing-field');
    expect(said.map((i) => [i.messageId, i.data])).toEqual([
      ['unplacedAmount', { cell: 'B3', label: '本期安排经费', amount: '919' }],
    ]);
    expect(said[0].message).toBe(
      '读到 B3「本期安排经费」919，未能确定它是哪一项金额（项目总额或年度资金总额）',
    );
  });

  test('a form with no amount at all is still told so, as an error', () => {
    const t = one([
      ['项目名称', '培训', '主管部门', '某局', '实施单位', '某中心'],
      ['年度目标', '完成培训'],
    ]);
    expect(errors(t, 'header/missing-field').map((i) => i.messageId)).toEqual(['missingAmount']);
  });

  test('两个「其中」: the part that names this year is the year’s part', () => {
    const t = one([
      ['项目名称', '教育', '主管部门', '教育局', '实施单位', '教育局'],
      ['项目资金', '资金总额', 100, '当年资金总额:', 40],
      [null, '其中:财政拨款', 100, '其中:当年财政拨款', 40],
      ['年度目标', '完成'],
    ]);
    expect(t.amounts.fiscal?.value).toBe(40);
    expect(t.unplacedAmounts ?? []).toEqual([]);
  });
});

describe('the goal of a form with 中期 and 年度 halves', () => {
  test('总体目标 over 中期滚动目标(…) | 年度目标: the goal is the 年度 one, not the 中期 heading or the table header under it', () => {
    const t = one([
      ['项目名称', '道路改造', '主管部门', '交通局', '实施单位', '公路中心'],
      ['年度资金总额', 919],
      ['总体目标', '中期滚动目标(2019年--2021年)', null, '年度目标'],
      [null, '新建或改造道路29个项目', null, '完成结算919万元'],
    ]);
    expect(t.goal).toMatchObject({ cell: 'D5', text: '完成结算919万元' });
  });
});

describe('fields the template does not carry', () => {
  test('no 实施单位 label anywhere: an info that says the layout has none; an empty one stays an error', () => {
    const none = one([
      ['项目名称', '培训', '主管部门', '某局'],
      ['年度资金总额', 10],
      ['年度目标', '完成'],
    ]);
    expect(errors(none, 'header/missing-field')).toEqual([]);
    expect(infos(none, 'header/missing-field').map((i) => i.data)).toEqual([{ label: '实施单位' }]);
    expect(infos(none, 'header/missing-field')[0].message).toBe(
      '此表的格式没有「实施单位」栏：未检查此项（所用模板要求时请补上）',
    );
    const empty = one([
      ['项目名称', '培训', '主管部门', '某局', '实施单位', null],
      ['年度资金总额', 10],
      ['年度目标', '完成'],
    ]);
    expect(errors(empty, 'header/missing-field').map((i) => i.messageId)).toEqual(['emptyField']);
  });
});

describe('names and fragments', () => {
  const FIRST_FORM: CellValue[][] = [
    ['项目名称', '博物馆免费开放'],
    ['主管部门', '文旅局', '实施单位', '博物馆'],
    ['年度资金总额', 20],
    ['年度目标', '开放'],
  ];

  test.each([
    [['一级项目名称', '文化事业发展专项资金', '二级项目名称', '博物馆免费开放']],
    [['一*级项目名称', '文化事业发展专项资金', '二级项目名称', '博物馆免费开放']],
    [
      ['专项名称', '文化事业发展专项资金'],
      ['项目名称', '博物馆免费开放'],
    ],
  ])('a program over a project: the table is the project (%j)', (...rows) => {
    const t = one([
      ...rows,
      ['主管部门', '文旅局', '实施单位', '博物馆'],
      ['年度资金总额', 20],
      ['年度目标', '开放'],
    ]);
    expect(t.projectName).toBe('博物馆免费开放');
    expect(t.title).toBe('2026年项目支出绩效目标批复表');
  });

  test('a program named alone is what the form is for', () => {
    const t = one([
      ['专项名称', '文化事业发展专项资金'],
      ['主管部门', '文旅局'],
      ['年度资金总额', 20],
      ['年度目标', '开放'],
    ]);
    expect(t.projectName).toBe('文化事业发展专项资金');
  });

  test('a title, a 项目名称 and one more field at the foot of a sheet: a table with no indicators', () => {
    const tables = check(FIRST_FORM, [
      ...INDICATORS,
      [],
      [],
      ['省级部门预算项目支出绩效目标表'],
      ['2023年度'],
      ['一级项目名称', '公共文化服务', '二级项目名称', '博物馆提升改造'],
      ['项目总投资', '174.78万元', '中央补'],
    ]);
    expect(tables.map((t) => [t.projectName, t.hasIndicatorBlock])).toEqual([
      ['博物馆免费开放', true],
      ['博物馆提升改造', false],
    ]);
    expect(tables[1].amounts.total?.value).toBe(174.78);
    expect(tables[1].issues.map((i) => i.rule)).toContain('structure/missing-indicators');
  });

  test('the same fragment with rows after it is no table: too little for a form in the middle of a sheet', () => {
    const tables = check(FIRST_FORM, [
      ...INDICATORS,
      [],
      [],
      ['省级部门预算项目支出绩效目标表'],
      ['项目名称', '博物馆提升改造'],
      ['项目类型', '新增项目'],
      [],
      [],
      ['说明：以上为草稿'],
    ]);
    expect(tables.map((t) => t.projectName)).toEqual(['博物馆免费开放']);
  });
});

describe('generated over every seed table (per-sheet)', () => {
  const sheets: { label: string; sheet: MutableSheet; table: Table }[] = [];
  beforeAll(async () => {
    for (const seed of SEEDS)
      for (const grid of await readWorkbook(path.join(FIXTURES, `${seed}.per-sheet.xlsx`))) {
        const tables = checkGrid(grid, { library: loadLibrary() });
        if (tables.length === 1)
          sheets.push({ label: `${seed}!${grid.sheet}`, sheet: MutableSheet.from(grid), table: tables[0] });
      }
  });

  test('a form without the 实施单位 label gets an info for it, never an error', () => {
    let made = 0;
    const failures: string[] = [];
    for (const { label, sheet, table } of sheets) {
      const f = table.header.implementer;
      if (!f?.labelCell || f.labelCell === f.cell) continue;
      const s = MutableSheet.from(sheet.toGrid());
      const at = (a1: string) => [Number(/\d+/.exec(a1)![0]) - 1, a1.charCodeAt(0) - 65] as const;
      for (const a1 of [f.labelCell, f.cell]) s.set(...at(a1), null);
      made++;
      const [t] = checkGrid(s.toGrid(), { library: loadLibrary() });
      const said = t?.issues.filter((i) => i.rule === 'header/missing-field' && i.data?.label === '实施单位');
      if (!t || said?.length !== 1 || said[0].severity !== 'info') failures.push(label);
    }
    expect(made).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  test('a form cut off at the foot of the sheet (title, 项目名称, one field) is one more table with no indicators', () => {
    const failures: string[] = [];
    for (const { label, sheet } of sheets) {
      const s = MutableSheet.from(sheet.toGrid());
      const foot = s.height + 2;
      s.set(foot, 0, '2026年部门项目支出预算绩效目标表');
      s.set(foot + 1, 0, '项目名称');
      s.set(foot + 1, 1, '新开工的项目');
      s.set(foot + 2, 0, label.length % 2 ? '主管部门' : '项目总额');
      s.set(foot + 2, 1, label.length % 2 ? '某局' : 50);
      const tables = checkGrid(s.toGrid(), { library: loadLibrary() });
      const last = tables[tables.length - 1];
      if (
        tables.length !== 2 ||
        last.projectName !== '新开工的项目' ||
        last.hasIndicatorBlock ||
        !last.issues.some((i) => i.rule === 'structure/missing-indicators')
      )
        failures.push(`${label}: ${tables.map((t) => t.projectName).join(', ')}`);
    }
    expect(sheets.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});

describe("a template's own words, added by the configuration", () => {
  test('jixiao.config.json vocabulary: 本期安排经费 read as 年度资金总额, a closing word of its own ends the table; validated', async () => {
    const { parseConfig } = await import('../../src/core/config');
    const config = parseConfig(
      { vocabulary: { annual: ['本期安排经费'], closing: ['审定人'] } },
      'jixiao.config.json',
    );
    const grid: Grid = {
      sheet: 'S',
      values: [
        ['2026年项目支出绩效目标批复表'],
        ['项目名称', '培训', '主管部门', '某局', '实施单位', '某中心'],
        ['本期安排经费', 919],
        ['年度目标', '完成培训'],
        ...INDICATORS,
        ['审定人', '某某'],
      ],
    };
    const [plain] = checkGrid(grid, { library: loadLibrary() });
    expect(plain.amounts.annual).toBeUndefined();
    const [t] = checkGrid(grid, { library: loadLibrary(), vocabulary: config.vocabulary });
    expect(t.amounts.annual?.value).toBe(919);
    expect(t.bottom).toBe(INDICATORS.length + 3);
    // The next check without the words reads as before.
    expect(checkGrid(grid, { library: loadLibrary() })[0].amounts.annual).toBeUndefined();
    expect(() => parseConfig({ vocabulary: { nosuch: ['x'] } }, 'jixiao.config.json')).toThrow(/vocabulary/);
  });
});
