/**
 * @jest-environment jsdom
 *
 * Frictions a new user met (issue 28, point 5), on both simulated hosts: a suggestion written over
 * the clerk's own text shows before → after and can be undone exactly (a formula stays a formula, a
 * number a number); 添加指标行 is offered on the selected indicator row in 检查结果.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { contentOf, contentToWrite, isEmptyContent } from '../src/host/contents';
import { installSimulatedWps } from '../src/sim/wps-sim';
import type { SimWorkbook } from '../src/sim/workbook';
import { App } from '../src/taskpane/App';
import { Checker } from '../src/taskpane/checker';
import type { EtApplication } from '../src/wps/et';
import { WpsSession } from '../src/wps/session';
import { SMALL_FORM, simWorkbook, stubResizeObserver } from './helpers/pane';

beforeAll(stubResizeObserver);

type Kind = 'Excel' | 'WPS';

async function renderPane(kind: Kind, host: SimWorkbook): Promise<Checker> {
  const session =
    kind === 'WPS'
      ? new WpsSession(installSimulatedWps({}, host) as unknown as EtApplication)
      : new ExcelSession(detectCapabilities(), 1);
  const checker = new Checker(session, 10);
  render(<App checker={checker} locale="zh-CN" />);
  await act(() => checker.start());
  return checker;
}

/** The clerk clicks a cell (zero-based row and column); the pane reads the selection. */
async function selectCell(host: SimWorkbook, row: number, col: number): Promise<void> {
  await act(async () => {
    host.selection = { sheetId: host.activeSheet.id, area: { top: row, left: col, bottom: row, right: col } };
    await new Promise((r) => setTimeout(r, 150));
  });
}

const cellOf = (host: SimWorkbook, row: number, col: number) => {
  const c = host.activeSheet.get(row, col);
  return { value: c?.value ?? '', formula: c?.formula, numberFormat: c?.numberFormat ?? 'General' };
};

/** SMALL_FORM with 合格率 in C8 and, in D8, a formula giving 0.95 shown as 95%. */
function formWithFormula(): SimWorkbook {
  const rows = SMALL_FORM.map((r) => [...r]);
  rows[7] = ['', '质量指标', '合格率', ''];
  const host = simWorkbook(rows);
  host.activeSheet.setFormula(7, 3, '=0.5+0.45');
  host.activeSheet.setNumberFormat(7, 3, '0%');
  return host;
}

/** Opens 建议 on C8, ticks 同时写入指标值 and applies the first phrasing of the row; its text. */
async function applyFirstPhrasing(host: SimWorkbook, checker: Checker): Promise<string> {
  fireEvent.click(screen.getByTestId('tab-suggestions'));
  await selectCell(host, 7, 2);
  await waitFor(() => expect(screen.getByTestId('suggestions-target').textContent).toContain('C8'));
  const first = (await screen.findByTestId('row-suggestions')).querySelector(
    '[data-testid="suggestion"]',
  ) as HTMLButtonElement;
  const phrasing = first.getAttribute('data-indicator')!;
  fireEvent.click(screen.getByRole('checkbox', { name: /同时写入指标值/ }));
  const checks = checker.getState().checks;
  await act(async () => {
    fireEvent.click(first);
  });
  await waitFor(() => expect(checker.getState().checks).toBeGreaterThan(checks));
  return phrasing;
}

