/**
 * The 45 real tables of the five seed documents: recognised with the right project name, number
 * of indicator rows and total (万元), in both fixture layouts; their real defects reported; and
 * silence where the sums are right.
 */
import { filledIndicators } from '../src/core/model';
import { SEEDS, type Seed, byName, rulesOf, seedTables } from './helpers/fixtures';

/** [project name, indicator rows, total in 万元 (项目总额, else 年度资金总额 / 项目年度金额)] */
const EXPECTED: Record<Seed, [string, number, number | null][]> = {
  guyuan: [
    ['固原市政务媒体安全监测运维服务项目', 13, 34],
    [
      '固原市电子政务中心关于行政中心、民生大厦、原日报社大楼、固原农商银行大楼机房维护以及网络耗材项目',
      10,
      5,
    ],
    ['行政中心机房核心设备更新、民生大厦网络设备更新项目经费', 12, 20],
    ['固原市政务媒体安全监测运维服务项目', 9, 31.6],
    ['固原市本级电子政务外网运维服务项目', 9, 253],
    ['2026年政务聘用人员工资', 9, 23.82],
  ],
  pingluo: [
    ['电子政务外网光纤专线线路租用费', 9, 17],
    ['网络安全管理经费', 31, 16],
    ['网络意识形态管理经费', 19, 17],
    ['农村信息员生活补助', 8, 60.48],
    ['政府长聘人员经费', 22, 8.897],
  ],
  langfang: [
    ['电子政务外网IPv6升级改造资金', 7, null],
    ['公务网络核心机房保安经费', 8, null],
    ['公务网络机房维护经费', 7, null],
    ['公务网络平台传输设备升级改造资金', 5, null],
    ['公务网络平台线路租用经费', 8, null],
    ['公务网络平台用电经费', 7, null],
    ['互联网宣传管理经费', 6, null],
    ['廊坊市电子政务外网边界安全检测', 7, null],
    ['廊坊市政务资源共享交换平台运行维护和等保测评资金', 6, null],
    ['聘用人员经费', 8, null],
    ['市民服务中心核心网络维护', 7, null],
    ['数字乡村试点示范项目', 6, null],
    ['网络安全活动工作', 6, null],
    ['网络媒体战略合作及舆论引导工作', 7, null],
    ['网络融合传播精品制作', 6, null],
    ['网信公众号建设维护工作经费', 7, null],
    ['应急项目施工维护经费', 7, null],
  ],
  yinchuan: [
    ['银川12345热线2026年购买服务项目', 12, 763],
    ['驻村工作队员工作经费', 13, 4.08],
    ['市政府督查室工作经费', 18, 12],
    ['市政府政务公开工作经费', 25, 40],
    ['政府聘用人员', 25, 77.885024],
    ['银川市电子政务信息化运维项目保障', 32, 1028],
    ['工作经费', 45, 160],
  ],
  ningxia: [
    ['宁夏网络安全服务项目', 13, 45],
    ['宁夏网信系统综合业务培训项目', 13, 34],
    ['自治区互联网行业党委党建项目', 10, 14],
    ['升级改造项目尾款支付项目', 13, 165.53],
    ['全区网络法治与数字素养提升项目', 18, 120],
    ['宁夏网络政务信息化系统运维项目', 10, 190],
    ['网络文明大会项目', 15, 32],
    ['网络行政执法项目', 13, 40],
    ['网信研究项目', 10, 50],
    ['全区网信信息系统运维服务项目', 16, 230],
  ],
};

describe.each(['stacked', 'per-sheet'] as const)('seed tables (%s layout)', (layout) => {
  test('45 tables in all', async () => {
    let n = 0;
    for (const seed of SEEDS) n += (await seedTables(seed, layout)).length;
    expect(n).toBe(45);
  });

  describe.each(SEEDS)('%s', (seed) => {
    test.each(EXPECTED[seed].map((e, i) => [i, ...e] as const))(
      '#%i %s: %i rows, total %p',
      async (i, name, rows, total) => {
        const tables = await seedTables(seed, layout);
        expect(tables).toHaveLength(EXPECTED[seed].length);
        const t = tables[i];
        expect(t.projectName).toBe(name);
        expect(filledIndicators(t)).toHaveLength(rows);
        const amount = t.amounts.total ?? t.amounts.annual;
        expect(amount?.value ?? null).toBe(total);
      },
    );
  });
});

