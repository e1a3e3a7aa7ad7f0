/**
 * The task pane: summary, issues grouped by table and rule, click to go to the cell, re-check,
 * live and highlight toggles, and an empty state. All workbook text is rendered as React text
 * (never as HTML), so a cell holding markup shows its characters.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, memo, useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { MESSAGE_KEY } from '../host/errors';
import { countBySeverity } from '../core/model';
import { parseA1Range, rowOfA1 } from '../core/grid';
import type { Indicator, Issue, Severity, Table } from '../core/model';
import { fieldWords, profileWords, ruleWords } from '../core/locales';
import { DEFAULT_PROFILE } from '../core/profiles';
import { type Locale, type StringKey, type Translate, translator } from '../i18n/strings';
import type { Checker, SettingsSaveResult } from './checker';
import type { CorrectionActions } from './Reading';
import { listButton } from './styles';

// The 建议 section and the phrasing library come in their own chunk, after the first paint.
const Suggestions = lazy(() => import(/* webpackChunkName: "phrasings" */ './Suggestions'));
const TemplatePanel = lazy(() => import(/* webpackChunkName: "templates" */ './TemplatePanel'));
const SettingsPanel = lazy(() => import(/* webpackChunkName: "config" */ './SettingsPanel'));
// 读取 and its corrections: what a clerk opens to see how a table was read, after the first paint.
const Reading = lazy(() =>
  import(/* webpackChunkName: "reading" */ './Reading').then((m) => ({ default: m.Reading })),
);
// 其他工作表: the workbook's other sheets with forms, read on demand, after the first check.
const Workbook = lazy(() => import(/* webpackChunkName: "workbook" */ './Workbook'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Sticky: the counts and the filter stay in view while the issue list scrolls under them.
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
  // The hidden attribute alone would lose to display: flex.
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    '&[hidden]': { display: 'none' },
  },
  notationLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  ruleHeadingInline: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  dot_error: {
    width: '8px',
    height: '8px',
    borderRadius: '50%',
    backgroundColor: tokens.colorPaletteRedBackground3,
  },
  dot_warning: {
    width: '8px',
    height: '8px',
    borderRadius: '50%',
    backgroundColor: tokens.colorPaletteYellowBackground3,
  },
  dot_info: {
    width: '8px',
    height: '8px',
    borderRadius: '50%',
    backgroundColor: tokens.colorBrandBackground,
  },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  tableHeader: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    textAlign: 'left',
  },
  ruleHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  // The fix button goes under its issue, not beside it: side by side, a long before → after left
  // the message a column one character wide in a narrow pane.
  issueRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  fix: {
    marginLeft: tokens.spacingHorizontalXXL,
    marginBottom: tokens.spacingVerticalXS,
    maxWidth: `calc(100% - ${tokens.spacingHorizontalXXL})`,
    height: 'auto',
  },
  fixPreview: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'normal',
    wordBreak: 'break-word',
    textAlign: 'left',
  },
  fixAll: { alignSelf: 'flex-start', marginBottom: tokens.spacingVerticalXS },
  hiddenSeverity: { textDecorationLine: 'line-through' },
  lapsedList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  issue: { flex: '1 1 100%', minWidth: 0, ...listButton },
  issueBody: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', width: '100%' },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5em', color: tokens.colorNeutralForeground2 },
  message: { flex: 1, wordBreak: 'break-word', whiteSpace: 'pre-wrap' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
  },
  bySelection: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
  selectedRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

/**
 * The indicator row a sheet row belongs to (a wrapped row's continuation included) and its table,
 * when the row is inside a table's indicator block and the row has a 二级 (or a 一级) to add under.
 */
