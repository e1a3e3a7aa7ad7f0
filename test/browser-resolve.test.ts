/**
 * `npm test` brings its own browser: with no system browser (JIXIAO_NO_SYSTEM_BROWSER=1 hides
 * /usr/bin/chromium and the like, as on a fresh machine) scripts/browser.js resolves the Chromium
 * inside the npm package @sparticuz/chromium, and that browser draws a page for playwright-core.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { chromium } from 'playwright-core';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'browser.js');

function resolve(env: NodeJS.ProcessEnv): { path: string; source: string; version: string } {
  const out = execFileSync(process.execPath, [SCRIPT, '--json'], { encoding: 'utf8', env });
  return JSON.parse(out) as { path: string; source: string; version: string };
}

test('no system browser: the one inside the npm package, and it renders a page', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_NO_SYSTEM_BROWSER: '1' };
  delete env.CHROMIUM_PATH;
  const found = resolve(env);
  expect(found.source).toMatch(/^the npm package @sparticuz\/chromium /);
  expect(found.version).toMatch(/^Chromium \d+/);
  const browser = await chromium.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<button>检查本表</button>');
    expect(await page.getByRole('button').textContent()).toBe('检查本表');
  } finally {
    await browser.close();
  }
});

test('CHROMIUM_PATH that does not start is an error that names it, not a silent fallback', () => {
  const env = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' };
  expect(() => execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8', env, stdio: 'pipe' })).toThrow(
    /CHROMIUM_PATH=\/nonexistent\/chromium does not start/,
  );
});
