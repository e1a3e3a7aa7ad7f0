/**
 * The Office.js adapter against the simulated host: one sync per check, the same grid as the
 * command line's reader, degraded paths for older requirement sets, edit-mode retries, protected
 * sheets, giant used ranges, highlights that leave the user's formats alone, and live events.
 */
import * as path from 'path';
import { ExcelSession, HIGHLIGHT_TAG, WINDOW_ROWS, parseAreaList, toCellValue } from '../src/adapter/excel';
import { classifyError } from '../src/adapter/errors';
import { detectCapabilities } from '../src/adapter/host';
import { readWorkbook } from '../src/cli/xlsx';
import { checkGrid } from '../src/core/check';
import { SimWorkbook } from '../src/sim/workbook';
import { Checker } from '../src/taskpane/checker';
import { FIXTURES, install, simFromFixture, tick } from './helpers/sim';

function summary(tables: ReturnType<typeof checkGrid>) {
  return tables.map((t) => ({
    name: t.projectName,
    range: t.range,
    rows: t.indicators.length,
    issues: t.issues.map((i) => `${i.cell} ${i.rule}`),
  }));
}

describe('reading the active sheet', () => {
  test.each(['guyuan', 'pingluo', 'langfang', 'yinchuan', 'ningxia'])(
    '%s: one sync, same tables and issues as the command line',
    async (name) => {
      const host = await simFromFixture(`${name}.xlsx`);
      const session = new ExcelSession(detectCapabilities());
      const before = host.syncCount;
      const snap = await session.readActiveSheet();
      expect(snap.syncs).toBe(1);
      expect(host.syncCount - before).toBe(1);
      expect(snap.mergesKnown).toBe(true);
      const [cliGrid] = await readWorkbook(path.join(FIXTURES, `${name}.xlsx`));
      expect(summary(checkGrid(snap.grid))).toEqual(summary(checkGrid(cliGrid)));
      expect(checkGrid(snap.grid).length).toBeGreaterThan(0);
    },
  );

  test('an empty sheet reads as an empty grid, not an error', async () => {
    const host = install(new SimWorkbook());
    host.addSheet('空表');
    const snap = await new ExcelSession(detectCapabilities()).readActiveSheet();
    expect(snap.address).toBeNull();
    expect(snap.grid.values).toEqual([]);
    expect(checkGrid(snap.grid)).toEqual([]);
  });

  test('Office 2019 (ExcelApi 1.8): no merges, same tables from values alone', async () => {
    const host = await simFromFixture('ningxia.xlsx', { apiVersion: '1.8' });
    const caps = detectCapabilities();
    expect(caps.mergedAreas).toBe(false);
    expect(caps.events).toBe(true);
    const snap = await new ExcelSession(caps).readActiveSheet();
    expect(snap.mergesKnown).toBe(false);
    expect(snap.grid.merges).toEqual([]);
    expect(host.syncCount).toBe(1);
    const [cliGrid] = await readWorkbook(path.join(FIXTURES, 'ningxia.xlsx'));
    expect(checkGrid(snap.grid).map((t) => t.projectName)).toEqual(
      checkGrid(cliGrid).map((t) => t.projectName),
    );
  });

  test('Office 2016 (ExcelApi 1.1): the whole used range in one read, no events, no highlights', async () => {
    await simFromFixture('guyuan.xlsx', { apiVersion: '1.1' });
    const caps = detectCapabilities();
    expect(caps).toEqual({
      selectionEvents: false,
      layout: false,
      protection: false,
      conditionalFormats: false,
      events: false,
      collectionEvents: false,
      dataValidation: false,
      mergedAreas: false,
    });
    const session = new ExcelSession(caps);
    const snap = await session.readActiveSheet();
    expect(snap.syncs).toBe(1);
    const [cliGrid] = await readWorkbook(path.join(FIXTURES, 'guyuan.xlsx'));
    expect(checkGrid(snap.grid).map((t) => t.projectName)).toEqual(
      checkGrid(cliGrid).map((t) => t.projectName),
    );
    await session.setHighlights(snap.sheetId, { error: ['A1'], warning: [] }); // silently unavailable
    expect(await session.watch(() => undefined)).toBeInstanceOf(Function);
  });

  test('a giant used range is read in bounded blocks with progress', async () => {
    const host = install(new SimWorkbook());
    const ws = host.addSheet('大表');
    const rows = WINDOW_ROWS * 2 + 500;
    for (let r = 0; r < rows; r++) ws.set(r, 0, `第${r}行`);
    ws.set(rows - 1, 3, 1);
    const progress: [number, number][] = [];
    const snap = await new ExcelSession(detectCapabilities()).readActiveSheet((d, t) =>
      progress.push([d, t]),
    );
    expect(snap.grid.values.length).toBe(rows);
    expect(snap.syncs).toBe(3);
    expect(progress).toEqual([
      [WINDOW_ROWS, rows],
      [WINDOW_ROWS * 2, rows],
      [rows, rows],
    ]);
  });

  test('numbers formatted as percentages read as Excel shows them', async () => {
    const host = install(new SimWorkbook());
    const ws = host.addSheet('S');
    ws.set(0, 0, 0.95, '0%');
    ws.set(0, 1, 0.5, '0.0%');
    ws.set(0, 2, '#N/A');
    const snap = await new ExcelSession(detectCapabilities()).readActiveSheet();
    expect(snap.grid.texts?.[0]).toEqual(['95%', '50.0%']);
    expect(snap.grid.values[0][2]).toEqual({ error: '#N/A' });
  });

  test('a cell in edit mode is retried, then reported as edit mode', async () => {
    const host = await simFromFixture('ningxia.xlsx');
    host.editMode = true;
    const session = new ExcelSession(detectCapabilities(), 1);
    setTimeout(() => (host.editMode = false), 5);
    const snap = await session.readActiveSheet();
    expect(snap.grid.values.length).toBeGreaterThan(0);
    host.editMode = true;
    await expect(session.readActiveSheet()).rejects.toMatchObject({ info: { kind: 'editMode' } });
  });
});

