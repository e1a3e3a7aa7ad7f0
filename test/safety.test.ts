/**
 * Never lose user data, as properties over random inputs, each comparing the WHOLE sheet before and
 * after (every cell, merged areas, widths, heights, conditional formats), so that a stray write
 * anywhere fails:
 * - a template goes only into its own area, and only when every cell there is empty — a formula
 *   that shows "" counts as occupied; a refused insertion leaves the sheet identical;
 * - a fix changes only the cells it names that still hold what the check saw;
 * - highlights change nothing but our own conditional formats, and clearing them leaves the sheet
 *   exactly as it was.
 */
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { a1, parseA1Range } from '../src/core/grid';
import { cleanText } from '../src/core/text';
import { allVariants, buildTemplate } from '../src/core/templates';
import { placedArea, placedCells } from '../src/core/templates/render';
import { SimWorkbook, type SimWorksheet } from '../src/sim/workbook';
import { changedKeys, cellOf, inside, rng, snapshot } from './helpers/sheet-state';
import { install, simFromFixture } from './helpers/sim';

const SEEDS = ['guyuan', 'pingluo', 'langfang', 'yinchuan', 'ningxia'];
const YEAR = 2026;

/** A random sheet: numbers, texts, formulas that show "" and merged areas, here and there. */
function randomSheet(random: () => number): SimWorksheet {
  const host = install(new SimWorkbook());
  const ws = host.addSheet('随机');
  const n = Math.floor(random() * 60);
  for (let i = 0; i < n; i++) {
    const [r, c] = [Math.floor(random() * 40), Math.floor(random() * 12)];
    const kind = random();
    if (kind < 0.15) ws.setFormula(r, c, '=IF(A1="","","有")');
    else ws.set(r, c, kind < 0.55 ? Math.round(random() * 100) : `文字${i}`);
  }
  if (random() < 0.3) ws.merges.push({ top: 5, left: 2, bottom: 6, right: 4 });
  return ws;
}

