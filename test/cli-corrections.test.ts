/**
 * The command line honours the corrections a clerk saved in a workbook (issue 28): it reads the
 * add-in's settings from the file's parts — Excel's webextension part, WPS's custom document
 * property — and reads the form as the clerk confirmed it; `--json` gives the reading as `fields`.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile } from '../src/cli/report';
import { DEFAULT_LIMITS } from '../src/xlsx/limits';
import { writeDocumentParts } from '../src/sim/document-parts';
import { GOOD_ROWS } from './helpers/form';

const ROWS: (string | number | null)[][] = [
  ['2026年部门项目支出预算绩效目标表'],
  ['项目名称', '干部培训', '主管部门', '某局', '实施单位', '某中心'],
  ['本期安排经费', null, 10],
  ['年度总体绩效目标', '完成培训'],
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ...GOOD_ROWS.map((r) => r.map((c) => (c === '' ? null : (c as string | number)))),
];

async function workbook(parts: Parameters<typeof writeDocumentParts>[1]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  ROWS.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const bytes = await writeDocumentParts(new Uint8Array(await wb.xlsx.writeBuffer()), parts);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-')), 'form.xlsx');
  fs.writeFileSync(file, bytes);
  return file;
}

const OPTIONS = { limits: DEFAULT_LIMITS, explain: false };
const correction = { sheet: '附件2', cell: 'C3', text: '10', role: 'annual' };

test('without corrections the figure is seen and not placed; --json says so in its reading', async () => {
  const r = await checkFile(
    { file: await workbook({ addinSettings: {}, documentProperties: [] }), config: null },
    OPTIONS,
  );
  const t = r.tables[0];
  expect(t.fields.annual).toBeUndefined();
  expect(t.reading.unplaced.map((u) => [u.cell, u.label, u.value])).toEqual([['C3', '本期安排经费', 10]]);
  expect(t.fields.projectName).toMatchObject({
    cell: 'B2',
    text: '干部培训',
    label: '项目名称',
    labelCell: 'A2',
  });
});

test.each([
  [
    'Excel (webextension part)',
    { addinSettings: { 'jixiao.config': { corrections: [correction] } }, documentProperties: [] },
  ],
  [
    'WPS (custom document property)',
    {
      addinSettings: {},
      documentProperties: [{ name: 'jixiao.config', value: JSON.stringify({ corrections: [correction] }) }],
    },
  ],
])('a correction saved by the pane in %s is read as given', async (_, parts) => {
  const r = await checkFile({ file: await workbook(parts), config: null }, OPTIONS);
  const t = r.tables[0];
  expect(t.fields.annual).toEqual({ cell: 'C3', text: '10', value: 10 });
  expect(t.reading.unplaced).toEqual([]);
  expect(t.issues.filter((i) => i.rule === 'header/missing-field' && i.messageId !== 'missingField')).toEqual(
    [],
  );
});

test('a correction whose cell changed since is not applied', async () => {
  const parts = {
    addinSettings: { 'jixiao.config': { corrections: [{ ...correction, text: '12' }] } },
    documentProperties: [],
  };
  const r = await checkFile({ file: await workbook(parts), config: null }, OPTIONS);
  expect(r.tables[0].fields.annual).toBeUndefined();
});
