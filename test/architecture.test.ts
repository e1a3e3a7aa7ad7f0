/**
 * The architecture as a test: Office.js only in src/adapter, the core free of hosts, and none of
 * the things that must never ship (HTML injection, eval, network calls at run time).
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? files(path.join(dir, e.name))
        : /\.(ts|tsx)$/.test(e.name)
          ? [path.join(dir, e.name)]
          : [],
    );
}

const all = files(SRC).map((f) => ({
  rel: path.relative(SRC, f).split(path.sep).join('/'),
  text: fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
}));

test('Office.js is used only in src/adapter (the simulated host implements it in src/sim)', () => {
  const offenders = all.filter(
    (f) =>
      !f.rel.startsWith('adapter/') &&
      !f.rel.startsWith('sim/') &&
      /\b(?:Excel|Office|OfficeExtension)\.\w|types="office-js"/.test(f.text),
  );
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

test('WPS’s object model is used only in src/wps (the simulated WPS host implements it in src/sim)', () => {
  const offenders = all.filter(
    (f) =>
      !f.rel.startsWith('wps/') &&
      !f.rel.startsWith('sim/') &&
      /\b(?:ActiveSheet|ActiveWorkbook|UsedRange|ApiEvent|AddApiEventListener|CreateTaskPane|PluginStorage|Value2|FormatConditions|CustomDocumentProperties)\b/.test(
        f.text,
      ),
  );
  expect(offenders.map((f) => f.rel)).toEqual([]);
  expect(all.some((f) => f.rel === 'wps/session.ts')).toBe(true);
});

const importsOf = (text: string) => [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);

test('the host interface (src/host) is host-neutral: it imports only the core and the strings', () => {
  const host = all.filter((f) => f.rel.startsWith('host/'));
  expect(host.length).toBeGreaterThan(2);
  for (const f of host)
    for (const i of importsOf(f.text))
      expect([f.rel, i]).toEqual([f.rel, expect.stringMatching(/^\.\.\/(core|i18n)\/|^\.\//)]);
});

test('the pane talks to a SheetHost: only its Office entry (mount.tsx) names the Office adapter', () => {
  const pane = all.filter((f) => f.rel.startsWith('taskpane/') && f.rel !== 'taskpane/mount.tsx');
  const offenders = pane.filter((f) => importsOf(f.text).some((i) => i.includes('adapter/')));
  expect(offenders.map((f) => f.rel)).toEqual([]);
});

// The core's only packages: zod for schemas (zod/mini for the model and vocabulary schemas, which
// only the tests and the command line load; the pane imports their types), pinyin-pro (pure JS
// dictionary) for pinyin search.
test('the core imports nothing from the hosts, the UI or Node', () => {
  const core = all.filter((f) => f.rel.startsWith('core/'));
  expect(core.length).toBeGreaterThan(10);
  for (const f of core) {
    const imports = [...f.text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(`${f.rel}: ${i}`).toMatch(/: (?:\.{1,2}\/|zod(?:\/mini)?$|pinyin-pro$)/);
    for (const i of imports) expect(i).not.toMatch(/adapter|taskpane|playground|sim|cli|exceljs|react/);
  }
});

test('no HTML injection, eval or run-time network calls', () => {
  for (const f of all) {
    expect(
      `${f.rel}: ${/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(f.text)}`,
    ).toBe(`${f.rel}: false`);
    expect(`${f.rel}: ${/\beval\s*\(|new Function\s*\(/.test(f.text)}`).toBe(`${f.rel}: false`);
    expect(`${f.rel}: ${/XMLHttpRequest|WebSocket|sendBeacon|https?:\/\/(?!localhost)/.test(f.text)}`).toBe(
      `${f.rel}: false`,
    );
  }
  // The only fetch is the playground loading its bundled sample workbooks from its own origin.
  expect(all.filter((f) => /\bfetch\(/.test(f.text)).map((f) => f.rel)).toEqual(['playground/index.tsx']);
});