describe('real defects of the seeds (domain.md)', () => {
  test('平罗 农村信息员生活补助 has no 成本指标 at all', async () => {
    const t = byName(await seedTables('pingluo'), '农村信息员生活补助');
    const missing = t.issues.filter((i) => i.rule === 'structure/missing-level1');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain('成本指标');
    expect(missing[0].severity).toBe('error');
  });

  test('平罗 农村信息员 is missing 成本 in the per-sheet layout too (framework from the year)', async () => {
    const t = byName(await seedTables('pingluo', 'per-sheet'), '农村信息员生活补助');
    expect(rulesOf(t)).toContain('structure/missing-level1');
  });

  test('固原 政务媒体安全监测 (31.6万): a cost line quotes 40万元', async () => {
    const t = (await seedTables('guyuan'))[3];
    expect(t.amounts.annual?.value).toBe(31.6);
    const sum = t.issues.filter((i) => i.rule === 'sum/cost-total');
    expect(sum).toHaveLength(1);
    expect(sum[0].message).toMatch(/40 万元.*31\.6 万元/);
    expect(sum[0].cell).toBe('D96');
  });

  test.each([
    ['固原市本级电子政务外网运维服务项目', 'F123'],
    ['2026年政务聘用人员工资', 'F147'],
  ])('固原 %s: 生态效益 不涉及 with 95%%', async (name, cell) => {
    const t = byName(await seedTables('guyuan'), name);
    const c = t.issues.filter((i) => i.rule === 'value/not-applicable-conflict');
    expect(c.map((i) => i.cell)).toEqual([cell]);
  });

  test('固原: cost values "100%"/"95%" and quantity values "100%"', async () => {
    const tables = await seedTables('guyuan');
    const cost = tables.flatMap((t) => t.issues.filter((i) => i.rule === 'value/cost-not-amount'));
    expect(cost.map((i) => i.cell)).toEqual(['E19', 'E20', 'E96', 'F120']);
    const quantity = tables.flatMap((t) =>
      t.issues.filter((i) => i.rule === 'value/not-measurable' && i.message.includes('看不出数量')),
    );
    expect(quantity.map((i) => i.cell)).toEqual(['E13', 'E14', 'E15', 'E93', 'F117']);
  });

  test('平罗: "≥100%", 满意度 "提高"/"提升", project name above an empty 项目名称 cell', async () => {
    const tables = await seedTables('pingluo');
    expect(
      tables.flatMap((t) => t.issues.filter((i) => i.rule === 'value/percent-range')).map((i) => i.cell),
    ).toEqual(['E45']);
    const satisfaction = tables.flatMap((t) => t.issues.filter((i) => i.rule === 'value/satisfaction-form'));
    expect(satisfaction.map((i) => i.message)).toEqual([
      expect.stringContaining('提高'),
      expect.stringContaining('提升'),
    ]);
    const t = byName(tables, '网络意识形态管理经费');
    expect(t.projectNameSource).toBe('above');
    const header = t.issues.filter((i) => i.rule === 'header/missing-field');
    expect(header).toHaveLength(1);
    expect(header[0].message).toContain('A68');
  });

  test('廊坊 #9: 服务对象满意度 under 效果指标, 社会效益 under 满意度指标, a row repeated', async () => {
    const t = (await seedTables('langfang'))[8];
    const misplaced = t.issues.filter((i) => i.rule === 'structure/misplaced-level2');
    expect(misplaced.map((i) => i.cell)).toEqual(['B104', 'B105']);
    expect(misplaced[0].message).toContain('服务对象满意度指标');
    expect(misplaced[1].message).toContain('社会效益指标');
    expect(t.issues.filter((i) => i.rule === 'structure/duplicate-indicator').map((i) => i.cell)).toEqual([
      'C105',
    ]);
  });

  test('廊坊: no header block is one note, the project name comes from the title', async () => {
    const t = (await seedTables('langfang'))[0];
    expect(t.projectNameSource).toBe('title');
    expect(t.hasHeaderBlock).toBe(false);
    const header = t.issues.filter((i) => i.rule === 'header/missing-field');
    expect(header).toHaveLength(1);
    expect(header[0].severity).toBe('info');
  });

  test('廊坊: values wrapped onto the next row are put back on their indicator', async () => {
    const t = byName(await seedTables('langfang'), '数字乡村试点示范项目');
    const rows = filledIndicators(t);
    expect(rows.map((i) => i.value?.text)).toEqual(['5个', '100%', '按预计时间', '不超过', '能', '≥80%']);
    expect(rows[5].description?.text).toBe('试点乡村村民对试点规划满意度测评');
    expect(rows[5].basis?.text).toBe('问卷调查');
  });

  test('银川 工作经费: 产出指标 used as a 二级, 会费缴纳时间 twice', async () => {
    const t = byName(await seedTables('yinchuan'), '工作经费');
    const misplaced = t.issues.filter((i) => i.rule === 'structure/misplaced-level2');
    expect(misplaced).toHaveLength(1);
    expect(misplaced[0].cell).toBe('B212');
    const dup = t.issues.filter((i) => i.rule === 'structure/duplicate-indicator');
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toContain('会费缴纳时间');
  });

  test('银川 督查室: 合格率 ≥100%', async () => {
    const t = byName(await seedTables('yinchuan'), '市政府督查室工作经费');
    expect(t.issues.filter((i) => i.rule === 'value/percent-range').map((i) => i.cell)).toEqual([
      'D57',
      'D58',
      'D59',
      'D68',
    ]);
  });

  test('宁夏 尾款支付: the goal text says 0.73万元, the cost line 0.78万元; the total follows the cost line', async () => {
    const t = byName(await seedTables('ningxia'), '升级改造项目尾款支付项目');
    const goal = t.issues.filter((i) => i.rule === 'sum/goal-text');
    expect(goal).toHaveLength(1);
    expect(goal[0].message).toMatch(/0\.73万元.*0\.78 万元/);
    expect(t.issues.filter((i) => i.rule === 'sum/cost-total' || i.rule === 'sum/funds')).toEqual([]);
  });
});