export function indicatorRowAt(
  tables: readonly Table[],
  row: number,
  col: number,
): { table: Table; indicator: Indicator; under: string } | null {
  const table = tables.find((x) => {
    const r = parseA1Range(x.range);
    return row > x.indicatorHeaderRow && row <= x.bottom && (!r || (col >= r.left && col <= r.right));
  });
  if (!table) return null;
  let above: Indicator | null = null;
  for (const ind of table.indicators) if (ind.row <= row) above = ind;
  const own = above && (above.row === row || (above.wrapped && row > above.row)) ? above : null;
  const under = own && (own.level2 ?? own.level1)?.text;
  return own && under ? { table, indicator: own, under } : null;
}

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function Counts({ issues, t }: { issues: Issue[]; t: Translate }) {
  const c = countBySeverity(issues);
  const styles = useStyles();
  if (issues.length === 0)
    return (
      <Badge appearance="tint" color="success">
        {t('noIssues')}
      </Badge>
    );
  return (
    <span className={styles.counts}>
      {SEVERITIES.filter((s) => c[s] > 0).map((s) => (
        <Badge key={s} appearance="tint" color={BADGE_COLOR[s]}>
          {`${t(`severity_${s}`)} ${c[s]}`}
        </Badge>
      ))}
    </span>
  );
}

/**
 * The severity filter: one toggle per severity, with the count of the sheet's issues. A clerk
 * hides the 提示 to see the errors and warnings alone.
 */
