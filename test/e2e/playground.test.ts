/**
 * Browser tests: the production build of the playground (the real pane and adapter on the
 * simulated Office host) in Chromium, driven by playwright-core.
 *
 * Needs `npm run build` first (npm test does it). The browser is the one scripts/browser.js finds
 * or brings (CHROMIUM_PATH, a system Chromium, else the one inside the npm package
 * @sparticuz/chromium): no install step of its own.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { a1, a1Range, parseA1Range } from '../../src/core/grid';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve') as {
  serve: (dir: string, o: { port: number }) => Promise<{ port: number; close: () => Promise<void> }>;
};

const ROOT = path.join(__dirname, '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');
/** The browser npm test resolved (scripts/browser.js caches an unpacked one, so this is quick). */
function chromiumPath(): string {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'browser.js'), '--json'], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { path: string }).path;
}

let browser: Browser;
let server: { port: number; close: () => Promise<void> };
let base: string;
const outside: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB, 'playground.html')))
    throw new Error('dist/web is missing: run `npm run build` first (npm test does).');
  const executablePath = chromiumPath();
  server = await serve(WEB, { port: 0 });
  base = `http://127.0.0.1:${server.port}`;
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(fixture: string, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (
      !['127.0.0.1', 'localhost'].includes(url.hostname) &&
      url.protocol !== 'data:' &&
      url.protocol !== 'blob:'
    )
      outside.push(req.url());
  });
  page.on('pageerror', (e) => outside.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/playground.html?fixture=${encodeURIComponent(fixture)}${query}`);
  await page
    .locator('[data-testid=summary]')
    .getByText(/找到 \d+ 张绩效目标表|没有找到/)
    .waitFor({ timeout: 30000 });
  return page;
}

const checks = (page: Page) => page.evaluate(() => window.jixiaoPlayground!.pane.checker!.getState().checks);

async function waitForCheckAfter(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (k) =>
      window.jixiaoPlayground!.pane.checker!.getState().checks > k &&
      window.jixiaoPlayground!.pane.checker!.getState().status === 'done',
    n,
    { timeout: 15000 },
  );
}

test('a seed form: tables found, 农村信息员生活补助 lacks 成本指标, the other seed defects listed', async () => {
  const page = await open('pingluo.xlsx');
  const summary = await page.locator('[data-testid=summary]').innerText();
  expect(summary).toMatch(/找到 \d+ 张绩效目标表/);
  const table = page.locator('[data-range]', { hasText: '农村信息员生活补助' });
  await expect(table.count()).resolves.toBe(1);
  // With many tables only the active one is open: the clerk opens this one.
  if ((await table.locator('[data-issue]').count()) === 0) await table.locator('button').first().click();
  const missing = table.locator('[data-rule="structure/missing-level1"]');
  await expect(missing.first().innerText()).resolves.toContain('成本指标');
  // Other rules from the seeds show up too (sums, values).
  const rulesShown = await page.evaluate(() => [
    ...new Set(
      window.jixiaoPlayground!.pane.checker!.getState().tables.flatMap((t) => t.issues.map((i) => i.rule)),
    ),
  ]);
  expect(rulesShown.length).toBeGreaterThanOrEqual(3);
  await page.close();
});

test('clicking an issue selects its cell in the sheet, in one sync (and one more for 建议 to read it)', async () => {
  const page = await open('guyuan.xlsx');
  const issue = page.locator('[data-rule="value/cost-not-amount"]').first();
  const cell = (await issue.getAttribute('data-cell'))!;
  const before = await page.evaluate(() => window.jixiaoPlayground!.syncs());
  await issue.click();
  await page.locator(`td[data-cell="${cell}"][data-selected="true"]`).waitFor({ timeout: 5000 });
  // One sync selects the cell; the selection event then has the 建议 section read the selection
  // (one more). Wait for that second one rather than racing it.
  await page.waitForFunction(
    (c) => window.jixiaoPlayground!.pane.checker!.getState().selection?.address.endsWith(`!${c}`) === true,
    cell,
    { timeout: 5000 },
  );
  expect(await page.evaluate(() => window.jixiaoPlayground!.syncs())).toBe(before + 2);
  await page.close();
});

test('editing a cell to make a sum right removes the issue (live), and the update time is measured', async () => {
  const page = await open('ningxia.xlsx', '&debounce=100');
  // Find a sum/funds issue if the fixture has one; otherwise make one, then fix it.
  const state = await page.evaluate(() => {
    const s = window.jixiaoPlayground!.pane.checker!.getState();
    const t = s.tables[0];
    return {
      fiscal: t.amounts.fiscal,
      total: t.amounts.total ?? t.amounts.annual,
      issues: t.issues.filter((i) => i.rule === 'sum/funds').length,
    };
  });
  expect(state.fiscal).toBeTruthy();
  expect(state.issues).toBe(0);
  const fiscalCell = state.fiscal!.cell;
  const original = await page.locator(`td[data-cell="${fiscalCell}"]`).innerText();

  const edit = async (text: string) => {
    const n = await checks(page);
    await page.locator(`td[data-cell="${fiscalCell}"]`).dblclick();
    const input = page.getByLabel(`编辑 ${fiscalCell}`);
    await input.fill(text);
    await input.press('Enter');
    await waitForCheckAfter(page, n);
  };
  await edit('1');
  await expect(page.locator('[data-rule="sum/funds"]').count()).resolves.toBeGreaterThan(0);
  await edit(original);
  await expect(page.locator('[data-rule="sum/funds"]').count()).resolves.toBe(0);
  const { ms, read } = await page.evaluate(() => ({
    ms: window.jixiaoPlayground!.pane.checker!.getState().lastMs,
    read: window.jixiaoPlayground!.pane.checker!.getState().lastRead,
  }));
  console.log(
    `edit → pane updated, beyond the debounce: ${ms} ms (ningxia.xlsx; read: ${JSON.stringify(read)})`,
  );
  expect(ms).not.toBeNull();
  // Live checking read only the edited form again, not the sheet.
  expect(read?.kind).toBe('patch');
  await page.close();
});

// The pane's scenarios on both simulated hosts: Excel through Office.js, WPS 表格 through its object model.
describe.each([
  ['Excel', ''],
  ['WPS', '&host=wps'],
] as const)('%s host', (host, query) => {
  test('建议: select a 三级 cell of a seed table, see its phrasings, apply one with its value; the cell and the issues update', async () => {
    const page = await open('pingluo.xlsx', `&debounce=100${query}`);
    const target = await page.evaluate(() => {
      for (const t of window.jixiaoPlayground!.pane.checker!.getState().tables) {
        for (const i of t.indicators)
          if (i.name?.text === '各单位对电子政务外网工作满意度')
            return { name: i.name.cell, value: i.value!.cell };
      }
      return null;
    });
    expect(target).not.toBeNull();
    await expect(
      page.locator(`[data-rule="value/satisfaction-form"][data-cell="${target!.value}"]`).count(),
    ).resolves.toBe(1);
    await page.locator(`td[data-cell="${target!.name}"]`).click();
    await page.getByTestId('tab-suggestions').click();
    await page
      .locator('[data-testid=suggestions-target]', { hasText: target!.name })
      .waitFor({ timeout: 10000 });
    const first = page.locator('[data-testid=row-suggestions] [data-testid=suggestion]').first();
    const phrasing = (await first.getAttribute('data-indicator'))!;
    expect(phrasing).toMatch(/满意度/);
    await page.getByRole('checkbox', { name: /同时写入指标值/ }).check();
    const n = await checks(page);
    const syncs = await page.evaluate(() => window.jixiaoPlayground!.syncs());
    await first.click();
    await waitForCheckAfter(page, n);
    await expect(page.locator(`td[data-cell="${target!.name}"]`).innerText()).resolves.toBe(phrasing);
    await expect(page.locator(`td[data-cell="${target!.value}"]`).innerText()).resolves.toMatch(/^≥\d+%$/);
    await expect(
      page.locator(`[data-rule="value/satisfaction-form"][data-cell="${target!.value}"]`).count(),
    ).resolves.toBe(0);
    // The write itself is one sync; the re-check and its highlights follow (Excel's context.sync count;
    // on WPS every object-model call counts, a different scale).
    const used = (await page.evaluate(() => window.jixiaoPlayground!.syncs())) - syncs;
    if (host === 'Excel') expect(used).toBeLessThanOrEqual(4);
    // The search box answers pinyin initials.
    await page.getByRole('textbox', { name: '搜索标准表述' }).fill('fwdxmyd');
    await page
      .locator('[data-testid=search-results] [data-indicator="服务对象满意度"]')
      .waitFor({ timeout: 5000 });
    await page.close();
  });

  test('插入模板: into a new sheet it is recognised with only a blank form’s issues; over data it is refused and a new sheet offered', async () => {
    const page = await open('ningxia.xlsx', `&debounce=100${query}`);
    // 插入模板 has its own tab; choosing it puts the keyboard on the panel's first control.
    await page.getByTestId('tab-templates').click();
    await page.locator('[data-testid=templates]').waitFor({ timeout: 10000 });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'template-framework',
    );
    await expect(page.getByTestId('template-framework').isVisible()).resolves.toBe(true);
    const inView = await page.getByTestId('template-framework').evaluate((e) => {
      const r = e.getBoundingClientRect();
      const p = document.getElementById('pane')!.getBoundingClientRect();
      return r.top >= p.top && r.bottom <= p.bottom;
    });
    expect(inView).toBe(true);
    // Over data: select A1 of the seed sheet, insert there.
    await page.locator('td[data-cell="A1"]').click();
    await page.waitForFunction(
      () => window.jixiaoPlayground!.pane.checker!.getState().selection?.address?.endsWith('A1') === true,
      null,
      { timeout: 5000 },
    );
    const before = await page.evaluate(() =>
      JSON.stringify([...window.jixiaoPlayground!.host.activeSheet.cells].map(([r, row]) => [r, [...row]])),
    );
    await page.getByTestId('insert-at-selection').click();
    const blocked = page.getByTestId('template-blocked');
    await blocked.waitFor({ timeout: 5000 });
    await expect(blocked.innerText()).resolves.toMatch(/未写入任何内容：A1/);
    const after = await page.evaluate(() =>
      JSON.stringify([...window.jixiaoPlayground!.host.activeSheet.cells].map(([r, row]) => [r, [...row]])),
    );
    expect(after).toBe(before);
    // Everything fits the task pane's width (a long dropdown option once pushed it sideways).
    expect(await page.locator('#pane').evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
    // The offered new sheet: the template goes there and the pane checks it.
    const n = await checks(page);
    await page.getByTestId('offer-new-sheet').click();
    await waitForCheckAfter(page, n);
    // The keyboard is on the result message; the results are in their tab.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'write-result',
      null,
      { timeout: 5000 },
    );
    await page.getByTestId('tab-results').click();
    await page
      .locator('[data-testid=summary]')
      .getByText(/工作表「绩效目标表」中找到 1 张绩效目标表/)
      .waitFor({ timeout: 10000 });
    const rules = await page
      .locator('[data-rule]')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-rule')))].sort());
    expect(rules).toEqual(['header/missing-field', 'structure/empty-cell']);
    await page.close();
  });

  test('添加指标行 inside a seed table: the new row sits under its 二级 and the structure is kept', async () => {
    const page = await open('ningxia.xlsx', `&debounce=100${query}`);
    const target = await page.evaluate(() => {
      const t = window
        .jixiaoPlayground!.pane.checker!.getState()
        .tables.find((x) => x.projectName?.includes('尾款'))!;
      const i = t.indicators.find((x) => x.level2?.name === '数量指标')!;
      return {
        cell: i.name!.cell,
        level2: i.level2!.cell,
        range: t.range,
        rows: t.indicators.length,
        structure: t.issues.filter(
          (x) => x.rule.startsWith('structure/') && x.rule !== 'structure/empty-cell',
        ).length,
      };
    });
    await page.locator(`td[data-cell="${target.cell}"]`).click();
    await page.getByTestId('tab-suggestions').click();
    await page.locator('[data-testid=add-row]').waitFor({ timeout: 10000 });
    const n = await checks(page);
    await page.getByTestId('add-row').click();
    await waitForCheckAfter(page, n);
    await page.getByTestId('write-result').first().waitFor({ timeout: 5000 });
    // The keyboard goes to the result message, not to the page body.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'write-result',
      null,
      { timeout: 5000 },
    );
    // The 二级 merge now covers the new row, and the table's structure issues did not change.
    const state = await page.evaluate((l2) => {
      const ws = window.jixiaoPlayground!.host.activeSheet;
      const m = (s: string) => /^([A-Z]+)(\d+)$/.exec(s)!;
      const [, col, row] = m(l2);
      const c = col.charCodeAt(0) - 65;
      const r = Number(row) - 1;
      const merge = ws.merges.find((x) => x.left === c && x.top === r);
      const t = window
        .jixiaoPlayground!.pane.checker!.getState()
        .tables.find((x) => x.projectName?.includes('尾款'))!;
      return {
        merge,
        structure: t.issues.filter(
          (x) => x.rule.startsWith('structure/') && x.rule !== 'structure/empty-cell',
        ).length,
        selected: window.jixiaoPlayground!.host.selection,
      };
    }, target.level2);
    expect(state.merge).toBeTruthy();
    expect(state.structure).toBe(target.structure);
    expect(state.selected!.area.top).toBeGreaterThan(state.merge!.top);
    expect(state.selected!.area.top).toBeLessThanOrEqual(state.merge!.bottom);
    await page.close();
  });

  test("highlights appear and clear without changing the cell's own format", async () => {
    const page = await open('guyuan.xlsx', query);
    const cell = (await page
      .locator('[data-rule="value/cost-not-amount"]')
      .first()
      .getAttribute('data-cell'))!;
    const td = page.locator(`td[data-cell="${cell}"]`);
    const own = await td.getAttribute('data-own-fill');
    expect(await td.getAttribute('data-cf-fill')).toBe('#FFC7CE');
    const before = await page.evaluate(() => window.jixiaoPlayground!.syncs());
    await page.getByTestId('highlight').click();
    await page.waitForFunction(
      (c) => document.querySelector(`td[data-cell="${c}"]`)!.getAttribute('data-cf-fill') === '',
      cell,
    );
    if (host === 'Excel')
      expect(await page.evaluate(() => window.jixiaoPlayground!.syncs())).toBe(before + 1);
    expect(await td.getAttribute('data-own-fill')).toBe(own);
    const formats = await page.evaluate(() =>
      window.jixiaoPlayground!.host.sheets.map((s) => s.conditionalFormats.length),
    );
    expect(formats.every((n) => n === 0)).toBe(true);
    await page.close();
  });
});

test('workbook text is shown as text, never as HTML', async () => {
  const page = await open('guyuan.xlsx');
  // A 成本 value cell: value/cost-not-amount quotes the value back in its message.
  const cell = (await page
    .locator('#pane [data-rule="value/cost-not-amount"]')
    .first()
    .getAttribute('data-cell'))!;
  const { top, left } = parseA1Range(cell)!;
  const n = await checks(page);
  await page.evaluate(
    ([r, c]) => {
      const pg = window.jixiaoPlayground!;
      pg.host.edit(pg.host.activeSheet.id, r, c, '<img src=x onerror="window.__xss=1">');
    },
    [top, left],
  );
  await waitForCheckAfter(page, n);
  const shown = await page.locator(`#pane [data-cell="${cell}"]`).first().innerText();
  expect(shown).toContain('<img src=x onerror="window.__xss=1">');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('#pane img, #grid img').count()).toBe(0);
  await page.close();
});

