/**
 * The form's own framework, proven on generated variants of the real forms: every 88号-shaped table
 * of the seeds and the wider corpus (成本 under 产出, 满意度 an 一级, no structure error) is rewritten
 * into another template by its level names alone, and must be judged against that template —
 * - transfer: 满意度 as a 二级 under 效益 (the 满意度 一级 cell renamed to the 效益 one, its 二级
 *   perhaps to 社会公众或服务对象满意度指标), as Hunan's 申报表 and transfer templates write it;
 * - 广东 批复表: 预期产出指标 / 效果指标 with bracketed 二级 (数量指标(或建筑规模指标), 时效指标(工期指标),
 *   预算(或投资规模)控制指标), 满意度 under 效果;
 * - unmatched: the 效益 一级 renamed to a word no framework has (影响力指标): the rows are read by
 *   position, one info says so, and no structure error rests on the name nobody understood.
 */
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { checkSheet } from '../src/core/check';
import { type Table, filledIndicators } from '../src/core/model';
import { loadLibrary } from '../src/core/phrasings/library';
import { FIXTURES, SEEDS } from './helpers/fixtures';
import { MutableSheet, pick, rng } from './helpers/variants';

const library = loadLibrary();
const SEED = Number(process.env.JIXIAO_SEED ?? 20261227);

interface Source {
  label: string;
  sheet: MutableSheet;
  table: Table;
}

const sources: Source[] = [];

/** An 88号 table whose 一级 all stand in the 一级 column, with no structure error: the start of each rewrite. */
function olderAndClean(t: Table): boolean {
  if (t.frameworkBasis !== 'cost-under-output' || t.columns.level1 === null) return false;
  if (t.issues.some((i) => i.rule.startsWith('structure/') && i.severity === 'error')) return false;
  const names = new Set(t.indicators.map((i) => i.level1?.name));
  return (
    ['产出指标', '效益指标', '满意度指标'].every((n) => names.has(n)) &&
    t.indicators.every((i) => !i.level1 || i.level1.col === t.columns.level1)
  );
}

beforeAll(async () => {
  const files = [
    ...SEEDS.map((s) => `${s}.xlsx`),
    ...[
      'w01-stacked-nanyue-wuchuan-qingjian-qingshan',
      'w02-per-sheet-nanyue-yueyang-qingshan-chencang',
      'w05-ningxia-yuanzhou-2022-no-title',
      'w11-anhui-jinzhai-2021-zhibiao-prefix',
      'w14-neimenggu-wuhai-2021-direction-unit-score',
    ].map((w) => `wider/${w}.xlsx`),
  ];
  for (const file of files)
    for (const grid of await readWorkbook(path.join(FIXTURES, file)))
      for (const table of checkSheet(grid, { library }).tables)
        if (olderAndClean(table))
          sources.push({
            label: `${file}!${grid.sheet} ${table.range}`,
            sheet: MutableSheet.from(grid),
            table,
          });
});

/** Sets every cell of the table's level cells whose canonical name is `name` (一级 or 二级) to `text`. */
function rename(s: MutableSheet, t: Table, level: 'level1' | 'level2', name: string, text: string): void {
  for (const i of t.indicators) {
    const l = i[level];
    if (l?.name === name) s.set(l.row, l.col, text);
  }
}

/** The table at the same place once the sheet is checked again. */
function again(s: MutableSheet, t: Table): Table | undefined {
  return checkSheet(s.toGrid(), { library }).tables.find((x) => x.top === t.top && x.left === t.left);
}

const structureErrors = (t: Table) =>
  t.issues.filter((i) => i.rule.startsWith('structure/') && i.severity === 'error').map((i) => i.message);

test('the sources: 88号-shaped tables of the seeds and the wider corpus', () => {
  expect(sources.length).toBeGreaterThanOrEqual(20);
});

test('transfer template: 满意度 as a 二级 under 效益 is judged against its own framework', () => {
  const r = rng(SEED);
  const failures: string[] = [];
  for (const { label, sheet, table } of sources) {
    const s = MutableSheet.from(sheet.toGrid());
    const benefit = table.indicators.find((i) => i.level1?.name === '效益指标')!.level1!.text;
    rename(s, table, 'level1', '满意度指标', benefit);
    if (r() < 0.5) rename(s, table, 'level2', '服务对象满意度指标', '社会公众或服务对象满意度指标');
    const t = again(s, table);
    const got = t && [t.framework, t.frameworkBasis, filledIndicators(t).length, structureErrors(t)];
    const want = ['transfer', 'names', filledIndicators(table).length, []];
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${label}: ${JSON.stringify(got)}`);
  }
  expect(failures).toEqual([]);
});

test('广东 批复表: 预期产出指标 / 效果指标 and bracketed 二级 are judged against its own framework', () => {
  const r = rng(SEED + 1);
  const failures: string[] = [];
  for (const { label, sheet, table } of sources) {
    const s = MutableSheet.from(sheet.toGrid());
    rename(s, table, 'level1', '产出指标', '预期产出指标');
    rename(s, table, 'level1', '效益指标', pick(r, ['效果指标', '预期效果指标']));
    rename(s, table, 'level1', '满意度指标', '效果指标');
    rename(s, table, 'level2', '数量指标', '数量指标(或建筑规模指标)');
    rename(
      s,
      table,
      'level2',
      '时效指标',
      pick(r, ['时效指标(工期指标)', '时效指标(工期指标、形象进度指标)']),
    );
    rename(s, table, 'level2', '成本指标', '预算(或投资规模)控制指标');
    const t = again(s, table);
    const got = t && [t.framework, t.frameworkBasis, filledIndicators(t).length, structureErrors(t)];
    const want = ['guangdong', 'names', filledIndicators(table).length, []];
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${label}: ${JSON.stringify(got)}`);
  }
  expect(failures).toEqual([]);
});

test('no framework fits: an 一级 nobody knows is read by position, one info, no structure error', () => {
  const r = rng(SEED + 2);
  const failures: string[] = [];
  for (const { label, sheet, table } of sources) {
    const s = MutableSheet.from(sheet.toGrid());
    const word = pick(r, ['影响力指标', '影响指标', '社会影响']);
    rename(s, table, 'level1', '效益指标', word);
    const t = again(s, table);
    if (!t) {
      failures.push(`${label}: not found`);
      continue;
    }
    // The same rows, the renamed 一级 kept by position with no name; every other cell as before.
    const rows = (x: Table, renamed: boolean) =>
      filledIndicators(x).map((i) => [
        renamed && i.level1?.name === '效益指标' ? null : (i.level1?.name ?? null),
        i.level2?.name ?? null,
        i.name?.text ?? null,
        i.value?.text ?? null,
      ]);
    const info = t.issues.filter((i) => i.messageId === 'unmatched');
    const got = [
      t.frameworkBasis,
      JSON.stringify(rows(t, false)) === JSON.stringify(rows(table, true)),
      filledIndicators(t).filter((i) => i.level1?.text === word).length > 0,
      info.map((i) => [i.rule, i.severity, i.data.names]),
      structureErrors(t),
    ];
    const want = ['unmatched', true, true, [['structure/missing-level1', 'info', word]], []];
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${label}: ${JSON.stringify(got)}`);
  }
  expect(failures).toEqual([]);
});
