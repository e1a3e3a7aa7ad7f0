/** The phrasing library: its data, matching, category inference and the rules that use them. */
import { evaluateInference } from '../bench/inference';
import { frameworkData } from '../src/core/vocabulary';
import { EntrySchema, LibrarySchema, buildLibrary } from '../src/core/phrasings/library-schema';
import {
  hasPlaceholder,
  libraryProblems,
  loadLibrary,
  predictLevel2,
  renderValue,
  search,
  suggestForRow,
} from '../src/core/phrasings';
import { inCategory } from '../src/core/phrasings/match';
import { measureSuggestionFit } from '../bench/suggestion-fit';
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../src/cli/xlsx';
import { checkGrid } from '../src/core/check';
import data from '../src/core/phrasings/library.json';
import { FIXTURES, SEEDS, byName, seedTables } from './helpers/fixtures';
import { GOOD_ROWS, checkForm, issuesOf } from './helpers/form';

const lib = loadLibrary();
const top = (text: string, extra: Partial<Parameters<typeof search>[1]> = {}) =>
  search(lib, { text, limit: 3, ...extra }).map((s) => s.phrasing.indicator);

describe('the library (data validated by zod)', () => {
  test('has at least 500 entries and no problems', () => {
    expect(lib.entries.length).toBeGreaterThanOrEqual(500);
    expect(libraryProblems(LibrarySchema.parse(data))).toEqual([]);
    for (const e of data.entries) expect(EntrySchema.safeParse(e).success).toBe(true);
  });

  test('covers every 二级 of both frameworks, the three cost 二级 included', () => {
    for (const fw of ['older', 'newer'] as const) {
      for (const level2 of Object.values(frameworkData.frameworks[fw].tree).flat()) {
        const n = lib.entries.filter((e) => e.frameworks[fw].level2 === level2).length;
        expect([fw, level2, n >= 3]).toEqual([fw, level2, true]);
      }
    }
  });

  test('covers the common subject areas of project spending', () => {
    for (const area of [
      '信息化运维',
      '网络安全',
      '培训',
      '宣传',
      '会议',
      '人员经费',
      '购买服务',
      '工程建设',
      '设备购置',
      '补助发放',
      '农业',
      '教育',
      '卫生',
      '民政',
    ]) {
      expect([area, lib.entries.filter((e) => e.area === area).length >= 10]).toEqual([area, true]);
    }
  });

  test('gives each entry both frameworks: a newer 经济成本 is an older 产出/成本', () => {
    const e = lib.entries.find((x) => x.indicator === '培训费')!;
    expect(e.frameworks.newer).toEqual({ level1: '成本指标', level2: '经济成本指标' });
    expect(e.frameworks.older).toEqual({ level1: '产出指标', level2: '成本指标' });
  });

  const entry = {
    area: '培训',
    level2: '数量指标',
    indicator: '培训人次',
    value: '≥{n:100}人次',
    kind: 'count',
    note: '培训',
    sources: ['practice'],
  };
  const withEntries = (...entries: object[]) => ({ ...data, entries });
  test.each([
    [
      'a duplicate (same 二级, same phrasing after synonyms)',
      [entry, { ...entry, indicator: '培训人次 ' }],
      /duplicate/,
    ],
    [
      'a value template that contradicts its kind',
      [{ ...entry, kind: 'percent' }],
      /reads as count, not percent/,
    ],
    [
      'an economic cost that is not an amount',
      [{ ...entry, level2: '经济成本指标', indicator: '成本控制率', value: '≤100%', kind: 'percent' }],
      /amount or a unit cost/,
    ],
    [
      'a satisfaction that is not a percentage',
      [{ ...entry, level2: '服务对象满意度指标', indicator: '满意情况', value: '提升', kind: 'qualitative' }],
      /percentage/,
    ],
    [
      'a rate above 100%',
      [{ ...entry, level2: '质量指标', indicator: '合格率', value: '≥100%', kind: 'percent' }],
      /above 100%/,
    ],
    ['an unknown 二级', [{ ...entry, level2: '产出数量' }], /unknown 二级/],
    ['a template hint left in', [{ ...entry, indicator: '购置**数量' }], /template hint/],
  ])('rejects %s', (_name, entries, message) => {
    expect(() => buildLibrary(withEntries(...entries))).toThrow(message);
  });

  test('rejects an entry without a note or a kind (zod)', () => {
    expect(() => buildLibrary(withEntries({ ...entry, note: undefined }))).toThrow();
    expect(() => buildLibrary(withEntries({ ...entry, kind: 'amount' }))).toThrow();
  });

  test('renders value templates with their example and the year', () => {
    expect(renderValue('≥{n:100}人次')).toBe('≥100人次');
    expect(renderValue('≤{amount:20}万元')).toBe('≤20万元');
    expect(renderValue('{year}年11月底前', 2027)).toBe('2027年11月底前');
    expect(hasPlaceholder('≥{n:100}人次')).toBe(true);
    expect(hasPlaceholder('≥95%')).toBe(false);
  });
});

