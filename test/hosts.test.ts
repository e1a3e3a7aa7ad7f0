/**
 * One set of scenarios, two hosts: the pane's controller (Checker) on the simulated Office host
 * through the Office adapter, and on the simulated WPS host through the WPS adapter, over the same
 * workbook model. Whatever a clerk does in the pane must come out the same in Excel and in WPS.
 */
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { checkGrid } from '../src/core/check';
import { buildTemplate } from '../src/core/templates';
import type { SheetHost } from '../src/host/types';
import { installSimulatedOffice } from '../src/sim/office-sim';
import { installSimulatedWps } from '../src/sim/wps-sim';
import type { SimWorkbook } from '../src/sim/workbook';
import { Checker } from '../src/taskpane/checker';
import type { EtApplication } from '../src/wps/et';
import { WpsSession } from '../src/wps/session';
import { changedKeys, snapshot } from './helpers/sheet-state';
import { simFromFixture, tick } from './helpers/sim';

interface Host {
  name: string;
  /** The session for a workbook, with the host's globals installed. */
  open(book: SimWorkbook): SheetHost;
  /** How this host names a sheet. */
  sheetKey(book: SimWorkbook): string;
}

const HOSTS: Host[] = [
  {
    name: 'Office',
    open: (book) => {
      installSimulatedOffice(globalThis as unknown as Record<string, unknown>, book);
      return new ExcelSession(detectCapabilities(), 1);
    },
    sheetKey: (book) => book.activeSheet.id,
  },
  {
    name: 'WPS',
    open: (book) => new WpsSession(installSimulatedWps({}, book) as unknown as EtApplication),
    sheetKey: (book) => book.activeSheet.name,
  },
];

async function opened(host: Host, fixture = 'ningxia.xlsx') {
  const book = await simFromFixture(fixture);
  const session = host.open(book);
  const checker = new Checker(session, 10);
  await checker.start();
  return { book, session, checker };
}

async function settled(checker: Checker, checks: number): Promise<void> {
  for (let i = 0; i < 200 && checker.getState().checks <= checks; i++) await tick(10);
}

/** What a check found, host-independently: each table's range and its issues' rules and cells. */
function found(checker: Checker): string[] {
  return checker
    .getState()
    .tables.map((t) => `${t.range} ${t.issues.map((i) => `${i.rule}@${i.cell}`).join(' ')}`);
}

const results = new Map<string, string[]>();