describe.each(['Excel', 'WPS'] as const)('%s host', (kind) => {
  test('a phrasing over the clerk’s text: before → after in the message, and 撤销 puts both cells back exactly', async () => {
    const host = formWithFormula();
    const before = { c8: cellOf(host, 7, 2), d8: cellOf(host, 7, 3) };
    expect(before.d8).toEqual({ value: 0.95, formula: '=0.5+0.45', numberFormat: '0%' });
    const checker = await renderPane(kind, host);
    const phrasing = await applyFirstPhrasing(host, checker);
    expect(host.activeSheet.get(7, 2)?.value).toBe(phrasing);
    const written = String(host.activeSheet.get(7, 3)?.value);
    expect(written).toMatch(/%$/);
    expect(host.activeSheet.get(7, 3)?.formula).toBeUndefined();

    // The message names each cell with what it held (as shown) and what it holds now.
    const message = await waitFor(() => {
      const el = document.activeElement as HTMLElement;
      expect(el.getAttribute('data-testid')).toBe('write-result');
      return el;
    });
    expect(message.textContent).toContain('已写入 C8、D8，替换了原有内容：');
    expect(
      [...within(message).getByTestId('replaced').querySelectorAll('li')].map((li) => li.textContent),
    ).toEqual([`C8：「合格率」→「${phrasing}」`, `D8：「95%」→「${written}」`]);
    // 撤销 is a button in the message, named by its visible text, reached from the message by Tab.
    const undo = within(message).getByRole('button', { name: '撤销' });
    expect(undo.getAttribute('aria-label')).toBeNull();
    expect(undo.hasAttribute('disabled')).toBe(false);
    expect(message.compareDocumentPosition(undo) & Node.DOCUMENT_POSITION_CONTAINED_BY).toBeTruthy();

    const checks = checker.getState().checks;
    await act(async () => {
      fireEvent.click(undo);
    });
    await waitFor(() => expect(checker.getState().checks).toBeGreaterThan(checks));
    // Both cells as they were: the text, the formula (not its result), the number format.
    expect(cellOf(host, 7, 2)).toEqual(before.c8);
    expect(cellOf(host, 7, 3)).toEqual(before.d8);
    await waitFor(() =>
      expect(screen.getByTestId('write-result').textContent).toBe('已撤销：C8、D8 恢复为原来的内容。'),
    );
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
    expect(checker.getState().undo).toBeNull();
    await act(() => checker.dispose());
  });

  test('撤销 never overwrites what the clerk typed after the write: it says so and leaves the cells alone', async () => {
    const host = formWithFormula();
    const checker = await renderPane(kind, host);
    await applyFirstPhrasing(host, checker);
    const undo = await screen.findByRole('button', { name: '撤销' });
    // The clerk types into C8 after the suggestion was written.
    await act(async () => {
      host.edit(host.activeSheet.id, 7, 2, '培训合格人数占比');
      await new Promise((r) => setTimeout(r, 50));
    });
    const d8 = cellOf(host, 7, 3);
    await act(async () => {
      fireEvent.click(undo);
    });
    await waitFor(() =>
      expect(screen.getByTestId('write-result').textContent).toBe(
        'C8 在写入后已被修改，为免覆盖新的内容，没有撤销。',
      ),
    );
    expect(host.activeSheet.get(7, 2)?.value).toBe('培训合格人数占比');
    expect(cellOf(host, 7, 3)).toEqual(d8);
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
    await act(() => checker.dispose());
  });

  test('a phrasing into empty cells asks nothing and offers no 撤销', async () => {
    const rows = SMALL_FORM.map((r) => [...r]);
    rows[7] = ['', '质量指标', '', ''];
    const host = simWorkbook(rows);
    const checker = await renderPane(kind, host);
    await applyFirstPhrasing(host, checker);
    await waitFor(() => expect(screen.getByTestId('write-result').textContent).toBe('已写入 C8、D8。'));
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
    expect(checker.getState().undo).toBeNull();
    await act(() => checker.dispose());
  });

  test('添加指标行 on the selected indicator row in 检查结果: under that row’s 二级, by keyboard, named by its text', async () => {
    const host = simWorkbook(SMALL_FORM);
    const checker = await renderPane(kind, host);
    // Outside the indicator rows (the project name) there is nothing to add.
    await selectCell(host, 1, 1);
    expect(screen.queryByTestId('selected-row')).toBeNull();
    // C8: 合格率 under 质量指标.
    await selectCell(host, 7, 2);
    const results = screen.getByRole('tabpanel', { name: '检查结果' });
    const block = await within(results).findByTestId('selected-row');
    expect(block.textContent).toBe('在「质量指标」下添加指标行（所选第 8 行）');
    const add = within(block).getByRole('button', { name: '在「质量指标」下添加指标行' });
    expect(add.getAttribute('aria-label')).toBeNull();
    expect(add.tagName).toBe('BUTTON');
    expect(add.tabIndex).toBe(0);
    const indicators = checker.getState().tables[0].indicators.length;
    const checks = checker.getState().checks;
    // The keyboard: Enter on a focused button is its click.
    add.focus();
    expect(document.activeElement).toBe(add);
    await act(async () => {
      fireEvent.click(add);
    });
    await waitFor(() => expect(checker.getState().checks).toBeGreaterThan(checks));
    // A new row 9 under 质量指标: 时效指标 moved down a row, the table still one table.
    expect(host.activeSheet.get(8, 1)?.value ?? '').toBe('');
    expect(host.activeSheet.get(9, 1)?.value).toBe('时效指标');
    expect(checker.getState().tables).toHaveLength(1);
    expect(checker.getState().tables[0].bottom).toBe(11);
    expect(checker.getState().tables[0].indicators.length).toBeGreaterThanOrEqual(indicators);
    await waitFor(() =>
      expect(screen.getByTestId('write-result').textContent).toBe('已在「质量指标」下添加第 9 行。'),
    );
    await act(() => checker.dispose());
  });
});

test('a cell’s content is put back as it was: a formula as a formula, a number as a number, a text that looks like a number as text', () => {
  expect(contentOf(0.95, '=0.5+0.45')).toEqual({ value: 0.95, formula: '=0.5+0.45' });
  expect(contentOf(0.95, 0.95)).toEqual({ value: 0.95 });
  expect(contentOf(undefined, undefined)).toEqual({ value: '' });
  expect(isEmptyContent(contentOf('', ''))).toBe(true);
  expect(isEmptyContent(contentOf(' ', ' '))).toBe(false);
  expect(isEmptyContent(contentOf(0, 0))).toBe(false);
  expect(contentToWrite({ value: 0.95, formula: '=0.5+0.45' })).toBe('=0.5+0.45');
  expect(contentToWrite({ value: 0.95 })).toBe(0.95);
  expect(contentToWrite({ value: '合格率' })).toBe('合格率');
  expect(contentToWrite({ value: '≥95%' })).toBe('≥95%');
  expect(contentToWrite({ value: '2026年12月前' })).toBe('2026年12月前');
  for (const looksTyped of [
    '100%',
    '001',
    '2026-12',
    '2026年12月',
    '12月31日',
    'TRUE',
    '=不是公式',
    '-5',
    '12:30',
  ])
    expect(contentToWrite({ value: looksTyped })).toBe(`'${looksTyped}`);
});