/** Sets the pane's width (Excel's task pane is 320–500 px wide; 350 by default). */
async function paneWidth(page: Page, px: number): Promise<void> {
  await page.evaluate((w) => {
    document.getElementById('pane')!.style.width = `${w}px`;
    document.getElementById('pane')!.scrollTop = 0;
  }, px);
}

/** The first table with an error and its first indicator's 三级 cell, from the pane's state. */
async function tableWithError(page: Page): Promise<{ range: string; cell: string }> {
  return page.evaluate(() => {
    const t = window
      .jixiaoPlayground!.pane.checker!.getState()
      .tables.filter((x) => x.issues.some((i) => i.severity === 'error'))
      .pop()!;
    return { range: t.range, cell: t.indicators.find((i) => i.name)!.name!.cell };
  });
}

/** Controls whose own text (or placeholder, or chosen option) is wider than the control: clipped. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const canvas = document.createElement('canvas').getContext('2d')!;
    const pane = document.getElementById('pane')!;
    if (pane.scrollWidth > pane.clientWidth + 1)
      out.push(`pane scrolls sideways (${pane.scrollWidth} > ${pane.clientWidth})`);
    for (const el of pane.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'input[placeholder], select',
    )) {
      if (el.offsetParent === null) continue;
      const cs = getComputedStyle(el);
      canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.placeholder;
      const room =
        el.clientWidth -
        parseFloat(cs.paddingLeft) -
        parseFloat(cs.paddingRight) -
        (el instanceof HTMLSelectElement ? 4 : 0);
      if (canvas.measureText(text).width > room + 1)
        out.push(
          `${el.getAttribute('data-testid') ?? el.tagName}: 「${text}」 ${Math.round(canvas.measureText(text).width)} > ${Math.round(room)}`,
        );
    }
    return out;
  });
}

test('at 320, 350 and 500 px: nothing clipped in any tab, and with a table cell selected that table’s first error is in view without scrolling', async () => {
  const page = await open('pingluo.xlsx', '&debounce=100');
  await page.setViewportSize({ width: 1400, height: 720 });
  const { range, cell } = await tableWithError(page);
  await page.locator(`td[data-cell="${cell}"]`).click();
  await page.waitForFunction(
    (c) => window.jixiaoPlayground!.pane.checker!.getState().selection?.address?.endsWith(c) === true,
    cell,
    { timeout: 5000 },
  );
  for (const width of [320, 350, 500]) {
    await paneWidth(page, width);
    await page.getByTestId('tab-results').click();
    const error = page.locator(`#pane [data-range="${range}"] [data-severity="error"]`).first();
    await error.waitFor({ timeout: 5000 });
    const inView = await error.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const p = document.getElementById('pane')!.getBoundingClientRect();
      return {
        ok: r.top >= p.top && r.bottom <= p.bottom,
        top: Math.round(r.top),
        bottom: Math.round(p.bottom),
      };
    });
    expect([width, inView]).toEqual([width, expect.objectContaining({ ok: true })]);
    // The summary with the severity filter stays in view while the list scrolls.
    const stuck = await page.evaluate(() => {
      const pane = document.getElementById('pane')!;
      pane.scrollTop = pane.scrollHeight;
      const s = document.querySelector('[data-testid=summary]')!.getBoundingClientRect();
      const p = pane.getBoundingClientRect();
      const scrolled = pane.scrollTop > 0;
      pane.scrollTop = 0;
      return { scrolled, visible: s.top >= p.top - 1 && s.bottom <= p.bottom };
    });
    expect([width, stuck]).toEqual([width, { scrolled: true, visible: true }]);
    expect([width, await clipped(page)]).toEqual([width, []]);
    await page.getByTestId('tab-suggestions').click();
    await page.getByTestId('phrasing-search').waitFor({ timeout: 10000 });
    expect([width, 'suggestions', await clipped(page)]).toEqual([width, 'suggestions', []]);
    await page.getByTestId('tab-templates').click();
    await page.getByTestId('template-framework').waitFor({ timeout: 10000 });
    expect([width, 'templates', await clipped(page)]).toEqual([width, 'templates', []]);
  }
  await page.close();
});

/** axe-core over the pane: the serious and critical violations, each with its nodes. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          context: object,
          o: object,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    // Fluent's focus manager (tabster) puts focusable, aria-hidden <i> "dummy" elements at the edges of
    // a tab list to steer Tab in and out of it; they hand focus on at once and are never read. They are
    // left out; everything else of the pane is checked.
    const r = await w.axe.run(
      { include: [['#pane']], exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`);
  });
}

test('axe-core finds no serious or critical violation in the pane: issues, 建议, 插入模板, 设置, en-US', async () => {
  const page = await open('pingluo.xlsx', '&debounce=100');
  await paneWidth(page, 350);
  expect(['issues', await axe(page)]).toEqual(['issues', []]);
  const { cell } = await tableWithError(page);
  await page.locator(`td[data-cell="${cell}"]`).click();
  await page.getByTestId('tab-suggestions').click();
  await page.locator('[data-testid=row-suggestions]').waitFor({ timeout: 10000 });
  expect(['建议', await axe(page)]).toEqual(['建议', []]);
  await page.getByTestId('tab-templates').click();
  await page.getByTestId('template-framework').waitFor({ timeout: 10000 });
  expect(['插入模板', await axe(page)]).toEqual(['插入模板', []]);
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('settings-profile').waitFor({ timeout: 10000 });
  expect(['设置', await axe(page)]).toEqual(['设置', []]);
  await page.close();
  const en = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await en.goto(`${base}/playground.html?fixture=pingluo.xlsx&lang=en-US`);
  await en
    .locator('[data-testid=summary]')
    .getByText(/Found \d+ performance target tables/)
    .waitFor({ timeout: 30000 });
  expect(['en-US', await axe(en)]).toEqual(['en-US', []]);
  await en.close();
});

test('a phrasing over a seed table’s own text: before → after, 撤销 by keyboard puts both cells back; 添加指标行 on the selected row in 检查结果 (axe-clean)', async () => {
  const page = await open('pingluo.xlsx', '&debounce=100');
  const target = await page.evaluate(() => {
    for (const t of window.jixiaoPlayground!.pane.checker!.getState().tables)
      for (const i of t.indicators)
        if (i.name?.text === '各单位对电子政务外网工作满意度' && i.value)
          return { name: i.name.cell, value: i.value.cell, level2: i.level2?.text ?? i.level1!.text };
    return null;
  });
  expect(target).not.toBeNull();
  const cellOf = (cell: string) =>
    page.evaluate((c) => {
      const ws = window.jixiaoPlayground!.host.activeSheet;
      const m = /^([A-Z]+)(\d+)$/.exec(c)!;
      const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const x = ws.get(Number(m[2]) - 1, col);
      return { value: x?.value ?? '', formula: x?.formula ?? null, numberFormat: x?.numberFormat ?? null };
    }, cell);
  const before = { name: await cellOf(target!.name), value: await cellOf(target!.value) };
  // 添加指标行 where the clerk looks: on the selected indicator row, in 检查结果.
  await page.locator(`td[data-cell="${target!.name}"]`).click();
  const row = page.locator('#pane [data-testid=selected-row]');
  await row.waitFor({ timeout: 10000 });
  const add = row.getByRole('button', { name: `在「${target!.level2}」下添加指标行` });
  await expect(add.isVisible()).resolves.toBe(true);
  expect(['selected-row', await axe(page)]).toEqual(['selected-row', []]);
  // 建议: the phrasing and its value replace the seed's text; the message shows before → after.
  await page.getByTestId('tab-suggestions').click();
  await page
    .locator('[data-testid=suggestions-target]', { hasText: target!.name })
    .waitFor({ timeout: 10000 });
  await page.getByRole('checkbox', { name: /同时写入指标值/ }).check();
  const first = page.locator('[data-testid=row-suggestions] [data-testid=suggestion]').first();
  const phrasing = (await first.getAttribute('data-indicator'))!;
  let n = await checks(page);
  await first.click();
  await waitForCheckAfter(page, n);
  const message = page.locator('#pane [data-testid=write-result]');
  await message.getByRole('button', { name: '撤销' }).waitFor({ timeout: 5000 });
  await expect(message.locator('[data-testid=replaced] li').first().innerText()).resolves.toBe(
    `${target!.name}：「${before.name.value}」→「${phrasing}」`,
  );
  expect(['undo', await axe(page)]).toEqual(['undo', []]);
  // The keyboard is on the message; Tab reaches 撤销, Enter undoes.
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
    'write-result',
  );
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('撤销');
  n = await checks(page);
  await page.keyboard.press('Enter');
  await waitForCheckAfter(page, n);
  await message.getByText(/^已撤销/).waitFor({ timeout: 5000 });
  expect({ name: await cellOf(target!.name), value: await cellOf(target!.value) }).toEqual(before);
  await page.close();
});

test('the playground behaves like a sheet: a clicked issue’s cell scrolled into view, arrow keys move, typing edits, a corrupt file is named in one line, the language switches', async () => {
  const page = await open('guyuan.xlsx', '&debounce=100');
  await page.setViewportSize({ width: 1400, height: 600 });
  // The last issue of the sheet is far down: its cell comes into view when clicked.
  const last = page.locator('#pane [data-issue]').last();
  const target = (await last.getAttribute('data-cell'))!;
  await last.click();
  const td = page.locator(`td[data-cell="${target}"]`);
  await page.waitForFunction(
    (c) => document.querySelector(`td[data-cell="${c}"]`)?.getAttribute('data-selected') === 'true',
    target,
  );
  const visible = await td.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const g = document.querySelector('.grid-scroll')!.getBoundingClientRect();
    return r.top >= g.top && r.bottom <= g.bottom + 1;
  });
  expect(visible).toBe(true);
  // Arrow keys move the selection; typing starts an edit that replaces the text; Enter commits and
  // moves down. Below the data, where no merged cell is in the way.
  const below = await page.evaluate(
    () => window.jixiaoPlayground!.host.activeSheet.usedArea(false)!.bottom + 2,
  );
  await page.locator(`td[data-cell="B${below + 1}"]`).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.locator(`td[data-cell="C${below + 2}"][data-selected="true"]`).waitFor({ timeout: 5000 });
  await page.keyboard.type('7');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(
    page.evaluate((r) => window.jixiaoPlayground!.host.activeSheet.value(r, 2), below + 1),
  ).resolves.toBe(75);
  await page.locator(`td[data-cell="C${below + 3}"][data-selected="true"]`).waitFor({ timeout: 5000 });
  // A corrupt file and an encrypted one: the command line's one-line reasons.
  await page.locator('#file').setInputFiles({
    name: '坏的.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]),
  });
  await page
    .locator('#status', { hasText: '无法打开 坏的.xlsx：.xlsx 文件已损坏，无法打开' })
    .waitFor({ timeout: 10000 });
  await page.locator('#file').setInputFiles({
    name: '加密.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  });
  await page.locator('#status', { hasText: '文件已加密或为旧版 .xls 格式' }).waitFor({ timeout: 10000 });
  // The language switch: the pane speaks English (on a workbook opened again: a file that cannot be
  // opened clears the previous one).
  await page.locator('#fixture').selectOption('pingluo.xlsx');
  await page
    .locator('[data-testid=summary]')
    .getByText(/找到 \d+ 张绩效目标表/)
    .waitFor({ timeout: 30000 });
  await page.locator('#lang').selectOption('en-US');
  await page
    .locator('[data-testid=summary]')
    .getByText(/Found \d+ performance target tables/)
    .waitFor({ timeout: 30000 });
  await page.close();
});

// A file the playground cannot open, through the file picker (Excel) and dropped on the page (WPS).
describe.each([
  ['Excel', '', 'picker'],
  ['WPS', '&host=wps', 'drop'],
] as const)('%s host', (_host, query, how) => {
  test(`a file that cannot be opened (${how}) clears the previous results and says why in the pane's main area`, async () => {
    const page = await open('guyuan.xlsx', query);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await expect(page.locator('#pane [data-range]').count()).resolves.toBeGreaterThan(1);
    const file = { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是工作簿\n') };
    if (how === 'picker') await page.locator('#file').setInputFiles(file);
    else
      await page.evaluate(
        ({ name, text }) => {
          const data = new DataTransfer();
          data.items.add(new File([text], name, { type: 'text/plain' }));
          document
            .querySelector('#grid')!
            .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { name: file.name, text: file.buffer.toString() },
      );
    const failed = page.locator('#pane main [data-testid=open-failed]');
    await failed.waitFor({ timeout: 10000 });
    expect(['open-failed', await axe(page)]).toEqual(['open-failed', []]);
    await expect(failed.getAttribute('role')).resolves.toBe('alert');
    const text = await failed.innerText();
    expect(text).toContain('无法打开 说明.txt');
    expect(text).toContain('原因：不是 .xlsx 文件');
    expect(text).toContain('上一个工作簿的检查结果已清除');
    // The pane's message size, not a caption: at least the body text's 14 px.
    const px = await failed.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(px).toBeGreaterThanOrEqual(14);
    // Nothing of the previous workbook is left: no tables, issues or summary, no grid.
    await expect(
      page.locator('#pane [data-range], #pane [data-issue], #pane [data-testid=summary]').count(),
    ).resolves.toBe(0);
    await expect(page.locator('#grid td').count()).resolves.toBe(0);
    await expect(page.evaluate(() => window.jixiaoPlayground === undefined)).resolves.toBe(true);
    // The message follows the display language.
    await page.locator('#lang').selectOption('en-US');
    await page
      .locator('#pane [data-testid=open-failed]', { hasText: 'Cannot open 说明.txt' })
      .waitFor({ timeout: 10000 });
    await expect(page.locator('#pane [data-testid=open-failed]').innerText()).resolves.toContain(
      'not an .xlsx workbook',
    );
    // A workbook that opens replaces the message.
    await page.locator('#fixture').selectOption('pingluo.xlsx');
    await page
      .locator('[data-testid=summary]')
      .getByText(/Found \d+ performance target tables/)
      .waitFor({ timeout: 30000 });
    await expect(page.locator('#pane [data-testid=open-failed]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('WPS host in the playground: the same tables as Excel, click to select, edit → pane updated (measured), marks on and off', async () => {
  const tablesOf = (page: Page) =>
    page.evaluate(() =>
      window
        .jixiaoPlayground!.pane.checker!.getState()
        .tables.map(
          (t) => `${t.range.split(':')[0]} ${t.issues.map((i) => `${i.rule}@${i.cell}`).join(' ')}`,
        ),
    );
  const excel = await open('ningxia.xlsx', '&debounce=100');
  const expected = await tablesOf(excel);
  await excel.close();
  const page = await open('ningxia.xlsx', '&debounce=100&host=wps');
  expect(await page.evaluate(() => window.jixiaoPlayground!.kind)).toBe('wps');
  await expect(page.locator('#status').innerText()).resolves.toContain('模拟的 WPS 表格');
  expect(await tablesOf(page)).toEqual(expected);
  const calls = await page.evaluate(() => window.jixiaoPlayground!.syncs());

  // Click an issue: its cell is selected in the sheet.
  const issue = page.locator('[data-issue]').first();
  const cell = (await issue.getAttribute('data-cell'))!;
  await issue.click();
  await page.locator(`td[data-cell="${cell}"][data-selected="true"]`).waitFor({ timeout: 5000 });

  // Edit a value: the pane follows without 重新检查.
  const target = await page.evaluate(
    () =>
      window.jixiaoPlayground!.pane.checker!.getState().tables[0].indicators.find((i) => i.value)!.value!
        .cell,
  );
  const n = await checks(page);
  await page.locator(`td[data-cell="${target}"]`).dblclick();
  const input = page.getByLabel(`编辑 ${target}`);
  await input.fill('≥120%');
  await input.press('Enter');
  await waitForCheckAfter(page, n);
  await page
    .locator(`[data-rule="value/percent-range"][data-cell="${target}"]`)
    .first()
    .waitFor({ timeout: 5000 });
  const { ms, read } = await page.evaluate(() => ({
    ms: window.jixiaoPlayground!.pane.checker!.getState().lastMs,
    read: window.jixiaoPlayground!.pane.checker!.getState().lastRead,
  }));
  console.log(
    `WPS host: first check ${calls} object-model calls (reads, marks, events, selection); edit → pane updated, beyond the debounce: ${ms} ms (read: ${JSON.stringify(read)})`,
  );
  expect(ms).not.toBeNull();

  // Marks: the cell is marked; off, no mark of ours is left.
  await page.locator(`td[data-cell="${target}"][data-cf-fill="#FFC7CE"]`).waitFor({ timeout: 5000 });
  await page.getByTestId('highlight').click();
  await page.waitForFunction(
    () => window.jixiaoPlayground!.host.sheets.every((ws) => ws.conditionalFormats.length === 0),
    null,
    { timeout: 5000 },
  );
  await page.close();
});

// ---- The playground as a sheet (issue 28: ranges, IME and paste, Delete, undo, protection, 下载工作簿) ----

/** The td that shows a cell: a covered cell of a merged area is shown by the area's first cell. */
async function shownCell(page: Page, address: string): Promise<string> {
  const merges = await page.evaluate(() => window.jixiaoPlayground!.host.activeSheet.merges);
  const { top, left } = parseA1Range(address)!;
  const m = merges.find((x) => top >= x.top && top <= x.bottom && left >= x.left && left <= x.right);
  return m ? a1(m.top, m.left) : address;
}