function SeverityFilter({
  issues,
  shown,
  onToggle,
  t,
}: {
  issues: Issue[];
  shown: Record<Severity, boolean>;
  onToggle: (s: Severity) => void;
  t: Translate;
}) {
  const c = countBySeverity(issues);
  const styles = useStyles();
  if (issues.length === 0)
    return (
      <Badge appearance="tint" color="success">
        {t('noIssues')}
      </Badge>
    );
  return (
    <div className={styles.counts} role="group" aria-label={t('filterLabel')}>
      {SEVERITIES.filter((s) => c[s] > 0).map((s) => (
        <ToggleButton
          key={s}
          size="small"
          shape="circular"
          checked={shown[s]}
          onClick={() => onToggle(s)}
          title={t('filterHint')}
          data-testid={`filter-${s}`}
          icon={<span className={styles[`dot_${s}`]} aria-hidden />}
        >
          {/* Its state in more than shade: a check mark when shown, struck through when hidden. */}
          <span className={shown[s] ? undefined : styles.hiddenSeverity}>
            {`${shown[s] ? '✓ ' : ''}${t(`severity_${s}`)} ${c[s]}`}
          </span>
        </ToggleButton>
      ))}
    </div>
  );
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A table's issues grouped by rule, errors first: groups by their worst severity, then by where
 * their first issue is; issues in a group by severity, then by row.
 */
export function groupIssues(issues: Issue[]): [string, Issue[]][] {
  const byRule = new Map<string, Issue[]>();
  for (const i of issues) byRule.set(i.rule, [...(byRule.get(i.rule) ?? []), i]);
  const order = (a: Issue, b: Issue) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rowOfA1(a.cell) - rowOfA1(b.cell);
  const groups = [...byRule].map(([rule, list]) => [rule, [...list].sort(order)] as [string, Issue[]]);
  return groups.sort((a, b) => order(a[1][0], b[1][0]));
}

/**
 * Notation issues (the 写法 rules: how a value or a 二级 is spelled, not what it says) at info level:
 * shown as one line with their count, their fixes in one click, and a way to expand them, so that
 * 50 of them do not bury the one error.
 */
export function isNotation(issue: Issue): boolean {
  return issue.severity === 'info' && issue.rule.startsWith('style/');
}

function IssueRow({
  issue: i,
  t,
  onGo,
  onFix,
}: {
  issue: Issue;
  t: Translate;
  onGo: (cell: string) => void;
  onFix: (issues: Issue[], from: HTMLElement) => void;
}) {
  const styles = useStyles();
  return (
    <li className={styles.issueRow}>
      {/* The visible text is the accessible name: severity, cell, message. */}
      <Button
        appearance="subtle"
        className={styles.issue}
        data-cell={i.cell}
        data-rule={i.rule}
        data-severity={i.severity}
        data-issue
        title={t('goToCell', { cell: i.cell })}
        onClick={() => onGo(i.cell)}
      >
        <span className={styles.issueBody}>
          <Badge size="small" appearance="filled" color={BADGE_COLOR[i.severity]}>
            {t(`severity_${i.severity}`)}
          </Badge>
          <span className={styles.cell}>{i.cell}</span>
          <span className={styles.message}>{i.message}</span>
        </span>
      </Button>
      {i.fix && (
        <Button
          size="small"
          appearance="secondary"
          className={styles.fix}
          data-testid="fix"
          data-cell={i.cell}
          title={t('fixLabel', { cell: i.fix.cell, before: i.fix.before, after: i.fix.after })}
          onClick={(e) => onFix([i], e.currentTarget)}
        >
          <span className={styles.fixPreview}>
            {t('fixPreview', { before: i.fix.before, after: i.fix.after })}
          </span>
        </Button>
      )}
    </li>
  );
}

function RuleGroup({
  rule,
  issues,
  t,
  onGo,
  onFix,
}: {
  rule: string;
  issues: Issue[];
  t: Translate;
  onGo: (cell: string) => void;
  onFix: (issues: Issue[], from: HTMLElement) => void;
}) {
  const styles = useStyles();
  const words = ruleWords(rule, t.locale);
  return (
    <section aria-label={words.title}>
      {/* A clerk reads the rule's short name; its id and what it checks are in the tooltip. */}
      <h4 className={styles.ruleHeading} title={`${rule}：${words.description}`} data-rule-heading={rule}>
        {t('ruleHeading', { title: words.title, n: issues.length })}
      </h4>
      <ul className={styles.list}>
        {issues.map((i, k) => (
          <IssueRow key={`${i.cell}-${k}`} issue={i} t={t} onGo={onGo} onFix={onFix} />
        ))}
      </ul>
    </section>
  );
}

/**
 * One table's issues. Memoised: after an edit, live checking keeps every untouched table as the same
 * object, so only the edited table's list is drawn again (scroll position and focus stay).
 */
const TableIssues = memo(function TableIssues({
  table,
  shown,
  t,
  onGo,
  onFixTable,
}: {
  table: Table;
  shown: Record<Severity, boolean>;
  t: Translate;
  onGo: (cell: string) => void;
  onFixTable: (table: Table, issues: Issue[], from: HTMLElement) => void;
}) {
  const onFix = (issues: Issue[], from: HTMLElement) => onFixTable(table, issues, from);
  const styles = useStyles();
  const [notationOpen, setNotationOpen] = useState(false);
  const visible = useMemo(() => table.issues.filter((i) => shown[i.severity]), [table, shown]);
  const notation = visible.filter(isNotation);
  // Collapsed only when there is something else to see: a table with only notation issues lists them.
  const collapse = notation.length > 1 && notation.length < visible.length;
  const byRule = useMemo(
    () => groupIssues(collapse ? visible.filter((i) => !isNotation(i)) : visible),
    [visible, collapse],
  );
  const fixable = visible.filter((i) => i.fix);
  const notationFixable = notation.filter((i) => i.fix);
  const hidden = table.issues.length - visible.length;
  if (table.issues.length === 0) return <Caption1>{t('noIssues')}</Caption1>;
  return (
    <div>
      {fixable.length > 1 && (
        <Button
          size="small"
          className={styles.fixAll}
          onClick={(e) => onFix(fixable, e.currentTarget)}
          data-testid="fix-all"
        >
          {t('fixAll', { n: fixable.length })}
        </Button>
      )}
      {byRule.map(([rule, issues]) => (
        <RuleGroup key={rule} rule={rule} issues={issues} t={t} onGo={onGo} onFix={onFix} />
      ))}
      {collapse && (
        <section aria-label={t('notationGroup', { n: notation.length })} data-testid="notation">
          <div className={styles.notationLine}>
            <Text className={styles.ruleHeadingInline}>{t('notationGroup', { n: notation.length })}</Text>
            {notationFixable.length > 0 && (
              <Button
                size="small"
                onClick={(e) => onFix(notationFixable, e.currentTarget)}
                data-testid="notation-fix-all"
              >
                {t('notationFixAll', { n: notationFixable.length })}
              </Button>
            )}
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={notationOpen}
              onClick={() => setNotationOpen((o) => !o)}
              data-testid="notation-toggle"
            >
              {notationOpen ? t('notationCollapse') : t('notationExpand')}
            </Button>
          </div>
          {notationOpen &&
            groupIssues(notation).map(([rule, issues]) => (
              <RuleGroup key={rule} rule={rule} issues={issues} t={t} onGo={onGo} onFix={onFix} />
            ))}
        </section>
      )}
      {hidden > 0 && <Caption1>{t('hiddenBySeverity', { n: hidden })}</Caption1>}
    </div>
  );
});

type Tab = 'results' | 'suggestions' | 'templates' | 'settings';

/** Puts the keyboard on an element once React has painted what an action changed. */
function focusSoon(find: () => HTMLElement | null | undefined): void {
  setTimeout(() => find()?.focus(), 0);
}

/** The message a write left (or, for a refused template, the refusal): where focus goes after it. */
function writeMessage(): HTMLElement | null {
  for (const id of ['template-blocked', 'write-result', 'error']) {
    const el = document.querySelector<HTMLElement>(`main [data-testid="${id}"]`);
    if (el) return el;
  }
  return null;
}

export function App({ checker, locale, dark }: { checker: Checker; locale: Locale; dark?: boolean }) {
  const state = useSyncExternalStore(checker.subscribe, checker.getState);
  const t = useMemo(() => translator(locale), [locale]);
  // Corrections to the reading, kept with the check settings; a failure comes back as words to show.
  const corrections = useMemo<CorrectionActions>(() => {
    const said = (r: SettingsSaveResult) =>
      r.ok
        ? null
        : r.problem === 'sheet'
          ? t('correctOtherSheet')
          : (r.problem ?? (r.error ? t(MESSAGE_KEY[r.error.kind], { detail: r.error.detail }) : ''));
    return {
      correct: (role, cell, framework) => checker.correct(role, { cell, framework }).then(said),
      uncorrect: (cell) =>
        checker.removeCorrection({ sheet: checker.getState().sheet?.sheetName ?? '', cell }).then(said),
    };
  }, [checker, t]);
  const styles = useStyles();
  const [tab, setTab] = useState<Tab>('results');
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const busy = state.status === 'reading' || state.status === 'checking';
  const all = state.tables.flatMap((x) => x.issues);
  const sheetName = state.sheet?.sheetName ?? '';

  // The table the selected cell is in: with many tables, that one is open and the others closed,
  // so that its first error is in view.
  const sel = state.selection;
  // The selection the workbook opened with (A1, or where it was saved) is no choice of the clerk's:
  // until it moves, the first table with an error is the one open.
  const [firstSel, setFirstSel] = useState<string | null>(null);
  const selKey = sel ? `${sel.sheetId}!${sel.row},${sel.col}` : null;
  if (firstSel === null && selKey !== null) setFirstSel(selKey);
  const chosen = sel && selKey !== firstSel;
  const active =
    chosen && sel && state.sheet && sel.sheetId === state.sheet.sheetId
      ? state.tables.find((x) => sel.row >= x.top && sel.row <= x.bottom)
      : undefined;
  // The indicator row the selection is on: 添加指标行 is offered there, in its table's results.
  const selectedRow = useMemo(
    () =>
      sel && state.sheet && sel.sheetId === state.sheet.sheetId
        ? indicatorRowAt(state.tables, sel.row, sel.col)
        : null,
    [sel, state.sheet, state.tables],
  );
  // Open by default: every table when there are few; else the active one (or the first with an
  // error). What the user opened or closed by hand stays so; the list is never re-mounted, so focus
  // stays where it is when the selection moves to another table.
  const [userOpen, setUserOpen] = useState<Record<string, boolean>>({});
  const openItems = useMemo(() => {
    const auto = new Set(
      state.tables.length <= 3
        ? state.tables.map((x) => x.range)
        : [
            (
              active ??
              state.tables.find((x) => x.issues.some((i) => i.severity === 'error')) ??
              state.tables[0]
            ).range,
          ],
    );
    return state.tables.map((x) => x.range).filter((r) => userOpen[r] ?? auto.has(r));
  }, [state.tables, active, userOpen]);

  const goTab = (next: Tab) => {
    setTab(next);
    // The toolbar's 插入模板… puts the keyboard on the panel's first control.
    if (next === 'templates')
      focusSoon(() =>
        document.querySelector<HTMLElement>(
          '[data-testid="templates"] select, [data-testid="templates"] button',
        ),
      );
  };

  /**
   * A fix: afterwards the keyboard goes to the issue that took the fixed one's place in its table
   * (the next one), else to the result message; never to the page body.
   */
  const onGo = useCallback((cell: string) => void checker.select(cell), [checker]);
  const fix = useCallback(
    (table: Table, issues: Issue[], from: HTMLElement) => {
      const panel = from.closest('[data-range]');
      const buttons = panel ? [...panel.querySelectorAll<HTMLElement>('[data-issue]')] : [];
      const row = from.closest('li')?.querySelector<HTMLElement>('[data-issue]');
      const index = row ? buttons.indexOf(row) : -1;
      void checker.applyFixes(issues.map((i) => i.fix!)).then(() =>
        focusSoon(() => {
          const now = [
            ...document.querySelectorAll<HTMLElement>(`[data-range="${table.range}"] [data-issue]`),
          ];
          return index >= 0 && now.length > 0 ? now[Math.min(index, now.length - 1)] : writeMessage();
        }),
      );
    },
    [checker],
  );

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <main className={styles.root} aria-busy={busy}>
        <Text as="h1" weight="semibold" size={400}>
          {t('appTitle')}
        </Text>
        <div className={styles.toolbar} role="toolbar" aria-label={t('appTitle')}>
          <Button
            appearance="primary"
            onClick={() => void checker.check()}
            disabled={busy}
            data-testid="recheck"
          >
            {t('recheck')}
          </Button>
          <Switch
            label={t('live')}
            checked={state.live}
            disabled={!checker.session.caps.events}
            title={t('liveHint')}
            onChange={(_, d) => void checker.setLive(d.checked)}
            data-testid="live"
          />
          <Switch
            label={t('highlight')}
            checked={state.highlight}
            disabled={!checker.session.caps.conditionalFormats}
            title={t('highlightHint')}
            onChange={(_, d) => void checker.setHighlight(d.checked)}
            data-testid="highlight"
          />
        </div>

        {busy && (
          <div role="status">
            {state.progress ? (
              <>
                <Caption1>
                  {t('readingProgress', { done: state.progress.done, total: state.progress.total })}
                </Caption1>
                <ProgressBar value={state.progress.done / Math.max(1, state.progress.total)} />
              </>
            ) : (
              <Spinner size="tiny" label={state.status === 'reading' ? t('reading') : t('checking')} />
            )}
          </div>
        )}

        {state.error && (
          <MessageBar intent="error" data-testid="error" tabIndex={-1}>
            <MessageBarBody>
              {t(MESSAGE_KEY[state.error.kind], { detail: state.error.detail })}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.lastWrite?.map((n) => {
          // A suggestion written over the clerk's text: before → after, and 撤销 that puts it back.
          const undo = n.key === 'wroteReplacing' ? state.undo : null;
          return (
            <MessageBar
              key={`w-${n.key}`}
              intent={n.key === 'fixSkipped' || n.key === 'undoStale' ? 'warning' : 'success'}
              layout={undo ? 'multiline' : undefined}
              data-testid="write-result"
              tabIndex={-1}
            >
              <MessageBarBody>
                {t(n.key, n.params)}
                {undo && (
                  <ul className={styles.lapsedList} data-testid="replaced">
                    {undo.cells.map((c) => (
                      <li key={c.cell}>
                        {t('replacedItem', {
                          cell: c.cell,
                          before: c.shown.trim() || t('emptyCellShown'),
                          after: c.after || t('emptyCellShown'),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
              {undo && (
                <MessageBarActions>
                  <Button
                    size="small"
                    onClick={() => void checker.undoWrite().then(() => focusSoon(writeMessage))}
                    data-testid="undo-write"
                  >
                    {t('undoWrite')}
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          );
        })}

        {state.checks > 0 && (
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => goTab(d.value as Tab)}
            aria-label={t('tabsLabel')}
            size="small"
            className={styles.tabs}
            data-testid="tabs"
          >
            <Tab value="results" data-testid="tab-results">
              {t('tabResults')}
            </Tab>
            <Tab value="suggestions" data-testid="tab-suggestions" disabled={state.tables.length === 0}>
              {t('tabSuggestions')}
            </Tab>
            <Tab value="templates" data-testid="tab-templates">
              {t('tabTemplates')}
            </Tab>
            <Tab value="settings" data-testid="tab-settings">
              {t('tabSettings')}
            </Tab>
          </TabList>
        )}

        <div role="tabpanel" hidden={tab !== 'results'} aria-label={t('tabResults')} className={styles.panel}>
          {/* Stays in view while the issue list scrolls: where the errors are, and the filter. */}
          <section
            className={styles.summary}
            aria-live="polite"
            aria-label={t('issuesRegion')}
            data-testid="summary"
          >
            {state.sheet && state.checks > 0 && (
              <Text weight="semibold">
                {state.tables.length > 0
                  ? t('summaryTables', { n: state.tables.length, sheet: sheetName })
                  : t('summaryNone', { sheet: sheetName })}
              </Text>
            )}
            {state.settings.saved && !state.settings.problem && (
              <Caption1 data-testid="settings-in-force">
                {t('settingsInForce', {
                  profile: profileWords(state.settings.config.profile ?? DEFAULT_PROFILE, t.locale).title,
                })}
              </Caption1>
            )}
            {state.tables.length > 0 && (
              <SeverityFilter
                issues={all}
                shown={shown}
                onToggle={(s) => setShown((x) => ({ ...x, [s]: !x[s] }))}
                t={t}
              />
            )}
          </section>

          {state.checks > 0 && (
            <Suspense fallback={null}>
              <Workbook checker={checker} t={t} />
            </Suspense>
          )}

          {state.notices.map((n) => (
            <MessageBar key={n.key} intent="info">
              <MessageBarBody>{t(n.key, n.params)}</MessageBarBody>
            </MessageBar>
          ))}

          {state.lapsed.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="lapsed">
              <MessageBarBody>
                {t('lapsedTitle')}
                <ul className={styles.lapsedList}>
                  {state.lapsed.map((c) => (
                    <li key={`${c.sheet}!${c.cell}`}>
                      {t('lapsedItem', {
                        sheet: c.sheet,
                        cell: c.cell,
                        role: fieldWords(t.locale, c.role),
                        text: c.text,
                      })}{' '}
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => void checker.removeCorrection(c)}
                        data-testid="lapsed-remove"
                      >
                        {t('lapsedRemove')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}

          {state.nearMisses.map((n) => (
            <MessageBar key={`n-${n.sheet}-${n.range}`} intent="info" data-testid="near-miss">
              <MessageBarBody>{`${n.message}（${n.range}）`}</MessageBarBody>
            </MessageBar>
          ))}

          {state.bySelection && (
            <MessageBar
              intent={state.bySelection.found ? 'info' : 'warning'}
              data-testid="by-selection-result"
            >
              <MessageBarBody>
                {state.bySelection.keptAutomatic
                  ? t('bySelectionKept', { range: state.bySelection.range })
                  : state.bySelection.found
                    ? t('bySelectionResult', { range: state.bySelection.range })
                    : t('bySelectionNone', { range: state.bySelection.range })}
                {state.bySelection.missing.length > 0 &&
                  ` ${t('bySelectionMissing', { parts: state.bySelection.missing.map((p) => t(`part_${p}` as StringKey)).join('、') })}`}
              </MessageBarBody>
              <MessageBarActions>
                <Button
                  size="small"
                  onClick={() => void checker.clearSelectionRecognition()}
                  data-testid="by-selection-clear"
                >
                  {t('bySelectionClear')}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}

          {state.checks > 0 && state.sheet && state.tables.length === 0 && !state.error && (
            <div className={styles.empty} data-testid="empty">
              <Text as="h2" weight="semibold">
                {t('emptyTitle')}
              </Text>
              {state.sheet.address === null && <Text>{t('emptySheet')}</Text>}
              <Text>{t('emptyBody')}</Text>
            </div>
          )}

          {state.tables.length > 0 && (
            <Accordion
              multiple
              collapsible
              openItems={openItems}
              onToggle={(_, d) =>
                setUserOpen((u) => ({ ...u, [String(d.value)]: !openItems.includes(String(d.value)) }))
              }
              data-testid="tables"
            >
              {state.tables.map((table) => (
                <AccordionItem key={table.range} value={table.range} data-range={table.range}>
                  <AccordionHeader as="h3">
                    <span className={styles.tableHeader}>
                      <span>
                        {t('tableHeading', {
                          name: table.projectName ?? t('unnamedTable'),
                          range: table.range,
                        })}
                      </span>
                      <Counts issues={table.issues} t={t} />
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <Suspense fallback={null}>
                      <Reading table={table} t={t} onGo={onGo} actions={corrections} />
                    </Suspense>
                    <TableIssues table={table} shown={shown} t={t} onGo={onGo} onFixTable={fix} />
                    {/* After the issues, so that the table's first error stays in view above it. */}
                    {selectedRow?.table.range === table.range && (
                      <div className={styles.selectedRow} data-testid="selected-row">
                        <Button
                          size="small"
                          disabledFocusable={busy}
                          onClick={() =>
                            void checker
                              .addIndicatorRow(selectedRow.table, selectedRow.indicator)
                              .then(() => focusSoon(writeMessage))
                          }
                          data-testid="results-add-row"
                        >
                          {t('addRow', { level2: selectedRow.under })}
                        </Button>
                        <Caption1>{t('selectedRow', { row: selectedRow.indicator.row + 1 })}</Caption1>
                      </div>
                    )}
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}

          {state.checks > 0 && state.sheet && state.sheet.address !== null && !state.bySelection && (
            <div className={styles.bySelection}>
              <Button
                appearance={state.tables.length === 0 ? 'secondary' : 'subtle'}
                size="small"
                onClick={() => void checker.recogniseSelection()}
                disabled={busy}
                data-testid="by-selection"
              >
                {t('bySelection')}
              </Button>
              <Caption1>{t('bySelectionHint')}</Caption1>
            </div>
          )}
        </div>

        {state.tables.length > 0 && (
          <div
            role="tabpanel"
            hidden={tab !== 'suggestions'}
            aria-label={t('tabSuggestions')}
            className={styles.panel}
          >
            <Suspense fallback={<Spinner size="tiny" label={t('loadingLibrary')} />}>
              <Suggestions checker={checker} t={t} onWritten={() => focusSoon(writeMessage)} />
            </Suspense>
          </div>
        )}
        {state.checks > 0 && (
          <div
            role="tabpanel"
            hidden={tab !== 'templates'}
            aria-label={t('tabTemplates')}
            className={styles.panel}
          >
            <Suspense fallback={<Spinner size="tiny" />}>
              <TemplatePanel checker={checker} t={t} onDone={() => focusSoon(writeMessage)} />
            </Suspense>
          </div>
        )}
        {state.checks > 0 && tab === 'settings' && (
          <div role="tabpanel" aria-label={t('tabSettings')} className={styles.panel}>
            <Suspense fallback={<Spinner size="tiny" />}>
              <SettingsPanel checker={checker} t={t} />
            </Suspense>
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
