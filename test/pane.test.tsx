/**
 * @jest-environment jsdom
 *
 * The pane as a component (jsdom + Testing Library) on the simulated host: summary and issues for a
 * small form, the empty state, the error shown when Office is absent, en-US strings, keyboard use.
 */
import '../src/core/locales/en-US';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { SETTINGS_KEY } from '../src/adapter/settings';
import '../src/i18n/en-US';
import { pickLocale, stringsOf, translator } from '../src/i18n/strings';
import { App } from '../src/taskpane/App';
import { Checker } from '../src/taskpane/checker';
import { mountPane } from '../src/taskpane/mount';
import { SMALL_FORM, simWorkbook, stubResizeObserver } from './helpers/pane';
import { installSimulatedWps } from '../src/sim/wps-sim';
import type { EtApplication } from '../src/wps/et';
import { mountWpsPane } from '../src/wps/mount';
import { WpsSession } from '../src/wps/session';
import type { SimWorkbook } from '../src/sim/workbook';

beforeAll(stubResizeObserver);

const FORM = SMALL_FORM;
const workbook = (rows: (string | number)[][]) => (lastBook = simWorkbook(rows));

/** Renders the pane on the installed simulated host and runs a first check (or starts live checking). */
/** The simulated host the pane runs on: Excel (Office.js) unless a test asks for WPS. */
let hostKind: 'Excel' | 'WPS' = 'Excel';
let lastBook: SimWorkbook | null = null;

