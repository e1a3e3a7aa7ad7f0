/**
 * Formulas for the simulated host: enough of Excel's language to recompute the forms people type
 * and the templates write — numbers, "text", TRUE/FALSE, cell references and ranges, + - * / ^ &,
 * comparisons, parentheses, and SUM, IF, IFERROR, ROUND, ABS, MIN, MAX, AND, OR, N, LEN. A formula
 * using anything else is "not understood": the simulated host then keeps the value the file cached,
 * rather than showing a wrong one. Errors are Excel's error strings (#DIV/0!, #VALUE!, #REF!).
 */
import { parseA1Range } from '../core/grid';

export type FormulaValue = string | number | boolean;

/** A formula the simulator cannot compute (an unknown function, a sheet reference, a name). */
export class NotUnderstood extends Error {}

export interface FormulaScope {
  /** The value of a cell (evaluating its own formula first, if it has one). */
  cell(row: number, col: number): FormulaValue;
}

type Token =
  | { kind: 'num'; v: number }
  | { kind: 'str'; v: string }
  | { kind: 'ref'; v: string }
  | { kind: 'fn'; v: string }
  | { kind: 'op'; v: string }
  | { kind: 'bool'; v: boolean }
  | { kind: 'err'; v: string };

const ERRORS = ['#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#NULL!'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new NotUnderstood('unterminated text');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ kind: 'str', v: s });
      continue;
    }
    const num = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ kind: 'num', v: Number(num[1]) });
      i += num[1].length;
      continue;
    }
    const err = ERRORS.find((e) => src.startsWith(e, i));
    if (err) {
      out.push({ kind: 'err', v: err });
      i += err.length;
      continue;
    }
    const ref = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![\w(!])/i.exec(src.slice(i));
    if (ref) {
      out.push({ kind: 'ref', v: ref[0].replace(/\$/g, '').toUpperCase() });
      i += ref[0].length;
      continue;
    }
    const word = /^[A-Z_][A-Z0-9_.]*/i.exec(src.slice(i));
    if (word) {
      const w = word[0].toUpperCase();
      i += word[0].length;
      if (src[i] === '(') out.push({ kind: 'fn', v: w });
      else if (w === 'TRUE' || w === 'FALSE') out.push({ kind: 'bool', v: w === 'TRUE' });
      else throw new NotUnderstood(`name ${w}`);
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ kind: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>(),%'.includes(ch)) {
      out.push({ kind: 'op', v: ch });
      i++;
      continue;
    }
    throw new NotUnderstood(`character ${ch}`);
  }
  return out;
}

/** A value or a range (only functions take ranges). */
type Operand = FormulaValue | { range: FormulaValue[] };

class FormulaError {
  constructor(readonly code: string) {}
}

function isError(v: unknown): v is string {
  return typeof v === 'string' && ERRORS.includes(v);
}

function toNumber(v: FormulaValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) throw new FormulaError(v);
  if (v === '') return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!');
  return n;
}

