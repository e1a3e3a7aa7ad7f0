/**
 * The simulated hosts as a sheet the clerk can undo, protect and save: a host batch is one undo step
 * (one context.sync of writes on the Office host, one run of object-model calls on the WPS host, one
 * edit in the grid), undo restores the sheet exactly and reports the change as the user's; a protected
 * sheet refuses writes as Excel does, except values into unlocked cells; and 下载工作簿's file keeps the
 * values, merges, protection and the add-in's saved settings in the parts the hosts keep them in.
 */
/// <reference types="office-js" />
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { buildTemplate } from '../src/core/templates';
import { ADDIN_ID, ADDIN_VERSION, readDocumentParts } from '../src/sim/document-parts';
import { loadXlsx } from '../src/sim/load-xlsx';
import { saveXlsx } from '../src/sim/save-xlsx';
import { type ChangeEvent, SimWorkbook } from '../src/sim/workbook';
import { readXlsx } from '../src/xlsx/read';
import { installSimulatedWps } from '../src/sim/wps-sim';
import type { EtApplication } from '../src/wps/et';
import { WpsSession } from '../src/wps/session';
import { changedKeys, snapshot } from './helpers/sheet-state';
import { install, simFromFixture, tick } from './helpers/sim';

const TEMPLATE = buildTemplate({
  framework: 'newer',
  unit: '万元',
  describe: false,
  transfer: true,
  year: 2026,
});
const wps = (book: SimWorkbook) => new WpsSession(installSimulatedWps({}, book) as unknown as EtApplication);

/** The change events the workbook reports, collected. */
function changes(host: SimWorkbook): ChangeEvent[] {
  const seen: ChangeEvent[] = [];
  host.onChanged((e) => seen.push(e));
  return seen;
}

describe.each([
  ['Office', (host: SimWorkbook) => (install(host), new ExcelSession(detectCapabilities(), 1))],
  ['WPS', (host: SimWorkbook) => wps(host)],
] as const)('%s host: undo', (name, sessionOf) => {
  const sheetKey = (host: SimWorkbook) => (name === 'WPS' ? host.activeSheet.name : host.activeSheet.id);

  test('a write of several cells is one step; undo restores them and reports the change as the user’s; redo writes them again', async () => {
    const host = await loadXlsx(fs.readFileSync(path.join(__dirname, 'fixtures', 'ningxia.xlsx')));
    const session = sessionOf(host);
    const ws = host.activeSheet;
    const before = snapshot(ws);
    await session.writeCells(sheetKey(host), [
      { cell: 'C10', text: '甲' },
      { cell: 'D11', text: '乙' },
    ]);
    const written = snapshot(ws);
    expect(changedKeys(before, written).sort()).toEqual(['10,3', '9,2']);
    await tick();
    const seen = changes(host);
    expect(host.undo()).toBe(true);
    expect(changedKeys(before, snapshot(ws))).toEqual([]);
    expect(host.canUndo).toBe(false);
    await tick();
    expect(seen).toEqual([
      { sheetId: ws.id, address: 'C10:D11', triggerSource: 'Unknown', changeType: 'RangeEdited' },
    ]);
    expect(host.redo()).toBe(true);
    expect(changedKeys(written, snapshot(ws))).toEqual([]);
    expect(host.undo()).toBe(true);
    expect(host.undo()).toBe(false);
  });

  test('a template inserted over several calls is one step; undo leaves the sheet as it was, cell for cell', async () => {
    const host = new SimWorkbook();
    const ws = host.addSheet('附件2');
    ws.set(40, 0, '下面的内容');
    const session = sessionOf(host);
    const before = snapshot(ws);
    const r = await session.insertTemplate(TEMPLATE, { sheetId: sheetKey(host), top: 0, left: 0 });
    expect(r.inserted).toBe(true);
    expect(changedKeys(before, snapshot(ws)).length).toBeGreaterThan(20);
    // Marks are a step of their own, as in Excel: the pane's highlights after a check.
    await session.setHighlights(sheetKey(host), { error: ['A1'], warning: [] });
    expect(ws.conditionalFormats).toHaveLength(1);
    expect(host.undo()).toBe(true);
    expect(ws.conditionalFormats).toHaveLength(0);
    expect(changedKeys(before, snapshot(ws))).not.toEqual([]);
    expect(host.undo()).toBe(true);
    expect(changedKeys(before, snapshot(ws))).toEqual([]);
    expect(host.canUndo).toBe(false);
  });

  test('a template inserted into a new sheet: undo removes the sheet, redo brings it back', async () => {
    const host = new SimWorkbook();
    host.addSheet('Sheet1');
    const session = sessionOf(host);
    const r = await session.insertTemplate(TEMPLATE, { newSheet: '绩效目标表' });
    expect(r.inserted).toBe(true);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1', '绩效目标表']);
    expect(host.undo()).toBe(true);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(host.activeSheet.name).toBe('Sheet1');
    expect(host.redo()).toBe(true);
    expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1', '绩效目标表']);
    expect(host.sheets[1].value(0, 0)).not.toBe('');
  });

  test('a protected sheet refuses a write to a locked cell and takes one to a cell unlocked before protection', async () => {
    const host = await loadXlsx(fs.readFileSync(path.join(__dirname, 'fixtures', 'ningxia.xlsx')));
    const session = sessionOf(host);
    const ws = host.activeSheet;
    ws.setFormat(9, 2, { locked: false });
    ws.protected = true;
    const before = snapshot(ws);
    await expect(session.writeCells(sheetKey(host), [{ cell: 'C11', text: 'x' }])).rejects.toMatchObject({
      info: { kind: 'protected' },
    });
    expect(changedKeys(before, snapshot(ws))).toEqual([]);
    await session.writeCells(sheetKey(host), [{ cell: 'C10', text: 'y' }]);
    expect(ws.value(9, 2)).toBe('y');
    expect(host.undo()).toBe(true);
    expect(changedKeys(before, snapshot(ws))).toEqual([]);
  });
});

