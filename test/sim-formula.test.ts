/**
 * The simulated host's formulas: Excel's language as far as forms use it, recalculated in dependency
 * order (a template's totals are right after one edit), and computed on load for files that carry
 * no cached results (written by ExcelJS or `jixiao template`).
 */
import ExcelJS from 'exceljs';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { checkGrid } from '../src/core/check';
import { DEFAULT_VARIANT, buildTemplate } from '../src/core/templates/template';
import { NotUnderstood, evaluate } from '../src/sim/formula';
import { loadXlsx } from '../src/sim/load-xlsx';
import { SimWorkbook } from '../src/sim/workbook';
import { install } from './helpers/sim';

const cells: Record<string, string | number | boolean> = {
  A1: 10,
  A2: 2.5,
  A3: '',
  B1: '文字',
  B2: 0,
  C1: true,
};
const scope = {
  cell: (r: number, c: number) => cells[`${String.fromCharCode(65 + c)}${r + 1}`] ?? '',
};

test.each([
  ['=A1+A2', 12.5],
  ['=SUM(A1:A3)', 12.5],
  ['=SUM(A1:B2, 1)', 13.5],
  ['=A1*2-A2/5', 19.5],
  ['=(A1+A2)*2', 25],
  ['=2^3', 8],
  ['=-A1', -10],
  ['=50%', 0.5],
  ['=IF(A3="","",A1)', ''],
  ['=IF(A1>5,"大","小")', '大'],
  ['=IF(A1<5,1)', false],
  ['=A1/B2', '#DIV/0!'],
  ['=IFERROR(A1/B2,0)', 0],
  ['=B1+1', '#VALUE!'],
  ['=B1&"（"&A1&"）"', '文字（10）'],
  ['=ROUND(2.345,2)', 2.35],
  ['=ROUND(-2.5,0)', -3],
  ['=MAX(A1:A2)', 10],
  ['=MIN(A1:A2)', 2.5],
  ['=ABS(-3)', 3],
  ['=AND(A1>1,C1)', true],
  ['=OR(A1<1,B2)', false],
  ['=N("x")+N(A1)', 10],
  ['=LEN(B1)', 2],
  ['=$A$1+A$2', 12.5],
  ['=A1=10', true],
  ['=A1<>10', false],
  ['=#N/A', '#N/A'],
])('%s → %p', (formula, expected) => {
  expect(evaluate(formula, scope)).toEqual(expected);
});

test.each(['=VLOOKUP(A1,B1:C2,2,0)', '=Sheet2!A1', '=单价*数量', '=SUM(A1'])(
  '%s is not understood (the cached value is kept)',
  (formula) => {
    expect(() => evaluate(formula, scope)).toThrow(NotUnderstood);
  },
);

test('recalculation follows dependencies, not the order cells were written', () => {
  const ws = new SimWorkbook().addSheet('表');
  ws.setFormula(2, 0, '=A2+A1'); // A3 = A2 + A1, written first
  ws.setFormula(1, 0, '=B1*2'); // A2 = B1 * 2, written after
  ws.set(0, 0, 1);
  ws.set(0, 1, 5);
  expect(ws.value(1, 0)).toBe(10);
  expect(ws.value(2, 0)).toBe(11);
  ws.set(0, 1, 6);
  expect(ws.value(2, 0)).toBe(13);
  // A circular reference leaves the values as they were, and nothing hangs.
  ws.setFormula(5, 5, '=F7+1');
  ws.setFormula(6, 5, '=F6+1');
  expect(typeof ws.value(5, 5)).toBe('number');
});

test('a template with transfers: the 年度资金总额 is right after each edit, and no false sum error', async () => {
  const host = install(new SimWorkbook());
  const ws = host.addSheet('附件2');
  const session = new ExcelSession(detectCapabilities());
  const t = buildTemplate({ ...DEFAULT_VARIANT, transfer: true, year: 2026 });
  await session.insertTemplate(t, { sheetId: ws.id, top: 0, left: 0 });
  const formulas = [...ws.cells].flatMap(([r, row]) =>
    [...row].filter(([, c]) => c.formula).map(([c, cell]) => ({ r, c, formula: cell.formula! })),
  );
  expect(formulas.length).toBe(3);
  // Type a number into every cell a formula sums that holds no formula itself, one at a time.
  const inputs = new Set<string>();
  for (const f of formulas) for (const m of f.formula.matchAll(/[A-Z]+\d+/g)) inputs.add(m[0]);
  let k = 1;
  for (const ref of inputs) {
    const [r, c] = [Number(ref.slice(1)) - 1, ref.charCodeAt(0) - 65];
    if (ws.get(r, c)?.formula) continue;
    ws.set(r, c, k++);
    const table = checkGrid((await session.readActiveSheet()).grid)[0];
    expect(table.issues.filter((i) => i.rule.startsWith('sum/'))).toEqual([]);
  }
});

test('a file without cached results (as ExcelJS writes it): formulas computed on load; unknown ones keep their cached value', async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('表');
  sheet.getCell('A1').value = 30;
  sheet.getCell('A2').value = 15.5;
  sheet.getCell('A3').value = { formula: 'A1+A2' } as ExcelJS.CellFormulaValue;
  sheet.getCell('A4').value = { formula: 'A3*2' } as ExcelJS.CellFormulaValue;
  sheet.getCell('A5').value = {
    formula: 'VLOOKUP(A1,B1:C2,2,0)',
    result: '查到的',
  } as ExcelJS.CellFormulaValue;
  const host = await loadXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
  const ws = host.sheets[0];
  expect(ws.value(2, 0)).toBe(45.5);
  expect(ws.value(3, 0)).toBe(91);
  expect(ws.value(4, 0)).toBe('查到的');
  expect(ws.get(2, 0)?.formula).toBe('=A1+A2');
});

test('typing "=…" into the simulated sheet makes a formula, as in Excel', () => {
  const host = new SimWorkbook();
  const ws = host.addSheet('表');
  host.edit(ws.id, 0, 0, '30');
  host.edit(ws.id, 1, 0, '=A1*2');
  expect(ws.value(1, 0)).toBe(60);
  host.edit(ws.id, 0, 0, '5');
  expect(ws.value(1, 0)).toBe(10);
  host.edit(ws.id, 2, 0, "'=不是公式");
  expect(ws.value(2, 0)).toBe('=不是公式');
});
