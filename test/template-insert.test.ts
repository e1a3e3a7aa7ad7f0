/**
 * Inserting templates through the adapter on the simulated host: recognised after insertion, the
 * sync count, refusal when the target is in use, new sheets, protected sheets, 添加指标行. The
 * whole-sheet safety properties are in safety.test.ts.
 */
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { checkGrid } from '../src/core/check';
import { buildTemplate, allVariants, variantId } from '../src/core/templates';
import { rng, snapshot } from './helpers/sheet-state';
import { a1, parseA1Range } from '../src/core/grid';
import { SimWorkbook } from '../src/sim/workbook';
import { install, simFromFixture } from './helpers/sim';

const YEAR = 2026;
const DEFAULT = buildTemplate({
  framework: 'newer',
  unit: '万元',
  describe: false,
  transfer: true,
  year: YEAR,
});

describe.each(allVariants(YEAR).map((v) => [variantId(v), v] as const))(
  '%s into an empty sheet',
  (_id, v) => {
    test('recognised as one table with only the blank form’s issues; check 1 sync + write 1 sync', async () => {
      const host = install(new SimWorkbook());
      const ws = host.addSheet('附件2');
      const session = new ExcelSession(detectCapabilities());
      const t = buildTemplate(v);
      const r = await session.insertTemplate(t, { sheetId: ws.id, top: 0, left: 0 });
      expect(r).toMatchObject({ inserted: true, blockers: [], syncs: 2 });
      const snap = await session.readActiveSheet();
      const tables = checkGrid(snap.grid);
      expect(tables).toHaveLength(1);
      expect(tables[0].framework).toBe(v.framework);
      expect([...new Set(tables[0].issues.map((i) => i.rule))].sort()).toEqual([
        'header/missing-field',
        'structure/empty-cell',
      ]);
      expect(ws.merges).toHaveLength(t.merges.length);
      expect(
        [...ws.cells.values()].flatMap((row) => [...row.values()]).filter((c) => c.formula),
      ).toHaveLength(v.transfer ? 3 : 1);
      const firstGroup = t.indicators.groups[0];
      expect(ws.get(firstGroup.top, t.indicators.columns.level2)?.format.list).toEqual(
        expect.arrayContaining([firstGroup.level2]),
      );
    });
  },
);

test('the 年度资金总额 formula keeps the sum right when the parts are typed in', async () => {
  const host = install(new SimWorkbook());
  const ws = host.addSheet('附件2');
  const session = new ExcelSession(detectCapabilities());
  const t = buildTemplate({ framework: 'newer', unit: '万元', describe: false, transfer: false, year: YEAR });
  await session.insertTemplate(t, { sheetId: ws.id, top: 2, left: 1 });
  const find = (text: string) => {
    for (const [r, row] of ws.cells) for (const [c, cell] of row) if (cell.value === text) return { r, c };
    throw new Error(text);
  };
  const fiscal = find('其中：财政拨款');
  const other = find('其他资金');
  ws.set(fiscal.r, fiscal.c + 1, 30);
  ws.set(other.r, other.c + 1, 15.5);
  const annual = find('年度资金总额');
  expect(ws.get(annual.r, annual.c + 1)?.value).toBe(45.5);
});

test('a 宁夏 template inserted through the adapter is recognised under 宁夏, its funds parts read and summed', async () => {
  const host = install(new SimWorkbook());
  const ws = host.addSheet('附件2');
  const session = new ExcelSession(detectCapabilities());
  const t = buildTemplate(
    { framework: 'newer', unit: '万元', describe: false, transfer: true, year: YEAR },
    { profile: '宁夏' },
  );
  await session.insertTemplate(t, { sheetId: ws.id, top: 1, left: 1 });
  const find = (text: string) => {
    for (const [r, row] of ws.cells) for (const [c, cell] of row) if (cell.value === text) return { r, c };
    throw new Error(text);
  };
  // The user types the transfer parts; the 资金总额 and 年度资金总额 formulas follow.
  const central = find('中央资金');
  const regional = find('自治区资金');
  ws.set(central.r, central.c + 1, 30);
  ws.set(regional.r, regional.c + 1, 15);
  expect(ws.get(central.r - 1, central.c + 1)?.value).toBe(45);
  expect(ws.get(find('年度资金总额').r, find('年度资金总额').c + 1)?.value).toBe(45);
  const [table, ...rest] = checkGrid((await session.readActiveSheet()).grid, { profile: '宁夏' });
  expect(rest).toEqual([]);
  expect(table.amounts).toMatchObject({
    annual: { value: 45 },
    transfer: { value: 45 },
    transferCentral: { value: 30 },
    transferRegional: { value: 15 },
  });
  expect(table.emptyAmountLabels.map((a) => a.field).sort()).toEqual([
    'carryover',
    'fiscal',
    'other',
    'total',
  ]);
  expect([...new Set(table.issues.map((i) => i.rule))].sort()).toEqual([
    'header/missing-field',
    'structure/empty-cell',
  ]);
});

