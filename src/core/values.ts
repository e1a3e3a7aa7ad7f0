/**
 * Reads 指标值 and amounts the way staff write them: "34万", "17 万", "5766108元/年",
 * "≤97.3550万元", "1600元/口", "0.82万册", "≥87百分比", ">=95%", "≧90％", "≥ 98 %",
 * "1-12月", "2026年11月前", "70（人）*3天". One module, so every rule reads a value the same way.
 */
import { Decimal } from './decimal';
import { TextCache, foldText } from './text';
import { isNoneWord } from './vocabulary';

export type Comparison = '≥' | '≤' | '>' | '<' | '=';

/**
 * - money: an amount (万元/元, caps included; "元/年" is an annual amount)
 * - unitPrice: money per something other than a year ("1600元/口", "7万/台")
 * - percent, count (a number with any other unit), duration (天, 小时, 个月, "≥3年"),
 * - date (a date, a deadline or a period: "2026年11月前", "1-12月", "全年", "每月")
 * - number: a bare number with no unit ("17.00")
 * - qualitative: words ("提升", "效果明显", "能够控制")
 * - none: 无 / 不涉及 (the unit's way of saying "not applicable")
 * - empty: nothing written
 */
export type ValueKind =
  | 'money'
  | 'unitPrice'
  | 'percent'
  | 'count'
  | 'duration'
  | 'date'
  | 'number'
  | 'qualitative'
  | 'none'
  | 'empty';

export interface ParsedValue {
  /** The text as read (HTML removed, full-width folded, spaces collapsed). */
  text: string;
  comparison: Comparison | null;
  number: number | null;
  /** The number exactly as written, for sums. */
  decimal: Decimal | null;
  /** The unit as written after the number, notes in brackets removed: "%", "万元", "元/口", "个". */
  unit: string | null;
  kind: ValueKind;
  /** money: the amount in 万元, exactly. */
  amountWan?: Decimal;
  /** unitPrice: the price of one `per` in 万元, and what it is per ("台", "口"). */
  unitPriceWan?: Decimal;
  per?: string;
  /** "1-12月": the end of the range. */
  rangeEnd?: number;
  /** A template hint left in the cell ("≥**%", "★"). */
  placeholder?: boolean;
}

export interface ParseOptions {
  /**
   * The context says this is money (a 成本 value, a header amount): a bare "万" means 万元 and a
   * bare number is in `unit`.
   */
  money?: boolean;
  /** The unit a bare number is in, where `money` is set: the table's 万元 or 元. */
  unit?: '万元' | '元';
}

const COMPARISON_PREFIXES: [RegExp, Comparison][] = [
  [/^(?:>=|=>|≥|大于等于|大于或等于|不低于|不少于|不小于|至少|达到|高于等于)/, '≥'],
  [/^(?:<=|=<|≤|小于等于|小于或等于|不高于|不超过|不多于|不大于|最多|控制在|低于等于)/, '≤'],
  [/^(?:>|大于|高于|超过|多于)/, '>'],
  [/^(?:<|小于|低于|少于)/, '<'],
  [/^(?:==|=|等于)/, '='],
];

const PLACEHOLDER_RE = /\*{2,}|(?:^|[≥≤<>=])\s*\*|\*\s*%|★|☆|[Xx]{2,}|_{2,}/;

/** Period words accepted as a 时效 value without a number. */
const PERIOD_WORD_RE =
  /^(?:每年|每季度|每季|每月|每周|每天|每日|全年|年内|年底|年度内|年底前|年末|当年|季度|按季度|按月|按年|按季)/;

const MONEY_UNIT_RE = /^(亿元|万元|千元|元|万)(?:(?:\/|每)(.+))?$/;
const DURATION_UNITS = new Set([
  '天',
  '日',
  '个工作日',
  '工作日',
  '小时',
  '个小时',
  'h',
  '分钟',
  '秒',
  '周',
  '个星期',
  '星期',
  '个月',
  '年',
  '个年度',
]);

function wanShift(unit: string): number {
  switch (unit) {
    case '亿元':
      return 4;
    case '万元':
    case '万':
      return 0;
    case '千元':
      return -1;
    default:
      return -4; // 元
  }
}

function empty(text: string, kind: ValueKind): ParsedValue {
  return { text, comparison: null, number: null, decimal: null, unit: null, kind };
}

/** Parsed values by context and text (see TextCache). */
const parsedCache = new TextCache<ParsedValue>();

