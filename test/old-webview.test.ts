/**
 * @jest-environment jsdom
 *
 * The old-webview script (src/old-webview/old-webview.js): it must parse as ES5, since IE11 runs it;
 * it shows its message, in zh-CN or en-US, only when the webview is Trident or EdgeHTML; and it is
 * loaded by taskpane.html before the bundle.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';

const SRC = fs.readFileSync(path.join(__dirname, '..', 'src', 'old-webview', 'old-webview.js'), 'utf8');

const USER_AGENTS = {
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko',
  edgeHtml:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  edgeChromium:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
  chrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};

function run(userAgent: string, language = 'zh-CN', office?: unknown): HTMLElement | null {
  document.body.innerHTML = '<div id="container"><p>bundle placeholder</p></div>';
  delete (window as { jixiaoOldWebview?: string }).jixiaoOldWebview;
  (window as { Office?: unknown }).Office = office;
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  Object.defineProperty(window.navigator, 'language', { value: language, configurable: true });
  // The script is a plain <script>: run it as the page would (a test may evaluate; the product never does).
  // eslint-disable-next-line no-new-func -- the test runs the page's own script; the product never evaluates text
  new Function(SRC)();
  return document.getElementById('jixiao-old-webview');
}

test('parses as ES5 (what Internet Explorer 11 understands)', () => {
  expect(() => acorn.parse(SRC, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  // And a modern construct would indeed be refused at that level: the check can fail.
  expect(() => acorn.parse('const x = () => 1;', { ecmaVersion: 5 })).toThrow();
});

test('IE11 (Trident): the message in Chinese, in place of the pane, naming what works instead', () => {
  const box = run(USER_AGENTS.ie11);
  expect(box).not.toBeNull();
  expect(box!.getAttribute('role')).toBe('alert');
  expect(box!.textContent).toContain('无法运行');
  expect(box!.textContent).toContain('Internet Explorer 11');
  expect(box!.textContent).toContain('Microsoft 365');
  expect(box!.textContent).toContain('jixiao check');
  expect(document.getElementById('container')!.textContent).not.toContain('bundle placeholder');
  expect((window as { jixiaoOldWebview?: string }).jixiaoOldWebview).toBe('Trident');
});

test('EdgeHTML: the message names the old Edge; in English when Office’s display language is English', () => {
  const office = { context: { displayLanguage: 'en-US' }, onReady: (cb: () => void) => cb() };
  const box = run(USER_AGENTS.edgeHtml, 'zh-CN', office);
  expect(box!.textContent).toContain('EdgeHTML');
  expect(box!.textContent).toContain('cannot run this add-in');
  expect(box!.getAttribute('lang')).toBe('en-US');
});

test.each([USER_AGENTS.edgeChromium, USER_AGENTS.chrome])(
  'a modern webview (%s): nothing shown, the pane left to the bundle',
  (ua) => {
    expect(run(ua)).toBeNull();
    expect(document.getElementById('container')!.textContent).toContain('bundle placeholder');
    expect((window as { jixiaoOldWebview?: string }).jixiaoOldWebview).toBeUndefined();
  },
);

test('taskpane.html loads it after office.js and before the bundle', () => {
  const html = fs.readFileSync(path.join(__dirname, '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');
  const script = html.indexOf('src="old-webview.js"');
  expect(script).toBeGreaterThan(html.indexOf('office-js/office.js'));
  // The bundle is injected by HtmlWebpackPlugin as a deferred script: it runs after this one.
  const built = path.join(__dirname, '..', 'dist', 'web', 'taskpane.html');
  if (fs.existsSync(built)) {
    const out = fs.readFileSync(built, 'utf8');
    expect(out.indexOf('old-webview.js')).toBeLessThan(out.search(/<script[^>]+taskpane[^>]*\.js/));
    expect(fs.existsSync(path.join(__dirname, '..', 'dist', 'web', 'old-webview.js'))).toBe(true);
  }
});
