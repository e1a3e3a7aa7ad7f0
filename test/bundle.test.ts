/**
 * The pane's production bundle stays small enough for an ordinary office PC and Excel's webview:
 * ≤ 215 KB of JavaScript gzipped (taskpane.js, which is all the pane loads besides office.js). The
 * budget was 200 KB until the 二级 fix learnt to read a name by its word parts, the engine's explain and
 * near-miss lines got their English, recognition learnt other templates' frameworks and money words,
 * and the pane got its 读取 one-line summary (the section itself is a chunk of its own, "reading"):
 * 211.0 KB on 2026-12-06 (`npm run build && npx jest test/bundle.test.ts`). Issue 28 asks for the
 * first paint (this file and old-webview.js, default gzip level) ≤ 205 KB: not met yet.
 * Kept there by importing Fluent UI v9 components (tree-shaken) and no icon package, by keeping
 * ExcelJS and the simulated host out of the pane (the playground has its own bundle), and by keeping
 * zod out of the first bundle (the bundled data is validated by the tests and the command line's build).
 * Needs `npm run build` first (npm test does it).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const WEB = path.join(__dirname, '..', 'dist', 'web');

test('the WPS pane (wps.js) is held to the same budget, and carries no Office.js adapter', () => {
  const js = fs.readFileSync(path.join(WEB, 'wps.js'));
  const gz = zlib.gzipSync(js, { level: 9 }).length;
  console.log(`wps.js: ${(js.length / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`);
  expect(gz).toBeLessThanOrEqual(215 * 1024);
  const text = js.toString('utf8');
  expect(text).not.toContain('Excel.run');
  expect(text).not.toMatch(/exceljs/i);
  expect(text).not.toMatch(/_zod|\$ZodType/);
});

test('taskpane.js is at most 215 KB gzipped and carries no ExcelJS or simulator', () => {
  const js = fs.readFileSync(path.join(WEB, 'taskpane.js'));
  const gz = zlib.gzipSync(js, { level: 9 }).length;
  console.log(`taskpane.js: ${(js.length / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`);
  expect(gz).toBeLessThanOrEqual(215 * 1024);
  const text = js.toString('utf8');
  expect(text).not.toContain('The simulated host does not implement');
  expect(text).not.toMatch(/exceljs/i);
  // No schema library: the pane reads the model's types and the bundled data, validated by the tests.
  expect(text).not.toMatch(/_zod|\$ZodType/);
});
