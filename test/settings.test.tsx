/**
 * @jest-environment jsdom
 *
 * The pane's check settings, saved in the workbook (Office.context.document.settings on the
 * simulated host): used from the first check, edited in the 设置 tab, validated before saving,
 * and a failed save changes nothing.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExcelSession } from '../src/adapter/excel';
import { SETTINGS_KEY } from '../src/adapter/settings';
import { detectCapabilities } from '../src/adapter/host';
import { installSimulatedOffice } from '../src/sim/office-sim';
import { App } from '../src/taskpane/App';
import { Checker } from '../src/taskpane/checker';
import { SMALL_FORM, simWorkbook, stubResizeObserver } from './helpers/pane';

beforeAll(stubResizeObserver);

// The small form with a cost line: a 社会效益 but no 可持续影响 (必填 under 宁夏), and a rate over 100%.
const FORM = [...SMALL_FORM.slice(0, 9), ['', '成本指标', '培训经费', '10万元'], ...SMALL_FORM.slice(9)];

const workbook = (saved?: unknown) => simWorkbook(FORM, saved === undefined ? {} : { [SETTINGS_KEY]: saved });

async function startPane(): Promise<Checker> {
  const checker = new Checker(new ExcelSession(detectCapabilities(), 1), 10);
  render(<App checker={checker} locale="zh-CN" />);
  await act(() => checker.start());
  return checker;
}

const rulesShown = () =>
  [...document.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule'));

async function openSettings() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('tab-settings'));
  });
  await waitFor(() => expect(screen.getByTestId('settings')).toBeTruthy());
}

async function choose(testId: string, value: string) {
  await act(async () => {
    fireEvent.change(screen.getByTestId(testId), { target: { value } });
  });
}

async function press(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
  // Saving checks the sheet again (the engine may still be loading on a busy machine): a generous wait.
  await waitFor(() => expect(screen.getByTestId('settings-result')).toBeTruthy(), { timeout: 10000 });
}

test('settings saved in the workbook apply from the first check, and the pane says so', async () => {
  workbook({ profile: '宁夏', rules: { 'value/percent-range': 'off' } });
  const checker = await startPane();
  expect(checker.getState().settings.config.profile).toBe('宁夏');
  expect(rulesShown()).toContain('structure/required-level2');
  expect(rulesShown()).not.toContain('value/percent-range');
  expect(screen.getByTestId('settings-in-force').textContent).toContain('宁夏');
});

test('invalid saved settings: the defaults are used and the notice names the key', async () => {
  workbook({ profile: '广东' });
  await startPane();
  expect(document.body.textContent).toContain('工作簿中保存的检查设置无效');
  expect(document.body.textContent).toContain('profile: 没有这个规范');
  expect(rulesShown()).toContain('value/percent-range');
  expect(rulesShown()).not.toContain('structure/required-level2');
  expect(screen.queryByTestId('settings-in-force')).toBeNull();
});

test('the 设置 tab: a profile and a rule turned off are saved in the workbook and the sheet is checked again', async () => {
  const host = workbook();
  await startPane();
  expect(rulesShown()).toContain('value/percent-range');
  await openSettings();
  await choose('settings-profile', '宁夏');
  await choose('settings-level-value/percent-range', 'off');
  await press('settings-save');
  expect(screen.getByTestId('settings-result').textContent).toContain('设置已保存到工作簿');
  expect(host.addinSettings[SETTINGS_KEY]).toEqual({
    profile: '宁夏',
    rules: { 'value/percent-range': 'off' },
  });
  expect(rulesShown()).toContain('structure/required-level2');
  expect(rulesShown()).not.toContain('value/percent-range');

  // A pane opened later on the same workbook starts with them.
  installSimulatedOffice(globalThis as unknown as Record<string, unknown>, host);
  const again = new Checker(new ExcelSession(detectCapabilities(), 1), 10);
  await again.loadSettings();
  expect(again.getState().settings.config).toEqual({
    profile: '宁夏',
    rules: { 'value/percent-range': 'off' },
    ruleOptions: {},
  });

  // 恢复默认 removes them from the workbook.
  await press('settings-reset');
  expect(host.addinSettings).toEqual({});
  expect(rulesShown()).toContain('value/percent-range');
});

test('an option out of range is refused with the key, and nothing is saved', async () => {
  const host = workbook();
  await startPane();
  await openSettings();
  await choose('settings-option-value/satisfaction-form-minimum', '150');
  await press('settings-save');
  expect(screen.getByTestId('settings-result').textContent).toMatch(
    /设置未保存：工作簿中的检查设置: rules\["value\/satisfaction-form"\]\[1\]\.minimum/,
  );
  expect(host.addinSettings).toEqual({});
});

test('a failed save leaves the workbook and the settings in force as they were', async () => {
  const host = workbook({ rules: { 'style/notation': 'off' } });
  const checker = await startPane();
  host.failSettingsSave = true;
  await openSettings();
  await choose('settings-level-value/percent-range', 'off');
  await press('settings-save');
  expect(screen.getByTestId('settings-result').textContent).toContain('设置未能保存到工作簿，原设置不变');
  expect(host.addinSettings).toEqual({ [SETTINGS_KEY]: { rules: { 'style/notation': 'off' } } });
  // Office's in-memory copy is put back too: nothing half-saved is read later in this session.
  const office = (
    globalThis as unknown as { Office: { context: { document: { settings: { get(k: string): unknown } } } } }
  ).Office;
  expect(office.context.document.settings.get(SETTINGS_KEY)).toEqual({ rules: { 'style/notation': 'off' } });
  expect(checker.getState().settings.config.rules).toEqual({ 'style/notation': 'off' });
  expect(rulesShown()).toContain('value/percent-range');
});

test("the 设置 tab: a template's own words are saved with the settings and read; the clerk's corrections survive a save and a reset", async () => {
  const correction = { sheet: '附件2', cell: 'B3', text: '某局', role: 'projectName' };
  const rows = FORM.map((r) => [...r]);
  rows[3] = ['本期安排经费', '', 10, ''];
  rows[4] = ['', '', '', ''];
  const host = simWorkbook(rows, { [SETTINGS_KEY]: { corrections: [correction] } });
  const checker = await startPane();
  expect(checker.getState().tables[0].amounts.annual).toBeUndefined();
  expect(checker.getState().tables[0].projectName).toBe('某局');
  await openSettings();
  await choose('settings-vocabulary-annual', '本期安排经费\n');
  await press('settings-save');
  expect(host.addinSettings[SETTINGS_KEY]).toEqual({
    vocabulary: { annual: ['本期安排经费'] },
    corrections: [correction],
  });
  await waitFor(() => expect(checker.getState().tables[0].amounts.annual?.value).toBe(10));
  expect(checker.getState().tables[0].projectName).toBe('某局');
  await press('settings-reset');
  expect(host.addinSettings[SETTINGS_KEY]).toEqual({ corrections: [correction] });
  await waitFor(() => expect(checker.getState().tables[0].amounts.annual).toBeUndefined());
});
