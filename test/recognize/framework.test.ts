/**
 * The framework from the level names a table uses (recognize/framework.ts), and where an indicator
 * block ends: closing labels read by their word parts, with or without a blank row before them, and a
 * lone word cut short where the source ends.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { checkGrid } from '../../src/core/check';
import { type Indicator, type Level, filledIndicators } from '../../src/core/model';
import { classify } from '../../src/core/recognize/classify';
import {
  type FrameworkGuess,
  detectFramework,
  levelNames,
  sheetFrameworks,
} from '../../src/core/recognize/framework';
import { canonicalLevel1, canonicalLevel2, closingKind, isCutWord } from '../../src/core/vocabulary';
import { labelKey } from '../../src/core/text';

let row = 0;
const level = (text: string, name: string | null, col: number, at = row): Level => ({
  name,
  text,
  cell: `${'ABC'[col]}${at + 1}`,
  row: at,
  col,
});
/** Indicators from [一级, 二级] pairs as written, each on a row of its own (names read as recognition reads them). */
const rows = (...pairs: [string, string][]): Indicator[] =>
  pairs.map(([l1, l2]) => {
    row++;
    return {
      row,
      level1: l1 ? level(l1, canonicalLevel1(l1), 0) : null,
      level2: l2 ? level(l2, canonicalLevel2(l2), 1) : null,
      name: { text: '指标', cell: `C${row + 1}`, row, col: 2 },
      value: { text: '1', cell: `D${row + 1}`, row, col: 3 },
      description: null,
      basis: null,
      wrapped: false,
    };
  });

const OUTPUT: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
];
const guess = (g: FrameworkGuess) => [g.framework, g.basis, g.decided];

