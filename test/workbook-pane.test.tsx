/**
 * @jest-environment jsdom
 *
 * 其他工作表 (issue 28, point 4): under the summary, the other sheets of a per-sheet workbook with
 * their tables and error counts; read on demand, one read each; kept until a sheet changes; a click
 * activates the sheet and the pane checks it. On both simulated hosts, through the real adapters.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { DEFAULT_VARIANT, buildTemplate } from '../src/core/templates/template';
import type { SheetHost } from '../src/host/types';
import { loadXlsx } from '../src/sim/load-xlsx';
import { installSimulatedOffice } from '../src/sim/office-sim';
import type { SimWorkbook } from '../src/sim/workbook';
import { installSimulatedWps } from '../src/sim/wps-sim';
import { App } from '../src/taskpane/App';
import { Checker } from '../src/taskpane/checker';
import type { EtApplication } from '../src/wps/et';
import { WpsSession } from '../src/wps/session';
import { stubResizeObserver } from './helpers/pane';

beforeAll(() => {
  stubResizeObserver();
  // jsdom has no TextDecoder; the .xlsx loader's pre-scan needs Node's.
  Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder });
});

const FIXTURE = path.join(__dirname, 'fixtures', 'guyuan.per-sheet.xlsx');
/** Errors per sheet, as `jixiao check` reports them for this file. */
const ERRORS: Record<string, number> = { 表1: 2, 表2: 0, 表3: 1, 表4: 2, 表5: 2, 表6: 1 };

type Kind = 'Excel' | 'WPS';

async function open(kind: Kind, apiVersion?: string) {
  const host = await loadXlsx(fs.readFileSync(FIXTURE));
  if (apiVersion) host.apiVersion = apiVersion;
  let session: SheetHost;
  if (kind === 'WPS') session = new WpsSession(installSimulatedWps({}, host) as unknown as EtApplication);
  else {
    installSimulatedOffice(globalThis as unknown as Record<string, unknown>, host);
    session = new ExcelSession(detectCapabilities(), 1);
  }
  const reads: string[] = [];
  const readSheet = session.readSheet.bind(session);
  session.readSheet = (id, progress) => {
    reads.push(id);
    return readSheet(id, progress);
  };
  const checker = new Checker(session, 10);
  render(<App checker={checker} locale="zh-CN" />);
  await act(() => checker.start());
  return { host, checker, reads };
}

const idOf = (host: SimWorkbook, name: string, kind: Kind) =>
  kind === 'WPS' ? name : host.sheets.find((s) => s.name === name)!.id;

const sheetButtons = () => screen.queryAllByTestId('other-sheet');

/** Presses 检查其他工作表 and waits until every sheet to read has been read. */
async function checkOthers(): Promise<void> {
  const button = await screen.findByTestId('other-sheets-check');
  await act(async () => {
    fireEvent.click(button);
  });
  await waitFor(() => expect(screen.queryByTestId('other-sheets-progress')).toBeNull(), { timeout: 5000 });
}

