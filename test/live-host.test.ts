/**
 * Live checking by patches through the real adapter and pane controller on the simulated host:
 * after each edit settles, the pane's tables equal a full check of the sheet; a single-cell edit
 * inside one form of many costs one sync that reads that form's cells only; inserted rows, another
 * sheet and edits without an address fall back to a full read.
 */
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { checkSheet } from '../src/core/check';
import { a1, parseA1Range } from '../src/core/grid';
import type { SimWorkbook } from '../src/sim/workbook';
import { Checker } from '../src/taskpane/checker';
import { rng } from './helpers/sheet-state';
import { simFromFixture, tick } from './helpers/sim';

async function settle(checker: Checker, before: number): Promise<void> {
  for (
    let i = 0;
    i < 400 && (checker.getState().checks <= before || checker.getState().status !== 'done');
    i++
  )
    await tick(2);
}

/** A full check of the sheet with the engine options the pane checks with (its phrasing library, once loaded). */
async function fullCheck(host: SimWorkbook, checker: Checker): Promise<string> {
  const snap = await new ExcelSession(detectCapabilities()).readActiveSheet();
  void host;
  const library = checker.getState().library ?? undefined;
  return JSON.stringify(checkSheet(snap.grid, { library }).tables);
}

async function started(
  fixture: string,
  apiVersion?: string,
): Promise<{ host: SimWorkbook; checker: Checker }> {
  const host = await simFromFixture(fixture, apiVersion ? { apiVersion } : {});
  const checker = new Checker(new ExcelSession(detectCapabilities(), 1), 1);
  await checker.start();
  await checker.setHighlight(false);
  return { host, checker };
}

test.each(['ningxia.xlsx', 'pingluo.xlsx', 'guyuan.xlsx'])(
  '%s: 40 random edits by the user, each read as a patch, each equal to a full check',
  async (fixture) => {
    const { host, checker } = await started(fixture);
    const ws = host.activeSheet;
    const random = rng(fixture.length * 131);
    const used = ws.usedArea(false)!;
    const words = ['≥95%', '提高', '培训人数', '不涉及', '数量指标', '成本指标', '', '12', '一级指标'];
    let patches = 0;
    for (let k = 0; k < 40; k++) {
      const before = checker.getState().checks;
      const r = Math.floor(random() * (used.bottom + 3));
      const c = Math.floor(random() * (used.right + 1));
      if (random() < 0.8) host.edit(ws.id, r, c, words[Math.floor(random() * words.length)]);
      else {
        // A pasted block: several cells, one change event for the area.
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 2; j++) ws.set(r + i, c + j, words[(k + i + j) % words.length]);
        host.fireChanged({
          sheetId: ws.id,
          address: `${a1(r, c)}:${a1(r + 2, c + 1)}`,
          triggerSource: 'Unknown',
        });
      }
      await settle(checker, before);
      if (checker.getState().lastRead?.kind === 'patch') patches++;
      expect([k, JSON.stringify(checker.getState().tables)]).toEqual([k, await fullCheck(host, checker)]);
    }
    expect(patches).toBeGreaterThan(30);
    await checker.dispose();
  },
);

test('one edit inside one form of a stacked sheet: one sync, only that form’s cells read', async () => {
  const { host, checker } = await started('ningxia.xlsx');
  const ws = host.activeSheet;
  const tables = checker.getState().tables;
  const t = tables[Math.floor(tables.length / 2)];
  const cell = parseA1Range(t.indicators[0].value!.cell)!;
  const area = parseA1Range(t.range)!;
  const used = ws.usedArea(false)!;
  const [syncs, cells, checks] = [host.syncCount, host.cellsRead, checker.getState().checks];
  host.edit(ws.id, cell.top, cell.left, '≥150%');
  await settle(checker, checks);
  expect(host.syncCount - syncs).toBe(1);
  expect(host.cellsRead - cells).toBeLessThanOrEqual(
    (area.bottom - area.top + 1) * (area.right - area.left + 1),
  );
  expect(host.cellsRead - cells).toBeLessThan(
    ((used.bottom - used.top + 1) * (used.right - used.left + 1)) / 4,
  );
  const after = checker.getState().tables;
  expect(after.filter((x, i) => x === tables[i]).length).toBe(tables.length - 1);
  expect(after.find((x) => x.range === t.range)!.issues.some((i) => i.rule === 'value/percent-range')).toBe(
    true,
  );
  await checker.dispose();
});

test('inserted cells, edits without an address and another sheet fall back to a full read', async () => {
  const { host, checker } = await started('guyuan.per-sheet.xlsx');
  const ws = host.activeSheet;
  let before = checker.getState().checks;
  host.fireChanged({ sheetId: ws.id, address: 'A3:F3', triggerSource: 'Unknown', changeType: 'RowInserted' });
  await settle(checker, before);
  expect(checker.getState().lastRead).toEqual({ kind: 'full' });
  before = checker.getState().checks;
  host.fireChanged({ sheetId: ws.id, address: '', triggerSource: 'Unknown' });
  await settle(checker, before);
  expect(checker.getState().lastRead).toEqual({ kind: 'full' });
  before = checker.getState().checks;
  host.edit(ws.id, 2, 2, '改过');
  await settle(checker, before);
  expect(checker.getState().lastRead?.kind).toBe('patch');
  before = checker.getState().checks;
  host.activate(host.sheets[1].id);
  await settle(checker, before);
  expect(checker.getState().lastRead).toEqual({ kind: 'full' });
  expect(checker.getState().sheet?.sheetId).toBe(host.sheets[1].id);
  await checker.dispose();
});
