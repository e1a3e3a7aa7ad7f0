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
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useMemo, useSyncExternalStore } from 'react';
import { MESSAGE_KEY } from '../adapter/errors';
import { countBySeverity } from '../core/check';
import { rowOfA1 } from '../core/grid';
import type { Issue, Severity, Table } from '../core/model';
import { rules } from '../core/rules';
import { type Locale, type StringKey, type Translate, translator } from '../i18n/strings';
import type { Checker } from './checker';

// The 建议 section and the phrasing library come in their own chunk, after the first paint.
const Suggestions = lazy(() => import(/* webpackChunkName: "phrasings" */ './Suggestions'));
const TemplatePanel = lazy(() => import(/* webpackChunkName: "templates" */ './TemplatePanel'));

/** The template panel's element id, for the toolbar button that brings it into view. */
const TEMPLATES_ID = 'jixiao-templates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minHeight: '100vh', boxSizing: 'border-box' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  counts: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  tableHeader: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', textAlign: 'left' },
  ruleHeading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  // The fix button goes under its issue, not beside it: side by side, a long before → after left
  // the message a column one character wide in a narrow pane.
  issueRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  fix: { marginLeft: tokens.spacingHorizontalXXL, marginBottom: tokens.spacingVerticalXS, maxWidth: `calc(100% - ${tokens.spacingHorizontalXXL})`, height: 'auto' },
  fixPreview: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'normal', wordBreak: 'break-word', textAlign: 'left' },
  fixAll: { alignSelf: 'flex-start', marginBottom: tokens.spacingVerticalXS },
  issue: { flex: '1 1 100%', minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', width: '100%', height: 'auto', minHeight: '32px', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightRegular },
  issueBody: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', width: '100%' },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5em', color: tokens.colorNeutralForeground2 },
  message: { flex: 1, wordBreak: 'break-word', whiteSpace: 'pre-wrap' },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM },
  bySelection: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

function Counts({ issues, t }: { issues: Issue[]; t: Translate }) {
  const c = countBySeverity(issues);
  const styles = useStyles();
  if (issues.length === 0) return <Badge appearance="tint" color="success">{t('noIssues')}</Badge>;
  return (
    <span className={styles.counts}>
      {(['error', 'warning', 'info'] as Severity[])
        .filter((s) => c[s] > 0)
        .map((s) => (
          <Badge key={s} appearance="tint" color={BADGE_COLOR[s]}>
            {`${t(`severity_${s}`)} ${c[s]}`}
          </Badge>
        ))}
    </span>
  );
}

const RULES = new Map(rules.map((r) => [r.id, r]));
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A table's issues grouped by rule, errors first: groups by their worst severity, then by where
 * their first issue is; issues in a group by severity, then by row.
 */
export function groupIssues(issues: Issue[]): [string, Issue[]][] {
  const byRule = new Map<string, Issue[]>();
  for (const i of issues) byRule.set(i.rule, [...(byRule.get(i.rule) ?? []), i]);
  const order = (a: Issue, b: Issue) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rowOfA1(a.cell) - rowOfA1(b.cell);
  const groups = [...byRule].map(([rule, list]) => [rule, [...list].sort(order)] as [string, Issue[]]);
  return groups.sort((a, b) => order(a[1][0], b[1][0]));
}

