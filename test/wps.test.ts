/**
 * The WPS adapter on the simulated WPS host: every fixture sheet read the same as through the Office
 * adapter (same tables, same issues) in a small constant number of object-model calls; number
 * formats read in bulk with the per-column fallback; merged areas on demand; settings in a custom
 * document property; WPS's failures explained; the add-in's ribbon script.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { checkGrid } from '../src/core/check';
import { HostFailure } from '../src/host/errors';
import { installSimulatedOffice } from '../src/sim/office-sim';
import { installSimulatedWps } from '../src/sim/wps-sim';
import { SimWorkbook } from '../src/sim/workbook';
import type { EtApplication } from '../src/wps/et';
import { SETTINGS_PROPERTY, WpsSession, bgr } from '../src/wps/session';
import { changedKeys, snapshot } from './helpers/sheet-state';
import { simFromFixture } from './helpers/sim';

import { fixtureFiles } from './helpers/fixtures';
const files = fixtureFiles();

const wps = (book: SimWorkbook) => new WpsSession(installSimulatedWps({}, book) as unknown as EtApplication);

/**
 * A check, host-independently: each table's first cell and rows, and its issues. The right edge is
 * left out: without the sheet's merged areas (WPS reads them on demand only) a table can end a column
 * short where only a merged title reached further — counted and printed, not hidden.
 */
function summary(tables: ReturnType<typeof checkGrid>): string[] {
  return tables.map(
    (t) =>
      `${t.range.split(':')[0]} rows ${t.top}-${t.bottom} ${t.issues.map((i) => `${i.rule}:${i.messageId}@${i.cell}`).join(' ')}`,
  );
}

let rightEdges = 0;
let tablesCompared = 0;
const calls: string[] = [];
afterAll(() =>
  console.log(
    `object-model calls per sheet read (WPS host):\n${calls.join('\n')}\n` +
      `tables compared: ${tablesCompared}; ending a column short without the merged areas: ${rightEdges}`,
  ),
);

test.each(files)(
  '%s: every sheet reads the same through WPS as through Office, in a few calls',
  async (file) => {
    const book = await simFromFixture(file);
    const session = wps(book);
    installSimulatedOffice(globalThis as unknown as Record<string, unknown>, book);
    const office = new ExcelSession(detectCapabilities(), 1);
    for (const ws of book.sheets) {
      book.activate(ws.id);
      const fromWps = await session.readActiveSheet();
      const fromOffice = await office.readActiveSheet();
      expect([ws.name, fromWps.grid.values]).toEqual([ws.name, fromOffice.grid.values]);
      expect([ws.name, fromWps.grid.texts ?? null]).toEqual([ws.name, fromOffice.grid.texts ?? null]);
      expect([ws.name, summary(checkGrid(fromWps.grid))]).toEqual([
        ws.name,
        summary(checkGrid(fromOffice.grid)),
      ]);
      // Bulk reads: 13 calls for a sheet whose cells share one number format; where they do not, two
      // per column holding numbers and two per number of a mixed column — never per cell of the sheet.
      const cells = fromWps.grid.values.flat();
      const numbers = cells.filter((v) => typeof v === 'number').length;
      const cols = fromWps.grid.values[0]?.length ?? 0;
      expect(fromWps.syncs).toBeLessThanOrEqual(13 + 2 * cols + 2 * numbers);
      expect(fromWps.syncs).toBeLessThan(Math.max(40, cells.length / 4));
      const a = checkGrid(fromWps.grid);
      const b = checkGrid(fromOffice.grid);
      tablesCompared += b.length;
      rightEdges += a.filter((t, i) => t.range !== b[i]?.range).length;
      calls.push(
        `${file} ${ws.name}: ${fromWps.syncs} calls for ${fromWps.grid.values.length} rows × ${cols} columns, ${numbers} numbers`,
      );
    }
  },
);

test('number formats: one call when uniform, per column when not, per numeric cell only in a mixed column', async () => {
  const book = new SimWorkbook();
  const ws = book.addSheet('附件2');
  ws.set(0, 0, '三级指标');
  ws.set(0, 1, '指标值');
  ws.set(1, 0, '合格率');
  ws.set(1, 1, 1, '0%');
  ws.set(2, 0, '完成率');
  ws.set(2, 1, 0.95, '0%');
  ws.set(3, 0, '金额');
  ws.set(3, 1, 12.5, 'General');
  const session = wps(book);
  const snap = await session.readActiveSheet();
  expect(snap.grid.texts?.[1]?.[1]).toBe('100%');
  expect(snap.grid.texts?.[2]?.[1]).toBe('95%');
  expect(snap.grid.texts?.[3]?.[1] ?? null).toBeNull();
  // Whole block mixed → column A (text only) skipped, column B mixed → its 3 numeric cells.
  expect(snap.syncs).toBeLessThanOrEqual(10 + 3 + 2 + 3 * 2);
});