/** Presses the mouse on one cell, moves over the grid to another and lets go there. */
async function dragCells(page: Page, from: string, to: string): Promise<void> {
  const a = (await page.locator(`td[data-cell="${from}"]`).boundingBox())!;
  const b = (await page.locator(`td[data-cell="${to}"]`).boundingBox())!;
  await page.mouse.move(a.x + 4, a.y + 4);
  await page.mouse.down();
  await page.mouse.move(b.x + 4, b.y + 4, { steps: 10 });
  await page.mouse.up();
}

async function hostSelection(page: Page): Promise<string | null> {
  const a = await page.evaluate(() => window.jixiaoPlayground!.host.selection?.area ?? null);
  return a ? a1Range(a.top, a.left, a.bottom, a.right) : null;
}

/** Waits until the pane has read the selection at this address. */
async function paneReads(page: Page, address: string): Promise<void> {
  await page.waitForFunction(
    (a) => window.jixiaoPlayground!.pane.checker!.getState().selection?.address?.endsWith(`!${a}`) === true,
    address,
    { timeout: 5000 },
  );
}

/** The first row below the sheet's data (zero-based), where no merged cell is in the way. */
const belowData = (page: Page) =>
  page.evaluate(() => window.jixiaoPlayground!.host.activeSheet.usedArea(false)!.bottom + 2);

