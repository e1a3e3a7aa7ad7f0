/**
 * The wider corpus: nineteen workbooks of real forms from other governments (test/fixtures/wider, with
 * labels.json as ground truth; its README says what each shows). For every labelled table: found by its project name, the indicator
 * row count, the total in 万元, every flagged rule reported on its row, every clean rule silent (no
 * error); and no table reported in a near-miss workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { type SheetResult, checkWorkbook } from '../src/core/check';
import { filledIndicators } from '../src/core/model';
import { loadLibrary } from '../src/core/phrasings/library';
import { FIXTURES } from './helpers/fixtures';

const WIDER = path.join(FIXTURES, 'wider');

interface Label {
  name: string;
  total: number | null;
  indicators: number;
  flag: { rule: string; at: string }[];
  clean: string[];
}
const labels = JSON.parse(fs.readFileSync(path.join(WIDER, 'labels.json'), 'utf8')) as {
  files: Record<string, Label[]>;
  negatives: string[];
};

const results = new Map<string, Promise<SheetResult[]>>();
function checked(file: string): Promise<SheetResult[]> {
  let p = results.get(file);
  if (!p)
    results.set(
      file,
      (p = readWorkbook(path.join(WIDER, file)).then((g) => checkWorkbook(g, { library: loadLibrary() }))),
    );
  return p;
}

const cases = Object.entries(labels.files).flatMap(([file, tables]) =>
  tables.map((t) => [file, t.name, t] as const),
);

describe('wider corpus: every labelled table', () => {
  test('25 labelled tables, 14 flags', () => {
    expect(cases).toHaveLength(25);
    expect(cases.reduce((n, [, , t]) => n + t.flag.length, 0)).toBe(14);
  });

  test.each(cases)('%s: %s', async (file, name, label) => {
    const tables = (await checked(file)).flatMap((s) => s.tables);
    const t = tables.find((x) => x.projectName === name);
    expect(t).toBeDefined();
    if (!t) return;
    expect(filledIndicators(t)).toHaveLength(label.indicators);
    expect((t.amounts.total ?? t.amounts.annual)?.value ?? null).toBe(label.total);
    for (const f of label.flag) {
      const hit = t.issues.filter(
        (i) => i.rule === f.rule && (i.text.includes(f.at) || i.message.includes(f.at)),
      );
      expect({ flag: f, hit: hit.length > 0 }).toEqual({ flag: f, hit: true });
    }
    for (const rule of label.clean) {
      expect(t.issues.filter((i) => i.rule === rule && i.severity === 'error')).toEqual([]);
    }
  });

  test('each workbook reports exactly its labelled tables', async () => {
    for (const [file, expected] of Object.entries(labels.files)) {
      const names = (await checked(file)).flatMap((s) => s.tables.map((t) => t.projectName));
      expect({ file, names }).toEqual({ file, names: expected.map((e) => e.name) });
    }
  });
});

describe('wider corpus: near-misses', () => {
  const kinds: Record<string, string> = {
    'w10-yunnan-yongde-2022-zipingbiao-nearmiss.xlsx': 'selfEvaluation',
    'w18-fujian-ningde-2019-zhengti-nearmiss.xlsx': 'departmentWide',
    'w19-hebei-ningjin-2019-pingjia-nearmiss.xlsx': 'scoring',
  };
  test.each(labels.negatives)('%s: no table, one line saying what it is', async (file) => {
    const sheets = await checked(file);
    expect(sheets.flatMap((s) => s.tables)).toEqual([]);
    const notes = sheets.flatMap((s) => s.nearMisses);
    expect(notes.map((n) => n.kind)).toEqual([kinds[file]]);
    expect(notes[0].message).toMatch(/^此表像是.+，不是.*绩效目标表，未检查$/);
  });

  test('allocation tables beside a form are named, never checked', async () => {
    for (const file of [
      'w08-fujian-anxi-2022-quyu-two-sheets.xlsx',
      'w09-fujian-longyan-2025-quyu-with-allocation.xlsx',
    ]) {
      const sheets = await checked(file);
      expect(sheets.flatMap((s) => s.nearMisses.map((n) => n.kind))).toEqual(['allocation']);
    }
  });
});

describe('wider corpus: how the shapes are read', () => {
  const table = async (file: string, name: string) =>
    (await checked(file)).flatMap((s) => s.tables).find((t) => t.projectName === name)!;

  test("批复表: the value is this year's target column, the sub-header row is no indicator", async () => {
    const t = await table('w03-hubei-huangshi-2022-pifubiao.xlsx', '主体班');
    const rows = filledIndicators(t);
    expect(rows[0].value).toEqual({ text: '280人次', cell: 'F10', row: 9, col: 5 });
    expect(rows.some((i) => /实际实现值|预期/.test(i.name?.text ?? ''))).toBe(false);
    expect(t.header.department).toMatchObject({ label: '项目主管部门', text: '' });
  });

  test('flat export: one table per project, values reassembled from 指标性质 | 指标值 | 度量单位, 元 → 万元', async () => {
    const sheets = await checked('w04-sichuan-jingyan-2023-flat-export.xlsx');
    const [a, b] = sheets[0].tables;
    expect(a.source).toBe('flat');
    expect(a.unit).toBe('元');
    expect(a.amounts.annual?.value).toBe(330.984);
    expect(b.amounts.annual?.value).toBe(66);
    expect(filledIndicators(a)[0].value?.text).toBe('≥95%');
    expect(filledIndicators(a)[0].valueParts).toMatchObject({
      value: '95',
      comparison: { text: '≥' },
      unit: { text: '%' },
    });
    expect(a.header.implementer?.text).toBe('820001-井研县马踏镇人民政府');
    expect(b.header.implementer?.text).toBe('820001-井研县马踏镇人民政府');
    expect(a.goal?.text).toBe('按时发放村组干部报酬');
  });

  test('长期/年度 grid: the 年度 columns are read', async () => {
    const t = await table(
      'w01-stacked-nanyue-wuchuan-qingjian-qingshan.xlsx',
      '教育系统基础设施建设和设备购置',
    );
    expect(filledIndicators(t).map((i) => i.value?.cell)).toEqual([
      'G85',
      'G86',
      'G87',
      'G88',
      'G89',
      'G90',
      'G91',
    ]);
    expect(t.columns).toMatchObject({ level2: 4, name: 5, value: 6 });
  });

  test('per-region value columns are kept per region', async () => {
    const t = await table('w08-fujian-anxi-2022-quyu-two-sheets.xlsx', '省级第七批水利专项资金');
    const first = filledIndicators(t)[0];
    expect(first.regionValues?.map((r) => r.region)).toEqual([
      '西坪镇尧山村',
      '桃舟乡吾培村',
      '芦田镇三洋村',
      '蓬莱镇植洋村',
      '魁斗镇奇观村',
      '龙涓乡长塔村',
      '尚卿乡尤俊村',
    ]);
    expect(first.value).toEqual({ text: '1', cell: 'F7', row: 6, col: 5 });
    const longyan = await table('w09-fujian-longyan-2025-quyu-with-allocation.xlsx', '民族发展专项资金');
    expect(longyan.header.department?.text).toBe('龙岩市民族与宗教事务局');
    expect(filledIndicators(longyan)[0].level2?.name).toBe('数量指标');
  });

  test('header-only forms are tables whose indicator block is missing', async () => {
    const t = await table(
      'w07-shanxi-yangquan-2021-header-only.xlsx',
      '“四好农村路”、“三个一号旅游路”工作经费',
    );
    expect(t.hasIndicatorBlock).toBe(false);
    expect(t.amounts.annual?.value).toBe(25);
    expect(t.issues.filter((i) => i.rule === 'structure/missing-indicators')).toHaveLength(1);
    expect(t.issues.filter((i) => i.rule === 'structure/missing-level1')).toEqual([]);
  });

  test('closing lines end a table and are never indicators', async () => {
    const t = await table(
      'w01-stacked-nanyue-wuchuan-qingjian-qingshan.xlsx',
      '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)',
    );
    expect(t.range).toBe('A1:F25');
    expect(
      filledIndicators(t).some(
        (i) => /盖章|意见/.test(i.name?.text ?? '') || /盖章/.test(i.value?.text ?? ''),
      ),
    ).toBe(false);
  });

  test('审批表: score columns and score suffixes on level names', async () => {
    const t = await table(
      'w06-chongqing-fengjie-2023-shenpibiao.xlsx',
      '2023年云雾土家族乡加工园配套设施建设项目',
    );
    expect(t.indicators[0].level1?.name).toBe('成本指标');
    expect(t.indicators[0].value?.text).toBe('≤65万元');
    expect(t.amounts).toMatchObject({
      total: { value: 65 },
      annual: { value: 65 },
      fiscal: { value: 65 },
      other: { value: 0 },
    });
    expect(t.header.department?.text).toBe('县民宗委');
    expect(t.framework).toBe('newer');
  });
});