test('merged areas are read on demand, the same as Office reports them', async () => {
  const book = await simFromFixture('ningxia.xlsx');
  const session = wps(book);
  installSimulatedOffice(globalThis as unknown as Record<string, unknown>, book);
  const office = new ExcelSession(detectCapabilities(), 1);
  const table = checkGrid((await office.readActiveSheet()).grid)[0];
  const sheet = book.activeSheet;
  const key = (m: { top: number; left: number; bottom: number; right: number }[]) =>
    m.map((x) => `${x.top},${x.left},${x.bottom},${x.right}`).sort();
  const before = session.syncs;
  const fromWps = await session.mergedAreas(sheet.name, table.range);
  const fromOffice = await office.mergedAreas(sheet.id, table.range);
  expect(key(fromWps)).toEqual(key(fromOffice));
  expect(fromWps.length).toBeGreaterThan(5);
  console.log(
    `merged areas of one table (${table.range}): ${fromWps.length} in ${session.syncs - before} calls`,
  );
});

test('settings in a custom document property: saved, read back, removed; a failed save changes nothing', async () => {
  const book = new SimWorkbook();
  book.addSheet('附件2');
  const session = wps(book);
  expect(session.readSettings()).toBeNull();
  await session.saveSettings({ profile: '宁夏' });
  expect(book.documentProperties).toEqual([{ name: SETTINGS_PROPERTY, value: '{"profile":"宁夏"}' }]);
  expect(wps(book).readSettings()).toEqual({ profile: '宁夏' });
  await session.saveSettings({ profile: '88号' });
  expect(session.readSettings()).toEqual({ profile: '88号' });
  await session.saveSettings(null);
  expect(book.documentProperties).toEqual([]);
  book.failSettingsSave = true;
  await expect(session.saveSettings({ profile: '宁夏' })).rejects.toBeInstanceOf(HostFailure);
  expect(book.documentProperties).toEqual([]);
});

test('WPS failures are explained: a protected sheet, a cell being edited', async () => {
  const book = await simFromFixture('ningxia.xlsx');
  const session = wps(book);
  const ws = book.activeSheet;
  ws.protected = true;
  const before = snapshot(ws);
  const refused = await session.writeCells(ws.name, [{ cell: 'C20', text: 'x' }]).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(HostFailure);
  expect((refused as HostFailure).info.kind).toBe('protected');
  expect(changedKeys(before, snapshot(ws))).toEqual([]);
  ws.protected = false;
  book.editMode = true;
  const busy = await session.readActiveSheet().catch((e: unknown) => e);
  expect((busy as HostFailure).info).toMatchObject({ kind: 'editMode', transient: true });
  book.editMode = false;
});

test('marks are conditional formats in WPS colours (BGR), tagged, and go without a trace', async () => {
  const book = await simFromFixture('ningxia.xlsx');
  const session = wps(book);
  const ws = book.activeSheet;
  const before = snapshot(ws);
  await session.setHighlights(ws.name, { error: ['D20', 'D22'], warning: ['C5'] });
  expect(ws.conditionalFormats.map((f) => [f.formula.includes('jixiao:highlight'), f.fill])).toEqual([
    [true, '#FFC7CE'],
    [true, '#FFEB9C'],
  ]);
  expect(bgr('#FFC7CE')).toBe(0xcec7ff);
  await session.clearHighlights();
  expect(changedKeys(before, snapshot(ws))).toEqual([]);
  // A pane that died with marks on: the next one sweeps them from every sheet.
  await session.setHighlights(ws.name, { error: ['D20'], warning: [] });
  expect(await wps(book).removeTaggedFormats()).toBe(1);
  expect(changedKeys(before, snapshot(ws))).toEqual([]);
});

test('the ribbon script: 绩效表检查 opens the pane once, then shows and hides it', () => {
  const book = new SimWorkbook();
  book.addSheet('附件2');
  const app = installSimulatedWps({}, book);
  const context = vm.createContext({
    window: { Application: app },
    document: { location: 'http://intranet.example/jixiao/index.html' },
    decodeURI,
  });
  vm.runInContext(
    fs.readFileSync(path.join(__dirname, '..', 'src', 'wps', 'addin', 'main.js'), 'utf8'),
    context,
  );
  const run = (code: string) => vm.runInContext(code, context) as unknown;
  expect(run('OnAddinLoad({})')).toBe(true);
  run("OnAction({ Id: 'jixiaoCheck' })");
  const id = app.PluginStorage.getItem('jixiao_taskpane_id') as number;
  const pane = app.GetTaskPane(id);
  expect(pane).toMatchObject({ url: 'http://intranet.example/jixiao/taskpane.html', Visible: true });
  run("OnAction({ Id: 'jixiaoCheck' })");
  expect(app.GetTaskPane(id).Visible).toBe(false);
  expect(run("GetImage({ Id: 'jixiaoCheck' })")).toBe('assets/icon-80.png');
});
