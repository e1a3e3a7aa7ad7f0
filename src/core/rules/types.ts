import type { Indicator, Issue, IssueFix, Severity, Table } from '../model';
import type { PhrasingLibrary } from '../phrasings/library';

/** What a rule sees: the recognised table and the tables of the same sheet (for context). */
export interface RuleContext {
  table: Table;
  /** Reports an issue; severity defaults to the rule's. */
  report(issue: { message: string; cell: string; text: string; severity?: Severity; fix?: IssueFix }): void;
  /**
   * The phrasing library, when the caller loaded it (the command line always does, the pane once its
   * lazy chunk is in): rules that predict an indicator's category need it and skip that part without.
   */
  library?: PhrasingLibrary;
}

/**
 * A rule in the style of an ESLint rule: a stable public id (used in the JSON output and the README),
 * a default severity, a one-line rationale, and a check over the model.
 */
export interface Rule {
  id: string;
  severity: Severity;
  /** A short zh-CN name a clerk reads (指标值不可衡量, 成本合计不符): the pane's heading for the rule's issues. */
  title: string;
  /** What the rule looks for, in zh-CN, for the README and the pane's rule list. */
  description: string;
  /** Why reviewers care, in one line. */
  rationale: string;
  check(ctx: RuleContext): void;
}

export type { Indicator, Issue, Table };