describe('navigation and highlights', () => {
  test('select moves the selection in one sync', async () => {
    const host = await simFromFixture('guyuan.xlsx');
    const session = new ExcelSession(detectCapabilities());
    const snap = await session.readActiveSheet();
    const before = host.syncCount;
    await session.select(snap.sheetId, 'C12');
    expect(host.syncCount - before).toBe(1);
    expect(host.selection).toEqual({
      sheetId: snap.sheetId,
      area: { top: 11, left: 2, bottom: 11, right: 2 },
    });
  });

  test('highlights: one sync per update, tagged, own formats untouched, cleared without trace', async () => {
    const host = await simFromFixture('guyuan.xlsx');
    const ws = host.activeSheet;
    ws.setFormat(4, 2, { fill: '#00FF00', bold: true });
    const own = JSON.stringify(
      [...ws.cells].map(([r, row]) => [r, [...row].map(([c, cell]) => [c, cell.format])]),
    );
    const session = new ExcelSession(detectCapabilities());
    let before = host.syncCount;
    await session.setHighlights(ws.id, { error: ['C5', 'D9'], warning: ['E10'] });
    expect(host.syncCount - before).toBe(1);
    expect(ws.conditionalFormats).toHaveLength(2);
    expect(ws.conditionalFormats.every((cf) => cf.formula.includes(HIGHLIGHT_TAG))).toBe(true);
    expect(ws.formatsAt(4, 2)[0].fill).toBe('#FFC7CE');
    before = host.syncCount;
    await session.setHighlights(ws.id, { error: ['C6'], warning: [] });
    expect(host.syncCount - before).toBe(1);
    expect(ws.conditionalFormats).toHaveLength(1);
    await session.clearHighlights();
    expect(ws.conditionalFormats).toHaveLength(0);
    expect(
      JSON.stringify([...ws.cells].map(([r, row]) => [r, [...row].map(([c, cell]) => [c, cell.format])])),
    ).toBe(own);
  });

  test("the user's own conditional formats survive; stale marks from a closed pane are swept", async () => {
    const host = await simFromFixture('guyuan.xlsx');
    const ws = host.activeSheet;
    ws.conditionalFormats.push({
      id: 'user-1',
      type: 'Custom',
      areas: [{ top: 0, left: 0, bottom: 9, right: 9 }],
      formula: '=A1>5',
      fill: '#0000FF',
      fontColor: null,
    });
    ws.conditionalFormats.push({
      id: 'stale',
      type: 'Custom',
      areas: [{ top: 3, left: 3, bottom: 3, right: 3 }],
      formula: `=N("${HIGHLIGHT_TAG}")=0`,
      fill: '#FFC7CE',
      fontColor: null,
    });
    const session = new ExcelSession(detectCapabilities());
    expect(await session.removeTaggedFormats()).toBe(1);
    expect(ws.conditionalFormats.map((c) => c.id)).toEqual(['user-1']);
    await session.setHighlights(ws.id, { error: ['A1'], warning: [] });
    // The user deletes our mark by hand: the next update still works.
    ws.conditionalFormats = ws.conditionalFormats.filter((c) => c.id === 'user-1');
    await session.setHighlights(ws.id, { error: ['B2'], warning: [] });
    expect(ws.conditionalFormats.map((c) => c.formula)).toEqual(['=A1>5', `=N("${HIGHLIGHT_TAG}")=0`]);
  });

  test('a protected sheet: reading works, writing is refused with a clear kind and changes nothing', async () => {
    const host = await simFromFixture('guyuan.xlsx');
    host.activeSheet.protected = true;
    const session = new ExcelSession(detectCapabilities());
    const snap = await session.readActiveSheet();
    expect(snap.protected).toBe(true);
    await expect(session.setHighlights(snap.sheetId, { error: ['A1'], warning: [] })).rejects.toMatchObject({
      info: { kind: 'protected' },
    });
    expect(host.activeSheet.conditionalFormats).toHaveLength(0);
  });
});

