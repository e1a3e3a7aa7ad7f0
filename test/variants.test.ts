/**
 * Recognition carries over: thousands of generated variants of every seed and wider form, each
 * one a reviewer would still call the same form (test/helpers/variants.ts lists the space drawn
 * from), are recognised with the same model: project name, total, framework, indicator rows and
 * their values. And the other way: a target table given the columns of a 自评表, a 监控表 or a
 * scoring table is named as that near-miss and not checked, while the sheet's other tables stay.
 * Deterministic: JIXIAO_SEED replays a run, JIXIAO_VARIANTS sets how many.
 */
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { recogniseSheet } from '../src/core/recognize';
import { FIXTURES, SEEDS } from './helpers/fixtures';
import {
  MutableSheet,
  NEAR_MISS_TRANSFORMS,
  TRANSFORMS,
  makeNearMiss,
  type TableModel,
  below,
  beside,
  modelOf,
  pick,
  rng,
} from './helpers/variants';

const SEED = Number(process.env.JIXIAO_SEED ?? 20261201);
const COUNT = Number(process.env.JIXIAO_VARIANTS ?? 3000);

interface Source {
  label: string;
  sheet: MutableSheet;
  models: TableModel[];
  nearMisses: number;
}

const key = (m: TableModel) => JSON.stringify(m);
const sorted = (ms: TableModel[]) => ms.map(key).sort();

const sources: Source[] = [];

beforeAll(async () => {
  const files = [
    ...SEEDS.flatMap((s) => [`${s}.xlsx`, `${s}.per-sheet.xlsx`]),
    ...[
      'w01-stacked-nanyue-wuchuan-qingjian-qingshan',
      'w02-per-sheet-nanyue-yueyang-qingshan-chencang',
      'w03-hubei-huangshi-2022-pifubiao',
      'w04-sichuan-jingyan-2023-flat-export',
      'w05-ningxia-yuanzhou-2022-no-title',
      'w06-chongqing-fengjie-2023-shenpibiao',
      'w07-shanxi-yangquan-2021-header-only',
      'w08-fujian-anxi-2022-quyu-two-sheets',
      'w09-fujian-longyan-2025-quyu-with-allocation',
      'w10-yunnan-yongde-2022-zipingbiao-nearmiss',
      'w11-anhui-jinzhai-2021-zhibiao-prefix',
      'w12-xinjiang-alaer-2021-bingtuan-two-halves',
      'w13-gansu-jiayuguan-2023-stacked-chengben-ocr',
      'w14-neimenggu-wuhai-2021-direction-unit-score',
      'w15-guangdong-dongguan-2019-pifubiao-zhongqi',
      'w16-anhui-mengcheng-2024-empty-department',
      'w17-hunan-xiangtan-2023-2024-two-templates',
      'w18-fujian-ningde-2019-zhengti-nearmiss',
      'w19-hebei-ningjin-2019-pingjia-nearmiss',
    ].map((w) => `wider/${w}.xlsx`),
  ];
  for (const file of files) {
    for (const grid of await readWorkbook(path.join(FIXTURES, file))) {
      const found = recogniseSheet(grid);
      if (found.tables.length === 0 && found.nearMisses.length === 0) continue;
      sources.push({
        label: `${file}!${grid.sheet}`,
        sheet: MutableSheet.from(grid),
        models: found.tables.map(modelOf),
        nearMisses: found.nearMisses.length,
      });
    }
  }
});

test('the sources: every seed and wider sheet with a table or a near-miss', () => {
  expect(sources.length).toBeGreaterThanOrEqual(60);
  expect(sources.reduce((n, s) => n + s.models.length, 0)).toBeGreaterThanOrEqual(45 * 2 + 25);
});