/** The simulated Excel.run, as the adapter reaches it (the global office.js would define). */
const excelRun = (batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> =>
  (globalThis as unknown as { Excel: { run: (b: typeof batch) => Promise<void> } }).Excel.run(batch);

test('Office: the refusal is AccessDenied with Office’s documented message', async () => {
  const host = await simFromFixture('ningxia.xlsx');
  host.activeSheet.protected = true;
  const error = await excelRun(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange('C10').values = [['x']];
    await context.sync();
  }).catch((e: unknown) => e);
  expect(error).toMatchObject({
    code: 'AccessDenied',
    message: 'You cannot perform the requested operation.',
  });
});

test('Office: reads make no step; two syncs of writes in one Excel.run are two steps, as in Excel', async () => {
  const host = install(new SimWorkbook());
  host.addSheet('表');
  await excelRun(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    const r = ws.getRange('A1:B2').load('values');
    await context.sync();
    expect(r.values).toEqual([
      ['', ''],
      ['', ''],
    ]);
    ws.getRange('A1').values = [[1]];
    await context.sync();
    ws.getRange('B2').values = [[2]];
    await context.sync();
  });
  expect(host.undo()).toBe(true);
  expect([host.activeSheet.value(0, 0), host.activeSheet.value(1, 1)]).toEqual([1, '']);
  expect(host.undo()).toBe(true);
  expect(host.activeSheet.value(0, 0)).toBe('');
  expect(host.undo()).toBe(false);
});

test('the grid’s own edits: a paste is one step, Delete clears contents and keeps formats, formulas follow an undo', () => {
  const host = new SimWorkbook();
  const ws = host.addSheet('表');
  ws.set(0, 0, 1);
  ws.set(1, 0, 2);
  ws.setFormula(2, 0, '=A1+A2');
  ws.setFormat(1, 0, { fill: '#FFFF00' });
  host.editArea(ws.id, 0, 0, [['10'], ['20']]);
  expect(ws.value(2, 0)).toBe(30);
  host.clearArea(ws.id, { top: 1, left: 0, bottom: 1, right: 0 });
  expect([ws.value(1, 0), ws.get(1, 0)?.format.fill, ws.value(2, 0)]).toEqual(['', '#FFFF00', 10]);
  host.undo();
  expect(ws.value(2, 0)).toBe(30);
  host.undo();
  expect([ws.value(0, 0), ws.value(1, 0), ws.value(2, 0)]).toEqual([1, 2, 3]);
});

