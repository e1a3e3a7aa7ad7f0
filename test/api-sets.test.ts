/**
 * The simulated host refuses what a real Excel of a version would refuse: its table of requirement
 * sets (src/sim/api-sets.ts) is checked against the `[Api set: ExcelApi x.y]` annotations of
 * @types/office-js, every Excel member the adapter names must be in it, and every entry newer than
 * ExcelApi 1.1 must be enforced by the simulated host. Then the adapter's flows run on a host that
 * offers exactly ExcelApi 1.1 (Office 2016), where any ungated newer member would fail.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExcelSession } from '../src/adapter/excel';
import { detectCapabilities } from '../src/adapter/host';
import { planIndicatorRow } from '../src/core/templates/add-row';
import { DEFAULT_VARIANT, buildTemplate } from '../src/core/templates/template';
import { checkGrid } from '../src/core/check';
import { SIM_API_SETS, type SimMember, versionOf } from '../src/sim/api-sets';
import { excelMemberSets } from './helpers/office-typings';
import { simFromFixture } from './helpers/sim';

const ADAPTER = path.join(__dirname, '..', 'src', 'adapter');
const SIM = fs.readFileSync(path.join(__dirname, '..', 'src', 'sim', 'office-sim.ts'), 'utf8');
const typings = excelMemberSets();

/** The adapter's code without comments. */
function adapterSource(): string {
  return fs
    .readdirSync(ADAPTER)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(ADAPTER, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
    .join('\n');
}

/**
 * Names the adapter uses on its own objects (merged areas, plans, options, strings, arrays) that
 * happen to be names of some Excel member too. Each is said here, so that a new one is looked at.
 */
const NOT_EXCEL: Record<string, string> = {
  top: 'MergeArea / Placement',
  left: 'MergeArea / Placement',
  bottom: 'MergeArea',
  right: 'MergeArea',
  rows: 'Template.rows',
  code: 'error code of a RichApi.Error',
  message: 'Error.message',
  filter: 'Array.prototype.filter',
  min: 'Math.min',
  round: 'Math.round',
  now: 'Date.now',
  replace: 'String.prototype.replace',
  set: 'Map.prototype.set',
  remove: 'EventHandlerResult.remove (OfficeExtension, not Excel)',
  items: 'collection items (no requirement set of their own)',
  name: 'Worksheet.name (the Workbook.name of 1.7 is never read)',
  text: 'InsertResult / CellWrite text',
  type: 'ConditionalFormat.type, listed',
  style: 'RangeBorder.style, listed; CellStyle of a template',
  workbook: 'RequestContext.workbook (every version)',
  layout: 'Capabilities.layout',
  clear: 'Map.prototype.clear',
  settings:
    'Office.context.document.settings (the common API’s add-in settings, not Excel’s Workbook.settings)',
  error: 'AsyncResult.error of the common API',
};

test('every entry of the simulated host’s table has the requirement set the typings give', () => {
  const wrong: string[] = [];
  for (const member of Object.keys(SIM_API_SETS) as SimMember[]) {
    const actual = member.includes('(') ? typings.params.get(member) : typings.members.get(member);
    if (actual !== versionOf(member)) wrong.push(`${member}: table ${versionOf(member)}, typings ${actual}`);
  }
  expect(wrong).toEqual([]);
  expect(Object.keys(SIM_API_SETS).length).toBeGreaterThan(50);
});

test('every Excel member the adapter names that needs more than ExcelApi 1.1 is in the table', () => {
  const src = adapterSource();
  const listed = new Set(Object.keys(SIM_API_SETS).map((k) => k.replace(/\(.*$/, '').split('.')[1]));
  const missing: string[] = [];
  for (const token of new Set([...src.matchAll(/\.(\w+)\b/g)].map((m) => m[1]))) {
    const classes = typings.byName.get(token);
    if (!classes || listed.has(token) || token in NOT_EXCEL) continue;
    const newer = classes.filter((c) => typings.members.get(`${c}.${token}`) !== '1.1');
    if (newer.length > 0)
      missing.push(
        `${token} (${newer
          .slice(0, 3)
          .map((c) => `${c} ${typings.members.get(`${c}.${token}`)}`)
          .join(', ')})`,
      );
  }
  expect(missing).toEqual([]);
  // A method called with an argument whose parameter is newer than the method: listed as such.
  const params: string[] = [];
  for (const m of src.matchAll(/\.(\w+)\(([^()]+)\)/g)) {
    // Several classes may have the method: the table says which one the adapter means.
    const keys = [...typings.params.keys()].filter((k) => k.split('(')[0].endsWith(`.${m[1]}`));
    if (keys.length > 0 && !keys.some((k) => k in SIM_API_SETS)) params.push(...keys);
  }
  expect(params).toEqual([]);
});

test('every entry newer than ExcelApi 1.1 is enforced by the simulated host (directly or through the member it is reached by)', () => {
  const unenforced: string[] = [];
  for (const [member, v] of Object.entries(SIM_API_SETS)) {
    const version = typeof v === 'string' ? v : v.version;
    if (version === '1.1') continue;
    const gate = typeof v === 'string' ? member : v.via;
    if (!SIM.includes(`'${gate}'`)) unenforced.push(member);
    if (typeof v !== 'string' && versionOf(v.via as SimMember) > version)
      unenforced.push(`${member} via a newer ${v.via}`);
  }
  expect(unenforced).toEqual([]);
});

describe('Office 2016: a host that offers exactly ExcelApi 1.1', () => {
  test('check, go to a cell, write a phrasing, fix, insert a template (at a cell and in a new sheet), add an indicator row: nothing the host lacks is asked for', async () => {
    const host = await simFromFixture('pingluo.xlsx', { apiVersion: '1.1' });
    const caps = detectCapabilities();
    expect(caps.layout || caps.protection || caps.selectionEvents || caps.events).toBe(false);
    const session = new ExcelSession(caps);
    const snap = await session.readActiveSheet();
    expect(snap.protected).toBe(false);
    const tables = checkGrid(snap.grid);
    expect(tables.length).toBeGreaterThan(0);
    const t = tables[0];
    await session.select(snap.sheetId, t.indicators[0].name!.cell);
    await session.writeCells(snap.sheetId, [{ cell: t.indicators[0].name!.cell, text: '培训人数' }]);
    await session.replaceIfUnchanged(snap.sheetId, [
      { cell: t.indicators[0].name!.cell, before: '培训人数', after: '培训人次' },
    ]);
    const template = buildTemplate({ ...DEFAULT_VARIANT, year: 2026 });
    const used = host.sheet(snap.sheetId)!.usedArea(true)!;
    const r = await session.insertTemplate(template, {
      sheetId: snap.sheetId,
      top: used.bottom + 3,
      left: 0,
    });
    expect(r.inserted).toBe(true);
    const n = await session.insertTemplate(template, { newSheet: '绩效目标表' });
    expect(n.inserted).toBe(true);
    // Unmerged on 1.1, and still read as a form.
    expect(host.sheet(n.sheetId)!.merges).toEqual([]);
    const again = await session.readActiveSheet();
    expect(checkGrid(again.grid).length).toBe(1);
    const back = await new ExcelSession(caps).readActiveSheet();
    const plan = planIndicatorRow(checkGrid(back.grid)[0], checkGrid(back.grid)[0].indicators[0], []);
    await session.insertIndicatorRow(back.sheetId, plan!, 2);
    expect(await session.watch(() => undefined)).toBeInstanceOf(Function);
    expect(await session.watchSelection(() => undefined)).toBeInstanceOf(Function);
  });
});