describe('templates: written only into their own empty area', () => {
  const outcomes = { inserted: 0, refused: 0 };
  // The property is only shown if both paths were taken.
  afterAll(() => {
    expect(outcomes.inserted).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  async function placeAndCompare(
    ws: SimWorksheet,
    session: ExcelSession,
    t: ReturnType<typeof buildTemplate>,
    top: number,
    left: number,
  ) {
    const before = snapshot(ws);
    const r = await session.insertTemplate(t, { sheetId: ws.id, top, left });
    const changed = changedKeys(before, snapshot(ws));
    outcomes[r.inserted ? 'inserted' : 'refused']++;
    if (!r.inserted) {
      expect(changed).toEqual([]);
      return;
    }
    const area = placedArea(t, { top, left });
    // Nothing outside the template's area; inside it, the area held nothing before.
    expect(changed.filter((k) => k !== 'merges' && !inside(area, k))).toEqual([]);
    for (const [k, v] of before)
      if (inside(area, k))
        expect([k, JSON.parse(v).value, JSON.parse(v).formula]).toEqual([k, '', undefined]);
    // Merged areas: the old ones, plus the template's own inside its area.
    const mergesBefore = JSON.parse(before.get('merges')!) as unknown[];
    expect(ws.merges.slice(0, mergesBefore.length)).toEqual(mergesBefore);
    for (const m of ws.merges.slice(mergesBefore.length))
      expect(inside(area, `${m.top},${m.left}`) && inside(area, `${m.bottom},${m.right}`)).toBe(true);
    // What the template writes is there.
    for (const c of placedCells(t, { top, left })) if (c.text) expect(ws.value(c.row, c.col)).toBe(c.text);
  }

  test.each(SEEDS)('%s: 12 random placements on and off the forms', async (name) => {
    const host = await simFromFixture(`${name}.xlsx`);
    const ws = host.activeSheet;
    const session = new ExcelSession(detectCapabilities());
    const random = rng(name.length * 7919);
    const variants = allVariants(YEAR);
    const used = ws.usedArea(false)!;
    for (let k = 0; k < 12; k++) {
      const t = buildTemplate(variants[Math.floor(random() * variants.length)]);
      await placeAndCompare(
        ws,
        session,
        t,
        Math.floor(random() * (used.bottom + 40)),
        Math.floor(random() * (used.right + 10)),
      );
    }
  });

  test('60 random sheets (with formulas showing ""), random placements', async () => {
    const random = rng(42);
    const t = buildTemplate({
      framework: 'newer',
      unit: '万元',
      describe: false,
      transfer: true,
      year: YEAR,
    });
    for (let k = 0; k < 60; k++) {
      const ws = randomSheet(random);
      await placeAndCompare(
        ws,
        new ExcelSession(detectCapabilities()),
        t,
        Math.floor(random() * 30),
        Math.floor(random() * 8),
      );
    }
  });

  test('a formula that shows "" is a cell in use: the insertion is refused and names it', async () => {
    const host = install(new SimWorkbook());
    const ws = host.addSheet('表');
    ws.setFormula(10, 3, '=IF(A1="","",A1)');
    expect(ws.value(10, 3)).toBe('');
    const before = snapshot(ws);
    const t = buildTemplate({
      framework: 'newer',
      unit: '万元',
      describe: false,
      transfer: true,
      year: YEAR,
    });
    const r = await new ExcelSession(detectCapabilities()).insertTemplate(t, {
      sheetId: ws.id,
      top: 0,
      left: 0,
    });
    expect(r.inserted).toBe(false);
    expect(r.blockers).toEqual(['D11']);
    expect(changedKeys(before, snapshot(ws))).toEqual([]);
  });
});

describe('fixes: only the named cells that still hold what the check saw', () => {
  test.each(SEEDS)('%s: 10 rounds of random guarded edits, some cells edited in between', async (name) => {
    const host = await simFromFixture(`${name}.xlsx`);
    const ws = host.activeSheet;
    const session = new ExcelSession(detectCapabilities());
    const random = rng(name.charCodeAt(1) * 131);
    const texts = [...ws.cells].flatMap(([r, row]) =>
      [...row]
        .filter(([, c]) => typeof c.value === 'string' && c.value !== '' && !c.formula)
        .map(([c]) => ({ row: r, col: c })),
    );
    for (let k = 0; k < 10; k++) {
      const picks = Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => texts[Math.floor(random() * texts.length)],
      );
      const unique = [...new Map(picks.map((p) => [a1(p.row, p.col), p])).values()];
      // `before` is the text the check saw: the cell's text, cleaned.
      const edits = unique.map((p) => ({
        cell: a1(p.row, p.col),
        before: cleanText(String(ws.value(p.row, p.col))),
        after: `${cleanText(String(ws.value(p.row, p.col)))}（改）`,
      }));
      // The user edits some of them after the check.
      const touched = unique.filter(() => random() < 0.3);
      for (const p of touched) ws.set(p.row, p.col, `用户改的${k}`);
      const before = snapshot(ws);
      const r = await session.replaceIfUnchanged(ws.id, edits);
      const changed = changedKeys(before, snapshot(ws));
      expect(r.skipped.sort()).toEqual(touched.map((p) => a1(p.row, p.col)).sort());
      expect(changed.map((k) => a1(cellOf(k)!.row, cellOf(k)!.col)).sort()).toEqual(r.applied.slice().sort());
      const at = (cell: string) => ws.value(parseA1Range(cell)!.top, parseA1Range(cell)!.left);
      for (const e of edits) if (r.applied.includes(e.cell)) expect(at(e.cell)).toBe(e.after);
    }
  });
});

describe('highlights: nothing but our own conditional formats', () => {
  test.each(SEEDS)('%s: 8 random mark sets, then cleared: the sheet exactly as before', async (name) => {
    const host = await simFromFixture(`${name}.xlsx`);
    const ws = host.activeSheet;
    ws.conditionalFormats.push({
      id: 'user',
      type: 'Custom',
      areas: [{ top: 0, left: 0, bottom: 5, right: 5 }],
      formula: '=A1>5',
      fill: '#00FF00',
      fontColor: null,
    });
    const session = new ExcelSession(detectCapabilities());
    const random = rng(name.charCodeAt(2) * 977);
    const original = snapshot(ws);
    const used = ws.usedArea(false)!;
    const cell = () => a1(Math.floor(random() * (used.bottom + 5)), Math.floor(random() * (used.right + 3)));
    for (let k = 0; k < 8; k++) {
      const marks = {
        error: Array.from({ length: Math.floor(random() * 30) }, cell),
        warning: Array.from({ length: Math.floor(random() * 30) }, cell),
      };
      await session.setHighlights(ws.id, marks);
      expect(changedKeys(original, snapshot(ws)).filter((key) => key !== 'conditionalFormats')).toEqual([]);
      expect(ws.conditionalFormats[0].id).toBe('user');
    }
    await session.clearHighlights();
    expect(changedKeys(original, snapshot(ws))).toEqual([]);
  });
});