describe('live events', () => {
  test("edits and activations are reported; the add-in's own writes are not", async () => {
    const host = await simFromFixture('guyuan.per-sheet.xlsx');
    const session = new ExcelSession(detectCapabilities());
    const events: string[] = [];
    const stop = await session.watch((e) => events.push(`${e.kind}:${e.sheetId}`));
    const ws = host.activeSheet;
    host.edit(ws.name, 2, 2, '改过的值');
    await tick(5);
    expect(events).toEqual([`changed:${ws.id}`]);
    host.fireChanged({ sheetId: ws.id, address: 'A1', triggerSource: 'ThisLocalAddin' });
    await tick(5);
    expect(events).toHaveLength(1);
    host.activate(host.sheets[1].id);
    await tick(5);
    expect(events[1]).toBe(`activated:${host.sheets[1].id}`);
    await stop();
    host.edit(ws.name, 2, 2, 'x');
    await tick(5);
    expect(events).toHaveLength(2);
  });

  test('Office 2019 (no workbook-wide onChanged): follows the active sheet', async () => {
    const host = await simFromFixture('guyuan.per-sheet.xlsx', { apiVersion: '1.8' });
    const session = new ExcelSession(detectCapabilities());
    const events: string[] = [];
    const stop = await session.watch((e) => events.push(e.kind));
    host.edit(host.sheets[0].id, 1, 1, 'a');
    await tick(5);
    host.activate(host.sheets[1].id);
    await tick(20);
    host.edit(host.sheets[1].id, 1, 1, 'b');
    await tick(5);
    expect(events).toEqual(['changed', 'activated', 'changed']);
    await stop();
  });
});