async function renderPane(how: 'check' | 'start', locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Checker> {
  const session =
    hostKind === 'WPS'
      ? new WpsSession(installSimulatedWps({}, lastBook!) as unknown as EtApplication)
      : new ExcelSession(detectCapabilities(), 1);
  const checker = new Checker(session, 10);
  checker.locale = locale;
  render(<App checker={checker} locale={locale} />);
  await act(() => (how === 'check' ? checker.check() : checker.start()));
  return checker;
}

// The same pane scenarios on both simulated hosts: Excel (Office.js) and WPS 表格 (its object model).
describe.each(['Excel', 'WPS'] as const)('%s host', (kind) => {
  beforeEach(() => {
    hostKind = kind;
  });
  afterEach(() => {
    hostKind = 'Excel';
  });

  test('summary, issues grouped by table and rule, cell text rendered as text, click selects', async () => {
    const host = workbook(FORM);
    await renderPane('check');
    expect(screen.getByTestId('summary').textContent).toContain('找到 1 张绩效目标表');
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    const percent = document.querySelector('[data-rule="value/percent-range"]') as HTMLButtonElement;
    expect(percent.getAttribute('data-cell')).toBe('D8');
    // The accessible name is the visible text (severity, cell, message): no aria-label that differs from it.
    expect(percent.getAttribute('aria-label')).toBeNull();
    expect(percent.textContent).toMatch(/^错误D8/);
    // No 成本 indicators at all: a structure rule says so, whichever framework was detected.
    const missing = [...document.querySelectorAll('[data-rule^="structure/missing-level"]')]
      .map((e) => e.textContent)
      .join(' ');
    expect(missing).toContain('成本');
    percent.focus();
    await act(async () => {
      fireEvent.click(percent);
    });
    await waitFor(() => expect(host.selection?.area).toEqual({ top: 7, left: 3, bottom: 7, right: 3 }));
  });

  test('读取: one line when closed; opened, each field read with its cell, a button that selects it', async () => {
    const host = workbook(FORM);
    await renderPane('check');
    const toggle = await screen.findByTestId('reading-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe(
      '读取：年度资金总额 10 · 财预〔2015〕88号框架（成本指标为产出指标下的二级指标） · 指标 5 项',
    );
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const fields = [...document.querySelectorAll('[data-testid="reading-field"]')].map((b) => [
      b.getAttribute('data-field'),
      b.getAttribute('data-cell'),
      b.textContent,
    ]);
    expect(fields).toEqual([
      ['projectName', 'B2', '项目名称B2<img src=x onerror=alert(1)>'],
      ['department', 'B3', '主管部门B3某局'],
      ['implementer', 'D3', '实施单位D3某中心'],
      ['annual', 'C4', '年度资金总额C410'],
      ['fiscal', 'C5', '财政拨款C510'],
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('reading-not-found').textContent).toBe('表中未找到：年度目标');
    expect(screen.getByTestId('reading-indicators').textContent).toBe(
      '指标 5 项：产出指标 3 项，效益指标 1 项，满意度指标 1 项',
    );
    await act(async () => {
      fireEvent.click(document.querySelector('[data-field="annual"]')!);
    });
    await waitFor(() => expect(host.selection?.area).toEqual({ top: 3, left: 2, bottom: 3, right: 2 }));
  });

  test('更正读取: a selected cell set as 年度资金总额 is read so, kept in the workbook, and lapses when its text changes', async () => {
    // A form whose only figure sits beside a money word no label takes: not placed, so not claimed.
    const rows = FORM.map((r) => [...r]);
    rows[3] = ['本期安排经费', '', 10, ''];
    rows[4] = ['', '', '', ''];
    const host = workbook(rows);
    const checker = await renderPane('check');
    const errorsOf = () =>
      checker.getState().tables[0].issues.filter((i) => i.rule === 'header/missing-field');
    expect(errorsOf().map((i) => [i.severity, i.messageId])).toContainEqual(['info', 'unplacedAmount']);
    await act(async () => {
      fireEvent.click(await screen.findByTestId('reading-toggle'));
    });
    // The unplaced figure offers its likely roles as buttons.
    const asAnnual = [...document.querySelectorAll('[data-testid="unplaced-as"]')].find(
      (b) => b.getAttribute('data-role') === 'annual',
    )!;
    expect(asAnnual.textContent).toBe('年度资金总额');
    await act(async () => {
      fireEvent.click(asAnnual);
    });
    await waitFor(() => expect(checker.getState().tables[0].amounts.annual?.value).toBe(10));
    expect(errorsOf().filter((i) => i.messageId === 'unplacedAmount')).toEqual([]);
    expect(checker.getState().settings.saved).toEqual({
      corrections: [{ sheet: '附件2', cell: 'C4', text: '10', role: 'annual' }],
    });
    // Kept in the workbook with the settings (Office's add-in settings; WPS's document property).
    expect(
      JSON.stringify(kind === 'WPS' ? host.documentProperties : host.addinSettings).replace(/\\/g, ''),
    ).toContain('"role":"annual"');
    expect(screen.getByTestId('reading-corrected').textContent).toContain('C4 为年度资金总额');

    // A selected cell set as 项目名称 by the buttons under 更正读取.
    host.select(host.activeSheet.id, { top: 2, left: 1, bottom: 2, right: 1 });
    await act(async () => {
      fireEvent.click(
        [...document.querySelectorAll('[data-testid="correct-as"]')].find(
          (b) => b.getAttribute('data-role') === 'projectName',
        )!,
      );
    });
    await waitFor(() => expect(checker.getState().tables[0].projectName).toBe('某局'));

    // The cell's text changes: the correction lapses, the pane says so, and it can be removed.
    host.activeSheet.set(3, 2, 12);
    await act(() => checker.check());
    expect(checker.getState().tables[0].amounts.annual).toBeUndefined();
    expect(screen.getByTestId('lapsed').textContent).toContain('附件2!C4 设为年度资金总额（当时为「10」）');
    await act(async () => {
      fireEvent.click(screen.getByTestId('lapsed-remove'));
    });
    await waitFor(() => expect(checker.getState().lapsed).toEqual([]));
    expect(checker.getState().settings.saved).toEqual({
      corrections: [{ sheet: '附件2', cell: 'B3', text: '某局', role: 'projectName' }],
    });
  });

  test('更正读取: the framework chosen for a table is the one it is checked against, over the form’s own reading', async () => {
    workbook(FORM);
    const checker = await renderPane('check');
    expect(checker.getState().tables[0].framework).toBe('older');
    await act(async () => {
      fireEvent.click(await screen.findByTestId('reading-toggle'));
    });
    await act(async () => {
      fireEvent.change(screen.getByTestId('correct-framework'), { target: { value: 'newer' } });
    });
    await waitFor(() => expect(checker.getState().tables[0].framework).toBe('newer'));
    const t = checker.getState().tables[0];
    expect(t.frameworkBasis).toBe('corrected');
    expect(t.frameworkReason).toBe('按更正，以财预〔2021〕101号框架（成本指标为一级指标）检查');
    expect(t.issues.some((i) => i.rule === 'structure/missing-level1' && /成本指标/.test(i.message))).toBe(
      true,
    );
    expect(checker.getState().settings.saved).toEqual({
      corrections: [{ sheet: '附件2', cell: 'A6', text: '一级指标', role: 'framework', framework: 'newer' }],
    });
  });

  test('一键修复: applies the previewed fixes to the listed cells only', async () => {
    const rows = FORM.map((r) => [...r]);
    rows[6] = ['产出指标', '数量指标', '培训人数', '≥ 100 人'];
    rows[7] = ['', '质量指标', '合格率', '≧95％'];
    const host = workbook(rows);
    const checker = await renderPane('start');
    const all = await screen.findByTestId('fix-all');
    await act(async () => {
      fireEvent.click(all);
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('write-result')[0].textContent).toContain('已修复 2 处'),
    );
    expect(host.activeSheet.get(6, 3)?.value).toBe('≥100人');
    expect(host.activeSheet.get(7, 3)?.value).toBe('≥95%');
    expect(host.activeSheet.get(6, 2)?.value).toBe('培训人数');
    await act(() => checker.dispose());
  });
});

test('an empty sheet gets the explanation of what the pane looks for', async () => {
  workbook([]);
  await renderPane('check');
  expect(screen.getByTestId('empty').textContent).toContain('一级指标、二级指标、三级指标、指标值');
  expect(screen.getByTestId('empty').textContent).toContain('工作表是空的');
});

test('an Office error becomes a message in the pane, not a blank pane', async () => {
  const host = workbook(FORM);
  host.editMode = true;
  await renderPane('check');
  expect(screen.getByTestId('error').textContent).toContain('Excel 正处于单元格编辑状态');
});

test('outside Office the pane says so', async () => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
  const el = document.createElement('div');
  document.body.append(el);
  await act(async () => {
    await mountPane(el);
  });
  // jsdom's navigator says en-US: outside Office the browser's language decides.
  expect(el.textContent).toContain('Not running inside Excel');
});

test('the WPS entry: outside WPS the pane says so; in WPS (simulated) the same pane checks the sheet', async () => {
  const outside = document.createElement('div');
  document.body.append(outside);
  await act(async () => {
    await mountWpsPane(outside, { app: null, language: 'zh-CN' });
  });
  expect(outside.textContent).toContain('未检测到 WPS 表格');
  const book = simWorkbook(FORM);
  const el = document.createElement('div');
  document.body.append(el);
  let pane: Awaited<ReturnType<typeof mountWpsPane>> | null = null;
  await act(async () => {
    pane = await mountWpsPane(el, {
      app: installSimulatedWps({}, book) as unknown as EtApplication,
      language: 'zh-CN',
      debounceMs: 10,
    });
  });
  await waitFor(() => expect(pane!.checker!.getState().checks).toBeGreaterThan(0));
  expect(el.textContent).toContain('找到 1 张绩效目标表');
  expect(el.querySelector('[data-rule="value/percent-range"]')?.getAttribute('data-cell')).toBe('D8');
  await act(async () => {
    await pane!.unmount();
  });
});

test('the en-US pane shows the issues in English: rule headings and messages from the engine locale', async () => {
  workbook(FORM);
  await renderPane('check', 'en-US');
  const percent = document.querySelector('[data-rule="value/percent-range"]') as HTMLButtonElement;
  expect(percent.textContent).toContain('Rate 「≥120%」 exceeds 100%');
  expect(document.querySelector('[data-rule-heading="value/percent-range"]')?.textContent).toBe(
    'Rate out of range (1)',
  );
  expect(document.body.textContent).not.toContain('比率「');
});

test('en-US strings mirror zh-CN; locale follows Office display language', () => {
  expect(Object.keys(stringsOf('en-US')!).sort()).toEqual(Object.keys(stringsOf('zh-CN')!).sort());
  expect(pickLocale('zh-CN')).toBe('zh-CN');
  expect(pickLocale('zh-TW')).toBe('zh-CN');
  expect(pickLocale('en-US')).toBe('en-US');
  expect(translator('en-US')('summaryTables', { n: 2, sheet: 'S' })).toBe(
    'Found 2 performance target tables in sheet “S”',
  );
});

test('建议: select a 三级 cell, see its category’s phrasings, apply one in one sync, the issues update', async () => {
  const rows = FORM.map((r) => [...r]);
  rows[7] = ['', '质量指标', '合格率', '>=95%'];
  const host = workbook(rows);
  const checker = await renderPane('start');
  // A fix for ">=95%" is offered with its preview.
  const fix = await screen.findByRole('button', { name: '修复：>=95% → ≥95%' });
  expect(fix.getAttribute('title')).toBe('修复 D8：将「>=95%」改为「≥95%」');
  // 建议 has its own tab.
  fireEvent.click(screen.getByTestId('tab-suggestions'));
  // The user selects C8 (三级 合格率 under 质量指标).
  await act(async () => {
    host.selection = { sheetId: host.activeSheet.id, area: { top: 7, left: 2, bottom: 7, right: 2 } };
    await new Promise((r) => setTimeout(r, 150));
  });
  await waitFor(() => expect(screen.getByTestId('suggestions-target').textContent).toContain('C8'));
  const list = screen.getByTestId('row-suggestions');
  const first = list.querySelector('[data-testid="suggestion"]') as HTMLButtonElement;
  const phrasing = first.getAttribute('data-indicator')!;
  expect(phrasing).toMatch(/合格率/);
  fireEvent.click(screen.getByRole('checkbox', { name: /同时写入指标值/ }));
  const checks = checker.getState().checks;
  const syncs = host.syncCount;
  await act(async () => {
    fireEvent.click(list.querySelector('[data-testid="suggestion"]') as HTMLButtonElement);
  });
  await waitFor(() => expect(checker.getState().checks).toBeGreaterThan(checks));
  expect(host.activeSheet.get(7, 2)?.value).toBe(phrasing);
  expect(String(host.activeSheet.get(7, 3)?.value)).toMatch(/%$/);
  // One sync for the write, one for the re-check, one for its highlights.
  expect(host.syncCount - syncs).toBeLessThanOrEqual(3);
  await waitFor(() => expect(screen.queryByRole('button', { name: /修复：>=95%/ })).toBeNull());
  // After a suggestion is written the keyboard is on the result message, not on the page body.
  await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('write-result'));
  expect(document.activeElement?.textContent).toContain('已写入 C8');
  // Search by pinyin initials, filtered to 满意度.
  fireEvent.change(
    screen.getByTestId('phrasing-search').querySelector('input') ?? screen.getByTestId('phrasing-search'),
    { target: { value: 'fwdxmyd' } },
  );
  await waitFor(() => expect(screen.getByTestId('search-results').textContent).toContain('服务对象满意度'));
  await act(() => checker.dispose());
});

