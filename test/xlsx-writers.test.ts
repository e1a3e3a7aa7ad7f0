/**
 * Issue 29: the stacked 固原 form as real writers save it (test/fixtures/writers, made by
 * scripts/make-writer-fixtures.py; see test/fixtures/writers/README.md): each reads cell for cell as
 * the original, gives the same check results, and its date cell — an ISO t="d" (openpyxl iso_dates),
 * a 1904-system serial (xlsxwriter date_1904) — reads as the date written, in any time zone.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Grid } from '../src/core/grid';
import { checkWorkbook } from '../src/core/check';
import { loadLibrary } from '../src/core/phrasings/library';
import { readXlsx } from '../src/xlsx/read';
import { normalGrid } from '../bench/readers';

const FIXTURES = path.join(__dirname, 'fixtures');
const library = loadLibrary();
const checked = (grids: Grid[]) =>
  checkWorkbook(grids, { library }).map((s) => s.tables.map((t) => ({ range: t.range, issues: t.issues })));

test.each(['openpyxl.xlsx', 'xlsxwriter-cm.xlsx', 'elementtree.xlsx'])(
  `%s reads as the original (TZ=${process.env.TZ ?? 'unset'})`,
  async (file) => {
    const [original] = await readXlsx(fs.readFileSync(path.join(FIXTURES, 'guyuan.xlsx')));
    const grids = await readXlsx(fs.readFileSync(path.join(FIXTURES, 'writers', file)));
    expect(normalGrid(grids[0])).toEqual(normalGrid(original));
    expect(checked([grids[0]])).toEqual(checked([original]));
    if (file !== 'elementtree.xlsx') expect(grids[1].values).toEqual([['日期', '2026-01-01']]);
  },
);