describe('error classification and parsing', () => {
  test('Office error codes map to kinds', () => {
    expect(classifyError({ code: 'InvalidOperationInCellEditMode', message: 'x' })).toMatchObject({
      kind: 'editMode',
      transient: true,
    });
    expect(classifyError({ code: 'AccessDenied', message: 'x' }).kind).toBe('protected');
    expect(classifyError({ code: 'ApiNotFound', message: 'x' }).kind).toBe('api');
    expect(classifyError({ code: 'ResponsePayloadSizeLimitExceeded', message: 'x' }).kind).toBe('tooLarge');
    expect(classifyError(new ReferenceError('Excel is not defined')).kind).toBe('noOffice');
    expect(classifyError('weird').kind).toBe('generic');
  });

  test('merged area lists and cell values', () => {
    expect(parseAreaList("Sheet1!A1:B2, 'My, Sheet'!C3:D4, Sheet1!E5")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
    expect(toCellValue('')).toBeNull();
    expect(toCellValue('#DIV/0!')).toEqual({ error: '#DIV/0!' });
    expect(toCellValue('#不是错误')).toBe('#不是错误');
    expect(toCellValue(3)).toBe(3);
  });
});

describe('writing: suggestions and fixes', () => {
  test('readSelection: the selected cell and its sheet, one sync', async () => {
    const host = await simFromFixture('ningxia.xlsx');
    const session = new ExcelSession(detectCapabilities());
    host.selection = { sheetId: host.activeSheet.id, area: { top: 9, left: 2, bottom: 9, right: 2 } };
    const before = host.syncCount;
    const sel = await session.readSelection();
    expect(host.syncCount - before).toBe(1);
    expect(sel).toMatchObject({ sheetId: host.activeSheet.id, row: 9, col: 2 });
  });

  test('writeCells writes exactly the named cells in one sync, and our own write is not a user edit', async () => {
    const host = await simFromFixture('ningxia.xlsx');
    const session = new ExcelSession(detectCapabilities());
    const ws = host.activeSheet;
    const snapshot = new Map<string, unknown>();
    for (let r = 0; r < 40; r++) for (let c = 0; c < 8; c++) snapshot.set(`${r},${c}`, ws.get(r, c)?.value);
    const events: string[] = [];
    const unwatch = await session.watch((e) => events.push(e.kind));
    const before = host.syncCount;
    await session.writeCells(ws.id, [
      { cell: 'C10', text: '培训人次' },
      { cell: 'D10', text: '≥100人次' },
    ]);
    expect(host.syncCount - before).toBe(1);
    await tick(10);
    expect(events.filter((k) => k === 'changed')).toEqual([]);
    await unwatch();
    for (let r = 0; r < 40; r++) {
      for (let c = 0; c < 8; c++) {
        const now = ws.get(r, c)?.value;
        if (r === 9 && c === 2) expect(now).toBe('培训人次');
        else if (r === 9 && c === 3) expect(now).toBe('≥100人次');
        else expect([r, c, now]).toEqual([r, c, snapshot.get(`${r},${c}`)]);
      }
    }
  });

  test('replaceIfUnchanged applies a fix only where the cell still holds what the check saw', async () => {
    const host = install(new SimWorkbook());
    const ws = host.addSheet('表');
    ws.set(0, 0, '>=95%');
    ws.set(1, 0, '≥ 98 %');
    const session = new ExcelSession(detectCapabilities());
    host.edit(ws.id, 1, 0, '≥99%'); // the user changed A2 after the check
    const before = host.syncCount;
    const r = await session.replaceIfUnchanged(ws.id, [
      { cell: 'A1', before: '>=95%', after: '≥95%' },
      { cell: 'A2', before: '≥ 98 %', after: '≥98%' },
    ]);
    expect(r).toEqual({ applied: ['A1'], skipped: ['A2'] });
    expect(host.syncCount - before).toBe(2);
    expect(ws.get(0, 0)?.value).toBe('≥95%');
    expect(ws.get(1, 0)?.value).toBe('≥99%');
  });

  test('a write to a protected sheet fails whole, and changes nothing', async () => {
    const host = await simFromFixture('ningxia.xlsx');
    host.activeSheet.protected = true;
    const session = new ExcelSession(detectCapabilities(), 1);
    const before = host.activeSheet.get(9, 2)?.value;
    await expect(session.writeCells(host.activeSheet.id, [{ cell: 'C10', text: 'x' }])).rejects.toMatchObject(
      { info: { kind: 'protected' } },
    );
    expect(host.activeSheet.get(9, 2)?.value).toBe(before);
  });
});

describe('following the selection (the 建议 section), at ExcelApi 1.1, 1.8 and 1.14', () => {
  test.each(['1.8', '1.14'])(
    '%s: selection events whether live checking is on or off, and after the active sheet changes',
    async (apiVersion) => {
      const host = await simFromFixture('ningxia.xlsx', { apiVersion });
      host.addSheet('另一张');
      const first = host.activeSheet.id;
      const session = new ExcelSession(detectCapabilities());
      const selections: number[] = [];
      const edits: string[] = [];
      const stopSelection = await session.watchSelection(() => selections.push(1));
      const stopLive = await session.watch((e) => edits.push(e.kind));
      host.selection = { sheetId: first, area: { top: 3, left: 1, bottom: 3, right: 1 } };
      await tick(10);
      expect(selections.length).toBe(1);
      expect(edits).toEqual([]);
      // Another sheet becomes active: before 1.9 live checking swaps the sheet's onChanged handler;
      // the selection handler must survive that.
      const other = host.sheets.find((w) => w.id !== first)!;
      host.activate(other.id);
      await tick(10);
      host.selection = { sheetId: other.id, area: { top: 1, left: 1, bottom: 1, right: 1 } };
      await tick(10);
      expect(selections.length).toBe(2);
      // Live checking off: the selection is still followed.
      await stopLive();
      host.selection = { sheetId: other.id, area: { top: 2, left: 1, bottom: 2, right: 1 } };
      await tick(10);
      expect(selections.length).toBe(3);
      await stopSelection();
      host.selection = { sheetId: other.id, area: { top: 4, left: 1, bottom: 4, right: 1 } };
      await tick(10);
      expect(selections.length).toBe(3);
    },
  );

  test('1.1: no selection events; subscribing does nothing and asks the host for nothing it lacks', async () => {
    const host = await simFromFixture('ningxia.xlsx', { apiVersion: '1.1' });
    const session = new ExcelSession(detectCapabilities());
    const selections: number[] = [];
    const stop = await session.watchSelection(() => selections.push(1));
    host.selection = { sheetId: host.activeSheet.id, area: { top: 3, left: 1, bottom: 3, right: 1 } };
    await tick(10);
    expect(selections).toEqual([]);
    // The selection can still be read on demand (the pane's button).
    expect((await session.readSelection()).address).toContain('B4');
    await stop();
  });

  test.each(['1.8', '1.14'])(
    '%s: the pane’s controller follows the selection with live checking off',
    async (apiVersion) => {
      const host = await simFromFixture('ningxia.xlsx', { apiVersion });
      const checker = new Checker(new ExcelSession(detectCapabilities()), 1);
      await checker.start();
      await checker.setLive(false);
      host.selection = { sheetId: host.activeSheet.id, area: { top: 5, left: 2, bottom: 5, right: 2 } };
      // Waited for rather than a fixed pause: a busy machine may take longer than one.
      for (let i = 0; i < 200 && checker.getState().selection?.row !== 5; i++) await tick(5);
      expect(checker.getState().selection).toMatchObject({ row: 5, col: 2 });
      await checker.dispose();
    },
  );
});
