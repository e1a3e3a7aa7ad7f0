import { categoryGroup } from '../categories';
import type { PhrasingLibrary } from '../phrasings/library';
import { canonicalLevel1, categories, framework, homeLevel1 } from '../vocabulary';
import { category, isNotApplicableName, rowText, valueOf } from './helpers';
import type { Indicator, Rule, Table } from './types';

/**
 * "Clearly does not belong": the 三级 text's own words point strongly at another 二级 (cue weight
 * at least STRONG_CUE, ahead by MIN_MARGIN), the text has no real evidence for the stated one, the
 * value agrees with the prediction, and the case is one reviewers call clear (satisfaction, cost).
 * Between 数量, 质量 and 时效, or 社会效益 and 可持续影响, the line is too fuzzy to warn about.
 */
const STRONG_CUE = 4;
const MIN_MARGIN = 2;
const STATED_EVIDENCE = 2;

function predictedMisplacement(
  lib: PhrasingLibrary,
  table: Table,
  ind: Indicator,
): { level2: string; level1: string } | null {
  const stated = category(ind);
  if (!stated || !ind.name || isNotApplicableName(ind)) return null;
  // Most rows name no satisfaction or cost at all: one regex test spares them the full prediction.
  if (stated !== categories.satisfaction && !lib.clearCue.test(ind.name.text)) return null;
  const p = lib.predict(ind.name.text);
  if (!p || p.cueScore < STRONG_CUE || p.margin < MIN_MARGIN) return null;
  const predicted = categoryGroup(p.level2);
  if (predicted === categoryGroup(stated)) return null;
  // Only the unmistakable cases: a satisfaction or a cost line elsewhere, or a non-satisfaction row
  // under 满意度. A count under 社会效益 ("受益人口数量") can be a fair benefit measure.
  const clear =
    predicted === categories.satisfaction ||
    predicted === categories.cost ||
    stated === categories.satisfaction;
  if (!clear) return null;
  // Words of the stated category in the text ("群众" for 社会效益 is 1) do not veto; real evidence does.
  const statedCue = Object.entries(p.cues)
    .filter(([c]) => categoryGroup(c) === categoryGroup(stated))
    .reduce((a, [, v]) => a + v, 0);
  if (statedCue >= STATED_EVIDENCE) return null;
  // The value must agree with the prediction: "支付…尾款 = 1项" under 数量 counts payments, fairly.
  const kind = valueOf(table, ind).kind;
  if (predicted === categories.cost && !['money', 'unitPrice', 'empty', 'none'].includes(kind)) return null;
  // The library names the newer framework's 二级: a framework with 成本 under 产出 names the older one's.
  const level2 = homeLevel1(table.framework, p.level2) ? p.level2 : (lib.olderLevel2[p.level2] ?? p.level2);
  const level1 = homeLevel1(table.framework, level2);
  if (!level1) return null;
  return { level2, level1 };
}

export const structureMisplacedLevel2: Rule = {
  meta: {
    id: 'structure/misplaced-level2',
    type: 'structure',
    severity: 'error',
    fixable: false,
    messages: [
      'level1AsLevel2',
      'notInFrameworkNewer',
      'notInFrameworkOlder',
      'wrongLevel1',
      'indicatorElsewhere',
    ],
  },
  check({ table, report, library }) {
    // Level names no framework fits: where a category belongs cannot be judged.
    if (table.frameworkBasis === 'unmatched') return;
    const costAsLevel1 = !!framework(table.framework).tree[categories.costLevel1];
    const seen = new Set<string>();
    for (const ind of table.indicators) {
      const l2 = ind.level2;
      if (!l2 || seen.has(l2.cell)) continue;
      seen.add(l2.cell);
      if (!l2.name) {
        const asLevel1 = canonicalLevel1(l2.text);
        if (asLevel1) {
          report({ messageId: 'level1AsLevel2', data: { text: l2.text }, at: l2, text: rowText(ind) });
        }
        continue;
      }
      const l1 = ind.level1?.name;
      if (!l1) continue;
      const home = homeLevel1(table.framework, l2.name);
      if (home === null) {
        report({
          severity: 'warning',
          messageId: costAsLevel1 ? 'notInFrameworkNewer' : 'notInFrameworkOlder',
          data: { text: l2.text },
          at: l2,
          text: rowText(ind),
        });
      } else if (home !== l1) {
        report({
          messageId: 'wrongLevel1',
          data: { text: l2.text, home, level1: ind.level1!.text },
          at: l2,
          text: rowText(ind),
        });
      }
    }
    if (!library) return;
    for (const ind of table.indicators) {
      const m = predictedMisplacement(library, table, ind);
      if (!m) continue;
      report({
        severity: 'warning',
        messageId: 'indicatorElsewhere',
        data: {
          name: ind.name!.text,
          level1: m.level1,
          level2: m.level2,
          under: ind.level2?.text ?? ind.level1?.text ?? '',
        },
        at: ind.name!,
        text: rowText(ind),
      });
    }
  },
};