describe.each(HOSTS)('$name host', (host) => {
  test('check: the same tables and issues as the engine on the file', async () => {
    const { book, checker, session } = await opened(host);
    const state = checker.getState();
    expect(state.error).toBeNull();
    expect(state.tables.length).toBeGreaterThan(0);
    const ws = book.activeSheet;
    const expected = checkGrid((await session.readActiveSheet()).grid).map((t) => t.range);
    expect(state.tables.map((t) => t.range)).toEqual(expected);
    results.set(host.name, found(checker));
    if (results.size === HOSTS.length) expect(results.get('WPS')).toEqual(results.get('Office'));
    expect(ws.name).toBeTruthy();
    await checker.dispose();
  });

  test('live re-check: an edit by the user is checked without pressing 重新检查', async () => {
    const { book, checker } = await opened(host);
    const table = checker.getState().tables[0];
    const before = checker.getState().checks;
    const ind = table.indicators.find((i) => i.value)!;
    book.edit(book.activeSheet.id, ind.value!.row, ind.value!.col, '≥120%');
    await settled(checker, before);
    const issues = checker.getState().tables[0].issues;
    expect(issues.some((i) => i.rule === 'value/percent-range' && i.cell === ind.value!.cell)).toBe(true);
    await checker.dispose();
  });

  test('click to select: the issue’s cell is selected on its sheet', async () => {
    const { book, checker } = await opened(host);
    const issue = checker.getState().tables.flatMap((t) => t.issues)[0];
    await checker.session.select(host.sheetKey(book), issue.cell);
    expect(book.selection?.area).toMatchObject({ top: issue.row, left: issue.col });
    const sel = await checker.session.readSelection();
    expect([sel.row, sel.col]).toEqual([issue.row, issue.col]);
    await checker.dispose();
  });

  test('marks on and off leave the sheet exactly as it was', async () => {
    const book = await simFromFixture('ningxia.xlsx');
    const before = snapshot(book.activeSheet);
    const checker = new Checker(host.open(book), 10);
    await checker.start();
    expect(book.activeSheet.conditionalFormats.length).toBeGreaterThan(0);
    await checker.setHighlight(false);
    expect(changedKeys(before, snapshot(book.activeSheet))).toEqual([]);
    await checker.dispose();
  });

  test('插入模板 refuses over data (nothing written) and inserts into a new sheet', async () => {
    const { book, checker } = await opened(host);
    const t = buildTemplate({
      framework: 'newer',
      unit: '万元',
      describe: false,
      transfer: false,
      year: 2026,
    });
    const before = snapshot(book.activeSheet);
    await checker.session.select(host.sheetKey(book), 'A1');
    expect(await checker.insertTemplate(t, 'selection')).toBe(false);
    expect(checker.getState().templateBlocked?.blockers.length).toBeGreaterThan(0);
    expect(changedKeys(before, snapshot(book.activeSheet))).toEqual([]);
    const sheets = book.sheets.length;
    expect(await checker.insertTemplate(t, 'newSheet', '附件2')).toBe(true);
    expect(book.sheets.length).toBe(sheets + 1);
    expect(book.activeSheet.name).toBe('附件2 (2)');
    expect(book.activeSheet.merges.length).toBe(t.merges.length);
    const tables = checker.getState().tables;
    expect(tables).toHaveLength(1);
    expect(new Set(tables[0].issues.map((i) => i.rule))).toEqual(
      new Set(['header/missing-field', 'structure/empty-cell']),
    );
    await checker.dispose();
  });

  test('添加指标行: a row under the 二级, merges extended, the table read with one more row', async () => {
    const { book, checker } = await opened(host);
    const table = checker.getState().tables[0];
    const at = table.indicators.find((i) => i.level2 && i.name)!;
    const mergesBefore = book.activeSheet.merges.length;
    expect(await checker.addIndicatorRow(table, at)).toBe(true);
    const after = checker.getState().tables.find((t) => t.top === table.top)!;
    expect(after.bottom).toBe(table.bottom + 1);
    expect(book.activeSheet.merges.length).toBeGreaterThanOrEqual(mergesBefore);
    // The new row's 三级 cell is selected, for the clerk to type into.
    const added = Number(checker.getState().lastWrite?.[0].params?.row) - 1;
    expect(book.selection?.area.top).toBe(added);
    await checker.dispose();
  });

  test('a suggestion written into a cell, and 一键修复 of a notation', async () => {
    const { book, checker } = await opened(host);
    const ws = book.activeSheet;
    const table = checker.getState().tables[0];
    const ind = table.indicators.find((i) => i.name)!;
    expect(await checker.writeCells([{ cell: ind.name!.cell, text: '培训合格率' }])).toBe(true);
    expect(ws.value(ind.name!.row, ind.name!.col)).toBe('培训合格率');
    // A notation to tidy: ">=90%" → "≥90%", applied only while the cell still says ">=90%".
    const v = checker.getState().tables[0].indicators.find((i) => i.value)!.value!;
    await checker.writeCells([{ cell: v.cell, text: '>=90%' }]);
    const fix = checker
      .getState()
      .tables.flatMap((t) => t.issues)
      .find((i) => i.fix && i.cell === v.cell)!.fix!;
    await checker.applyFixes([{ cell: fix.cell, before: fix.before, after: fix.after }]);
    expect(ws.value(v.row, v.col)).toBe('≥90%');
    await checker.dispose();
  });
});