describe('matching', () => {
  test('extra detail: a long 三级 finds the phrasing it contains', () => {
    expect(top('全县机关事业单位电子政务外网线路数量')[0]).toBe('电子政务外网线路数量');
  });

  test('pinyin initials and syllables (pinyin-pro)', () => {
    expect(top('fwdxmyd')[0]).toBe('服务对象满意度');
    expect(top('pxrc')[0]).toBe('培训人次');
    expect(top('peixunfei')[0]).toBe('培训费');
  });

  test('wording variants: 满意率/满意度, 达标率/合格率, 按期/及时', () => {
    expect(top('参训学员满意率')[0]).toBe('参训学员满意度');
    expect(top('验收达标率')[0]).toBe('验收合格率');
    expect(top('资金支付按期率')[0]).toBe('资金支付及时率');
  });

  test('word order', () => {
    expect(top('合格率 培训')).toContain('培训合格率');
  });

  test('the row context ranks its own category first', () => {
    const r = search(lib, { text: '线路', level2: '经济成本指标', limit: 1 });
    expect(r[0].phrasing.indicator).toBe('线路租用费');
    const q = search(lib, { text: '线路', level2: '质量指标', limit: 1 });
    expect(q[0].phrasing.indicator).toBe('线路验收合格率');
  });

  test('an empty text with a category lists that category in library order', () => {
    const r = search(lib, { text: '', category: '服务对象满意度指标', limit: 5 });
    expect(r).toHaveLength(5);
    expect(r.every((s) => s.level2 === '服务对象满意度指标')).toBe(true);
    expect(r[0].phrasing.indicator).toBe('服务对象满意度');
  });

  test('names 一级/二级 as the table’s framework does', () => {
    const older = search(lib, { text: '培训费', framework: 'older', limit: 1 })[0];
    expect([older.level1, older.level2]).toEqual(['产出指标', '成本指标']);
    const newer = search(lib, { text: '培训费', framework: 'newer', limit: 1 })[0];
    expect([newer.level1, newer.level2]).toEqual(['成本指标', '经济成本指标']);
  });

  test('the older 成本指标 filter covers the three newer cost 二级', () => {
    const r = search(lib, { text: '', category: '成本指标', limit: 1000 });
    expect(new Set(r.map((s) => s.phrasing.level2))).toEqual(
      new Set(['经济成本指标', '社会成本指标', '生态环境成本指标']),
    );
  });

  test('nothing for nonsense, and never a throw on odd input', () => {
    expect(search(lib, { text: 'zzzzqqq' })).toEqual([]);
    for (const text of ['', ' ', '%%%', '<img src=x>', 'x'.repeat(5000), '１２３'])
      expect(() => search(lib, { text })).not.toThrow();
  });
});

describe('category inference', () => {
  test.each([
    ['受益脱贫户满意度', '服务对象满意度指标'],
    ['培训合格率', '质量指标'],
    ['设备采购完成时间', '时效指标'],
    ['网络安全宣传周项目经费', '经济成本指标'],
    ['农村信息员人数', '数量指标'],
    ['全县农民人均增收', '经济效益指标'],
    ['森林覆盖率提升', '生态效益指标'],
    ['设施使用年限', '可持续影响指标'],
  ])('%s → %s', (text, level2) => {
    expect(predictLevel2(lib, text)?.level2).toBe(level2);
  });

  test('accuracy on the seeds’ indicator rows stays at or above the measured level', async () => {
    const tables = (await Promise.all(SEEDS.map((s) => seedTables(s)))).flat();
    const report = evaluateInference(tables, lib);
    expect(report.rows).toBeGreaterThan(450);
    // Measured 0.72 (bench prints the figure and the confusion); a drop below 0.68 is a regression.
    expect(report.accuracy).toBeGreaterThanOrEqual(0.68);
  });
});