const cellValue = (page: Page, address: string) =>
  page.evaluate(
    ([r, c]) => window.jixiaoPlayground!.host.activeSheet.value(r, c),
    [parseA1Range(address)!.top, parseA1Range(address)!.left],
  );

describe.each([
  ['Excel', ''],
  ['WPS', '&host=wps'],
] as const)('%s host: the grid selects ranges', (_host, query) => {
  test('a drag, a shift-click and shift+arrows select ranges the host reports; 按所选区域识别 reads a dragged range', async () => {
    const page = await open('pingluo.xlsx', `&debounce=100${query}`);
    await page.setViewportSize({ width: 1600, height: 2400 });
    const range = await page.evaluate(
      () => window.jixiaoPlayground!.pane.checker!.getState().tables[0].range,
    );
    const area = parseA1Range(range)!;
    const from = await shownCell(page, a1(area.top, area.left));
    const to = await shownCell(page, a1(area.bottom, area.right));
    await dragCells(page, from, to);
    await expect(hostSelection(page)).resolves.toBe(range);
    await paneReads(page, range);
    // Every cell of the range is drawn selected.
    const drawn = await page.locator('td[data-selected="true"]').count();
    expect(drawn).toBe(
      await page.locator(`td[data-cell]`).evaluateAll(
        (tds, r) =>
          tds.filter((td) => {
            const m = /^([A-Z]+)(\d+)$/.exec(td.getAttribute('data-cell')!)!;
            const c = m[1].charCodeAt(0) - 65;
            const row = Number(m[2]) - 1;
            return row >= r.top && row <= r.bottom && c >= r.left && c <= r.right;
          }).length,
        area,
      ),
    );
    const n = await checks(page);
    await page.getByTestId('by-selection').click();
    await waitForCheckAfter(page, n);
    await expect(page.getByTestId('by-selection-result').innerText()).resolves.toContain(
      `已按所选区域 ${range} 识别`,
    );
    // A shift-click spans from the active cell; shift+arrows move the far corner (below the data,
    // where no merged cell widens the range).
    const below = await belowData(page);
    await page.locator(`td[data-cell="B${below + 1}"]`).click();
    await page.locator(`td[data-cell="D${below + 3}"]`).click({ modifiers: ['Shift'] });
    await expect(hostSelection(page)).resolves.toBe(`B${below + 1}:D${below + 3}`);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(hostSelection(page)).resolves.toBe(`B${below + 1}:C${below + 4}`);
    await paneReads(page, `B${below + 1}:C${below + 4}`);
    // An arrow without shift collapses it to one cell again.
    await page.keyboard.press('ArrowRight');
    await expect(hostSelection(page)).resolves.toBe(`C${below + 1}`);
    await page.close();
  });
});

