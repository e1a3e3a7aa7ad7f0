import type { MessageData } from '../locales';
import type { Indicator, Issue, IssueFix, Place, Severity, Table } from '../model';
import type { PhrasingLibrary } from '../phrasings/library';
import type { Profile } from '../profiles';
import type { CellSource } from '../sheet';

/** What a rule reports: which of its messages, the figures and texts the message quotes, and where. */
export interface Report {
  messageId: string;
  data?: MessageData;
  /** The cell the issue is about (any CellText, Level or Amount of the model is one). */
  at: Place;
  /** The text of the row (or field) concerned, for context in lists. */
  text: string;
  /** When the rule reports this one at another severity than its default. */
  severity?: Severity;
  fix?: IssueFix;
}

/** What a rule sees: the recognised table, its options (defaults filled in) and a way to report. */
export interface RuleContext {
  table: Table;
  report(issue: Report): void;
  options: RuleOptionValues;
  /**
   * The phrasing library, when the caller loaded it (the command line always does, the pane once its
   * lazy chunk is in): rules that predict an indicator's category need it and skip that part without.
   */
  library?: PhrasingLibrary;
  /** The profile checked against (101号 unless configured): its 二级 requirements, for the rules that use them. */
  profile: Profile;
  /**
   * The sheet the table was read from, when the caller has it (the engine's callers all do). Rules
   * read the table; this is for what recognition leaves aside and a rule must still keep in step —
   * the 中期 half of a 中期/年度 form, which style/level2-name fixes with the 年度 one or not at all.
   */
  sheet?: CellSource;
}

export type RuleType = 'structure' | 'value' | 'sum' | 'style';

/**
 * One option of a rule, described as data (the pane's bundle carries no schema library; the
 * configuration's zod schema is built from these in core/config.ts).
 */
export interface RuleOption {
  kind: 'integer' | 'number';
  min?: number;
  max?: number;
  default: number | null;
}

export type RuleOptionValues = Record<string, number | null>;

/**
 * A rule's declaration, in the style of ESLint's rule meta. The id is a public contract (README,
 * JSON output, configuration); the words — title, description and each message — are in
 * the locale files (src/core/locales), keyed by the id and the messageId; the rationale in
 * src/core/locales/rationales.json.
 */
export interface RuleMeta {
  id: string;
  type: RuleType;
  severity: Severity;
  /** Whether some of its issues carry a mechanical fix the pane can apply. */
  fixable: boolean;
  /** The ids of the messages it reports. */
  messages: readonly string[];
  /** Its options, by name; configuration sets them. */
  options?: Readonly<Record<string, RuleOption>>;
  /** A rule a reviewer turns on in the configuration; off unless set. */
  offByDefault?: boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Indicator, Issue, Table };
