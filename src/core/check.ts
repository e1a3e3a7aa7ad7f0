/**
 * The engine's entry point: grid → recognised tables → issues. The task pane, the command line and
 * the tests all call this, so they all see the same answer.
 */
import { type Grid, rowOfA1 } from './grid';
import { type Issue, type NearMiss, type Severity, type Table } from './model';
import { type Candidate, recogniseSheet } from './recognize';
import { clearClasses } from './recognize/classify';
import type { PhrasingLibrary } from './phrasings/library';
import { rules } from './rules';
import { SheetView } from './sheet';
import { clearKeyCache } from './text';
import { clearValueCache } from './values';

export interface CheckOptions {
  /** Per-rule severity override, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  /**
   * The phrasing library (core/phrasings), for the checks that predict an indicator's category.
   * It is passed in rather than imported so that the pane's first bundle does not carry it.
   */
  library?: PhrasingLibrary;
  /** Keep what recognition looked at and why (`jixiao check --explain`). */
  explain?: boolean;
}

/** Runs every rule on a recognised table, in place, and sorts its issues by row. */
export function runRules(table: Table, options: CheckOptions = {}): Table {
  const issues: Issue[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.severity;
    try {
      rule.check({
        table,
        library: options.library,
        report: (i) =>
          issues.push({
            rule: rule.id,
            severity: setting ?? i.severity ?? severity,
            message: i.message,
            cell: i.cell,
            text: i.text,
            ...(i.fix ? { fix: i.fix } : {}),
          }),
      });
    } catch (e) {
      // A rule must never take the whole check down: say which one failed, keep the others.
      issues.push({
        rule: rule.id,
        severity: 'info',
        message: `规则 ${rule.id} 执行出错，已跳过：${e instanceof Error ? e.message : String(e)}`,
        cell: table.range.split(':')[0],
        text: '',
      });
    }
  }
  // Stable sort by row, the row number parsed once per issue rather than once per comparison.
  const rows = new Map<Issue, number>();
  for (const i of issues) rows.set(i, rowOfA1(i.cell));
  issues.sort((a, b) => rows.get(a)! - rows.get(b)!);
  table.issues = issues;
  return table;
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
}

/** Recognises and checks one sheet, keeping what recognition said about the near-misses. */
export function checkSheet(grid: Grid, options: CheckOptions = {}): SheetResult {
  const found = recogniseSheet(grid, new SheetView(grid), options.explain);
  return { sheet: grid.sheet, tables: found.tables.map((t) => runRules(t, options)), nearMisses: found.nearMisses, candidates: found.candidates };
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

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}