test('typing through an IME, pasting and Delete keep or clear every character; Ctrl+Z and Ctrl+Y step back and forth; a tall sheet says how many rows it left out', async () => {
  const page = await open('guyuan.xlsx', '&debounce=100');
  const below = await belowData(page);
  const at = (col: string, k = 0) => `${col}${below + 1 + k}`;
  // An IME's composition into a selected cell, the first keystroke included: every character kept.
  await page.locator(`td[data-cell="${at('B')}"]`).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'x', selectionStart: 1, selectionEnd: 1 });
  await page.getByLabel(`编辑 ${at('B')}`).waitFor({ timeout: 5000 });
  await cdp.send('Input.imeSetComposition', { text: 'xiangmu', selectionStart: 7, selectionEnd: 7 });
  await cdp.send('Input.insertText', { text: '项目' });
  await cdp.send('Input.imeSetComposition', { text: 'mingcheng', selectionStart: 9, selectionEnd: 9 });
  await cdp.send('Input.insertText', { text: '名称' });
  await page.keyboard.press('Enter');
  await expect(cellValue(page, at('B'))).resolves.toBe('项目名称');
  // Plain typing: the first character too.
  await page.locator(`td[data-cell="${at('C')}"]`).click();
  await page.keyboard.type('甲乙丙');
  await page.keyboard.press('Enter');
  await expect(cellValue(page, at('C'))).resolves.toBe('甲乙丙');

  // A paste into a selected cell, a paste while editing, and a block of rows and columns.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const clip = (text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(`td[data-cell="${at('D')}"]`).click();
  await clip('满意度≥95%');
  await page.keyboard.press('Control+V');
  await expect(cellValue(page, at('D'))).resolves.toBe('满意度≥95%');
  await page.locator(`td[data-cell="${at('E')}"]`).click();
  await page.keyboard.type('第');
  await clip('一季度');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Enter');
  await expect(cellValue(page, at('E'))).resolves.toBe('第一季度');
  await page.locator(`td[data-cell="${at('B', 2)}"]`).click();
  await clip('甲\t12\n乙\t3.5\n');
  await page.keyboard.press('Control+V');
  await expect(hostSelection(page)).resolves.toBe(`${at('B', 2)}:${at('C', 3)}`);
  const block = () =>
    Promise.all([at('B', 2), at('C', 2), at('B', 3), at('C', 3)].map((c) => cellValue(page, c)));
  await expect(block()).resolves.toEqual(['甲', 12, '乙', 3.5]);

  // Delete clears the selected cells; Ctrl+Z brings them back (the paste was one step), Ctrl+Y clears again.
  await page.keyboard.press('Delete');
  await expect(block()).resolves.toEqual(['', '', '', '']);
  await page.keyboard.press('Control+Z');
  await expect(block()).resolves.toEqual(['甲', 12, '乙', 3.5]);
  await page.keyboard.press('Control+Y');
  await expect(block()).resolves.toEqual(['', '', '', '']);
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await expect(block()).resolves.toEqual(['', '', '', '']);
  // The 撤销 button does the same, by its visible name.
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(cellValue(page, at('E'))).resolves.toBe('');

  // A sheet taller than the grid shows says how many rows it left out.
  await expect(page.getByTestId('rows-left-out').count()).resolves.toBe(0);
  await page.evaluate(() => {
    const host = window.jixiaoPlayground!.host;
    host.edit(host.activeSheet.id, 7999, 0, '最后一行');
  });
  await expect(page.getByTestId('rows-left-out').innerText({ timeout: 30000 })).resolves.toContain(
    '工作表共 8,000 行，这里只显示前 5,000 行，另有 3,000 行未显示',
  );
  await page.close();
});