/** Empties the parse cache (benchmarks measure a cold check with it). */
export function clearValueCache(): void {
  parsedCache.clear();
}

/** Reads one 指标值 or amount. Never throws. The result is shared: treat it as read-only. */
export function parseValue(input: unknown, opts: ParseOptions = {}): ParsedValue {
  if (typeof input === 'number') return parseNumberValue(input, opts);
  if (typeof input !== 'string') return empty('', 'empty');
  // A money context reads a bare figure in its unit: the same text parses differently there.
  const key = opts.money ? `${opts.unit ?? '万元'}\u0000${input}` : input;
  return parsedCache.get(input, (text) => parseText(text, opts), key);
}

function parseText(input: string, opts: ParseOptions): ParsedValue {
  const text = foldText(input);
  if (text === '') return empty(text, 'empty');
  if (isNoneWord(text)) return empty(text, 'none');
  if (PLACEHOLDER_RE.test(text)) return { ...empty(text, 'qualitative'), placeholder: true };

  let c = text
    .replace(/\s+/g, '')
    .replace(/百分比|百分点/g, '%')
    .replace(/百分之(\d+(?:\.\d+)?)/g, '$1%');
  c = c.replace(/％/g, '%');
  let comparison: Comparison | null = null;
  for (const [re, cmp] of COMPARISON_PREFIXES) {
    const m = re.exec(c);
    if (m) {
      comparison = cmp;
      c = c.slice(m[0].length);
      break;
    }
  }
  // "95%以上", "30天以内", "2万元及以下": the comparison written after the figure.
  const suffix = /(?:及以上|以上|及以下|以下|以内|之内)$/.exec(c);
  if (suffix && /\d/.test(c)) {
    if (!comparison) comparison = /上/.test(suffix[0]) ? '≥' : '≤';
    c = c.slice(0, c.length - suffix[0].length);
  }

  // Dates and deadlines: "2026年11月前", "2026年9-10月", "12月前", "1-12月", "10月", "2024年".
  if (
    /^\d{4}年(?:\d{1,2}(?:[-~至到]\d{1,2})?月(?:份)?(?:\d{1,2}日)?)?(?:前|底前|底|末|以前|之前|内|以内|中旬|上旬|下旬)?$/.test(
      c,
    ) ||
    /^\d{1,2}(?:[-~至到]\d{1,2})?月(?:份)?(?:\d{1,2}日)?(?:前|底前|底|末|以前|之前|内|以内|中旬|上旬|下旬)?$/.test(
      c,
    ) ||
    /^\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?(?:前|以前|之前)?$/.test(c)
  ) {
    const nums = c.match(/\d+/g) ?? [];
    const first = Number(nums[0]);
    const range = /^\d{1,2}[-~至到](\d{1,2})月/.exec(c);
    return {
      text,
      comparison,
      number: first,
      decimal: Decimal.parse(nums[0] ?? ''),
      unit: null,
      kind: 'date',
      ...(range ? { rangeEnd: Number(range[1]) } : {}),
    };
  }
  if (PERIOD_WORD_RE.test(c)) return { ...empty(text, 'date'), comparison };

  const m = /^(\d+(?:,\d{3})*(?:\.\d+)?)(.*)$/.exec(c);
  if (!m) return { ...empty(text, 'qualitative'), comparison };
  const decimal = Decimal.parse(m[1]);
  let number = decimal ? decimal.toNumber() : Number(m[1].replace(/,/g, ''));
  let rest = m[2];
  let rangeEnd: number | undefined;
  const range = /^[-~至到](\d+(?:\.\d+)?)(.*)$/.exec(rest);
  if (range) {
    rangeEnd = Number(range[1]);
    rest = range[2];
  }
  // "70(人)*3天": a product of people and days.
  const product = /^(?:\(([^()\d]{0,6})\)|([^()\d*×x]{0,4}))[*×xX](\d+(?:\.\d+)?)(.*)$/.exec(rest);
  if (product) {
    const factor = Number(product[3]);
    const left = product[1] ?? product[2] ?? '';
    const right = stripNotes(product[4]);
    number = number * factor;
    return {
      text,
      comparison,
      number,
      decimal: Decimal.fromNumber(number),
      unit: `${left}${right ? '·' + right : ''}` || null,
      kind: 'count',
    };
  }
  const unit = stripNotes(rest);
  const base: ParsedValue = {
    text,
    comparison,
    number,
    decimal,
    unit: unit || null,
    kind: 'count',
    ...(rangeEnd !== undefined ? { rangeEnd } : {}),
  };
  return classifyUnit(base, opts);
}

