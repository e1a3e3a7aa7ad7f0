/**
 * What several rules need to know about a table: each indicator's category and parsed value, the
 * cost lines and their amounts, and how to compare two amounts within the precision they were
 * written with.
 */
import { Decimal } from '../decimal';
import type { Amount, Indicator, Place, Table } from '../model';
import { bigrams, containment, dice, excerpt } from '../text';
import { type ParsedValue, findAmounts, parseValue } from '../values';
import { category } from '../categories';
import { categories, isNoneWord } from '../vocabulary';

export { category };

/** Cost lines whose value should be money: 成本指标 (older), or the newer 成本指标 一级's 经济成本. */
export function isCostLine(ind: Indicator): boolean {
  const c = category(ind);
  return c === categories.cost || c === categories.economicCost;
}

export function isNotApplicableName(ind: Indicator): boolean {
  return !!ind.name && isNoneWord(ind.name.text);
}

/**
 * The parsed value is kept on the indicator under a symbol: every value rule asks for it, and a
 * symbol key is invisible to JSON output and to the zod schema. (A WeakMap did the same job at
 * several times the cost on 8,000-row sheets.)
 */
const PARSED = Symbol('parsedValue');
type WithParsed = Indicator & { [PARSED]?: ParsedValue };

/**
 * The indicator's value, parsed. A cost line's bare number is money in the table's unit: "50000"
 * in a form headed 单位：元 is 5 万元, not 50,000 万元.
 */
export function valueOf(table: Table, ind: Indicator): ParsedValue {
  const holder = ind as WithParsed;
  let v = holder[PARSED];
  if (!v) {
    v = parseValue(ind.value?.text ?? '', isCostLine(ind) ? { money: true, unit: table.unit ?? '万元' } : {});
    holder[PARSED] = v;
  }
  return v;
}

/** A short description of the row for lists: "产出指标/数量指标/全县…线路数量 = 207 条". */
export function rowText(ind: Indicator): string {
  const parts = [ind.level1?.text, ind.level2?.text, ind.name?.text]
    .filter(Boolean)
    .map((s) => excerpt(s!, 40));
  return `${parts.join(' / ')}${ind.value ? ` = ${excerpt(ind.value.text, 30)}` : ''}`;
}

/** Where the value of an indicator is, or would be typed: its value cell, else the value column. */
export function valuePlace(table: Table, ind: Indicator): Place {
  return ind.value ?? { row: ind.row, col: table.columns.value ?? table.columns.name ?? 0 };
}

/** Where the 三级 name of an indicator is, or would be typed. */
export function namePlace(table: Table, ind: Indicator): Place {
  return ind.name ?? { row: ind.row, col: table.columns.name ?? table.columns.value ?? 0 };
}

/** Whether the project runs one year (项目期 1年, or 一年期 as its attribute). */
export function isOneYear(table: Table): boolean {
  const period = table.header.period?.text ?? '';
  const attribute = table.header.attribute?.text ?? '';
  return /^\s*1\s*年\s*$/.test(period.replace(/[()（）]/g, '')) || /一年期/.test(attribute);
}

/** The table's first cell (its top-left), for issues about the table as a whole. */
export function tableStart(table: Table): Place {
  return { row: table.top, col: table.left };
}

export function dec(a: Amount): Decimal {
  return Decimal.parse(a.exact) ?? Decimal.ZERO;
}

/** Formats an amount in 万元 for a message: "165.53", "77.885024". */
export function wan(d: Decimal): string {
  return d.toString();
}

/**
 * Whether two sums agree: the difference is within half the smallest stated digit of the figures
 * compared (77.8850 vs 77.885 agree; 0.73 vs 0.78 do not).
 */
export function agrees(a: Decimal, b: Decimal, operands: Decimal[] = [a, b]): boolean {
  const finest = operands.reduce((m, d) => Math.max(m, d.scale), 0);
  const tolerance = Decimal.fromBigInt(5n, finest + 1);
  return a.sub(b).abs().cmp(tolerance) <= 0;
}

/**
 * Whether a figure quoted in prose stands for an exact amount: the same within half its last digit,
 * or the exact amount cut to the quoted digits (staff write 77.88 for 77.885024).
 */
export function quotes(quoted: Decimal, exact: Decimal): boolean {
  if (quoted.sub(exact).abs().cmp(quoted.halfUlp()) <= 0) return true;
  return exact.truncate(quoted.scale).eq(quoted) || exact.round(quoted.scale).eq(quoted);
}

export interface CostLine {
  ind: Indicator;
  /** The line's amount in 万元, when it can be known. */
  amount: Decimal | null;
  /** How the amount was found, for messages. */
  how: 'value' | 'unitPrice' | 'name' | 'none';
  /** For unit prices: the quantity row used. */
  quantity?: Indicator;
}

/** The table's cost lines with their amounts: values, unit price × matching quantity, or amounts quoted in the name. */
/** A unit price is paired with a quantity row whose name is at least this similar (Dice over bigrams). */
const PAIR_SIMILARITY = 0.6;

/**
 * The quantity rows a unit price can be multiplied by, indexed so that pairing every price with its
 * quantity stays linear in the rows (a sheet with thousands of both took minutes when each price was
 * compared with each quantity). Exact: the same pair as comparing all, found by prefix filtering —
 * two bigram sets with Dice ≥ t share at least ⌈t·|x|/(2−t)⌉ bigrams, so at least one of the rarest
 * |x| − that + 1 bigrams of the price's name; only quantities holding one of those are scored.
 */