test('插入到已有内容下方: the form goes two blank rows under the used range, the sheet then holds two tables, nothing else moved', async () => {
  const host = workbook(FORM);
  const before = FORM.map((row, r) => row.map((_, c) => host.activeSheet.get(r, c)?.value ?? null));
  const checker = await renderPane('check');
  const below = await screen.findByTestId('insert-below');
  await act(async () => {
    fireEvent.click(below);
  });
  await waitFor(() => expect(screen.getByTestId('summary').textContent).toContain('找到 2 张绩效目标表'));
  // FORM ends on row 11 (index 10): rows 12 and 13 stay blank, the title is on row 14.
  expect(host.activeSheet.get(11, 0)?.value ?? null).toBeNull();
  expect(host.activeSheet.get(12, 0)?.value ?? null).toBeNull();
  expect(String(host.activeSheet.get(13, 0)?.value)).toMatch(/绩效目标表$/);
  expect(FORM.map((row, r) => row.map((_, c) => host.activeSheet.get(r, c)?.value ?? null))).toEqual(before);
  const tables = checker.getState().tables;
  expect(tables.map((t) => t.range.split(':')[0])).toEqual(['A1', 'A14']);
  await act(() => checker.dispose());
});

test('按所选区域识别: a form below the bar is read from the selected range, says what it lacks, and can be undone', async () => {
  // Only two indicator columns are labelled: the automatic recognition finds no table.
  const host = workbook([
    ['培训班指标'],
    ['三级指标', '指标值'],
    ['培训人数', '≥100人'],
    ['学员满意度', '提高'],
  ]);
  const checker = await renderPane('check');
  expect(screen.getByTestId('empty')).toBeTruthy();
  host.selection = { sheetId: host.activeSheet.id, area: { top: 0, left: 0, bottom: 3, right: 1 } };
  await act(() => checker.recogniseSelection());
  expect(screen.getByTestId('summary').textContent).toContain('找到 1 张绩效目标表');
  const result = screen.getByTestId('by-selection-result').textContent!;
  expect(result).toContain('已按所选区域 A1:B4 识别。');
  expect(result).toContain('所选区域中未能读出：项目名称、资金金额、年度总体目标、一级指标列、二级指标列。');
  expect(checker.getState().tables[0].source).toBe('selection');
  // The reading stays on later checks of the sheet, until the user goes back.
  await act(() => checker.check());
  expect(checker.getState().tables).toHaveLength(1);
  fireEvent.click(screen.getByTestId('by-selection-clear'));
  await waitFor(() => expect(checker.getState().tables).toHaveLength(0));
  expect(screen.queryByTestId('by-selection-result')).toBeNull();
});

