/**
 * Exact decimal arithmetic for amounts. Sums of money must not drift (0.1 + 0.2 is 0.3), and the
 * tolerance of a comparison depends on how many digits a figure was written with, so a decimal
 * keeps its scale.
 */
export class Decimal {
  /** value = units / 10^scale */
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);

  /** Parses "123", "-4.50", "1,234.5"; returns null for anything else. */
  static parse(text: string): Decimal | null {
    const t = text.replace(/,/g, '').trim();
    const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(t) ?? /^([+-]?)()\.(\d+)$/.exec(t);
    if (!m) return null;
    const frac = m[3] ?? '';
    if (m[2].length + frac.length > 30) return null;
    const units = BigInt((m[2] || '0') + frac) * (m[1] === '-' ? -1n : 1n);
    return new Decimal(units, frac.length);
  }

  /**
   * From a spreadsheet number. Excel keeps 15 significant digits, so the binary noise of a value
   * such as 0.30000000000000004 is cut there before the digits are read.
   */
  static fromNumber(n: number): Decimal | null {
    if (!Number.isFinite(n)) return null;
    if (Math.abs(n) >= 1e21) return null;
    let s = Number(n.toPrecision(15)).toString();
    if (/e/i.test(s)) s = Number(s).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
    return Decimal.parse(s);
  }

  static fromBigInt(units: bigint, scale: number): Decimal {
    return new Decimal(units, scale);
  }

  private rescale(scale: number): bigint {
    return this.units * 10n ** BigInt(scale - this.scale);
  }

  add(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.rescale(s) + o.rescale(s), s);
  }

  sub(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.rescale(s) - o.rescale(s), s);
  }

  mul(o: Decimal): Decimal {
    return new Decimal(this.units * o.units, this.scale + o.scale);
  }

  /** Multiplies by 10^k (k may be negative): the unit changes 元 ↔ 万元 exactly. */
  shift(k: number): Decimal {
    if (k < 0) return new Decimal(this.units, this.scale - k);
    if (this.scale >= k) return new Decimal(this.units, this.scale - k);
    return new Decimal(this.units * 10n ** BigInt(k - this.scale), 0);
  }

  abs(): Decimal {
    return this.units < 0n ? new Decimal(-this.units, this.scale) : this;
  }

  cmp(o: Decimal): number {
    const s = Math.max(this.scale, o.scale);
    const a = this.rescale(s);
    const b = o.rescale(s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Decimal): boolean {
    return this.cmp(o) === 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  /** Half a unit of the last stated digit: 0.005 for a figure written with two decimals. */
  halfUlp(): Decimal {
    return new Decimal(5n, this.scale + 1);
  }

  /** Truncates (towards zero) to `digits` decimals. */
  truncate(digits: number): Decimal {
    if (digits >= this.scale) return this;
    const f = 10n ** BigInt(this.scale - digits);
    return new Decimal(this.units / f, digits);
  }

  /** Rounds half away from zero to `digits` decimals. */
  round(digits: number): Decimal {
    if (digits >= this.scale) return this;
    const f = 10n ** BigInt(this.scale - digits);
    const neg = this.units < 0n;
    const u = neg ? -this.units : this.units;
    let q = u / f;
    if ((u % f) * 2n >= f) q += 1n;
    return new Decimal(neg ? -q : q, digits);
  }

  /** Decimal notation keeping the stated scale: "2.00" stays "2.00", so precision survives a round trip. */
  toExact(): string {
    const neg = this.units < 0n;
    let digits = (neg ? -this.units : this.units).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = `${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
    }
    return (neg ? '-' : '') + digits;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** Plain decimal notation without trailing zeros: "77.885024", "34", "-0.5". */
  toString(): string {
    const neg = this.units < 0n;
    let digits = (neg ? -this.units : this.units).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      let int = digits.slice(0, digits.length - this.scale);
      const frac = digits.slice(digits.length - this.scale).replace(/0+$/, '');
      if (int === '') int = '0';
      digits = frac ? `${int}.${frac}` : int;
    }
    return (neg && digits !== '0' ? '-' : '') + digits;
  }

  static sum(list: Decimal[]): Decimal {
    return list.reduce((a, b) => a.add(b), Decimal.ZERO);
  }
}
