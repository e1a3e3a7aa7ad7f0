/** A1 addressing: every issue's cell and every table range goes through these. */
import { a1, a1Range, columnIndex, columnName, parseA1Range } from '../src/core/grid';
import { namePlace, valuePlace } from '../src/core/rules/helpers';
import type { Indicator, Table } from '../src/core/model';

test('column letters round-trip past Z and AZ', () => {
  const cases: [number, string][] = [
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ];
  for (const [i, s] of cases) {
    expect(columnName(i)).toBe(s);
    expect(columnIndex(s)).toBe(i);
  }
});

test('a1 and a1Range', () => {
  expect(a1(0, 0)).toBe('A1');
  expect(a1(94, 27)).toBe('AB95');
  expect(a1Range(81, 0, 106, 5)).toBe('A82:F107');
  expect(a1Range(3, 2, 3, 2)).toBe('C4');
});

test('parseA1Range accepts $, sheet prefixes and reversed corners; rejects junk', () => {
  expect(parseA1Range('B3:D9')).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
  expect(parseA1Range("'附件2'!$D$9:$B$3")).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
  expect(parseA1Range('C7')).toEqual({ top: 6, left: 2, bottom: 6, right: 2 });
  expect(parseA1Range('not a range')).toBeNull();
});

test('rule helpers address an empty value or name cell in its column, beyond Z too', () => {
  const table = {
    columns: { lead: null, level1: 26, level2: 27, name: 28, value: 30, description: null, basis: null },
  } as unknown as Table;
  const ind = {
    row: 40,
    level1: null,
    level2: null,
    name: null,
    value: null,
    description: null,
    basis: null,
    wrapped: false,
  } as Indicator;
  const at = (p: { row: number; col: number }) => a1(p.row, p.col);
  expect(at(valuePlace(table, ind))).toBe('AE41');
  expect(at(namePlace(table, ind))).toBe('AC41');
});