describe.each(['Excel', 'WPS'] as const)('%s host', (kind) => {
  test('a per-sheet workbook lists the other sheets with their tables and error counts, one read each', async () => {
    const { host, checker, reads } = await open(kind);
    // After the first check the pane knows (one listing) that five more sheets are there.
    expect(screen.getByTestId('summary').textContent).toContain('工作表「表1」中找到 1 张绩效目标表');
    const section = await screen.findByTestId('other-sheets');
    expect(section.textContent).toContain('本工作簿另有 5 张工作表，尚未检查。');
    expect(screen.getByTestId('other-sheets-check').textContent).toBe('检查其他工作表（5 张）');
    expect(reads).toEqual([]);

    const syncs = host.syncCount;
    await checkOthers();
    // One read per sheet, each other sheet once; on Office one sync for the list and one per sheet.
    expect(reads).toEqual(['表2', '表3', '表4', '表5', '表6'].map((n) => idOf(host, n, kind)));
    if (kind === 'Excel') expect(host.syncCount - syncs).toBe(1 + 5);

    const texts = sheetButtons().map((b) => b.textContent);
    expect(texts).toHaveLength(5);
    const errors = (n: number) => (n > 0 ? `${n} 个错误` : '无错误');
    ['表2', '表3', '表4', '表5', '表6'].forEach((name, i) =>
      expect(texts[i]).toMatch(new RegExp(`^${name} 1 张表 ${errors(ERRORS[name])}`)),
    );
    // Each sheet names its table.
    expect(texts[1]).toContain('行政中心机房核心设备更新、民生大厦网络设备更新项目经费');
    expect(section.textContent).toMatch(/^其他工作表表2 1 张表 无错误/);
    // Each sheet is a button named by its visible text, reachable by the keyboard.
    const third = screen.getByRole('button', { name: /^表3 1 张表 1 个错误/ });
    expect(third.getAttribute('aria-label')).toBeNull();
    expect(third.tabIndex).not.toBe(-1);
    // Everything is kept: nothing is left to read.
    expect(screen.queryByTestId('other-sheets-check')).toBeNull();
    await act(() => checker.dispose());
  });

  test('kept until the sheet changes: an edit on 表3 marks it, and only 表3 is read again', async () => {
    const { host, checker, reads } = await open(kind);
    await checkOthers();
    reads.length = 0;
    const checks = checker.getState().checks;
    // The clerk (or anyone) changes 表3: the host's change event reaches the list.
    await act(async () => {
      host.edit('表3', 17, 5, '≤20万元');
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^表3 .*（已更改，待重新检查）/ })).toBeTruthy(),
    );
    expect(screen.getByTestId('other-sheets-check').textContent).toBe('重新检查其他工作表（1 张）');
    // The other sheets keep their reading: no read happened for the edit.
    expect(reads).toEqual([]);
    await waitFor(() => expect(checker.getState().checks).toBeGreaterThan(checks));
    await checkOthers();
    expect(reads).toEqual([idOf(host, '表3', kind)]);
    expect(screen.getByRole('button', { name: /^表3 1 张表/ }).textContent).not.toContain('已更改');
    await act(() => checker.dispose());
  });

  test('a click on a sheet activates it; the pane checks it once as the active sheet, and keeps what it found on the sheet left', async () => {
    const { host, checker, reads } = await open(kind);
    await checkOthers();
    reads.length = 0;
    const checks = checker.getState().checks;
    const target = screen.getByRole('button', { name: /^表4 1 张表 2 个错误/ });
    target.focus();
    await act(async () => {
      fireEvent.click(target);
    });
    await waitFor(() =>
      expect(screen.getByTestId('summary').textContent).toContain('工作表「表4」中找到 1 张绩效目标表'),
    );
    expect(host.activeSheet.name).toBe('表4');
    // The selection is on the form's first cell.
    expect(host.selection?.area).toMatchObject({ top: 0, left: 0 });
    // Its activation event is not a second check.
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(checker.getState().checks).toBe(checks + 1);
    // 表1, left, is listed with what the pane's own check found there — without a read.
    await waitFor(() => expect(screen.getByRole('button', { name: /^表1 1 张表 2 个错误/ })).toBeTruthy());
    expect(reads).toEqual([]);
    expect(sheetButtons().map((b) => b.textContent!.split(' ')[0])).toEqual([
      '表1',
      '表2',
      '表3',
      '表5',
      '表6',
    ]);
    // The keyboard stays in the list.
    expect(document.activeElement?.getAttribute('data-testid')).toBe('other-sheet');
    await act(() => checker.dispose());
  });
});

test('without change events heard (live checking off), every request reads the other sheets again', async () => {
  const { checker, reads } = await open('Excel');
  await act(() => checker.setLive(false));
  await checkOthers();
  expect(reads).toHaveLength(5);
  expect(screen.getByTestId('other-sheets-check').textContent).toBe('重新检查其他工作表（5 张）');
  await checkOthers();
  expect(reads).toHaveLength(10);
  await act(() => checker.dispose());
});