test('a new sheet: one sync; a taken name is avoided (names read, then written); widths and heights set, the sheet activated', async () => {
  const host = await simFromFixture('ningxia.xlsx');
  const session = new ExcelSession(detectCapabilities());
  const r = await session.insertTemplate(DEFAULT, { newSheet: '绩效目标表' });
  expect(r).toMatchObject({ inserted: true, syncs: 1, sheetName: '绩效目标表' });
  const again = await session.insertTemplate(DEFAULT, { newSheet: '绩效目标表' });
  expect(again).toMatchObject({ sheetName: '绩效目标表 (2)', syncs: 3 });
  expect(host.activeSheet.name).toBe('绩效目标表 (2)');
  expect(host.activeSheet.columnWidths.size).toBe(DEFAULT.cols);
});

test('over data: nothing written, the cells in the way named', async () => {
  const host = await simFromFixture('ningxia.xlsx');
  const ws = host.activeSheet;
  const before = snapshot(ws);
  const session = new ExcelSession(detectCapabilities());
  const r = await session.insertTemplate(DEFAULT, { sheetId: ws.id, top: 0, left: 0 });
  expect(r.inserted).toBe(false);
  expect(r.blockers.length).toBeGreaterThan(0);
  expect(r.blockers).toContain('A1');
  expect(r.syncs).toBe(1);
  expect(snapshot(ws)).toEqual(before);
});

test('a merged area crossing an otherwise empty target blocks it', async () => {
  const host = install(new SimWorkbook());
  const ws = host.addSheet('表');
  ws.merges.push({ top: 3, left: 5, bottom: 3, right: 7 }); // F4:H4, empty, crossing the right edge
  const session = new ExcelSession(detectCapabilities());
  const r = await session.insertTemplate(DEFAULT, { sheetId: ws.id, top: 0, left: 0 });
  expect(r.inserted).toBe(false);
  expect(r.blockers).toEqual(['F4:H4']);
});

test('a protected sheet: the write is refused and the sheet stays as it was', async () => {
  const host = install(new SimWorkbook());
  const ws = host.addSheet('表');
  ws.protected = true;
  const before = snapshot(ws);
  const session = new ExcelSession(detectCapabilities(), 1);
  await expect(session.insertTemplate(DEFAULT, { sheetId: ws.id, top: 0, left: 0 })).rejects.toMatchObject({
    info: { kind: 'protected' },
  });
  expect(snapshot(ws)).toEqual(before);
});

describe('添加指标行', () => {
  async function addRowTo(
    fixture: string,
    pick: (t: ReturnType<typeof checkGrid>[number]) => { row: number } | undefined,
  ) {
    const host = await simFromFixture(fixture);
    const ws = host.activeSheet;
    const session = new ExcelSession(detectCapabilities());
    const tables = checkGrid((await session.readActiveSheet()).grid);
    const table = tables.find((t) => pick(t))!;
    const ind = pick(table)!;
    const { planIndicatorRow } = await import('../src/core/templates/add-row');
    const at = table.indicators.find((i) => i.row === ind.row)!;
    const merges = await session.mergedAreas(ws.id, table.range);
    const plan = planIndicatorRow(table, at, merges)!;
    const before = snapshot(ws);
    const syncs = host.syncCount;
    await session.insertIndicatorRow(ws.id, plan, table.columns.name!);
    expect(host.syncCount - syncs).toBe(1);
    const inserted = snapshot(ws);
    // The user fills in the new row, as they would.
    host.edit(ws.id, plan.row, table.columns.name!, '新增三级指标');
    host.edit(ws.id, plan.row, table.columns.value!, '≥1项');
    const after = checkGrid((await session.readActiveSheet()).grid);
    return { host, ws, table, plan, before, inserted, after, at };
  }

  test('inside a seed table (宁夏 尾款支付, under 数量指标): one more row, structure kept, nothing lost', async () => {
    const { ws, table, plan, before, inserted, after, at } = await addRowTo('ningxia.xlsx', (t) =>
      t.projectName?.includes('尾款') ? t.indicators.find((i) => i.level2?.name === '数量指标') : undefined,
    );
    const t2 = after.find((t) => t.projectName === table.projectName)!;
    expect(t2.indicators.length).toBe(table.indicators.length + 1);
    const added = t2.indicators.find((i) => i.name?.text === '新增三级指标')!;
    expect([added.row, added.level1?.name, added.level2?.name]).toEqual([
      plan.row,
      at.level1?.name,
      '数量指标',
    ]);
    // The new row is under the same 二级 and 一级: the merges were extended over it.
    const l2Merge = ws.merges.find(
      (m) => m.left === parseCol(at.level2!.cell) && m.top === parseRow(at.level2!.cell),
    );
    expect(l2Merge?.bottom).toBeGreaterThanOrEqual(plan.row);
    expect(
      t2.issues
        .filter((i) => i.rule.startsWith('structure/') && i.rule !== 'structure/empty-cell')
        .map((i) => i.rule),
    ).toEqual(
      table.issues
        .filter((i) => i.rule.startsWith('structure/') && i.rule !== 'structure/empty-cell')
        .map((i) => i.rule),
    );
    // Every value that was in the sheet is still there (rows at and below the new one moved down by one, in the table's columns).
    const values = (snap: Map<string, string>) =>
      [...snap]
        .filter(([k, v]) => k.includes(',') && JSON.parse(v).value !== '')
        .map(([, v]) => JSON.parse(v).value)
        .sort();
    expect(values(inserted)).toEqual(values(before));
    // Cells right of the table did not move.
    for (const [k, v] of before) {
      if (!k.includes(',')) continue;
      const [, c] = k.split(',').map(Number);
      if (c > plan.right) expect(inserted.get(k)).toBe(v);
    }
  });

  test('under a single-row 二级 of a blank template: the 二级 (and 一级) merge is created over two rows', async () => {
    const host = install(new SimWorkbook());
    const ws = host.addSheet('附件2');
    const session = new ExcelSession(detectCapabilities());
    await session.insertTemplate(DEFAULT, { sheetId: ws.id, top: 0, left: 0 });
    const [table] = checkGrid((await session.readActiveSheet()).grid);
    const sat = table.indicators.find((i) => i.level2?.name === '服务对象满意度指标')!;
    const { planIndicatorRow } = await import('../src/core/templates/add-row');
    const plan = planIndicatorRow(table, sat, await session.mergedAreas(ws.id, table.range))!;
    await session.insertIndicatorRow(ws.id, plan, table.columns.name!);
    host.edit(ws.id, plan.row, table.columns.name!, '受益群众满意度');
    host.edit(ws.id, plan.row, table.columns.value!, '≥90%');
    const [t2] = checkGrid((await session.readActiveSheet()).grid);
    const added = t2.indicators.find((i) => i.name?.text === '受益群众满意度')!;
    expect([added.level1?.name, added.level2?.name]).toEqual(['满意度指标', '服务对象满意度指标']);
    expect(ws.merges).toEqual(
      expect.arrayContaining([
        { top: sat.row, left: 1, bottom: sat.row + 1, right: 1 },
        { top: sat.row, left: 0, bottom: sat.row + 1, right: 0 },
      ]),
    );
    // The row's own merges (三级 C:D, 指标值 E:F) are repeated on the new row, and its dropdown kept.
    expect(ws.merges).toEqual(
      expect.arrayContaining([{ top: sat.row + 1, left: 2, bottom: sat.row + 1, right: 3 }]),
    );
    expect(ws.get(sat.row + 1, 1)?.format.list).toEqual(['服务对象满意度指标']);
    expect([...new Set(t2.issues.map((i) => i.rule))].sort()).toEqual([
      'header/missing-field',
      'structure/empty-cell',
    ]);
  });
});

