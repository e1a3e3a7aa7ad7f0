/**
 * The pane's first paint stays small enough for an ordinary office PC and Excel's webview: every
 * script taskpane.html loads before the pane is drawn (old-webview.js and taskpane.js; office.js
 * aside), gzipped at the default level, ≤ 205 KB. The engine — recognition, the rules and their data —
 * is a chunk of its own (core/engine.ts) that the pane starts loading as it opens and awaits before its
 * first check, as are the 建议, 读取, 插入模板, 设置 and 其他工作表 sections; ExcelJS, the simulated host and
 * zod stay out of the pane. Measured 2026-12-06: 178.9 KB (`npm run build && npx jest test/bundle.test.ts`).
 * Needs `npm run build` first (npm test does it).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const WEB = path.join(__dirname, '..', 'dist', 'web');

/** The scripts a page loads before it draws, office.js aside, in the order it names them. */
function firstPaintScripts(html: string): string[] {
  return [...fs.readFileSync(path.join(WEB, html), 'utf8').matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !src.startsWith('office-js/'));
}

test.each([
  ['taskpane.html', 'taskpane.js'],
  ['wps-taskpane.html', 'wps.js'],
])('%s: the scripts before the first paint are ≤ 205 KB gzipped, and carry no engine', (html, main) => {
  const scripts = firstPaintScripts(html);
  expect(scripts).toContain(main);
  let total = 0;
  for (const src of scripts) total += zlib.gzipSync(fs.readFileSync(path.join(WEB, src))).length;
  console.log(`${html}: ${scripts.join(' + ')} = ${(total / 1024).toFixed(1)} KB gzipped`);
  expect(total).toBeLessThanOrEqual(205 * 1024);
  const text = fs.readFileSync(path.join(WEB, main), 'utf8');
  // Recognition comes in its own chunk, with its vocabulary (whose keys only it reads).
  expect({ main, vocabularyInFirstPaint: text.includes('amountParts') }).toEqual({
    main,
    vocabularyInFirstPaint: false,
  });
});

test('the WPS pane (wps.js) carries no Office.js adapter', () => {
  const text = fs.readFileSync(path.join(WEB, 'wps.js'), 'utf8');
  expect(text).not.toContain('Excel.run');
  expect(text).not.toMatch(/exceljs/i);
  expect(text).not.toMatch(/_zod|\$ZodType/);
});

test('taskpane.js carries no ExcelJS or simulator', () => {
  const text = fs.readFileSync(path.join(WEB, 'taskpane.js'), 'utf8');
  expect(text).not.toContain('The simulated host does not implement');
  expect(text).not.toMatch(/exceljs/i);
  // No schema library: the pane reads the model's types and the bundled data, validated by the tests.
  expect(text).not.toMatch(/_zod|\$ZodType/);
});
