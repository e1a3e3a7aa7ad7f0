import { foldText } from '../text';
import { type Comparison, parseValue } from '../values';
import { isNotApplicableName, rowText } from './helpers';
import type { Rule } from './types';

/** A 指标性质/指标方向 cell's comparison, in any of its spellings, by which way it points. */
const DIRECTION: Record<string, 'up' | 'down' | 'equal'> = {
  '>=': 'up',
  '≥': 'up',
  '>': 'up',
  大于等于: 'up',
  大于: 'up',
  不低于: 'up',
  不少于: 'up',
  '<=': 'down',
  '≤': 'down',
  '<': 'down',
  小于等于: 'down',
  小于: 'down',
  不高于: 'down',
  不超过: 'down',
  '=': 'equal',
  '==': 'equal',
  等于: 'equal',
};
const WAY: Record<Comparison, 'up' | 'down' | 'equal'> = {
  '≥': 'up',
  '>': 'up',
  '≤': 'down',
  '<': 'down',
  '=': 'equal',
};

/** Value kinds that are figures: what a 定性 row should not hold. */
const FIGURES = new Set(['count', 'number', 'percent', 'money', 'unitPrice', 'duration']);

const fold = (s: string) => foldText(s).replace(/\s+/g, '');

/**
 * Forms that split a value over columns (指标性质 | 指标值 | 计量单位, 指标属性 定性/定量) can
 * contradict themselves: "28.8万元" with the unit "%", "≤5天" under "≥", a 定性 row holding 95%.
 * The value cell is judged as written, before reassembly.
 */
export const valueUnitMismatch: Rule = {
  meta: {
    id: 'value/unit-mismatch',
    type: 'value',
    severity: 'warning',
    fixable: false,
    messages: ['unit', 'direction', 'qualitativeNumber'],
  },
  check({ table, report }) {
    for (const ind of table.indicators) {
      if (!ind.value || !ind.side || isNotApplicableName(ind)) continue;
      const written = ind.valueParts?.value ?? ind.value.text;
      const own = parseValue(written, { unit: table.unit ?? undefined });
      const measure = ind.side.measure ? fold(ind.side.measure.text) : '';
      if (measure && own.unit && fold(own.unit) !== measure) {
        report({
          messageId: 'unit',
          data: { value: written, unit: ind.side.measure!.text, own: own.unit },
          at: ind.value,
          text: rowText(ind),
        });
        continue;
      }
      const direction = ind.side.direction ? fold(ind.side.direction.text) : '';
      const way = DIRECTION[direction];
      if (way && own.comparison && WAY[own.comparison] !== way) {
        report({
          messageId: 'direction',
          data: { value: written, direction: ind.side.direction!.text },
          at: ind.value,
          text: rowText(ind),
        });
        continue;
      }
      const qualitative = direction === '定性' || /定性/.test(ind.side.polarity?.text ?? '');
      if (qualitative && FIGURES.has(own.kind)) {
        report({
          messageId: 'qualitativeNumber',
          data: { value: written },
          at: ind.value,
          text: rowText(ind),
        });
      }
    }
  },
};