describe('silence where the sums are right', () => {
  test('宁夏: no sum/* error in any table', async () => {
    for (const t of await seedTables('ningxia')) {
      expect(t.issues.filter((i) => i.rule.startsWith('sum/') && i.severity === 'error')).toEqual([]);
    }
  });

  test('银川: no sum/* issue except 政府聘用人员, whose cost caps (77.8838万) miss 778850.24元 by 12.24元', async () => {
    for (const t of await seedTables('yinchuan')) {
      const sums = t.issues.filter((i) => i.rule.startsWith('sum/'));
      if (t.projectName === '政府聘用人员') {
        expect(sums.map((i) => i.rule)).toEqual(['sum/cost-total']);
        expect(sums[0].message).toContain('0.001224 万元');
      } else {
        expect(sums).toEqual([]);
      }
    }
  });

  test('12345 热线: 5,766,108 + 1,863,892 元 = 7,630,000 元 exactly', async () => {
    const t = byName(await seedTables('yinchuan'), '银川12345热线2026年购买服务项目');
    expect(t.unit).toBe('元');
    expect(t.amounts.annual?.exact).toBe('763.0000');
    // Silent on sums; the one warning is 市民获得感、满意度 filed under 社会效益 (a 满意度 indicator).
    expect(rulesOf(t).filter((r) => !r.startsWith('style/'))).toEqual(['structure/misplaced-level2']);
  });

  test('宁夏 法治: the goal text quotes 90万元 for two cost lines (86 + 4)', async () => {
    const t = byName(await seedTables('ningxia'), '全区网络法治与数字素养提升项目');
    expect(t.issues.filter((i) => i.rule.startsWith('sum/'))).toEqual([]);
  });
});