describe('the framework from the level names', () => {
  test('88号 and 101号 by where 成本 sits; a table that shows neither by its year', () => {
    const older = rows(
      ...OUTPUT,
      ['产出指标', '成本指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    );
    expect(guess(detectFramework(older, 2026))).toEqual(['older', 'cost-under-output', true]);
    const newer = rows(
      ...OUTPUT,
      ['成本指标', '经济成本指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    );
    expect(guess(detectFramework(newer, 2019))).toEqual(['newer', 'cost-as-level1', true]);
    const neither = rows(...OUTPUT, ['效益指标', '社会效益指标'], ['满意度指标', '服务对象满意度指标']);
    expect(guess(detectFramework(neither, 2026))).toEqual(['newer', 'year', false]);
    expect(guess(detectFramework(neither, 2021))).toEqual(['older', 'default', false]);
    // A 满意度 一级 is in neither template that puts 满意度 under 效益.
    expect(detectFramework(neither, 2021).fits).toEqual(['older', 'newer']);
  });

  test('满意度 as a 二级 under 效益 and no 满意度 一级: the transfer template, whatever the year', () => {
    for (const satisfaction of ['社会公众或服务对象满意度指标', '服务对象满意度指标', '服务对象满意度'])
      for (const year of [2019, 2026, null]) {
        const t = rows(
          ...OUTPUT,
          ['产出指标', '成本指标'],
          ['效益指标', '社会效益指标'],
          ['效益指标', satisfaction],
        );
        expect([satisfaction, year, ...guess(detectFramework(t, year))]).toEqual([
          satisfaction,
          year,
          'transfer',
          'names',
          true,
        ]);
      }
  });

  test('the same 二级 under a 满意度 一级 that is there too: 88号, the 二级 misplaced (廊坊 #9)', () => {
    const t = rows(
      ...OUTPUT,
      ['产出指标', '成本指标'],
      ['效果指标', '服务对象满意度指标'],
      ['满意度指标', '社会效益指标'],
    );
    expect(guess(detectFramework(t, 2020))).toEqual(['older', 'cost-under-output', true]);
  });

  test('预期产出指标 / 效果指标 with bracketed 二级: the 广东 批复表; 效果指标 alone is only a name for 效益 (河北)', () => {
    const gd = rows(
      ['预期产出指标', '数量指标(或建筑规模指标)'],
      ['预期产出指标', '质量指标'],
      ['预期产出指标', '时效指标(工期指标)'],
      ['预期产出指标', '预算(或投资规模)控制指标'],
      ['效果指标', '社会、经济、生态效益 指标'],
      ['效果指标', '可持续影响指标'],
    );
    expect(guess(detectFramework(gd, 2019))).toEqual(['guangdong', 'names', true]);
    const hebei = rows(...OUTPUT, ['产出指标', '成本指标'], ['效果指标', '社会效益指标']);
    expect(guess(detectFramework(hebei, 2020))).toEqual(['older', 'cost-under-output', true]);
  });

  test('names no framework fits: unknown words, or 成本 as an 一级 and as a 二级 together', () => {
    const unknown = rows(...OUTPUT, ['影响力指标', '社会效益指标']);
    unknown[3].level1 = level('影响力指标', null, 0, unknown[3].row);
    const g = detectFramework(unknown, 2026);
    expect([g.basis, g.decided, g.fits]).toEqual(['unmatched', false, []]);
    expect(levelNames(unknown).unknown).toEqual(['影响力指标']);
    const both = rows(...OUTPUT, ['产出指标', '成本指标'], ['成本指标', '经济成本指标']);
    expect(detectFramework(both, 2026).basis).toBe('unmatched');
    // An 一级 name in the 二级 column is understood (structure/misplaced-level2 reports it); the
    // 一级 written again in the 二级 column says nothing.
    const asLevel2 = rows(
      ...OUTPUT,
      ['产出指标', '产出指标'],
      ['产出指标', '成本指标'],
      ['成本指标', '成本指标'],
    );
    asLevel2[3].level2 = level('产出指标', null, 1, asLevel2[3].row);
    expect(levelNames(asLevel2).unknown).toEqual([]);
  });

  test("a table whose names fit several frameworks follows its sheet's decided tables, among those it fits", () => {
    const transfer = detectFramework(
      rows(...OUTPUT, ['产出指标', '成本指标'], ['效益指标', '服务对象满意度指标']),
      2023,
    );
    const bare = detectFramework(rows(...OUTPUT, ['效益指标', '社会效益指标']), 2023);
    const withSatisfaction = detectFramework(rows(...OUTPUT, ['满意度指标', '服务对象满意度指标']), 2023);
    const [a, b, c] = sheetFrameworks([transfer, bare, withSatisfaction]);
    expect(guess(a)).toEqual(['transfer', 'names', true]);
    expect(guess(b)).toEqual(['transfer', 'sheet', false]);
    // A 满意度 一级 does not fit the transfer template: that table keeps its year's reading.
    expect(guess(c)).toEqual(['newer', 'year', false]);
  });
});

describe('where a block ends', () => {
  const grid = (values: CellValue[][]): Grid => ({ sheet: 'S', values, merges: [] });
  const base: CellValue[][] = [
    ['项目名称', '某项目'],
    ['年度资金总额', 10],
    ['年度总体绩效目标', '培训'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人数', '100人'],
    ['', '质量指标', '培训合格率', '≥95%'],
  ];
  const form = (...rows: CellValue[][]) => checkGrid(grid([...base, ...rows]))[0];

  test.each([
    '其他需说明的问题',
    '其他需要说明的事项',
    '需要说明的其他问题',
    '财政部门审核意见',
    '主管部门意见',
    '填表人：张三',
    '审核人',
    '联系电话：0731-1234567',
    '单位负责人签字',
  ])('%s ends the block, with no blank row before it or one', (label) => {
    for (const blank of [[], [[]]]) {
      const t = form(...blank, [label, null, '无'], ['满意度指标', '服务对象满意度指标', '满意度', '≥90%']);
      expect([label, blank.length, filledIndicators(t).length, t.bottom]).toEqual([
        label,
        blank.length,
        2,
        5,
      ]);
    }
  });

  test('closing labels by their word parts are short labels; in the 三级 column the same words are an indicator', () => {
    expect(['其他需说明的问题', '财政部门意见', '负责人签名'].map((k) => closingKind(labelKey(k)))).toEqual([
      'parts',
      'parts',
      'parts',
    ]);
    expect(closingKind('财政部门审核意见')).toBe('words');
    expect(classify('其他需说明的问题').closing).toBe(true);
    expect(classify('其他需说明的问题').closingByParts).toBe(true);
    expect(closingKind('群众意见')).toBe('parts');
    for (const text of ['问题整改率', '说明', '政策宣传说明会次数'])
      expect([text, closingKind(text)]).toEqual([text, false]);
    // A 三级 that ends like a closing label, in its own column on a row with no level cells, is an indicator.
    const t = form(['', '', '征求群众意见', '≥2次'], ['效益指标', '社会效益指标', '群众知晓率', '≥90%']);
    expect(filledIndicators(t).map((i) => i.name?.text)).toEqual([
      '培训人数',
      '培训合格率',
      '征求群众意见',
      '群众知晓率',
    ]);
  });

  test.each(['效', '满意', '可持', '主管', '产'])(
    'a lone word cut short in a level column ("%s") is no indicator',
    (word) => {
      expect(isCutWord(word)).toBe(true);
      const t = form([word]);
      expect(filledIndicators(t).map((i) => i.name?.text)).toEqual(['培训人数', '培训合格率']);
      expect(t.bottom).toBe(5);
      expect(t.issues.filter((i) => i.row === 6)).toEqual([]);
    },
  );

  test('words that are no cut word: a whole level name, an indicator, a word of nothing', () => {
    for (const w of ['效益指标', '满意度', '培训人数', '无']) expect([w, isCutWord(w)]).toEqual([w, false]);
    // A level name on a row of its own is a level (an empty 满意度 block), not a cut word.
    const t = form(['满意度指标']);
    expect(t.indicators.some((i) => i.level1?.name === '满意度指标')).toBe(true);
  });

  test('an 一级 no framework names, with its 二级 and 三级 in place beside it, is read as an 一级 by position', () => {
    const t = form(['影响力指标', '社会效益指标', '干部业务能力', '有所提升']);
    const last = filledIndicators(t)[2];
    expect([
      last.level1?.name,
      last.level1?.text,
      last.level2?.name,
      last.name?.text,
      last.value?.text,
    ]).toEqual([null, '影响力指标', '社会效益指标', '干部业务能力', '有所提升']);
    expect(t.frameworkBasis).toBe('unmatched');
    // A 三级 typed into the 一级 column with its value in the 三级 column is content put back, not an 一级.
    const shifted = form(['培训完成时间', null, '2026年11月前']);
    const row = filledIndicators(shifted)[2];
    expect([row.level1?.name, row.level2?.name, row.name?.text, row.value?.text]).toEqual([
      '产出指标',
      '质量指标',
      '培训完成时间',
      '2026年11月前',
    ]);
  });
});
