/**
 * How well the 建议 for a row fit it, measured over real rows (the seed and wider tables): the share
 * of rows with a stated 二级 whose top-3 suggestions all belong to that category, and — for rows
 * whose text already is a standard phrasing of the library — the share where that phrasing is among
 * the top 3 (so 建议 does not push a clerk off a good indicator). Printed by `npm run bench` and
 * asserted by test/phrasings.test.ts.
 */
import type { Table } from '../src/core/model';
import { type PhrasingLibrary, suggestForRow } from '../src/core/phrasings';
import { inCategory } from '../src/core/phrasings/match';
import { category } from '../src/core/rules/helpers';

export interface SuggestionFit {
  rows: number;
  inCategory: number;
  standardRows: number;
  ownInTop3: number;
  /** Rows that missed, for a look: text, category, the top 3. */
  misses: string[];
}

export function measureSuggestionFit(tables: Table[], lib: PhrasingLibrary): SuggestionFit {
  const fit: SuggestionFit = { rows: 0, inCategory: 0, standardRows: 0, ownInTop3: 0, misses: [] };
  for (const table of tables) {
    for (const indicator of table.indicators) {
      const cat = category(indicator);
      if (!indicator.name || !cat) continue;
      // A local 二级 the library has no phrasings for cannot be judged by category.
      if (!lib.entries.some((p) => inCategory(p, cat))) continue;
      fit.rows++;
      const top = suggestForRow(lib, { table, indicator, category: cat }, { limit: 3 });
      if (top.length > 0 && top.every((s) => inCategory(s.phrasing, cat))) fit.inCategory++;
      else
        fit.misses.push(
          `category ${cat}: 「${indicator.name.text}」 → ${top.map((s) => `${s.phrasing.indicator}（${s.level2}）`).join(' | ')}`,
        );
      const own = lib.normalise(indicator.name.text);
      const standard = lib.entries.find(
        (p) => !p.notApplicable && inCategory(p, cat) && lib.normalise(p.indicator) === own,
      );
      if (!standard) continue;
      fit.standardRows++;
      if (top.some((s) => s.phrasing.index === standard.index)) fit.ownInTop3++;
      else
        fit.misses.push(
          `own text 「${indicator.name.text}」 (${cat}) not in top 3: ${top.map((s) => s.phrasing.indicator).join(' | ')}`,
        );
    }
  }
  return fit;
}

export function formatSuggestionFit(f: SuggestionFit): string {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  return `suggestions: ${f.rows} rows, top-3 in category ${pct(f.inCategory, f.rows)}, own text in top-3 ${pct(f.ownInTop3, f.standardRows)} (${f.ownInTop3}/${f.standardRows} rows whose text is a standard phrasing)`;
}