/** "条(移动光纤)" → "条": notes in brackets say what is counted, not the unit. */
function stripNotes(s: string): string {
  return s
    .replace(/\([^()]*\)/g, '')
    .replace(/[。.;；,，]+$/, '')
    .trim();
}

function classifyUnit(v: ParsedValue, opts: ParseOptions): ParsedValue {
  const unit = v.unit ?? '';
  if (unit === '') {
    if (opts.money && v.decimal) {
      const u = opts.unit ?? '万元';
      return { ...v, kind: 'money', unit: u, amountWan: v.decimal.shift(wanShift(u)) };
    }
    return { ...v, kind: 'number' };
  }
  if (unit === '%' || unit === '‰' || unit === '%%') return { ...v, kind: 'percent', unit };
  const money = MONEY_UNIT_RE.exec(unit);
  if (money && v.decimal) {
    const mu = money[1];
    const per = money[2] ?? '';
    // A bare "万" is money only where the context says so ("≥200万" 网民 is a count).
    const isMoney = mu !== '万' || opts.money || per !== '';
    if (isMoney && (per === '' || /^(?:年|年度|每年)$/.test(per))) {
      return { ...v, kind: 'money', amountWan: v.decimal.shift(wanShift(mu)) };
    }
    if (isMoney && per !== '' && !/[\d]/.test(per)) {
      return { ...v, kind: 'unitPrice', unitPriceWan: v.decimal.shift(wanShift(mu)), per };
    }
  }
  const durationUnit = unit.replace(/(?:内|以内|之内)$/, '');
  if (DURATION_UNITS.has(durationUnit)) {
    if (durationUnit === '年' && v.number !== null && v.number >= 1900 && v.number <= 2200)
      return { ...v, kind: 'date' };
    return { ...v, kind: 'duration' };
  }
  if (/^月(?:份)?$/.test(unit)) return { ...v, kind: 'date' };
  return { ...v, kind: 'count' };
}

function parseNumberValue(n: number, opts: ParseOptions): ParsedValue {
  const decimal = Decimal.fromNumber(n);
  const text = decimal ? decimal.toString() : String(n);
  const base: ParsedValue = { text, comparison: null, number: n, decimal, unit: null, kind: 'number' };
  if (opts.money && decimal) {
    const u = opts.unit ?? '万元';
    return { ...base, kind: 'money', unit: u, amountWan: decimal.shift(wanShift(u)) };
  }
  return base;
}

/** An amount of money quoted inside free text ("本年度预算金额763万元", "尾款0.73万元"). */
export interface QuotedAmount {
  amountWan: Decimal;
  text: string;
  index: number;
  /** The words before the figure in the same clause: what the amount is for. */
  context: string;
}

/**
 * Finds money amounts in a sentence. Only figures followed by 元 (元, 万元, 亿元) count: "400万次"
 * and "180万件" are counts. Unit prices ("1600元/口") are skipped.
 */
export function findAmounts(input: string): QuotedAmount[] {
  const text = foldText(input);
  const out: QuotedAmount[] = [];
  const re = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|千元|元)(\s*[/每]\s*([^\s,，。；;、]{1,3}))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && /[\d.]/.test(text[m.index - 1])) continue;
    const per = m[4];
    if (per && !/^(?:年|年度)/.test(per)) continue;
    const d = Decimal.parse(m[1]);
    if (!d) continue;
    const before = text.slice(0, m.index);
    // The clause runs back to the previous sentence break, not the previous comma:
    // "开展网络法治宣传及网信业务法务服务，预算90万元" is about the service, not about "预算".
    const clauseStart = Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('。'));
    out.push({
      amountWan: d.shift(wanShift(m[2])),
      text: m[0],
      index: m.index,
      context: before
        .slice(Math.max(clauseStart + 1, before.length - 60))
        .replace(/^\s*(?:\d+[.、)）]|[一二三四五六七八九十]+是|目标\d+:?)\s*/, ''),
    });
  }
  return out;
}

/** Reads a header amount cell ("34万", 17, "17.00", "7630000") as 万元, given the table's unit. */
export function parseAmount(input: unknown, unit: '万元' | '元'): ParsedValue {
  return parseValue(input, { money: true, unit });
}
