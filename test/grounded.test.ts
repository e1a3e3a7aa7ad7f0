/**
 * No error-level finding rests on a cell recognition did not read (issue 27). Over every seed and
 * wider workbook, each error names a cell of the table's reading: a header field or its label, an
 * amount or an empty amount label, the goal, an indicator row's cells, the title — or, for a finding
 * that the form lacks something, the places where recognition looked for it (the table's first cell,
 * the indicator header row).
 */
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { checkWorkbook } from '../src/core/check';
import { a1 } from '../src/core/grid';
import type { Table } from '../src/core/model';
import { loadLibrary } from '../src/core/phrasings/library';
import { FIXTURES, fixtureFiles } from './helpers/fixtures';

/** Every cell address the table's model holds, at any depth. */
function readCells(t: Table): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'cell' || k === 'labelCell') && typeof x === 'string') out.add(x);
        else if (k !== 'issues') walk(x);
      }
    }
  };
  walk(t);
  out.add(a1(t.top, t.left));
  for (let c = t.left; c <= t.right; c++) out.add(a1(t.indicatorHeaderRow, c));
  return out;
}

/** Money findings: a sum that does not add up, an amount missing. */
const MONEY = new Set(['sum/funds', 'sum/cost-total', 'sum/goal-text']);

test('every error-level finding over seeds and wider names a cell recognition read; none about money beside a figure it skipped', async () => {
  const ungrounded: string[] = [];
  let errors = 0;
  for (const file of fixtureFiles()) {
    const grids = await readWorkbook(path.join(FIXTURES, file));
    for (const sheet of await checkWorkbook(grids, { library: loadLibrary() })) {
      const grid = grids.find((g) => g.sheet === sheet.sheet)!;
      for (const t of sheet.tables) {
        const cells = readCells(t);
        // Figures in the header block that the reading did not take.
        const skipped: string[] = [];
        for (let r = t.top; r < t.indicatorHeaderRow; r++)
          (grid.values[r - (grid.origin?.row ?? 0)] ?? []).forEach((v, c) => {
            const at = a1(r, c + (grid.origin?.col ?? 0));
            if (typeof v === 'number' && !cells.has(at)) skipped.push(at);
          });
        for (const i of t.issues) {
          if (i.severity !== 'error') continue;
          errors++;
          const where = `${file} ${t.projectName} ${i.rule} ${i.cell} ${i.message}`;
          if (!cells.has(i.cell)) ungrounded.push(where);
          const money = MONEY.has(i.rule) || i.messageId === 'missingAmount' || i.messageId === 'emptyAmount';
          if (money && skipped.length) ungrounded.push(`${where} (figures not read: ${skipped.join(', ')})`);
        }
      }
    }
  }
  expect(errors).toBeGreaterThan(100);
  expect(ungrounded).toEqual([]);
});
