import { Decimal } from '../src/core/decimal';
import { findAmounts, parseAmount, parseValue } from '../src/core/values';
import { clearCaches } from '../src/core/check';
import { cleanText, labelKey, stripHtml } from '../src/core/text';
import { rng } from '../bench/generate';

describe('parseValue: the ways staff write values', () => {
  test.each([
    ['34万', { money: true }, { kind: 'money', number: 34, wan: '34' }],
    ['17 万', { money: true }, { kind: 'money', number: 17, wan: '17' }],
    ['17.00', { money: true, unit: '万元' as const }, { kind: 'money', number: 17, wan: '17' }],
    ['5766108元/年', {}, { kind: 'money', number: 5766108, wan: '576.6108', unit: '元/年' }],
    ['≤97.3550万元', {}, { kind: 'money', comparison: '≤', number: 97.355, wan: '97.355' }],
    ['23.82万/年', {}, { kind: 'money', wan: '23.82' }],
  ])('%s is money', (text, opts, want) => {
    const v = parseValue(text, opts);
    expect(v.kind).toBe(want.kind);
    if ('number' in want) expect(v.number).toBe(want.number);
    if ('comparison' in want) expect(v.comparison).toBe(want.comparison);
    if ('unit' in want) expect(v.unit).toBe(want.unit);
    expect(v.amountWan?.toString()).toBe(want.wan);
  });

  test('1600元/口 is a unit price, per 口', () => {
    const v = parseValue('1600元/口');
    expect(v).toMatchObject({ kind: 'unitPrice', number: 1600, per: '口' });
    expect(v.unitPriceWan?.toString()).toBe('0.16');
    expect(parseValue('7万/台')).toMatchObject({ kind: 'unitPrice', per: '台' });
  });

  test('0.82万册 is a count, not money', () => {
    expect(parseValue('≥0.82万册')).toMatchObject({
      kind: 'count',
      comparison: '≥',
      number: 0.82,
      unit: '万册',
    });
    expect(parseValue('≥180万件')).toMatchObject({ kind: 'count', unit: '万件' });
    // "万" alone is money only where the context says so
    expect(parseValue('≥200万')).toMatchObject({ kind: 'count', unit: '万' });
    expect(parseValue('≥200万', { money: true })).toMatchObject({ kind: 'money' });
  });

  test.each([
    ['≥87百分比', '≥', 87],
    ['>=95%', '≥', 95],
    ['≧90％', '≥', 90],
    ['≥ 98 %', '≥', 98],
    ['＞＝９５％', '≥', 95],
    ['100%', null, 100],
    ['≤1%', '≤', 1],
    ['95%以上', '≥', 95],
    ['不低于90%', '≥', 90],
  ])('%s is a percentage', (text, comparison, number) => {
    expect(parseValue(text)).toMatchObject({ kind: 'percent', comparison, number, unit: '%' });
  });

  test('full-width digits are read', () => {
    expect(parseValue('１２个')).toMatchObject({ kind: 'count', number: 12, unit: '个' });
    expect(parseAmount('３４万', '万元').amountWan?.toString()).toBe('34');
  });

  test.each([
    ['1-12月', 'date'],
    ['2026年11月前', 'date'],
    ['2026年9-10月', 'date'],
    ['2026年12月20日前', 'date'],
    ['12月前', 'date'],
    ['10月', 'date'],
    ['2024 年', 'date'],
    ['全年', 'date'],
    ['每年12月底前', 'date'],
    ['≤30天', 'duration'],
    ['30日内', 'duration'],
    ['≥12个月', 'duration'],
    ['≤48小时', 'duration'],
    ['≥3 年', 'duration'],
    ['>362日', 'duration'],
  ])('%s is a %s', (text, kind) => {
    expect(parseValue(text).kind).toBe(kind);
  });

  test('1-12月 keeps its range', () => {
    expect(parseValue('1-12月')).toMatchObject({ number: 1, rangeEnd: 12 });
  });

  test('70（人）*3天 is a product of people and days', () => {
    expect(parseValue('70（人）*3天')).toMatchObject({ kind: 'count', number: 210, unit: '人·天' });
  });

  test.each(['提升', '有所提升', '效果明显', '能够控制', '是', '及时', '以实际结果为指标，效果明显'])(
    '%s is qualitative',
    (t) => {
      expect(parseValue(t).kind).toBe('qualitative');
    },
  );

  test.each(['无', '不涉及', '/'])('%s means not applicable', (t) => {
    expect(parseValue(t).kind).toBe('none');
  });

  test('template hints are flagged', () => {
    expect(parseValue('≥**%').placeholder).toBe(true);
    expect(parseValue('★').placeholder).toBe(true);
  });

  test('counts keep their unit without notes', () => {
    expect(parseValue('207 条（移动光纤）')).toMatchObject({ kind: 'count', number: 207, unit: '条' });
    expect(parseValue('0次')).toMatchObject({ kind: 'count', number: 0 });
    expect(parseValue('17.00')).toMatchObject({ kind: 'number', number: 17 });
  });

  test('numbers from cells: money in the table unit', () => {
    expect(parseAmount(7630000, '元').amountWan?.toString()).toBe('763');
    expect(parseAmount(778850.24, '元').amountWan?.toString()).toBe('77.885024');
    expect(parseAmount(20, '万元').amountWan?.toString()).toBe('20');
  });

  test('empty, odd and huge input never throws', () => {
    expect(parseValue('').kind).toBe('empty');
    expect(parseValue(null).kind).toBe('empty');
    expect(parseValue(undefined).kind).toBe('empty');
    expect(parseValue(NaN).kind).toBe('number');
    expect(parseValue('9'.repeat(40) + '万元').kind).toBeDefined();
    expect(parseValue('≥'.repeat(32000)).kind).toBe('qualitative');
  });
});

