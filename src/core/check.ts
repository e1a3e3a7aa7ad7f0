/**
 * The engine's entry point: grid → recognised tables → issues. The task pane, the command line and
 * the tests all call this, so they all see the same answer.
 */
import type { Correction } from './corrections';
import { type Grid, a1 } from './grid';
import { type VocabularyAdditions, applyVocabularyAdditions } from './vocabulary';
import { type EngineLocale, nearMissWords, renderMessage, renderRuleFailed } from './locales';
import { type Issue, type NearMiss, type Severity, type Table } from './model';
import { type Candidate, recogniseSheet } from './recognize';
import { clearClasses } from './recognize/classify';
import { detectFramework, frameworkReason, levelNames } from './recognize/framework';
import type { PhrasingLibrary } from './phrasings/library';
import { type Profile, profileById } from './profiles';
import { type Rule, rules } from './rules';
import type { RuleOptionValues } from './rules/types';
import { type CellSource, SheetView } from './sheet';
import { clearKeyCache } from './text';
import { clearValueCache } from './values';

export interface CheckOptions {
  /** The language of issue messages and framework reasons (zh-CN unless asked). */
  locale?: EngineLocale;
  /** Per-rule severity override, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  /** Per-rule option values (core/config.ts validates them); a rule's defaults fill the rest. */
  ruleOptions?: Record<string, RuleOptionValues>;
  /**
   * The phrasing library (core/phrasings), for the checks that predict an indicator's category.
   * It is passed in rather than imported so that the pane's first bundle does not carry it.
   */
  library?: PhrasingLibrary;
  /**
   * The profile (core/profiles.ts): 101号 (default), 88号 or 宁夏. It sets rule levels below `rules`,
   * how a table whose costs do not show its framework is read, and the 二级 it requires.
   */
  profile?: string;
  /** Keep what recognition looked at and why (`jixiao check --explain`). */
  explain?: boolean;
  /** The clerk's corrections saved with the settings (core/corrections.ts): taken as given. */
  corrections?: readonly Correction[];
  /** A template's own words (jixiao.config.json `vocabulary`): labels and closing lines read as the field they name. */
  vocabulary?: VocabularyAdditions;
}

/**
 * Runs every rule (or the ones given: the rule tester runs one) on a recognised table, in place, and
 * sorts its issues by row.
 */
export function runRules(
  table: Table,
  options: CheckOptions = {},
  only: readonly Rule[] = rules,
  /** The sheet the table was read from (see RuleContext.sheet). */
  sheet?: CellSource,
): Table {
  const issues: Issue[] = [];
  const locale = options.locale ?? 'zh-CN';
  const profile = profileById(options.profile);
  applyProfileFramework(table, profile);
  table.frameworkReason = frameworkReason(table.frameworkBasis, table.framework, table.year, locale);
  for (const rule of only) {
    const { id } = rule.meta;
    const setting = options.rules?.[id] ?? profile.rules[id];
    if (setting === 'off' || (setting === undefined && rule.meta.offByDefault)) continue;
    const severity = setting ?? rule.meta.severity;
    try {
      rule.check({
        table,
        options: optionValues(rule, options.ruleOptions?.[id]),
        library: options.library,
        profile,
        sheet,
        report: (i) => {
          const data = i.data ?? {};
          const issue: Issue = {
            rule: id,
            severity: setting ?? i.severity ?? severity,
            messageId: i.messageId,
            data,
            message: renderMessage(id, i.messageId, data, locale),
            row: i.at.row,
            col: i.at.col,
            // The A1 address is derived here, once, for display and for the host's range calls.
            cell: a1(i.at.row, i.at.col),
            text: i.text,
          };
          if (i.fix) issue.fix = i.fix;
          issues.push(issue);
        },
      });
    } catch (e) {
      // A rule must never take the whole check down: say which one failed, keep the others.
      const data = { rule: id, error: e instanceof Error ? e.message : String(e) };
      issues.push({
        rule: id,
        severity: 'info',
        messageId: 'ruleFailed',
        data,
        message: renderRuleFailed(id, data.error, locale),
        row: table.top,
        col: table.left,
        cell: a1(table.top, table.left),
        text: '',
      });
    }
  }
  // Stable sort by row.
  issues.sort((a, b) => a.row - b.row);
  table.issues = issues;
  return table;
}

/**
 * A profile that names a framework (88号) judges every table against it ('forced'), except a table
 * with level names recognition did not understand: that one stays 'unmatched', as nothing may be
 * required of it. Otherwise a table whose names do not show its framework was read by its year (or
 * as the older one): a profile may say otherwise (undecidedFramework). A framework the table's own
 * names show, or its sheet's other tables, is kept then.
 */