test('按所选区域识别 never makes things worse: a range that reads less than the automatic reading keeps the automatic one and says what it lacked', async () => {
  const host = workbook(FORM);
  const checker = await renderPane('check');
  const automatic = checker.getState().tables[0];
  // A range that cuts the form short: the indicator block only, no header fields.
  host.selection = { sheetId: host.activeSheet.id, area: { top: 5, left: 0, bottom: 8, right: 3 } };
  await act(() => checker.recogniseSelection());
  expect(checker.getState().tables).toHaveLength(1);
  expect(checker.getState().tables[0].source).toBe('form');
  expect(checker.getState().tables[0].indicators).toEqual(automatic.indicators);
  const result = screen.getByTestId('by-selection-result').textContent!;
  expect(result).toContain('所选区域 A6:D9 读出的内容少于自动识别，已保留自动识别的结果。');
  expect(result).toContain('所选区域中未能读出：项目名称、资金金额、年度总体目标');
});

test('a near-miss is named in one line, not checked', async () => {
  workbook([
    ['2022年度项目支出绩效自评表'],
    ['项目名称', '营养改善计划'],
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '得分'],
    ['产出指标', '数量指标', '受助人数', '735人', '735人', 10],
  ]);
  await renderPane('check');
  expect(screen.getByTestId('near-miss').textContent).toBe(
    '此表像是绩效自评表，不是绩效目标表，未检查（A1:F4）',
  );
  expect(screen.queryByTestId('tables')).toBeNull();
});