describe('structure/misplaced-level2 from the prediction (a warning, never an error)', () => {
  const rows = (name: string, level2 = '社会效益指标') =>
    GOOD_ROWS.map((r) => (r[1] === level2 ? [r[0], r[1], name, r[3]] : r));
  test('invalid: a 满意度 indicator under 社会效益', () => {
    const issues = issuesOf(checkForm({ rows: rows('群众满意度') }), 'structure/misplaced-level2');
    expect(issues).toHaveLength(1);
    expect(issues[0].severity).toBe('warning');
    expect(issues[0].message).toContain('服务对象满意度指标');
  });
  test('invalid: a cost line under 数量', () => {
    expect(
      issuesOf(
        checkForm({
          rows: rows('培训场地租赁费用', '数量指标').map((r) =>
            r[2] === '培训场地租赁费用' ? [r[0], r[1], r[2], '2万元'] : r,
          ),
        }),
        'structure/misplaced-level2',
      ),
    ).toHaveLength(1);
  });
  test('valid: the same rows in their own category, and fuzzy cases', () => {
    expect(issuesOf(checkForm({ rows: GOOD_ROWS }), 'structure/misplaced-level2')).toEqual([]);
    expect(issuesOf(checkForm({ rows: rows('受益人口数量') }), 'structure/misplaced-level2')).toEqual([]);
    expect(
      issuesOf(checkForm({ rows: rows('培训完成及时率', '质量指标') }), 'structure/misplaced-level2'),
    ).toEqual([]);
  });
  test('without the library the prediction part is skipped', () => {
    expect(issuesOf(checkForm({ rows: rows('群众满意度') }, {}), 'structure/misplaced-level2')).toEqual([]);
  });
  test('on the seeds: 银川 12345 热线’s 市民获得感、满意度 under 社会效益', async () => {
    const t = byName(await seedTables('yinchuan'), '银川12345热线2026年购买服务项目');
    const w = t.issues.filter((i) => i.rule === 'structure/misplaced-level2' && i.severity === 'warning');
    expect(w.map((i) => i.message).join()).toContain('市民获得感、满意度');
  });
});

describe('建议 for a row: from its own category', () => {
  const lib = loadLibrary();
  const row = (name: string, level2: string, framework: 'older' | 'newer' = 'newer') => ({
    table: { framework, year: 2026 },
    indicator: { name: { text: name, cell: 'C8', row: 7, col: 2 }, level1: null },
    category: level2,
  });

  test('a 质量 row gets 质量 phrasings only, the most similar first', () => {
    const top = suggestForRow(lib, row('培训合格率', '质量指标'));
    expect(top.length).toBe(5);
    expect(top.every((s) => inCategory(s.phrasing, '质量指标'))).toBe(true);
    expect(top[0].phrasing.indicator).toMatch(/合格率/);
  });

  test('widening the filter lets other categories in', () => {
    const narrow = suggestForRow(lib, row('群众知晓率', '质量指标'), { limit: 8 });
    const wide = suggestForRow(lib, row('群众知晓率', '质量指标'), { limit: 8, widen: true });
    expect(narrow.every((s) => inCategory(s.phrasing, '质量指标'))).toBe(true);
    expect(wide.some((s) => !inCategory(s.phrasing, '质量指标'))).toBe(true);
  });

  test.each([
    ['不涉及', '生态效益指标', '不涉及', '无'],
    ['无', '经济效益指标', '不涉及', '无'],
    ['不涉及', '社会成本指标', '对社会稳定的负面影响', '无明显负面影响'],
  ])(
    'a %s row under %s gets that category’s "not applicable" first: %s / %s',
    (text, level2, indicator, value) => {
      const top = suggestForRow(lib, row(text, level2));
      expect([top[0].phrasing.indicator, top[0].value]).toEqual([indicator, value]);
      expect(top.every((s) => inCategory(s.phrasing, level2))).toBe(true);
    },
  );

  test('a 不涉及 row under a required category gets that category’s common phrasings (it cannot be declared not applicable)', () => {
    const top = suggestForRow(lib, row('不涉及', '数量指标'));
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((s) => inCategory(s.phrasing, '数量指标') && !s.phrasing.notApplicable)).toBe(true);
  });

  test('an older-framework 成本指标 row gets the three cost 二级, named as the older form names them', () => {
    const top = suggestForRow(lib, row('培训费用', '成本指标', 'older'));
    expect(top.every((s) => s.level2 === '成本指标')).toBe(true);
  });

  test('"not applicable" conventions never show up as ordinary phrasings', () => {
    expect(search(lib, { text: '不涉及', limit: 20 }).some((s) => s.phrasing.notApplicable)).toBe(false);
  });

  test('measured on every seed and wider row: top-3 all in the row’s category, and a standard phrasing kept in the top 3 (targets 100% and ≥ 80%)', async () => {
    const files = [
      ...SEEDS.map((s) => path.join(FIXTURES, `${s}.xlsx`)),
      ...fs
        .readdirSync(path.join(FIXTURES, 'wider'))
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => path.join(FIXTURES, 'wider', f)),
    ];
    const tables = (await Promise.all(files.map((f) => readWorkbook(f))))
      .flat()
      .flatMap((g) => checkGrid(g, { library: lib }));
    const fit = measureSuggestionFit(tables, lib);
    expect(fit.rows).toBeGreaterThan(500);
    expect(fit.misses.filter((m) => m.startsWith('category'))).toEqual([]);
    expect(fit.inCategory).toBe(fit.rows);
    expect(fit.standardRows).toBeGreaterThan(20);
    expect(fit.ownInTop3 / fit.standardRows).toBeGreaterThanOrEqual(0.8);
  });
});
