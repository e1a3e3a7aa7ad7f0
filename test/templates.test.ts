/**
 * Templates: every variant is a valid declarative description; rendered to a grid and to an .xlsx
 * (ExcelJS) it is recognised by the engine as one table of the expected structure, with no
 * structure/* error — only the empty-cell warnings and missing header fields of a blank form.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/cli/xlsx';
import { checkGrid } from '../src/core/check';
import type { Table } from '../src/core/model';
import { loadLibrary } from '../src/core/phrasings/library';
import { profiles } from '../src/core/profiles';
import {
  TemplateDataSchema,
  TemplateSchema,
  allVariants,
  buildTemplate,
  fundsWording,
  templateToGrid,
  variantId,
} from '../src/core/templates';
import templateData from '../src/core/templates/data.json';
import { frameworkData } from '../src/core/vocabulary';
import { writeTemplate } from '../src/xlsx/template';

const YEAR = 2026;
const variants = allVariants(YEAR);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-tpl-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function expectBlankForm(tables: Table[], v: (typeof variants)[number]) {
  expect(tables).toHaveLength(1);
  const [t] = tables;
  expect(t.framework).toBe(v.framework);
  expect(t.unit).toBe(v.unit);
  expect(t.year).toBe(YEAR);
  expect(t.columns.description !== null).toBe(v.describe);
  expect(t.columns.basis !== null).toBe(v.describe);
  // Only what a blank form must have: empty cells to fill and header fields to fill in.
  const rules = new Set(t.issues.map((i) => i.rule));
  expect([...rules].sort()).toEqual(['header/missing-field', 'structure/empty-cell']);
  expect(t.issues.filter((i) => i.rule.startsWith('structure/') && i.severity === 'error')).toEqual([]);
  // The header issues are about empty fields to fill in, never about a label the form lacks.
  for (const i of t.issues.filter((x) => x.rule === 'header/missing-field'))
    expect(i.message).toMatch(/未填写/);
  // Every 二级 of the framework is there, under its 一级.
  const tree = frameworkData.frameworks[v.framework].tree;
  const seen = new Map<string, string>();
  for (const i of t.indicators) if (i.level2?.name && i.level1?.name) seen.set(i.level2.name, i.level1.name);
  for (const [level1, children] of Object.entries(tree))
    for (const level2 of children) expect([level2, seen.get(level2)]).toEqual([level2, level1]);
  // The transfer block's amounts are recognised where the variant has it.
  expect(
    t.emptyAmountLabels.some((a) => ['transfer', 'transferFiscal', 'transferCentral'].includes(a.field)),
  ).toBe(v.transfer);
}

describe.each(variants.map((v) => [variantId(v), v] as const))('%s', (_id, v) => {
  const t = buildTemplate(v);

  test('is a valid template description', () => {
    expect(TemplateSchema.safeParse(t).success).toBe(true);
    expect(t.indicators.groups.length).toBe(
      Object.values(frameworkData.frameworks[v.framework].tree).flat().length,
    );
  });

  test('rendered to a grid: one table, expected structure, no structure/* error', () => {
    expectBlankForm(checkGrid(templateToGrid(t), { library: loadLibrary() }), v);
  });

  test('rendered to an .xlsx: the same, with merges, formulas and dropdowns in the file', async () => {
    const wb = new ExcelJS.Workbook();
    writeTemplate(wb.addWorksheet('附件2'), t);
    const file = path.join(tmp, `${variantId(v)}.xlsx`);
    await wb.xlsx.writeFile(file);
    expectBlankForm(checkGrid((await readWorkbook(file))[0], { library: loadLibrary() }), v);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet('附件2')!;
    const model = ws.model as unknown as { merges: string[] };
    expect(model.merges.length).toBe(t.merges.length);
    const formulas: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula)));
    expect(formulas.length).toBe(v.transfer ? 3 : 1);
    const firstGroup = t.indicators.groups[0];
    const dv = ws.getCell(firstGroup.top + 1, t.indicators.columns.level2 + 1).dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae?.[0]).toContain(firstGroup.level2!);
  });
});

test('the 年度资金总额 formula adds the parts the form defines', () => {
  const t = buildTemplate({ framework: 'newer', unit: '万元', describe: false, transfer: false, year: YEAR });
  const grid = templateToGrid(t);
  const annualLabel = grid.values.findIndex((r) => r.includes('年度资金总额'));
  const cell = t.cells.find((c) => c.r === annualLabel && c.sum);
  expect(cell?.sum).toHaveLength(3); // 财政拨款 + 其他资金 + 结余结转资金
});

describe('jixiao template', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  test('writes a blank form that `jixiao check` recognises (default: newer, 万元, with the transfer block)', async () => {
    const file = path.join(tmp, 'blank.xlsx');
    const r = await run('template', '--year', '2026', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('newer-wan-plain-transfer');
    const check = await run('check', '--json', file);
    const doc = JSON.parse(check.out);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0].framework).toBe('newer');
  });

  test('--variant older,yuan,describe,own', async () => {
    const file = path.join(tmp, 'older.xlsx');
    expect((await run('template', '--variant', 'older,yuan,describe,own', '--year', '2025', file)).code).toBe(
      0,
    );
    const doc = JSON.parse((await run('check', '--json', file)).out);
    expect(doc.tables[0]).toMatchObject({ framework: 'older', unit: '元' });
  });

  test('never overwrites an existing file; bad options exit 2 with a reason', async () => {
    const file = path.join(tmp, 'exists.xlsx');
    fs.writeFileSync(file, 'mine');
    const r = await run('template', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未覆盖');
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    expect((await run('template', '--variant', 'bogus', path.join(tmp, 'x.xlsx'))).code).toBe(2);
    expect((await run('template', path.join(tmp, 'x.txt'))).code).toBe(2);
    expect((await run('template', '--year', 'abc', path.join(tmp, 'y.xlsx'))).code).toBe(2);
  });

  test('--profile 宁夏: the funds block in the 宁夏 words, recognised by `jixiao check`; none: the standard words', async () => {
    const cellsOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const texts: string[] = [];
      wb.getWorksheet('附件2')!.eachRow((row) =>
        row.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)),
      );
      return texts;
    };
    const nx = path.join(tmp, 'ningxia-blank.xlsx');
    const r = await run('template', '--profile', '宁夏', '--year', '2026', nx);
    expect(r.code).toBe(0);
    expect(r.out).toContain('宁夏');
    expect(await cellsOf(nx)).toEqual(
      expect.arrayContaining(['其中：转移市县（区）资金', '中央资金', '自治区资金']),
    );
    const doc = JSON.parse((await run('check', '--json', nx)).out);
    expect(doc.tables).toHaveLength(1);
    const std = path.join(tmp, 'standard-blank.xlsx');
    expect((await run('template', '--profile=88号', std)).code).toBe(0);
    const words = await cellsOf(std);
    expect(words).toContain('其中：上级转移支付资金');
    expect(words).not.toContain('中央资金');
    const bad = await run('template', '--profile', '广东', path.join(tmp, 'gd.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('广东');
    expect(fs.existsSync(path.join(tmp, 'gd.xlsx'))).toBe(false);
    expect((await run('template', '--bogus', path.join(tmp, 'gd.xlsx'))).err).toContain('--profile');
  });
});

describe('the funds block speaks the profile (issue 27)', () => {
  const TRANSFER = { framework: 'newer', unit: '万元', describe: false, transfer: true, year: YEAR } as const;
  /** The funds block as label rows: [本级 column label, its part, 转移 column label, its part]. */
  const fundsRows = (profile?: string) => {
    const g = templateToGrid(buildTemplate(TRANSFER, { profile }));
    const top = g.values.findIndex((r) => r[1] === '资金总额');
    return g.values.slice(top, top + 4).map((r) => [r[0], r[1], r[3], r[4]].map((x) => x ?? ''));
  };
  const STANDARD = [
    ['其中：本级资金', '资金总额', '其中：上级转移支付资金', '资金总额'],
    ['', '财政拨款', '', '财政拨款'],
    ['', '其他资金', '', '其他资金'],
    ['', '结余结转资金', '', ''],
  ];

  test.each([[undefined], ['101号'], ['88号']])('%s: the standard words', (profile) => {
    expect(fundsRows(profile)).toEqual(STANDARD);
  });

  test('宁夏: 转移市县（区）资金 = 中央资金 + 自治区资金; the 本级 half as the standard form', () => {
    expect(fundsRows('宁夏')).toEqual([
      ['其中：本级资金', '资金总额', '其中：转移市县（区）资金', '资金总额'],
      ['', '财政拨款', '', '中央资金'],
      ['', '其他资金', '', '自治区资金'],
      ['', '结余结转资金', '', ''],
    ]);
  });

  test('the 宁夏 words appear under no other profile, and a template without the block is the same under all', () => {
    for (const profile of [undefined, '101号', '88号']) {
      const text = JSON.stringify(templateToGrid(buildTemplate(TRANSFER, { profile })).values);
      expect(text).not.toMatch(/中央资金|自治区资金|转移市县/);
    }
    const own = { ...TRANSFER, transfer: false };
    expect(buildTemplate(own, { profile: '宁夏' })).toEqual(buildTemplate(own));
  });

  test('the wording is data: fundsWording reads it, an unknown profile in the data is refused', () => {
    expect(fundsWording('宁夏').transfer.parts).toEqual(['中央资金', '自治区资金']);
    expect(fundsWording('88号')).toEqual(fundsWording(undefined));
    expect(fundsWording('toString')).toEqual(fundsWording(null));
    const bad = {
      ...templateData,
      funds: { ...templateData.funds, profiles: { 广东: templateData.funds.standard } },
    };
    expect(TemplateDataSchema.safeParse(bad).success).toBe(false);
    const one = {
      ...templateData,
      funds: {
        ...templateData.funds,
        standard: { ...templateData.funds.standard, transfer: { label: '转移资金', parts: ['中央资金'] } },
      },
    };
    expect(TemplateDataSchema.safeParse(one).success).toBe(false); // a 资金总额 needs two parts to add
  });

  /**
   * Fills the funds block's amount cells: 本级 10 + 5 + 1 = 16, 转移 parts 3 + 4 = 7; totals as their
   * formulas give. In the framework the profile checks against (88号: the older one, for every table).
   */
  function filled(profile?: string) {
    const framework = profiles.find((p) => p.id === profile)?.framework ?? TRANSFER.framework;
    const t = buildTemplate({ ...TRANSFER, framework: framework as 'newer' | 'older' }, { profile });
    const grid = templateToGrid(t);
    const top = grid.values.findIndex((r) => r[1] === '资金总额');
    const annual = grid.values.findIndex((r) => r[3] === '年度资金总额');
    [10, 5, 1].forEach((v, i) => (grid.values[top + 1 + i][2] = v));
    [3, 4].forEach((v, i) => (grid.values[top + 1 + i][5] = v));
    grid.values[top][2] = 16;
    grid.values[top][5] = 7;
    grid.values[annual][1] = 23; // 项目总额
    grid.values[annual][4] = 23;
    return grid;
  }

  test.each([
    [undefined, { transferFiscal: 3, transferOther: 4 }],
    ['101号', { transferFiscal: 3, transferOther: 4 }],
    ['88号', { transferFiscal: 3, transferOther: 4 }],
    ['宁夏', { transferCentral: 3, transferRegional: 4 }],
  ] as const)('recognised under %s with every part of the funds block read', (profile, transferParts) => {
    const tables = checkGrid(filled(profile), { library: loadLibrary(), profile });
    expect(tables).toHaveLength(1);
    const [t] = tables;
    const values = Object.fromEntries(Object.entries(t.amounts).map(([k, a]) => [k, a?.value]));
    expect(values).toEqual({
      total: 23,
      annual: 23,
      ownTotal: 16,
      fiscal: 10,
      other: 5,
      carryover: 1,
      transfer: 7,
      ...transferParts,
    });
    expect(t.emptyAmountLabels).toEqual([]);
    // Only the blank form's issues (indicator cells to fill, header fields to fill in): no sum/funds error.
    expect([...new Set(t.issues.map((i) => i.rule))].sort()).toEqual([
      'header/missing-field',
      'structure/empty-cell',
    ]);
  });

  test('a wrong part is caught by sum/funds under the profile’s words', () => {
    const grid = filled('宁夏');
    const top = grid.values.findIndex((r) => r[4] === '自治区资金');
    grid.values[top][5] = 40;
    const [t] = checkGrid(grid, { profile: '宁夏' });
    expect(
      t.issues
        .filter((i) => i.rule === 'sum/funds')
        .map((i) => i.message)
        .join(),
    ).toMatch(/自治区/);
  });

  describe.each(variants.filter((v) => v.transfer).map((v) => [variantId(v), v] as const))(
    '宁夏 %s',
    (_id, v) => {
      test('rendered to a grid and checked under 宁夏: only the blank form’s issues', () => {
        const t = buildTemplate(v, { profile: '宁夏' });
        expect(TemplateSchema.safeParse(t).success).toBe(true);
        const tables = checkGrid(templateToGrid(t), { library: loadLibrary(), profile: '宁夏' });
        expectBlankForm(tables, v);
        expect(tables[0].emptyAmountLabels.map((a) => a.field)).toEqual(
          expect.arrayContaining(['transferCentral', 'transferRegional']),
        );
      });
    },
  );
});