class QuantityIndex {
  readonly rows: { q: Indicator; value: ParsedValue; grams: Set<string> }[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly byUnit = new Map<string, number[]>();
  /** Per row, the number of the last query that scored it. */
  private seen: Int32Array = new Int32Array(0);
  private queries = 0;

  constructor(table: Table, quantities: Indicator[]) {
    for (const q of quantities) {
      const value = valueOf(table, q);
      if ((value.kind !== 'count' && value.kind !== 'number') || !value.decimal) continue;
      const k = this.rows.length;
      const grams = bigrams(q.name!.text);
      this.rows.push({ q, value, grams });
      for (const g of grams) {
        let list = this.postings.get(g);
        if (!list) this.postings.set(g, (list = []));
        list.push(k);
      }
      if (value.unit) {
        let list = this.byUnit.get(value.unit);
        if (!list) this.byUnit.set(value.unit, (list = []));
        list.push(k);
      }
    }
    this.seen = new Int32Array(this.rows.length);
  }

  /** The best quantity for a unit price (name, and the unit it is priced per), as the pairwise search found it. */
  pair(name: string, per: string | null | undefined): Indicator | null {
    const x = bigrams(name);
    const fits = (k: number) => {
      const unit = this.rows[k].value.unit;
      return !(per && unit && !unit.includes(per));
    };
    let best: { k: number; score: number } | null = null;
    if (x.size > 0) {
      const need = Math.ceil((PAIR_SIMILARITY * x.size) / (2 - PAIR_SIMILARITY) - 1e-9);
      const lists = [...x].map((g) => this.postings.get(g) ?? NONE).sort((a, b) => a.length - b.length);
      // Each candidate scored once (marked with this query's number); a tie goes to the first row, as before.
      const query = ++this.queries;
      for (const list of lists.slice(0, Math.max(1, x.size - need + 1))) {
        for (const k of list) {
          if (this.seen[k] === query) continue;
          this.seen[k] = query;
          if (!fits(k)) continue;
          const score = dice(x, this.rows[k].grams);
          if (
            score >= PAIR_SIMILARITY &&
            (!best || score > best.score || (score === best.score && k < best.k))
          )
            best = { k, score };
        }
      }
    }
    if (best) return this.rows[best.k].q;
    // The quantity rows counted in the price's own unit ("23万元/个" and "=10个"): when only one
    // is, a shared word is enough to pair them ("补助合作社平均标准" with "入股合作社个数").
    const sameUnit = per ? (this.byUnit.get(per) ?? []) : [];
    if (sameUnit.length === 1 && dice(x, this.rows[sameUnit[0]].grams) > 0) return this.rows[sameUnit[0]].q;
    return null;
  }
}

const NONE: number[] = [];

/**
 * Cost lines, kept on the table they were read from: two rules ask for them, and they depend only on
 * the rows (whose parsed values are kept on them the same way) and the table's unit. A property of
 * the table, not a WeakMap entry: it dies with the table, where a WeakMap's entries wait for a full
 * collection (a batch of thousands of files grew by tens of MB). Not enumerable: JSON and
 * comparisons of tables do not see it.
 */
const COST_LINES = Symbol('costLines');
type WithCostLines = Table & {
  [COST_LINES]?: { indicators: Indicator[]; unit: Table['unit']; lines: CostLine[] };
};

export function costLines(table: Table): CostLine[] {
  const holder = table as WithCostLines;
  const kept = holder[COST_LINES];
  if (kept && kept.indicators === table.indicators && kept.unit === table.unit) return kept.lines;
  const lines = readCostLines(table);
  Object.defineProperty(holder, COST_LINES, {
    value: { indicators: table.indicators, unit: table.unit, lines },
    configurable: true,
    writable: true,
    enumerable: false,
  });
  return lines;
}

function readCostLines(table: Table): CostLine[] {
  let index: QuantityIndex | null = null;
  const out: CostLine[] = [];
  for (const ind of table.indicators) {
    if (!isCostLine(ind) || !(ind.name || ind.value) || isNotApplicableName(ind)) continue;
    const v = valueOf(table, ind);
    if (v.kind === 'money' && v.amountWan) {
      out.push({ ind, amount: v.amountWan, how: 'value' });
      continue;
    }
    if (v.kind === 'unitPrice' && v.unitPriceWan && ind.name) {
      index ??= new QuantityIndex(
        table,
        table.indicators.filter((i) => category(i) === categories.quantity && i.name),
      );
      const q = index.pair(ind.name.text, v.per);
      if (q)
        out.push({
          ind,
          amount: v.unitPriceWan.mul(valueOf(table, q).decimal!),
          how: 'unitPrice',
          quantity: q,
        });
      else out.push({ ind, amount: null, how: 'none' });
      continue;
    }
    // The value is not an amount ("100%"): an amount written in the line's own name counts.
    const quoted = ind.name ? findAmounts(ind.name.text) : [];
    if (quoted.length === 1) out.push({ ind, amount: quoted[0].amountWan, how: 'name' });
    else out.push({ ind, amount: null, how: 'none' });
  }
  return out;
}

/** The amount cost lines and goal text are compared with: the annual amount, else the project total. */
export function budgetTotal(table: Table): { amount: Amount; label: string } | null {
  if (table.amounts.annual) return { amount: table.amounts.annual, label: '年度资金总额' };
  if (table.amounts.total) return { amount: table.amounts.total, label: '项目总额' };
  return null;
}

export { containment };