test('Office 2016 (ExcelApi 1.1): the list reads each sheet in one sync, and a click opens and checks the sheet', async () => {
  const { host, checker } = await open('Excel', '1.1');
  const syncs = host.syncCount;
  await checkOthers();
  expect(host.syncCount - syncs).toBe(1 + 5);
  expect(sheetButtons()).toHaveLength(5);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^表2 / }));
  });
  await waitFor(() =>
    expect(screen.getByTestId('summary').textContent).toContain('工作表「表2」中找到 1 张绩效目标表'),
  );
  expect(host.activeSheet.name).toBe('表2');
  await act(() => checker.dispose());
});

test('a sheet added since the list was read (插入模板 into a new sheet) joins the list once the clerk leaves it', async () => {
  const { host, checker, reads } = await open('Excel');
  await checkOthers();
  await act(async () => {
    await checker.insertTemplate(buildTemplate({ ...DEFAULT_VARIANT, year: 2026 }), 'newSheet');
  });
  expect(host.activeSheet.name).toBe('绩效目标表');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^表2 / }));
  });
  await waitFor(() => expect(screen.getByRole('button', { name: /^绩效目标表 1 张表/ })).toBeTruthy());
  expect(sheetButtons().map((b) => b.textContent!.split(' ')[0])).toEqual([
    '表1',
    '表3',
    '表4',
    '表5',
    '表6',
    '绩效目标表',
  ]);
  expect(reads).toHaveLength(5);
  await act(() => checker.dispose());
});

test('both adapters list hidden and very hidden sheets, marked', async () => {
  const host = await loadXlsx(fs.readFileSync(FIXTURE));
  host.sheets[2].visibility = 'Hidden';
  host.sheets[4].visibility = 'VeryHidden';
  const expected = ['表1', '表2', '表3 hidden', '表4', '表5 hidden', '表6'];
  const show = (list: { sheetName: string; hidden: boolean }[]) =>
    list.map((s) => s.sheetName + (s.hidden ? ' hidden' : ''));
  installSimulatedOffice(globalThis as unknown as Record<string, unknown>, host);
  expect(show(await new ExcelSession(detectCapabilities(), 1).listSheets())).toEqual(expected);
  const wps = new WpsSession(installSimulatedWps({}, host) as unknown as EtApplication);
  expect(show(await wps.listSheets())).toEqual(expected);
});

describe.each(['Excel', 'WPS'] as const)('%s host, a hidden sheet', (kind) => {
  test('is read and listed with its forms, marked （隐藏）; a click does not open it but says how to show it, and opens it once shown', async () => {
    const { host, checker, reads } = await open(kind);
    host.sheets[2].visibility = 'Hidden';
    await checkOthers();
    // Read like every other sheet: the command line checks hidden sheets too.
    expect(reads).toEqual(['表2', '表3', '表4', '表5', '表6'].map((n) => idOf(host, n, kind)));
    const hidden = screen.getByRole('button', { name: /^表3 1 张表 1 个错误 （隐藏）/ });
    expect(hidden.getAttribute('data-hidden')).toBe('true');
    expect(sheetButtons()).toHaveLength(5);
    const checks = checker.getState().checks;
    await act(async () => {
      fireEvent.click(hidden);
    });
    await waitFor(() =>
      expect(screen.getByTestId('other-sheet-hidden').textContent).toBe(
        '工作表「表3」已隐藏，不能打开：请先右键任一工作表标签，选择「取消隐藏」。',
      ),
    );
    expect(screen.getByTestId('other-sheet-hidden').getAttribute('role')).toBe('status');
    expect(host.activeSheet.name).toBe('表1');
    expect(checker.getState().checks).toBe(checks);
    // The clerk shows the sheet (no cell changes, no read needed): the next click lists the sheets
    // again and opens it.
    host.sheets[2].visibility = 'Visible';
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^表3 1 张表/ }));
    });
    await waitFor(() =>
      expect(screen.getByTestId('summary').textContent).toContain('工作表「表3」中找到 1 张绩效目标表'),
    );
    expect(host.activeSheet.name).toBe('表3');
    expect(screen.queryByTestId('other-sheet-hidden')).toBeNull();
    await act(() => checker.dispose());
  });
});
