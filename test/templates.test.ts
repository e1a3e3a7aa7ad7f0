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
import { TemplateSchema, allVariants, buildTemplate, templateToGrid, variantId } from '../src/core/templates';
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
  expect(t.emptyAmountLabels.some((a) => a.field === 'transfer' || a.field === 'transferCentral')).toBe(
    v.transfer,
  );
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
});