describe('下载工作簿', () => {
  test('the add-in’s Id and version are the manifest’s', () => {
    const manifest = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
    expect(/<Id>([^<]+)<\/Id>/.exec(manifest)![1]).toBe(ADDIN_ID);
    expect(/<Version>([^<]+)<\/Version>/.exec(manifest)![1]).toBe(ADDIN_VERSION);
  });

  test('values, formulas, merges, protection and the settings survive a save and a reopen', async () => {
    const host = await loadXlsx(fs.readFileSync(path.join(__dirname, 'fixtures', 'guyuan.xlsx')));
    const ws = host.activeSheet;
    ws.set(0, 0, '改过的标题');
    ws.setFormat(5, 5, { locked: false });
    ws.protected = true;
    host.addinSettings = { 'jixiao.config': { profile: 'ningxia', rules: { 'style/level2-name': 'off' } } };
    host.documentProperties = [{ name: 'jixiao.config', value: '{"profile":"ningxia"}' }];
    const bytes = await saveXlsx(host);

    // The parts where Excel and WPS keep them, as those hosts write them.
    const zip = await JSZip.loadAsync(bytes);
    const we = await zip.file('xl/webextensions/webextension1.xml')!.async('string');
    expect(we).toContain(`<we:reference id="${ADDIN_ID}"`);
    expect(we).toContain(
      '<we:property name="jixiao.config" value="{&quot;profile&quot;:&quot;ningxia&quot;,&quot;rules&quot;:{&quot;style/level2-name&quot;:&quot;off&quot;}}"/>',
    );
    expect(await zip.file('xl/webextensions/_rels/taskpanes.xml.rels')!.async('string')).toContain(
      'Target="webextension1.xml"',
    );
    expect(await zip.file('_rels/.rels')!.async('string')).toMatch(
      /relationships\/webextensiontaskpanes" Target="xl\/webextensions\/taskpanes.xml"/,
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/xl/webextensions/webextension1.xml"');
    expect(types).toContain('PartName="/docProps/custom.xml"');
    expect(await zip.file('docProps/custom.xml')!.async('string')).toContain(
      '<vt:lpwstr>{&quot;profile&quot;:&quot;ningxia&quot;}</vt:lpwstr>',
    );

    // ExcelJS reads it as Excel would: values, merges, protection.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell('A1').value).toBe('改过的标题');
    expect(
      (wb.worksheets[0] as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet,
    ).toBe(true);

    // The command line's reader reads the same values.
    const grid = (await readXlsx(Buffer.from(bytes)))[0];
    expect(grid.values[0][0]).toBe('改过的标题');

    // And the playground opens it again as it was.
    const again = await loadXlsx(bytes);
    const a = again.activeSheet;
    expect(a.value(0, 0)).toBe('改过的标题');
    expect(a.protected).toBe(true);
    expect([a.isLocked(5, 5), a.isLocked(5, 6)]).toEqual([false, true]);
    expect(a.merges).toEqual(expect.arrayContaining(ws.merges));
    expect(a.merges).toHaveLength(ws.merges.length);
    for (const [r, row] of ws.cells)
      for (const [c, cell] of row) expect([r, c, a.value(r, c)]).toEqual([r, c, cell.value]);
    expect(again.addinSettings).toEqual(host.addinSettings);
    expect(again.documentProperties).toEqual(host.documentProperties);
    expect(await readDocumentParts(bytes)).toEqual({
      addinSettings: host.addinSettings,
      documentProperties: host.documentProperties,
    });
  });

  test('a hidden sheet stays hidden through a save and a reopen; 取消隐藏 shows and activates it', async () => {
    const host = await loadXlsx(fs.readFileSync(path.join(__dirname, 'fixtures', 'guyuan.per-sheet.xlsx')));
    host.sheets[1].visibility = 'Hidden';
    host.sheets[2].visibility = 'VeryHidden';
    const again = await loadXlsx(await saveXlsx(host));
    expect(again.sheets.map((s) => s.visibility)).toEqual(host.sheets.map((s) => s.visibility));
    again.unhide(again.sheets[1].id);
    expect(again.sheets[1].visibility).toBe('Visible');
    expect(again.activeSheet.name).toBe(again.sheets[1].name);
  });

  test('another add-in’s settings part and legal spellings of ours are read as such', async () => {
    const host = new SimWorkbook();
    host.addSheet('表');
    host.addinSettings = { a: 1 };
    const zip = await JSZip.loadAsync(await saveXlsx(host));
    zip.file(
      'xl/webextensions/webextension2.xml',
      `<?xml version="1.0"?><w:webextension xmlns:w="x" id="{1}"><w:reference id="wa000000001" version="1" store="en-US" storeType="OMEX"/><w:properties><w:property name="a" value="2"/></w:properties></w:webextension>`,
    );
    zip.file(
      'xl/webextensions/webextension1.xml',
      `<?xml version="1.0"?><x:webextension xmlns:x="x"><x:reference id='{${ADDIN_ID.toUpperCase()}}'/><x:properties><x:property value = '"文本 &amp; &#x4E00;"' name='b'/></x:properties></x:webextension>`,
    );
    const parts = await readDocumentParts(await zip.generateAsync({ type: 'uint8array' }));
    expect(parts.addinSettings).toEqual({ b: '文本 & 一' });
  });
});