function parseCol(cell: string): number {
  return parseA1Range(cell)!.left;
}
function parseRow(cell: string): number {
  return parseA1Range(cell)!.top;
}

describe('safety: 添加指标行 at random rows of the seed tables moves cells, never changes them', () => {
  test.each(['guyuan', 'pingluo', 'langfang', 'yinchuan', 'ningxia'])(
    '%s: 8 random indicator rows',
    async (name) => {
      const host = await simFromFixture(`${name}.xlsx`);
      const ws = host.activeSheet;
      const session = new ExcelSession(detectCapabilities());
      const random = rng(name.charCodeAt(0) * 31);
      const { planIndicatorRow } = await import('../src/core/templates/add-row');
      for (let k = 0; k < 8; k++) {
        const tables = checkGrid((await session.readActiveSheet()).grid);
        const table = tables[Math.floor(random() * tables.length)];
        const rows = table.indicators.filter((i) => i.level2 || i.level1);
        const at = rows[Math.floor(random() * rows.length)];
        const used = ws.usedArea(false)!;
        const plan = planIndicatorRow(
          table,
          at,
          await session.mergedAreas(ws.id, `A1:${a1(used.bottom, used.right)}`),
        );
        if (!plan) continue;
        const before = new Map<string, string>();
        for (const [r, row] of ws.cells)
          for (const [c, cell] of row)
            before.set(`${r},${c}`, JSON.stringify({ v: cell.value, n: cell.numberFormat, f: cell.format }));
        await session.insertIndicatorRow(ws.id, plan, table.columns.name!);
        // Each cell is where it was, or one row down when it is in the table's columns at or below the new row.
        for (const [key, was] of before) {
          const [r, c] = key.split(',').map(Number);
          if (JSON.parse(was).v === '') continue;
          const moved = c >= plan.left && c <= plan.right && r >= plan.row;
          const now = ws.get(moved ? r + 1 : r, c)!;
          const nowJson = JSON.stringify({ v: now.value, n: now.numberFormat, f: now.format });
          // A formula's value may follow its moved terms; everything else is unchanged.
          if (now.formula) continue;
          expect([key, nowJson]).toEqual([key, was]);
        }
        // The new row is empty.
        for (let c = plan.left; c <= plan.right; c++)
          if (c !== table.columns.level1 && c !== table.columns.level2 && c !== table.columns.lead)
            expect(ws.get(plan.row, c)?.value ?? '').toBe('');
      }
    },
  );
});