test("issues in a clerk's words: rule titles (ids in the tooltip), errors first, no timings", async () => {
  const rows = FORM.map((r) => [...r]);
  rows[9] = ['效益指标', '社会效益', '群众知晓率', '≥90%']; // a 提示 (style/level2-name) on a row above the error below
  rows[10] = ['满意度指标', '服务对象满意度指标', '学员满意度', '提高']; // an error (value/satisfaction-form)
  workbook(rows);
  await renderPane('check');
  const headings = [...document.querySelectorAll('h4[data-rule-heading]')];
  const text = headings.map((h) => h.textContent).join(' | ');
  expect(text).not.toMatch(/[a-z]+\/[a-z-]+/); // no rule ids in the visible text
  expect(text).toContain('满意度不是百分比（1）');
  expect(headings.find((h) => h.textContent!.startsWith('满意度不是百分比'))!.getAttribute('title')).toMatch(
    /^value\/satisfaction-form：/,
  );
  // Errors first: every error group before every warning and info group.
  const severities = headings.map((h) =>
    (h.nextElementSibling!.querySelector('[data-rule]') as HTMLElement).getAttribute('data-severity')!,
  );
  const rank = severities.map((s) => ['error', 'warning', 'info'].indexOf(s));
  expect(rank).toEqual([...rank].sort((a, b) => a - b));
  expect(rank[0]).toBe(0);
  expect(document.body.textContent).not.toMatch(/检查用时|毫秒|次同步/);
});