/**
 * The pane's fix button for the first fixable issue, with its cell: the cell is selected in the grid,
 * which opens its table in the pane, and the table's folded notation issues are unfolded.
 */
async function fixButton(page: Page): Promise<{ cell: string; button: Locator }> {
  const { cell, range } = await page.evaluate(() => {
    for (const t of window.jixiaoPlayground!.pane.checker!.getState().tables)
      for (const i of t.issues) if (i.fix) return { cell: i.cell, range: t.range };
    throw new Error('no fixable issue');
  });
  await page.locator(`td[data-cell="${await shownCell(page, cell)}"]`).click();
  const table = page.locator(`#pane [data-range="${range}"]`);
  const button = table.locator(`[data-testid=fix][data-cell="${cell}"]`).first();
  const toggle = table.getByTestId('notation-toggle');
  await button.or(toggle).first().waitFor({ timeout: 10000 });
  if (!(await button.isVisible())) await toggle.click();
  await button.waitFor({ timeout: 10000 });
  return { cell, button };
}

describe.each([
  ['Excel', ''],
  ['WPS', '&host=wps'],
] as const)('%s host: undo, protection and 下载工作簿', (host, query) => {
  test('Ctrl+Z undoes the pane’s fix (its marks are a step of their own, as in Excel); 下载工作簿 keeps the values and the settings, and the file opens again with both', async () => {
    const page = await open('pingluo.xlsx', `&debounce=100${query}`);
    const { cell, button: fix } = await fixButton(page);
    const before = await cellValue(page, cell);
    let n = await checks(page);
    await fix.click();
    await waitForCheckAfter(page, n);
    const after = await cellValue(page, cell);
    expect(after).not.toBe(before);
    // The keyboard in the grid: Ctrl+Z until the cell is back; the fix (one batch) is one step.
    await page.locator(`td[data-cell="${await shownCell(page, cell)}"]`).click();
    let presses = 0;
    while ((await cellValue(page, cell)) !== before && presses < 5) {
      n = await checks(page);
      await page.keyboard.press('Control+Z');
      presses++;
    }
    expect(await cellValue(page, cell)).toBe(before);
    console.log(
      `${host} host: the fix undone with ${presses} Ctrl+Z (the marks of the check after it come first)`,
    );
    expect(presses).toBeLessThanOrEqual(2);
    // The pane checks the restored cell again by itself and offers the fix again.
    await waitForCheckAfter(page, n);
    await page.locator(`[data-testid=fix][data-cell="${cell}"]`).first().waitFor({ timeout: 5000 });

    // Settings saved in the workbook through 设置, then the workbook downloaded.
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-level-value/satisfaction-form').selectOption('off');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-result').waitFor({ timeout: 10000 });
    const saved = await page.evaluate(() => window.jixiaoPlayground!.pane.checker!.getState().settings.saved);
    expect(saved).toMatchObject({ rules: { 'value/satisfaction-form': 'off' } });
    const below = await belowData(page);
    await page.locator(`td[data-cell="B${below + 1}"]`).click();
    await page.keyboard.type('下载前写入');
    await page.keyboard.press('Enter');
    const values = await page.evaluate(() =>
      window.jixiaoPlayground!.host.sheets.map((ws) =>
        [...ws.cells].flatMap(([r, row]) => [...row].map(([c, v]) => [r, c, v.value])),
      ),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载工作簿' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pingluo.xlsx');
    const bytes = fs.readFileSync((await download.path())!);
    await page.getByTestId('grid-notice').getByText('已下载 pingluo.xlsx').waitFor({ timeout: 5000 });

    // ExcelJS reads the same values; the settings are in the part the host keeps them in.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getCell(`B${below + 1}`).value).toBe('下载前写入');
    const zip = await JSZip.loadAsync(bytes);
    if (host === 'Excel') {
      const part = await zip.file('xl/webextensions/webextension1.xml')!.async('string');
      expect(part).toContain('<we:property name="jixiao.config" value="{');
      expect(part).toContain('value/satisfaction-form&quot;:&quot;off&quot;');
    } else {
      const part = await zip.file('docProps/custom.xml')!.async('string');
      expect(part).toMatch(
        /name="jixiao.config"><vt:lpwstr>\{.*value\/satisfaction-form&quot;:&quot;off&quot;/,
      );
    }

    // Opened again in the playground: the same values, and the pane starts with the saved settings.
    await page.locator('#file').setInputFiles({
      name: '下载的.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    await page.locator('#status', { hasText: '下载的.xlsx —' }).waitFor({ timeout: 30000 });
    await page.getByTestId('settings-in-force').waitFor({ timeout: 30000 });
    const again = await page.evaluate(() => ({
      values: window.jixiaoPlayground!.host.sheets.map((ws) =>
        [...ws.cells].flatMap(([r, row]) => [...row].map(([c, v]) => [r, c, v.value])),
      ),
      saved: window.jixiaoPlayground!.pane.checker!.getState().settings.saved,
    }));
    const nonEmpty = (sheets: typeof values) => sheets.map((cells) => cells.filter((x) => x[2] !== ''));
    expect(nonEmpty(again.values)).toEqual(nonEmpty(values));
    expect(again.saved).toEqual(saved);
    await page.close();
  });

  test('a protected sheet in the file is protected: the pane’s fix is refused with a clear message, typing into a locked cell too, an unlocked cell takes it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'test', 'fixtures', 'pingluo.xlsx'));
    const sheet = wb.worksheets[0];
    const free = sheet.rowCount + 3;
    sheet.getCell(`B${free}`).protection = { locked: false };
    await sheet.protect('', {});
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await open('pingluo.xlsx', `&debounce=100${query}`);
    await page.locator('#file').setInputFiles({
      name: '受保护.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.locator('#status', { hasText: '受保护.xlsx' }).waitFor({ timeout: 30000 });
    await page
      .locator('[data-testid=summary]')
      .getByText(/找到 \d+ 张绩效目标表/)
      .waitFor({ timeout: 30000 });
    await page.getByRole('tab', { name: /（受保护）/ }).waitFor();
    await page.getByText('工作表受保护，无法在表中标记问题').waitFor({ timeout: 10000 });
    const { cell, button: fix } = await fixButton(page);
    const before = await cellValue(page, cell);
    await fix.click();
    await expect(page.getByTestId('error').innerText({ timeout: 10000 })).resolves.toContain(
      '工作表受保护，此操作被拒绝',
    );
    expect(await cellValue(page, cell)).toBe(before);
    // The grid refuses a locked cell as Excel does, and takes the unlocked one.
    await page.locator(`td[data-cell="${await shownCell(page, cell)}"]`).click();
    await page.keyboard.type('改');
    await page.getByTestId('grid-notice').getByText('受保护的工作表').waitFor({ timeout: 5000 });
    await page.keyboard.press('Delete');
    expect(await cellValue(page, cell)).toBe(before);
    await page.locator(`td[data-cell="B${free}"]`).click();
    await page.keyboard.type('可以填写');
    await page.keyboard.press('Enter');
    await expect(cellValue(page, `B${free}`)).resolves.toBe('可以填写');
    await page.close();
  });
});

/**
 * A CJK font for the README's pictures, from the npm package @fontsource/noto-sans-sc (served by
 * the test itself under the page's own origin): a fresh machine has no CJK font, and the pane's
 * Chinese would be drawn as boxes. Only the screenshots use it; the pane's own fonts are unchanged.
 */
async function withCjkFont(page: Page): Promise<void> {
  const dir = path.join(ROOT, 'node_modules', '@fontsource', 'noto-sans-sc');
  await page.route(`${base}/__test-font/**`, (route) =>
    route.fulfill({ path: path.join(dir, 'files', path.basename(new URL(route.request().url()).pathname)) }),
  );
  const faces = ['400.css', '600.css']
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n')
    .replace(/url\(\.\/files\//g, 'url(/__test-font/');
  const family = `'Segoe UI', 'Noto Sans SC', sans-serif`;
  await page.addStyleTag({
    content: `${faces}\n.fui-FluentProvider { --fontFamilyBase: ${family} !important; }\nbody, button, select, option, input, textarea { font-family: ${family}; }`,
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

// ---- 其他工作表 (issue 28, point 4): the workbook's other sheets under the summary ----

describe.each([
  ['Excel', ''],
  ['WPS', '&host=wps'],
] as const)('%s host: the other sheets', (_host, query) => {
  test('a per-sheet workbook: 检查其他工作表 lists each sheet with its table and errors, one read each; a click on a sheet activates it and the pane checks it', async () => {
    const page = await open('guyuan.per-sheet.xlsx', `&debounce=100${query}`);
    await paneWidth(page, 350);
    const section = page.getByTestId('other-sheets');
    await section.getByText('本工作簿另有 5 张工作表，尚未检查。').waitFor({ timeout: 10000 });
    const syncs = await page.evaluate(() => window.jixiaoPlayground!.syncs());
    await page.getByTestId('other-sheets-check').click();
    await page.getByTestId('other-sheet').nth(4).waitFor({ timeout: 10000 });
    await page.getByTestId('other-sheets-progress').waitFor({ state: 'detached', timeout: 10000 });
    if (!query)
      // One sync lists the sheets, one reads each of the five others.
      expect((await page.evaluate(() => window.jixiaoPlayground!.syncs())) - syncs).toBe(6);
    const texts = await page.getByTestId('other-sheet').allInnerTexts();
    // Each on two lines: the sheet, its tables and errors; then the tables' names.
    expect(texts.map((x) => x.split('\n')[0].trim())).toEqual([
      '表2 1 张表 无错误',
      '表3 1 张表 1 个错误',
      '表4 1 张表 2 个错误',
      '表5 1 张表 2 个错误',
      '表6 1 张表 1 个错误',
    ]);
    expect(['其他工作表', await axe(page)]).toEqual(['其他工作表', []]);
    expect(await clipped(page)).toEqual([]);

    // By the keyboard: Tab reaches the sheet's button, Enter opens it.
    const n = await checks(page);
    const target = page.getByRole('button', { name: /^表3 1 张表 1 个错误/ });
    await target.focus();
    await page.keyboard.press('Enter');
    await waitForCheckAfter(page, n);
    await page
      .locator('[data-testid=summary]')
      .getByText('工作表「表3」中找到 1 张绩效目标表')
      .waitFor({ timeout: 10000 });
    expect(await page.evaluate(() => window.jixiaoPlayground!.host.activeSheet.name)).toBe('表3');
    // The grid shows 表3, its form's first cell selected; 表3's error is listed in the pane.
    await page.locator('td[data-cell="A1"][data-selected="true"]').waitFor({ timeout: 5000 });
    await page.locator('[data-rule="sum/cost-total"][data-cell="F18"]').first().waitFor({ timeout: 5000 });
    // 表1, left, is in the list now, with what its check found (no read).
    await page.getByRole('button', { name: /^表1 1 张表 2 个错误/ }).waitFor({ timeout: 5000 });
    await page.close();
  });
});

test('the page makes no request outside localhost; screenshots at 350 px for the README', async () => {
  const page = await open('pingluo.xlsx', '&debounce=100');
  await withCjkFont(page);
  await page.setViewportSize({ width: 1100, height: 760 });
  await paneWidth(page, 350);
  const { range, cell } = await tableWithError(page);
  await page.locator(`td[data-cell="${cell}"]`).click();
  await page
    .locator(`#pane [data-range="${range}"] [data-severity="error"]`)
    .first()
    .waitFor({ timeout: 5000 });
  // Let the other tables' panels finish closing (Fluent's motion) before the picture.
  await page.waitForTimeout(800);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(ROOT, 'dist', 'pane-350-errors.png') });
  await page.getByTestId('tab-suggestions').click();
  await page.locator('[data-testid=row-suggestions]').waitFor({ timeout: 10000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(ROOT, 'dist', 'pane-350-suggestions.png') });
  await page.close();
  expect(outside).toEqual([]);
});

describe.each([
  ['Excel', ''],
  ['WPS', '&host=wps'],
] as const)('%s host: 读取 and 更正读取', (host, query) => {
  test('the reading’s fields select their cells; 不是指标 changes the reading and the findings, survives 下载工作簿 → open again, jixiao check --json reads the same, and a changed cell lapses it', async () => {
    const page = await open('pingluo.xlsx', `&debounce=100${query}`);
    const { range, cell } = await tableWithError(page);
    await page.locator(`td[data-cell="${await shownCell(page, cell)}"]`).click();
    const table = page.locator(`#pane [data-range="${range}"]`);
    const toggle = table.getByTestId('reading-toggle');
    await toggle.waitFor({ timeout: 10000 });
    await expect(toggle.innerText()).resolves.toMatch(/^读取：.+ · .+ · 指标 \d+ 项$/);
    await toggle.click();
    // Each field is a button that selects its cell.
    const field = table.locator('[data-testid=reading-field]').first();
    const fieldCell = (await field.getAttribute('data-cell'))!;
    await field.click();
    await expect(hostSelection(page)).resolves.toBe(fieldCell);

    // The clerk says an indicator row is no indicator: the reading and the findings follow.
    const before = await page.evaluate(
      (r) => window.jixiaoPlayground!.pane.checker!.getState().tables.find((t) => t.range === r)!,
      range,
    );
    const row = before.indicators.find((i) => i.name && i.value)!;
    await page.locator(`td[data-cell="${await shownCell(page, row.name!.cell)}"]`).click();
    let n = await checks(page);
    await table.locator('[data-testid=correct-as][data-role=notIndicator]').click();
    await waitForCheckAfter(page, n);
    const after = await page.evaluate(
      (r) => window.jixiaoPlayground!.pane.checker!.getState().tables.find((t) => t.range === r)!,
      range,
    );
    const filled = (t: typeof before) => t.indicators.filter((i) => i.name || i.value).length;
    expect(filled(after)).toBe(filled(before) - 1);
    expect(after.corrections).toEqual([{ cell: row.name!.cell, role: 'notIndicator' }]);
    await expect(table.getByTestId('reading-corrected').innerText()).resolves.toContain(
      `${row.name!.cell} 为不是指标`,
    );
    if (host === 'Excel') {
      // The README's picture of 读取 with a correction, at 350 px.
      await withCjkFont(page);
      await page.setViewportSize({ width: 1100, height: 760 });
      await paneWidth(page, 350);
      await table.getByTestId('reading-corrected').scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: path.join(ROOT, 'dist', 'pane-350-reading.png') });
    }

    // 下载工作簿 → the command line reads the file as the clerk confirmed it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载工作簿' }).click(),
    ]);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-')), 'pingluo.xlsx');
    fs.copyFileSync((await download.path())!, saved);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'jixiao.js'), 'check', '--json', saved], {
      encoding: 'utf8',
    });
    const doc = JSON.parse(cli.stdout) as {
      tables: {
        range: string;
        indicators: unknown[];
        fields: Record<string, { cell: string; value?: number }>;
      }[];
    };
    const same = doc.tables.find((t) => t.range === range)!;
    expect(same.indicators).toHaveLength(filled(after));
    // The same reading: every field in the same cell, every amount the same figure.
    expect(same.fields.projectName.cell).toBe(after.projectNameAt!.cell);
    for (const [field, a] of Object.entries(after.amounts))
      if (a)
        expect([field, same.fields[field]?.cell, same.fields[field]?.value]).toEqual([
          field,
          a.cell,
          a.value,
        ]);
    if (after.goal) expect(same.fields.goal.cell).toBe(after.goal.cell);

    // Open again: the correction is read from the file's settings.
    await page.locator('#file').setInputFiles(saved);
    await page.waitForFunction(
      (r) =>
        window.jixiaoPlayground!.pane.checker!.getState().tables.find((t) => t.range === r)?.corrections
          ?.length === 1,
      range,
      { timeout: 30000 },
    );

    // The corrected cell changes: the correction lapses and the pane says so.
    n = await checks(page);
    await page.evaluate(
      ([r, c]) => {
        const h = window.jixiaoPlayground!.host;
        h.edit(h.activeSheet.id, r, c, '改过的指标');
      },
      [row.name!.row, row.name!.col],
    );
    // Live checking (a patch) or the clerk's 重新检查 (a full read): either says so.
    await page.evaluate(() => window.jixiaoPlayground!.pane.checker!.check());
    await waitForCheckAfter(page, n);
    await page.getByTestId('lapsed').waitFor({ timeout: 10000 });
    await expect(page.getByTestId('lapsed').innerText()).resolves.toContain(`${row.name!.cell} 设为不是指标`);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

test('读取 on an unfamiliar template: a figure that could not be placed offers its roles as buttons, which fix the reading; axe-core finds nothing serious', async () => {
  const page = await open('pingluo.xlsx', '&debounce=100');
  await page
    .locator('#file')
    .setInputFiles(
      path.join(ROOT, 'test', 'fixtures', 'wider', 'w17-hunan-xiangtan-2023-2024-two-templates.xlsx'),
    );
  await page.waitForFunction(
    () => window.jixiaoPlayground?.pane.checker?.getState().tables.some((t) => t.unplacedAmounts?.length),
    undefined,
    { timeout: 30000 },
  );
  const range = await page.evaluate(
    () =>
      window.jixiaoPlayground!.pane.checker!.getState().tables.find((t) => t.unplacedAmounts?.length)!.range,
  );
  const table = page.locator(`#pane [data-range="${range}"]`);
  if (!(await table.getByTestId('reading-toggle').isVisible()))
    await table.locator('h3 button').first().click();
  await table.getByTestId('reading-toggle').click();
  await table.getByTestId('reading-unplaced').waitFor({ timeout: 10000 });
  expect(await axe(page)).toEqual([]);
  const n = await checks(page);
  await table.locator('[data-testid=unplaced-as][data-role=fiscal]').click();
  await waitForCheckAfter(page, n);
  const t = await page.evaluate(
    (r) => window.jixiaoPlayground!.pane.checker!.getState().tables.find((x) => x.range === r)!,
    range,
  );
  expect(t.unplacedAmounts).toBeUndefined();
  expect(t.amounts.fiscal?.value).toBe(250);
  // With the part placed, the funds are checked again: 250 = 250 + 0.
  expect(t.issues.filter((i) => i.rule === 'sum/funds')).toEqual([]);
  await page.close();
});
