/** The rule registry. Rule ids are a public contract: the README and the JSON output use them. */
import { headerMissingField } from './header-missing-field';
import { structureDuplicateIndicator } from './structure-duplicate-indicator';
import { structureEmptyCell } from './structure-empty-cell';
import { structureMisplacedLevel2 } from './structure-misplaced-level2';
import { structureMissingLevel1 } from './structure-missing-level1';
import { structureMissingIndicators } from './structure-missing-indicators';
import { structureMissingLevel2 } from './structure-missing-level2';
import { structureRequiredLevel2 } from './structure-required-level2';
import { structureTooFewIndicators } from './structure-too-few-indicators';
import { styleLevel2Name } from './style-level2-name';
import { styleNotation } from './style-notation';
import { sumCostTotal } from './sum-cost-total';
import { sumFunds } from './sum-funds';
import { sumGoalText } from './sum-goal-text';
import { sumWeights } from './sum-weights';
import type { Rule } from './types';
import { valueCostNotAmount } from './value-cost-not-amount';
import { valueDateSerial } from './value-date-serial';
import { valueImpossibleDate } from './value-impossible-date';
import { valueMissingUnit } from './value-missing-unit';
import { valueNotApplicableConflict } from './value-not-applicable-conflict';
import { valueNotMeasurable } from './value-not-measurable';
import { valueOutsideYear } from './value-outside-year';
import { valuePercentRange } from './value-percent-range';
import { valueSatisfactionForm } from './value-satisfaction-form';
import { valueUnitMismatch } from './value-unit-mismatch';

export const rules: readonly Rule[] = [
  headerMissingField,
  structureMissingIndicators,
  structureMissingLevel1,
  structureMissingLevel2,
  structureMisplacedLevel2,
  structureDuplicateIndicator,
  structureEmptyCell,
  structureTooFewIndicators,
  structureRequiredLevel2,
  valueNotMeasurable,
  valueCostNotAmount,
  valuePercentRange,
  valueNotApplicableConflict,
  valueSatisfactionForm,
  valueDateSerial,
  valueImpossibleDate,
  valueOutsideYear,
  valueUnitMismatch,
  valueMissingUnit,
  sumFunds,
  sumCostTotal,
  sumGoalText,
  sumWeights,
  styleLevel2Name,
  styleNotation,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id);
}

export type { Rule, RuleContext } from './types';
