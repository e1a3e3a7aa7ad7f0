/**
 * Invisible characters do not hide a form: zero-width spaces and joiners, direction marks and
 * embeddings, invisible operators and the soft hyphen are removed before recognition, one test per
 * class (each inserted into every label and level name of a form, which must read as the clean one).
 */
import { checkGrid } from '../src/core/check';
import type { CellValue } from '../src/core/grid';
import { cleanText, labelKey } from '../src/core/text';
import { formGrid, GOOD_ROWS } from './helpers/form';

const CLASSES: [string, string][] = [
  ['zero-width space U+200B', '\u200b'],
  ['zero-width non-joiner U+200C', '\u200c'],
  ['zero-width joiner U+200D', '\u200d'],
  ['left-to-right mark U+200E', '\u200e'],
  ['right-to-left mark U+200F', '\u200f'],
  ['right-to-left override U+202E', '\u202e'],
  ['left-to-right embedding U+202A', '\u202a'],
  ['first strong isolate U+2068', '\u2068'],
  ['word joiner U+2060', '\u2060'],
  ['invisible times U+2062', '\u2062'],
  ['soft hyphen U+00AD', '\u00ad'],
  ['byte order mark U+FEFF', '\ufeff'],
];

/** Puts the character in the middle of every text cell of the grid. */
function salted(values: CellValue[][], ch: string): CellValue[][] {
  return values.map((row) =>
    row.map((v) => (typeof v === 'string' && v.length >= 2 ? v.slice(0, 1) + ch + v.slice(1) : v)),
  );
}

test.each(CLASSES)('%s: removed from cell text and label keys', (_name, ch) => {
  expect(cleanText(`项目${ch}名称`)).toBe('项目名称');
  expect(labelKey(`项目${ch}名称：`)).toBe('项目名称');
  expect(cleanText(`${ch} 培训人数 ${ch}`)).toBe('培训人数');
});

test.each(CLASSES)('%s in every label: the form is read as the clean one', (_name, ch) => {
  const clean = formGrid({ rows: GOOD_ROWS });
  const [want] = checkGrid(clean);
  const got = checkGrid({ ...clean, values: salted(clean.values, ch) });
  expect(got).toHaveLength(1);
  expect(got[0].projectName).toBe(want.projectName);
  expect(got[0].indicators.map((i) => [i.level1?.name, i.level2?.name, i.name?.text, i.value?.text])).toEqual(
    want.indicators.map((i) => [i.level1?.name, i.level2?.name, i.name?.text, i.value?.text]),
  );
  expect(got[0].issues.map((i) => i.rule)).toEqual(want.issues.map((i) => i.rule));
});