function toText(v: FormulaValue): string {
  if (isError(v)) throw new FormulaError(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function scalar(v: Operand): FormulaValue {
  if (typeof v === 'object') {
    if (v.range.length === 1) return v.range[0];
    throw new FormulaError('#VALUE!');
  }
  return v;
}

function compare(a: FormulaValue, b: FormulaValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  // Excel orders numbers < text < booleans.
  const rank = (v: FormulaValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return rank(a) - rank(b) || (a === b ? 0 : a < b ? -1 : 1);
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: FormulaScope,
  ) {}

  parse(): FormulaValue {
    const v = this.comparison();
    if (this.i < this.tokens.length) throw new NotUnderstood('trailing tokens');
    return scalar(v);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.kind === 'op' && t.v === v;
  }

  private comparison(): Operand {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (!t || t.kind !== 'op' || !['=', '<>', '<', '>', '<=', '>='].includes(t.v)) return left;
      this.i++;
      const a = scalar(left);
      const b = scalar(this.concat());
      if (isError(a)) throw new FormulaError(a);
      if (isError(b)) throw new FormulaError(b);
      const c = compare(a, b);
      left = { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[t.v]!;
    }
  }

  private concat(): Operand {
    let left = this.additive();
    while (this.isOp('&')) {
      this.i++;
      left = toText(scalar(left)) + toText(scalar(this.additive()));
    }
    return left;
  }

  private additive(): Operand {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.i++] as { v: string }).v;
      const a = toNumber(scalar(left));
      const b = toNumber(scalar(this.multiplicative()));
      left = op === '+' ? a + b : a - b;
    }
    return left;
  }

  private multiplicative(): Operand {
    let left = this.power();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.i++] as { v: string }).v;
      const a = toNumber(scalar(left));
      const b = toNumber(scalar(this.power()));
      if (op === '/' && b === 0) throw new FormulaError('#DIV/0!');
      left = op === '*' ? a * b : a / b;
    }
    return left;
  }

  private power(): Operand {
    let left = this.unary();
    while (this.isOp('^')) {
      this.i++;
      left = toNumber(scalar(left)) ** toNumber(scalar(this.unary()));
    }
    return left;
  }

  private unary(): Operand {
    if (this.isOp('-')) {
      this.i++;
      return -toNumber(scalar(this.unary()));
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.i++;
      v = toNumber(scalar(v)) / 100;
    }
    return v;
  }

  private primary(): Operand {
    const t = this.tokens[this.i++];
    if (!t) throw new NotUnderstood('unexpected end');
    switch (t.kind) {
      case 'num':
      case 'str':
      case 'bool':
        return t.v;
      case 'err':
        throw new FormulaError(t.v);
      case 'ref': {
        const area = parseA1Range(t.v);
        if (!area) throw new FormulaError('#REF!');
        const values: FormulaValue[] = [];
        for (let r = area.top; r <= area.bottom; r++)
          for (let c = area.left; c <= area.right; c++) values.push(this.scope.cell(r, c));
        return t.v.includes(':') ? { range: values } : values[0];
      }
      case 'fn':
        return this.call(t.v);
      case 'op':
        if (t.v === '(') {
          const v = this.comparison();
          if (!this.isOp(')')) throw new NotUnderstood('missing )');
          this.i++;
          return v;
        }
        throw new NotUnderstood(`operator ${t.v}`);
    }
  }

  /** Arguments are evaluated lazily, so that IF and IFERROR only evaluate the branch taken. */
  private call(name: string): FormulaValue {
    this.i++; // (
    const args: (() => Operand)[] = [];
    const starts: number[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        starts.push(this.i);
        this.skipArgument();
        if (this.isOp(',')) {
          this.i++;
          continue;
        }
        break;
      }
    }
    if (!this.isOp(')')) throw new NotUnderstood('missing )');
    const end = ++this.i;
    for (const s of starts) {
      args.push(() => {
        const saved = this.i;
        this.i = s;
        try {
          return this.comparison();
        } finally {
          this.i = saved;
        }
      });
    }
    this.i = end;
    const numbers = (): number[] => {
      const out: number[] = [];
      for (const a of args) {
        const v = a();
        if (typeof v === 'object') {
          for (const x of v.range) {
            if (isError(x)) throw new FormulaError(x);
            if (typeof x === 'number') out.push(x);
          }
        } else out.push(toNumber(v));
      }
      return out;
    };
    switch (name) {
      case 'SUM':
        return numbers().reduce((a, b) => a + b, 0);
      case 'MIN':
        return Math.min(...numbers(), ...(numbers().length ? [] : [0]));
      case 'MAX':
        return Math.max(...numbers(), ...(numbers().length ? [] : [0]));
      case 'ABS':
        return Math.abs(toNumber(scalar(args[0]())));
      case 'ROUND': {
        const x = toNumber(scalar(args[0]()));
        const d = args[1] ? toNumber(scalar(args[1]())) : 0;
        const f = 10 ** d;
        return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
      }
      case 'IF': {
        const c = scalar(args[0]());
        const yes = typeof c === 'boolean' ? c : toNumber(c) !== 0;
        const branch = yes ? args[1] : args[2];
        return branch ? scalar(branch()) : yes;
      }
      case 'IFERROR':
        try {
          const v = scalar(args[0]());
          if (isError(v)) return scalar(args[1]());
          return v;
        } catch (e) {
          if (e instanceof FormulaError) return scalar(args[1]());
          throw e;
        }
      case 'AND':
        return args.every((a) => toNumber(scalar(a())) !== 0);
      case 'OR':
        return args.some((a) => toNumber(scalar(a())) !== 0);
      case 'N': {
        const v = scalar(args[0]());
        return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : 0;
      }
      case 'LEN':
        return toText(scalar(args[0]())).length;
      default:
        throw new NotUnderstood(`function ${name}`);
    }
  }

  /** Moves past one argument without evaluating it (nested parentheses included). */
  private skipArgument(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (t.kind === 'op' && t.v === '(') depth++;
      else if (t.kind === 'fn') {
        // its "(" follows as an op token
      } else if (t.kind === 'op' && t.v === ')') {
        if (depth === 0) return;
        depth--;
      } else if (t.kind === 'op' && t.v === ',' && depth === 0) return;
      this.i++;
    }
  }
}

/**
 * Evaluates a formula ("=…") in a scope; an Excel error comes back as its error string. Throws
 * NotUnderstood for what the simulator does not compute.
 */
export function evaluate(formula: string, scope: FormulaScope): FormulaValue {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(src);
  try {
    const v = new Parser(tokens, scope).parse();
    return typeof v === 'number' && !Number.isFinite(v) ? '#NUM!' : v;
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    throw e;
  }
}
