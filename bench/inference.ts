/**
 * Measures category inference on the seed tables: for every indicator row whose 二级 is stated (a
 * known 二级 name; "无/不涉及" rows left out), predict the 二级 from the 三级 text alone and compare
 * at the level of categories (the three cost 二级 and the older 成本指标 count as one).
 */
import type { Table } from '../src/core/model';
import { categoryGroup, predictLevel2 } from '../src/core/phrasings/infer';
import type { PhrasingLibrary } from '../src/core/phrasings/library';

export interface InferenceReport {
  rows: number;
  correct: number;
  accuracy: number;
  /** stated category → predicted category → rows. */
  confusion: Record<string, Record<string, number>>;
}

const NONE = /^(?:无|不涉及|暂无)$/;

export function evaluateInference(tables: Table[], lib: PhrasingLibrary): InferenceReport {
  const confusion: Record<string, Record<string, number>> = {};
  let rows = 0;
  let correct = 0;
  for (const t of tables) {
    for (const ind of t.indicators) {
      const stated = ind.level2?.name;
      if (!stated || !ind.name || NONE.test(ind.name.text.trim())) continue;
      const want = categoryGroup(stated);
      const p = predictLevel2(lib, ind.name.text);
      const got = p ? categoryGroup(p.level2) : '（无法判断）';
      rows++;
      if (got === want) correct++;
      const row = (confusion[want] ??= {});
      row[got] = (row[got] ?? 0) + 1;
    }
  }
  return { rows, correct, accuracy: rows ? correct / rows : 0, confusion };
}

export function formatConfusion(r: InferenceReport): string {
  const short = (s: string) => s.replace(/指标$/, '').replace('服务对象满意度', '满意度');
  const lines: string[] = [];
  for (const [stated, row] of Object.entries(r.confusion)) {
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    const ok = row[stated] ?? 0;
    const errors = Object.entries(row)
      .filter(([k]) => k !== stated)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${short(k)} ${v}`)
      .join(', ');
    lines.push(
      `  ${short(stated).padEnd(6, '　')} ${String(ok).padStart(3)}/${String(total).padEnd(3)} ${errors ? `→ ${errors}` : ''}`,
    );
  }
  return lines.join('\n');
}