describe('findAmounts: money quoted in prose', () => {
  test('finds 万元 and 元 amounts with their clause', () => {
    const found = findAmounts(
      '支付升级改造项目建设主体尾款资金162.75万元；支付升级改造项目监理及项目设计尾款0.73万元；支付审计费用2万元。',
    );
    expect(found.map((f) => f.amountWan.toString())).toEqual(['162.75', '0.73', '2']);
    expect(found[1].context).toBe('支付升级改造项目监理及项目设计尾款');
  });

  test('counts with 万 are not money; unit prices are skipped', () => {
    expect(findAmounts('年均受理诉求180万件以上，浏览量达400万次')).toEqual([]);
    expect(findAmounts('单价1600元/口')).toEqual([]);
    expect(findAmounts('工资23.82万元/年').map((f) => f.amountWan.toString())).toEqual(['23.82']);
  });
});

describe('Decimal: exact sums', () => {
  test('0.1 + 0.2 = 0.3', () => {
    expect(Decimal.parse('0.1')!.add(Decimal.parse('0.2')!).eq(Decimal.parse('0.3')!)).toBe(true);
    expect(Decimal.fromNumber(0.1 + 0.2)!.toString()).toBe('0.3');
  });

  test('元 ↔ 万元 shifts are exact and keep the stated digits', () => {
    const d = Decimal.parse('778850.24')!.shift(-4);
    expect(d.toString()).toBe('77.885024');
    expect(d.toExact()).toBe('77.885024');
    expect(Decimal.parse('2.00')!.toExact()).toBe('2.00');
    expect(Decimal.parse('1.5')!.shift(4).toString()).toBe('15000');
  });

  test('rounding and truncation', () => {
    const d = Decimal.parse('77.885024')!;
    expect(d.truncate(2).toString()).toBe('77.88');
    expect(d.round(2).toString()).toBe('77.89');
    expect(Decimal.parse('-1.25')!.round(1).toString()).toBe('-1.3');
  });

  test('sums of many amounts do not drift', () => {
    const parts = ['97.3550', '40', '369.725', '320', '118', '20', '19.6', '43.32'].map((s) =>
      Decimal.parse(s)!,
    );
    expect(Decimal.sum(parts).toString()).toBe('1028');
  });

  test('rejects non-numbers', () => {
    expect(Decimal.parse('abc')).toBeNull();
    expect(Decimal.parse('1.2.3')).toBeNull();
    expect(Decimal.fromNumber(Infinity)).toBeNull();
  });
});

describe('text normalisation and its caches', () => {
  // The readable definition cleanText's one-pass test must agree with.
  // Invisible characters (zero-width, direction marks, soft hyphen, BOM) are removed, not spaces.
  const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
  const UNCLEAN =
    /\s\s|[^\S ]|^\s|\s$|[<&]|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
  const reference = (s: string) =>
    UNCLEAN.test(s)
      ? stripHtml(s)
          .replace(INVISIBLE, '')
          .replace(/[\s\u00a0]+/g, ' ')
          .trim()
      : s;
  const alphabet = [
    '指',
    '标',
    ' ',
    '  ',
    '\u3000',
    '\u00a0',
    '\t',
    '\n',
    '<b>',
    '&nbsp;',
    '&',
    'a',
    '1',
    '％',
    '\ufeff',
    '\u2003',
    '\u3001',
    '≥',
    '\u200b',
    '\u202e',
    '\u00ad',
  ];

  test('cleanText agrees with its regular-expression definition on random strings', () => {
    const random = rng(7);
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const len = Math.floor(random() * 8);
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(random() * alphabet.length)];
      expect([s, cleanText(s)]).toEqual([s, reference(s)]);
    }
  });

  test('a cached value or key is the same after the caches are cleared', () => {
    const texts = ['≥90%', '2026年11月前', ' 其中：财政拨款 ', '成本指标（必填）', '17 万'];
    const first = texts.map((t) => [
      parseValue(t),
      parseAmount(t, '元'),
      parseAmount(t, '万元'),
      labelKey(t),
    ]);
    expect(
      texts.map((t) => [parseValue(t), parseAmount(t, '元'), parseAmount(t, '万元'), labelKey(t)]),
    ).toEqual(first);
    clearCaches();
    expect(
      texts.map((t) => [parseValue(t), parseAmount(t, '元'), parseAmount(t, '万元'), labelKey(t)]),
    ).toEqual(first);
    // The context is part of the key: the same text is 17 万元 as a money value, a bare 17 万 otherwise.
    expect(parseAmount('17', '元').amountWan?.toString()).toBe('0.0017');
    expect(parseAmount('17', '万元').amountWan?.toString()).toBe('17');
    expect(parseValue('17').kind).toBe('number');
  });
});