function applyProfileFramework(table: Table, profile: Profile): void {
  // The clerk's own choice of framework stands over any profile.
  if (table.frameworkBasis === 'corrected') return;
  let basis: Table['frameworkBasis'] = table.frameworkBasis;
  if (basis === 'forced' || (basis === 'unmatched' && table.framework !== guessOf(table).framework)) {
    // Checked before under a forcing profile (the pane's setting changed): the table's own reading first.
    const guess = guessOf(table);
    table.framework = guess.framework;
    table.frameworkBasis = basis = guess.basis;
  }
  if (profile.framework) {
    if (basis === 'unmatched' && levelNames(table.indicators).unknown.length) {
      table.framework = profile.framework;
      return;
    }
    const undecided = basis === 'year' || basis === 'default' || basis === 'profile' || basis === 'sheet';
    if (table.framework === profile.framework && basis !== 'unmatched' && !undecided) return;
    table.framework = profile.framework;
    // For a table that shows no framework, the profile decides; for one that shows another, it overrides.
    table.frameworkBasis = undecided ? 'profile' : 'forced';
    return;
  }
  if (basis !== 'year' && basis !== 'default' && basis !== 'profile') return;
  if (profile.undecidedFramework !== 'byYear') {
    if (!guessOf(table).fits.includes(profile.undecidedFramework)) return;
    table.framework = profile.undecidedFramework;
    table.frameworkBasis = 'profile';
  } else if (basis === 'profile') {
    // Checked again under a by-year profile (the pane's setting changed): back to the year's reading.
    const guess = guessOf(table);
    table.framework = guess.framework;
    table.frameworkBasis = guess.basis;
  }
}

/** The table's own reading of its framework (without its sheet): worked out only when a profile needs it. */
function guessOf(table: Table) {
  return detectFramework(table.indicators, table.year);
}

/** Each rule's defaults, worked out once: most checks configure no option, and a sheet has many tables. */
const defaultOptions = new WeakMap<Rule, RuleOptionValues>();

/** A rule's options: its defaults, with the values configured. */
export function optionValues(rule: Rule, given: RuleOptionValues | undefined): RuleOptionValues {
  if (given === undefined) {
    let defaults = defaultOptions.get(rule);
    if (!defaults) defaultOptions.set(rule, (defaults = Object.freeze(withDefaults(rule, undefined))));
    return defaults;
  }
  return withDefaults(rule, given);
}

function withDefaults(rule: Rule, given: RuleOptionValues | undefined): RuleOptionValues {
  const out: RuleOptionValues = {};
  for (const [name, o] of Object.entries(rule.meta.options ?? {})) out[name] = given?.[name] ?? o.default;
  return out;
}

/** Recognises and checks every 附件2 table in one sheet. */
export function checkGrid(grid: Grid, options: CheckOptions = {}): Table[] {
  return checkSheet(grid, options).tables;
}

/** One sheet checked: its tables with their issues, and the near-misses seen (never checked). */
export interface SheetResult {
  sheet: string;
  tables: Table[];
  nearMisses: NearMiss[];
  /** What recognition looked at, for `jixiao check --explain`. */
  candidates: Candidate[];
  /** Corrections whose cell no longer holds the text they were made on: no longer applied. */
  lapsed?: Correction[];
}

/** Recognises and checks one sheet, keeping what recognition said about the near-misses. */
export function checkSheet(grid: Grid, options: CheckOptions = {}): SheetResult {
  const locale = options.locale ?? 'zh-CN';
  // Another configuration's words: the cells' classes were read with the old ones.
  if (applyVocabularyAdditions(options.vocabulary)) clearClasses();
  const view = new SheetView(grid);
  const found = recogniseSheet(grid, view, options.explain ? locale : false, options.corrections);
  return {
    sheet: grid.sheet,
    ...(found.lapsed ? { lapsed: found.lapsed } : {}),
    tables: found.tables.map((t) => runRules(t, options, rules, view)),
    nearMisses:
      locale === 'zh-CN'
        ? found.nearMisses
        : found.nearMisses.map((n) => ({ ...n, message: nearMissWords(locale, n.kind, n.message) })),
    candidates: found.candidates,
  };
}

/**
 * Forgets every text the engine has parsed or keyed so far, as in a fresh pane or process. Checks
 * keep these between calls because a live check re-reads a mostly unchanged sheet after each edit;
 * the benchmark clears them to measure a first check honestly.
 */
export function clearCaches(): void {
  clearValueCache();
  clearKeyCache();
  clearClasses();
}

/** Checks every sheet of a workbook. */
export function checkWorkbook(grids: Grid[], options: CheckOptions = {}): SheetResult[] {
  return grids.map((g) => checkSheet(g, options));
}

export { countBySeverity } from './model';
