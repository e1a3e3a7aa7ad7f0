/**
 * A rule tester in the style of ESLint's RuleTester: one rule run on one recognised table, each
 * invalid case pinning the message id and the cell of every issue (the cell click-to-select and the
 * marks use), the data when given, and the form after the rule's fixes when the rule is fixable.
 *
 *   ruleTester(rule, {
 *     valid: [{ rows }],
 *     invalid: [{ rows, errors: [{ messageId: 'over', cell: 'D15', data: { value: '≥120%' } }], output: fixedRows }],
 *   });
 *
 * A case is a form (FormSpec: header fields and indicator rows, see form.ts); recognition runs once,
 * then only the rule under test.
 */
import { runRules } from '../../src/core/check';
import { type CellValue, type Grid, parseA1Range } from '../../src/core/grid';
import type { MessageData } from '../../src/core/locales';
import type { Severity, Table } from '../../src/core/model';
import { loadLibrary } from '../../src/core/phrasings/library';
import { recogniseSheet } from '../../src/core/recognize';
import type { Rule } from '../../src/core/rules';
import type { RuleOptionValues } from '../../src/core/rules/types';
import { SheetView } from '../../src/core/sheet';
import { type FormSpec, formGrid } from './form';

export interface ExpectedIssue {
  messageId: string;
  /** A1 address of the cell the issue points at. */
  cell: string;
  data?: MessageData;
  severity?: Severity;
}

/**
 * A case is a form built from a FormSpec, or a grid as it is (forms of other shapes), checked with
 * the rule's options as given (its defaults fill the rest); a rule off by default is turned on.
 */
type Source = ((FormSpec & { grid?: undefined }) | { grid: Grid; rows?: undefined }) & {
  options?: RuleOptionValues;
  /** The profile checked against (core/profiles.ts), 101号 when not given. */
  profile?: string;
};

export type InvalidCase = Source & {
  name?: string;
  errors: ExpectedIssue[];
  /** The indicator rows once every fix the rule offers is applied (for a grid case, the whole grid). */
  output?: CellValue[][];
};

export type ValidCase = Source & { name?: string };

const library = loadLibrary();

/** The one table of a form, recognised, with only `rule` run on it. */
export function runOne(rule: Rule, spec: Source): { table: Table; grid: Grid } {
  const grid = spec.grid ?? formGrid(spec);
  const view = new SheetView(grid);
  const tables = recogniseSheet(grid, view).tables;
  if (tables.length !== 1) throw new Error(`expected one table, got ${tables.length}`);
  const { id, severity } = rule.meta;
  // A configured level overrides the rule's own per-issue severities: set only to turn an off-by-default rule on.
  const rules = rule.meta.offByDefault ? { [id]: severity } : {};
  return {
    table: runRules(
      tables[0],
      { library, rules, ruleOptions: { [id]: spec.options ?? {} }, profile: spec.profile },
      [rule],
      view,
    ),
    grid,
  };
}

function caseName(c: Source & { name?: string }, k: number): string {
  const rows = c.grid ? c.grid.values : c.rows;
  return (
    c.name ??
    `#${k + 1}: ${rows.map((r) => r.filter((x) => x !== '' && x !== null).join('|')).join(' / ')}`.slice(
      0,
      120,
    )
  );
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    test('declares valid and invalid cases', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    if (cases.valid.length) {
      test.each(cases.valid.map((c, k) => [caseName(c, k), c] as const))('valid %s', (_, c) => {
        expect(runOne(rule, c).table.issues.map((i) => `${i.messageId}@${i.cell}: ${i.message}`)).toEqual([]);
      });
    }
    if (cases.invalid.length) {
      test.each(cases.invalid.map((c, k) => [caseName(c, k), c] as const))('invalid %s', (_, c) => {
        const { table, grid } = runOne(rule, c);
        const got = table.issues.map((i) => ({
          messageId: i.messageId,
          cell: i.cell,
          ...(c.errors.some((e) => e.data) ? { data: i.data } : {}),
          ...(c.errors.some((e) => e.severity) ? { severity: i.severity } : {}),
        }));
        const want = c.errors.map((e) => ({
          messageId: e.messageId,
          cell: e.cell,
          ...(e.data
            ? { data: expect.objectContaining(e.data) }
            : c.errors.some((x) => x.data)
              ? { data: expect.anything() }
              : {}),
          ...(e.severity
            ? { severity: e.severity }
            : c.errors.some((x) => x.severity)
              ? { severity: expect.anything() }
              : {}),
        }));
        expect(got).toEqual(want);
        for (const i of table.issues) {
          expect(i.messageId).toBeTruthy();
          expect(rule.meta.messages).toContain(i.messageId);
        }
        if (c.output) {
          // Each fix applied where it points, as the pane does, then the indicator rows read back.
          const values = grid.values.map((r) => [...r]);
          for (const i of table.issues) {
            if (!i.fix) continue;
            const at = parseA1Range(i.fix.cell)!;
            expect(values[at.top][at.left]).toBe(i.fix.before);
            values[at.top][at.left] = i.fix.after;
          }
          // A form's indicator rows; a grid case's whole grid.
          const first = c.rows ? values.length - c.rows.length : 0;
          expect(values.slice(first).map((r) => r.map((x) => (x === null ? '' : x)))).toEqual(c.output);
        } else {
          expect(
            rule.meta.fixable && table.issues.some((i) => i.fix)
              ? 'a fixable rule’s invalid case gives its output'
              : 'ok',
          ).toBe('ok');
        }
      });
    }
  });
}