function TableIssues({ table, t, onGo, onFix }: { table: Table; t: Translate; onGo: (cell: string) => void; onFix: (issues: Issue[]) => void }) {
  const styles = useStyles();
  const fixable = table.issues.filter((i) => i.fix);
  const byRule = useMemo(() => groupIssues(table.issues), [table]);
  if (table.issues.length === 0) return <Caption1>{t('noIssues')}</Caption1>;
  return (
    <div>
      {fixable.length > 1 && (
        <Button size="small" className={styles.fixAll} onClick={() => onFix(fixable)} data-testid="fix-all">
          {t('fixAll', { n: fixable.length })}
        </Button>
      )}
      {byRule.map(([rule, issues]) => (
        <section key={rule} aria-label={RULES.get(rule)?.title ?? rule}>
          {/* A clerk reads the rule's short name; its id and what it checks are in the tooltip. */}
          <h4 className={styles.ruleHeading} title={`${rule}：${RULES.get(rule)?.description ?? ''}`} data-rule-heading={rule}>
            {`${RULES.get(rule)?.title ?? rule}（${issues.length}）`}
          </h4>
          <ul className={styles.list}>
            {issues.map((i, k) => (
              <li key={`${i.cell}-${k}`} className={styles.issueRow}>
                <Button
                  appearance="subtle"
                  className={styles.issue}
                  data-cell={i.cell}
                  data-rule={i.rule}
                  aria-label={`${t(`severity_${i.severity}`)} ${t('cellLabel', { cell: i.cell })}：${i.message}`}
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
                    aria-label={t('fixLabel', { cell: i.fix.cell, before: i.fix.before, after: i.fix.after })}
                    title={t('fixLabel', { cell: i.fix.cell, before: i.fix.before, after: i.fix.after })}
                    onClick={() => onFix([i])}
                  >
                    <span className={styles.fixPreview}>{`${i.fix.before} → ${i.fix.after}`}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function App({ checker, locale, dark }: { checker: Checker; locale: Locale; dark?: boolean }) {
  const state = useSyncExternalStore(checker.subscribe, checker.getState);
  const t = useMemo(() => translator(locale), [locale]);
  const styles = useStyles();
  const busy = state.status === 'reading' || state.status === 'checking';
  const all = state.tables.flatMap((x) => x.issues);
  const sheetName = state.sheet?.sheetName ?? '';
  const openItems = useMemo(() => state.tables.map((x) => x.range), [state.tables]);

  // The template panel sits under the issue lists, which can be long: bring it into view and put
  // the keyboard on its first control.
  const showTemplates = () => {
    const panel = document.getElementById(TEMPLATES_ID);
    panel?.scrollIntoView({ block: 'start' });
    panel?.querySelector<HTMLElement>('select, button')?.focus();
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale}>
      <main className={styles.root} aria-busy={busy}>
        <Text as="h1" weight="semibold" size={500}>
          {t('appTitle')}
        </Text>
        <div className={styles.toolbar} role="toolbar" aria-label={t('appTitle')}>
          <Button appearance="primary" onClick={() => void checker.check()} disabled={busy} data-testid="recheck">
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
          {state.checks > 0 && (
            <Button appearance="subtle" onClick={showTemplates} data-testid="go-templates">
              {t('goToTemplates')}
            </Button>
          )}
        </div>

        {busy && (
          <div role="status">
            {state.progress ? (
              <>
                <Caption1>{t('readingProgress', { done: state.progress.done, total: state.progress.total })}</Caption1>
                <ProgressBar value={state.progress.done / Math.max(1, state.progress.total)} />
              </>
            ) : (
              <Spinner size="tiny" label={state.status === 'reading' ? t('reading') : t('checking')} />
            )}
          </div>
        )}

        {state.error && (
          <MessageBar intent="error" data-testid="error">
            <MessageBarBody>{t(MESSAGE_KEY[state.error.kind], { detail: state.error.detail })}</MessageBarBody>
          </MessageBar>
        )}
        {state.lastWrite?.map((n) => (
          <MessageBar key={`w-${n.key}`} intent={n.key === 'fixSkipped' ? 'warning' : 'success'} data-testid="write-result">
            <MessageBarBody>{t(n.key, n.params)}</MessageBarBody>
          </MessageBar>
        ))}
        {state.notices.map((n) => (
          <MessageBar key={n.key} intent="info">
            <MessageBarBody>{t(n.key, n.params)}</MessageBarBody>
          </MessageBar>
        ))}

        <section className={styles.summary} aria-live="polite" aria-label={t('issuesRegion')} data-testid="summary">
          {state.sheet && state.checks > 0 && (
            <Text weight="semibold">{state.tables.length > 0 ? t('summaryTables', { n: state.tables.length, sheet: sheetName }) : t('summaryNone', { sheet: sheetName })}</Text>
          )}
          {state.tables.length > 0 && <Counts issues={all} t={t} />}
        </section>

        {state.nearMisses.map((n) => (
          <MessageBar key={`n-${n.sheet}-${n.range}`} intent="info" data-testid="near-miss">
            <MessageBarBody>{`${n.message}（${n.range}）`}</MessageBarBody>
          </MessageBar>
        ))}

        {state.bySelection && (
          <MessageBar intent={state.bySelection.found ? 'info' : 'warning'} data-testid="by-selection-result">
            <MessageBarBody>
              {state.bySelection.found ? t('bySelectionResult', { range: state.bySelection.range }) : t('bySelectionNone', { range: state.bySelection.range })}
              {state.bySelection.missing.length > 0 &&
                ` ${t('bySelectionMissing', { parts: state.bySelection.missing.map((p) => t(`part_${p}` as StringKey)).join('、') })}`}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void checker.clearSelectionRecognition()} data-testid="by-selection-clear">
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

        {state.checks > 0 && state.sheet && state.sheet.address !== null && !state.bySelection && (
          <div className={styles.bySelection}>
            <Button appearance={state.tables.length === 0 ? 'secondary' : 'subtle'} size="small" onClick={() => void checker.recogniseSelection()} disabled={busy} data-testid="by-selection">
              {t('bySelection')}
            </Button>
            <Caption1>{t('bySelectionHint')}</Caption1>
          </div>
        )}

        {state.tables.length > 0 && (
          <Suspense fallback={<Spinner size="tiny" label={t('loadingLibrary')} />}>
            <Suggestions checker={checker} t={t} />
          </Suspense>
        )}

        {state.tables.length > 0 && (
          <Accordion multiple collapsible defaultOpenItems={openItems} key={openItems.join('|')} data-testid="tables">
            {state.tables.map((table) => (
              <AccordionItem key={table.range} value={table.range} data-range={table.range}>
                <AccordionHeader as="h3">
                  <span className={styles.tableHeader}>
                    <span>{t('tableHeading', { name: table.projectName ?? t('unnamedTable'), range: table.range })}</span>
                    <Counts issues={table.issues} t={t} />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <TableIssues
                    table={table}
                    t={t}
                    onGo={(cell) => void checker.select(cell)}
                    onFix={(issues) => void checker.applyFixes(issues.map((i) => i.fix!))}
                  />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        )}
        {state.checks > 0 && (
          <Suspense fallback={<Spinner size="tiny" />}>
            <TemplatePanel checker={checker} t={t} id={TEMPLATES_ID} />
          </Suspense>
        )}
      </main>
    </FluentProvider>
  );
}
