/**
 * Reassembles a value split over columns by budget-system exports and some provinces' forms:
 * 指标性质 or 指标方向 (≥ ≤ = 定性) | 指标值 | 计量单位 or 度量单位. The rules read "≥95%" as one
 * value; the cells stay where they are, and the indicator keeps where each part came from.
 */
import type { CellText, Indicator } from '../model';
import { foldText } from '../text';

/** A direction cell that is a comparison: ≥ ≤ > < = (in any of their spellings). */
const COMPARISON = /^(?:>=|<=|≥|≤|>|<|=|==|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不超过)$/;

/** Puts the comparison before and the unit after the value, unless the value already has them. */
export function assembleValue(ind: Indicator, direction: CellText | null, measure: CellText | null): void {
  const value = ind.value;
  if (!value) return;
  const dir = direction ? foldText(direction.text).replace(/\s+/g, '') : '';
  const unit = measure ? foldText(measure.text).replace(/\s+/g, '') : '';
  let text = value.text;
  const comparison = COMPARISON.test(dir) && !/^[≥≤<>=]/.test(text) ? dir : '';
  // A 计量单位 cell holding only a number (a date serial typed into both columns) is no unit.
  const withUnit =
    unit && /[^\d.,-]/.test(unit) && /\d$/.test(foldText(text)) && !foldText(text).endsWith(unit) ? unit : '';
  if (!comparison && !withUnit) return;
  text = `${comparison}${text}${withUnit}`;
  ind.value = { ...value, text };
  ind.valueParts = {
    value: value.text,
    ...(comparison && direction ? { comparison: direction } : {}),
    ...(withUnit && measure ? { unit: measure } : {}),
  };
}
