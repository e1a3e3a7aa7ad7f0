import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook } from '../../src/cli/xlsx';
import { checkGrid } from '../../src/core/check';
import type { Table } from '../../src/core/model';
import { loadLibrary } from '../../src/core/phrasings/library';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const SEEDS = ['guyuan', 'pingluo', 'langfang', 'yinchuan', 'ningxia'] as const;
export type Seed = (typeof SEEDS)[number];

/** Every fixture workbook: the seeds (stacked and per-sheet) and the wider corpus ("wider/…"). */
export function fixtureFiles(): string[] {
  return [
    ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
    ...fs
      .readdirSync(path.join(FIXTURES, 'wider'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => `wider/${f}`),
  ];
}

const cache = new Map<string, Promise<Table[]>>();

/** All tables of a fixture workbook, checked as the command line does (stacked: one sheet; per-sheet: one table a sheet). */
export function seedTables(seed: Seed, layout: 'stacked' | 'per-sheet' = 'stacked'): Promise<Table[]> {
  const file = path.join(FIXTURES, `${seed}${layout === 'per-sheet' ? '.per-sheet' : ''}.xlsx`);
  let p = cache.get(file);
  if (!p) {
    p = readWorkbook(file).then((grids) => grids.flatMap((g) => checkGrid(g, { library: loadLibrary() })));
    cache.set(file, p);
  }
  return p;
}

export function byName(tables: Table[], name: string): Table {
  const t = tables.find((x) => x.projectName === name);
  if (!t) throw new Error(`no table named ${name}: ${tables.map((x) => x.projectName).join(', ')}`);
  return t;
}

export function rulesOf(t: Table): string[] {
  return t.issues.map((i) => i.rule);
}