/** A form with one error and several notation 提示 (spellings the fixes tidy). */
function notationForm(): (string | number)[][] {
  const rows = FORM.map((r) => [...r]);
  rows[6] = ['产出指标', '数量指标', '培训人数', '≥ 100 人'];
  rows[8] = ['', '时效指标', '完成时间', '≥ 95 ％'];
  rows[9] = ['效益指标', '社会效益', '群众知晓率', '>=90%'];
  rows[10] = ['满意度指标', '服务对象满意度指标', '学员满意度', '提高'];
  return rows;
}

test('the severity filter hides and shows issues; its toggles say whether they are pressed', async () => {
  workbook(notationForm());
  await renderPane('check');
  const info = screen.getByTestId('filter-info');
  expect(info.getAttribute('aria-pressed')).toBe('true');
  const before =
    document.querySelectorAll('[data-severity="info"]').length +
    Number(/写法不规范 (\d+) 处/.exec(document.body.textContent ?? '')?.[1] ?? 0);
  expect(before).toBeGreaterThan(0);
  expect(info.textContent).toMatch(/^✓ 提示 \d+$/);
  fireEvent.click(info);
  expect(info.getAttribute('aria-pressed')).toBe('false');
  expect(info.textContent).toMatch(/^提示 \d+$/);
  expect(info.querySelector('span[class]:last-child')?.className).toBeTruthy();
  expect(document.querySelectorAll('[data-severity="info"]').length).toBe(0);
  expect(screen.queryByTestId('notation')).toBeNull();
  expect(document.body.textContent).toMatch(/有 \d+ 条问题被筛选隐藏/);
  expect(document.querySelectorAll('[data-severity="error"]').length).toBeGreaterThan(0);
  fireEvent.click(info);
  expect(document.body.textContent).not.toMatch(/被筛选隐藏/);
});

test('notation 提示 collapse into one line with a one-click fix and a way to expand them', async () => {
  const host = workbook(notationForm());
  const checker = await renderPane('check');
  const line = screen.getByTestId('notation');
  expect(line.textContent).toMatch(/写法不规范 \d+ 处/);
  // Collapsed: the error is the first issue in the table, the notation issues are not listed.
  expect(line.querySelectorAll('[data-issue]').length).toBe(0);
  const toggle = screen.getByTestId('notation-toggle');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(line.querySelectorAll('[data-issue]').length).toBeGreaterThan(1);
  await act(async () => {
    fireEvent.click(screen.getByTestId('notation-fix-all'));
  });
  await waitFor(() => expect(screen.getAllByTestId('write-result')[0].textContent).toMatch(/已修复 \d+ 处/));
  expect(host.activeSheet.get(6, 3)?.value).toBe('≥100人');
  expect(screen.queryByTestId('notation')).toBeNull();
  // The keyboard is on an issue or the result message, never on the page body.
  await waitFor(() => expect(document.activeElement).not.toBe(document.body));
  await act(() => checker.dispose());
});

test('focus after 修复 goes to the next issue; after a template insertion to its message', async () => {
  const rows = FORM.map((r) => [...r]);
  rows[6] = ['产出指标', '数量指标', '培训人数', '≥ 100 人'];
  workbook(rows);
  const checker = await renderPane('check');
  const fix = screen.getAllByTestId('fix')[0];
  fix.focus();
  await act(async () => {
    fireEvent.click(fix);
  });
  await waitFor(() => expect(document.activeElement?.hasAttribute('data-issue')).toBe(true));
  // 插入模板 in its own tab; the tab puts the keyboard on the panel's first control.
  fireEvent.click(screen.getByTestId('tab-templates'));
  await waitFor(() => expect(screen.getByTestId('insert-new-sheet')).toBeTruthy());
  await act(async () => {
    fireEvent.click(screen.getByTestId('insert-new-sheet'));
  });
  await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('write-result'));
  expect(document.activeElement?.textContent).toContain('已在工作表「绩效目标表」插入空白绩效目标表。');
  await act(() => checker.dispose());
});