test(`${COUNT} variants keep every table's model (seed ${SEED})`, () => {
  const r = rng(SEED);
  // JIXIAO_TRANSFORMS=a,b draws from those transforms only (to show one class failing before its fix).
  const only = process.env.JIXIAO_TRANSFORMS?.split(',');
  const names = Object.keys(TRANSFORMS).filter((n) => !only || only.includes(n));
  const applied: Record<string, number> = {};
  const failures: string[] = [];
  for (let v = 0; v < COUNT; v++) {
    const source = pick(r, sources);
    const sheet = MutableSheet.from(source.sheet.toGrid());
    let expected = [...source.models];
    let nearMisses = source.nearMisses;
    const steps: string[] = [];
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) {
      const name = pick(r, names);
      // Each transform reads the tables as they are now: a transform keeps every model, so any table is fair game.
      const tables = recogniseSheet(sheet.toGrid()).tables;
      if (TRANSFORMS[name](sheet, tables, r)) {
        steps.push(name);
        applied[name] = (applied[name] ?? 0) + 1;
      }
    }
    if (r() < 0.25) {
      const other = pick(
        r,
        sources.filter((s) => s.nearMisses === 0),
      );
      const where = r() < 0.5 ? 'beside' : 'below';
      (where === 'beside' ? beside : below)(sheet, MutableSheet.from(other.sheet.toGrid()));
      expected = [...expected, ...other.models];
      nearMisses += other.nearMisses;
      steps.push(`${where} ${other.label}`);
      applied[where] = (applied[where] ?? 0) + 1;
    }
    const found = recogniseSheet(sheet.toGrid());
    // A second form can change which framework an undecided table follows: compare the rest.
    const got = found.tables.map(modelOf);
    const strip = (ms: TableModel[]) =>
      steps.some((s) => /^(beside|below)/.test(s)) ? ms.map((m) => ({ ...m, framework: null })) : ms;
    const same =
      JSON.stringify(sorted(strip(got))) === JSON.stringify(sorted(strip(expected))) &&
      found.nearMisses.length === nearMisses;
    if (!same && failures.length < 5) {
      const missing = sorted(strip(expected)).filter((m) => !sorted(strip(got)).includes(m));
      const extra = sorted(strip(got)).filter((m) => !sorted(strip(expected)).includes(m));
      failures.push(
        `#${v} ${source.label} [${steps.join(', ')}]\n  expected: ${missing.join('\n            ')}\n  got:      ${extra.join('\n            ')}\n  near-misses ${found.nearMisses.length}/${nearMisses}`,
      );
    }
  }
  console.log(`variants by transform: ${JSON.stringify(applied)}`);
  expect(failures).toEqual([]);
});

test(`${Math.round(COUNT / 6)} near-miss variants: a table given a 自评表's, a 监控表's or a scoring table's columns is named, not checked`, () => {
  const r = rng(SEED + 1);
  const kinds = Object.keys(NEAR_MISS_TRANSFORMS) as (keyof typeof NEAR_MISS_TRANSFORMS)[];
  const failures: string[] = [];
  let made = 0;
  for (let v = 0; v < Math.round(COUNT / 6); v++) {
    const source = pick(
      r,
      sources.filter((s) => s.models.length > 0),
    );
    const sheet = MutableSheet.from(source.sheet.toGrid());
    const which = pick(r, kinds);
    const changed = makeNearMiss(sheet, recogniseSheet(sheet.toGrid()).tables, which, r);
    if (!changed) continue;
    made++;
    const found = recogniseSheet(sheet.toGrid());
    const gone = key(modelOf(changed));
    const left = sorted(found.tables.map(modelOf));
    const expectedLeft = sorted(source.models).filter((m, i, all) => m !== gone || all.indexOf(m) !== i);
    const ok =
      !left.includes(gone) &&
      JSON.stringify(left) === JSON.stringify(expectedLeft) &&
      found.nearMisses.length === source.nearMisses + 1 &&
      found.nearMisses.some((n) => n.kind === NEAR_MISS_TRANSFORMS[which].kind);
    if (!ok && failures.length < 5)
      failures.push(
        `#${v} ${source.label} ${which} on ${changed.range}: tables ${left.length}/${expectedLeft.length}, near-misses ${found.nearMisses.map((n) => n.kind).join(',')}`,
      );
  }
  expect(made).toBeGreaterThan(COUNT / 10);
  expect(failures).toEqual([]);
});