describe('插入模板 speaks the profile of the check settings', () => {
  /** The texts of the sheet the pane inserted the template into. */
  const insertedTexts = (book: SimWorkbook) =>
    [...book.sheets.find((s) => s.name === '绩效目标表')!.cells.values()].flatMap((row) =>
      [...row.values()].map((c) => c.value).filter((v): v is string => typeof v === 'string'),
    );
  async function insertNewSheet(settings: object | null): Promise<SimWorkbook> {
    const book = simWorkbook(FORM, settings ? { [SETTINGS_KEY]: settings } : {});
    lastBook = book;
    const checker = await renderPane('start');
    fireEvent.click(screen.getByTestId('tab-templates'));
    await waitFor(() => expect(screen.getByTestId('insert-new-sheet')).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByTestId('insert-new-sheet'));
    });
    await waitFor(() => expect(screen.getAllByTestId('write-result')[0].textContent).toContain('绩效目标表'));
    await act(() => checker.dispose());
    return book;
  }

  test('宁夏: the transfer half is 转移市县（区）资金 = 中央资金 + 自治区资金, and the panel says so', async () => {
    const book = await insertNewSheet({ profile: '宁夏' });
    expect(screen.getByTestId('template-funds').textContent).toContain('宁夏');
    expect(screen.getByTestId('template-funds').textContent).toContain('中央资金、自治区资金');
    expect(insertedTexts(book)).toEqual(
      expect.arrayContaining(['其中：本级资金', '其中：转移市县（区）资金', '中央资金', '自治区资金']),
    );
  });

  test.each([[null], [{ profile: '88号' }]])('settings %j: the standard words', async (settings) => {
    const book = await insertNewSheet(settings);
    const texts = insertedTexts(book);
    expect(texts).toContain('其中：上级转移支付资金');
    expect(texts.filter((x) => x === '财政拨款')).toHaveLength(2); // 本级 and 转移 both
    expect(texts.join()).not.toMatch(/中央资金|自治区资金|转移市县/);
  });
});

test('Office 2016 (ExcelApi 1.1): no selection events, so 建议 offers a button that reads the selected cell', async () => {
  const host = workbook(FORM);
  host.apiVersion = '1.1';
  const checker = new Checker(new ExcelSession(detectCapabilities(), 1), 10);
  render(<App checker={checker} locale="zh-CN" />);
  await act(() => checker.start());
  fireEvent.click(screen.getByTestId('tab-suggestions'));
  host.selection = { sheetId: host.activeSheet.id, area: { top: 7, left: 2, bottom: 7, right: 2 } };
  await new Promise((r) => setTimeout(r, 50));
  // Nothing follows the selection by itself on this host …
  expect(checker.getState().selection?.row).not.toBe(7);
  const button = await screen.findByTestId('refresh-selection');
  await act(async () => {
    fireEvent.click(button);
  });
  // … the button reads it.
  await waitFor(() => expect(screen.getByTestId('suggestions-target').textContent).toContain('C8'));
  await act(() => checker.dispose());
});

test('live checking by patches: an edit in one table leaves the other table’s list alone, with the keyboard where it was', async () => {
  const second = FORM.map((r) => r.map((v) => (v === '<img src=x onerror=alert(1)>' ? '第二个项目' : v)));
  const host = workbook([...FORM, [], [], ...second]);
  const checker = await renderPane('start');
  expect(checker.getState().tables).toHaveLength(2);
  const [first, other] = checker.getState().tables;
  const button = document.querySelector<HTMLElement>(`[data-range="${first.range}"] [data-issue]`)!;
  button.focus();
  const checks = checker.getState().checks;
  // The user types into the second table's 合格率 value (row 8 of the second form).
  await act(async () => {
    host.edit(host.activeSheet.id, FORM.length + 2 + 7, 3, '≥98%');
    await new Promise((r) => setTimeout(r, 100));
  });
  await waitFor(() => expect(checker.getState().checks).toBeGreaterThan(checks));
  expect(checker.getState().lastRead?.kind).toBe('patch');
  // The first table is the same object; its button is the same element and still has the keyboard.
  expect(checker.getState().tables[0]).toBe(first);
  expect(checker.getState().tables[1]).not.toBe(other);
  expect(document.activeElement).toBe(button);
  expect(button.isConnected).toBe(true);
  expect(
    document.querySelector(
      `[data-range="${other.range}"] [data-cell="D${FORM.length + 2 + 8}"][data-rule="value/percent-range"]`,
    ),
  ).toBeNull();
  await act(() => checker.dispose());
});
