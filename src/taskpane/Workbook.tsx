/**
 * 其他工作表, under the summary: the other sheets of the workbook that hold forms, each a button
 * named by its visible text — the sheet, how many tables, how many errors, the tables' names — that
 * activates the sheet (the pane then checks it as the active sheet). Hidden sheets are read and
 * listed too, marked （隐藏）: the host cannot activate them, so a click says how to show one. The sheets are read on demand
 * (检查其他工作表), one read each, with progress, and kept until they change (./workbook.ts).
 * Loaded after the first check, in a chunk of its own. Sheet and table names are rendered as text.
 */
import { Button, Caption1, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { MESSAGE_KEY } from '../host/errors';
import type { Translate } from '../i18n/strings';
import type { Checker } from './checker';
import { listButton } from './styles';
import { type SheetSummary, workbookScan } from './workbook';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, width: '100%' },
  sheet: { ...listButton, width: '100%' },
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, width: '100%' },
  line: { wordBreak: 'break-word' },
  name: { fontWeight: tokens.fontWeightSemibold },
  errors: { color: tokens.colorPaletteRedForeground1 },
  tables: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Sheets shown before 显示其余: a long per-sheet workbook keeps the active sheet's results in view. */
const SHOWN = 6;
/** Table names shown per sheet. */
const NAMES = 3;

export default function Workbook({ checker, t }: { checker: Checker; t: Translate }) {
  const scan = useMemo(() => workbookScan(checker), [checker]);
  const ws = useSyncExternalStore(scan.subscribe, scan.getState);
  // The active sheet is not among the others: follow the pane's state too.
  useSyncExternalStore(checker.subscribe, checker.getState);
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  const others = scan.others();
  const known = ws.sheets !== null || checker.getState().sheets !== null;
  const summaries = others.map((s) => ws.summaries[s.sheetId]).filter((s): s is SheetSummary => !!s);
  const withForms = summaries.filter((s) => s.tables.length > 0);
  const withoutForms = summaries.length - withForms.length;
  const unread = others.filter((s) => !ws.summaries[s.sheetId]).length;
  const toRead = others.filter((s) => !scan.kept(s.sheetId)).length;
  const failed = others.filter((s) => ws.failed[s.sheetId]);
  const nameOf = (id: string) => others.find((s) => s.sheetId === id)?.sheetName ?? id;

  // A one-sheet workbook has nothing to say here, until the clerk asks.
  if (known && others.length === 0 && !ws.progress)
    return ws.scanned ? <Caption1 data-testid="other-sheets-none">{t('otherSheetsNone')}</Caption1> : null;

  /** After a sheet is opened, the keyboard goes to the entry now in its place (the list changed under it). */
  const open = (id: string, index: number) =>
    void scan.open(id).then(() =>
      setTimeout(() => {
        const buttons = list.current?.querySelectorAll<HTMLElement>('[data-sheet]') ?? [];
        (buttons[Math.min(index, buttons.length - 1)] ?? list.current?.closest('section'))?.focus();
      }, 0),
    );

  const shown = showAll ? withForms : withForms.slice(0, SHOWN);
  const busy = ws.progress !== null;
  const action = !known
    ? t('otherSheetsCheck')
    : unread > 0
      ? t('otherSheetsCheckN', { n: toRead })
      : toRead > 0
        ? t('otherSheetsRecheck', { n: toRead })
        : null;

  return (
    <section
      className={styles.root}
      aria-labelledby="other-sheets-heading"
      tabIndex={-1}
      data-testid="other-sheets"
    >
      <Text as="h2" id="other-sheets-heading" className={styles.heading}>
        {t('otherSheets')}
      </Text>
      {withForms.length > 0 && (
        <ul className={styles.list} ref={list}>
          {shown.map((s, i) => {
            const names = s.tables.slice(0, NAMES).map((x) => x.name ?? t('unnamedTable'));
            return (
              <li key={s.sheetId}>
                <Button
                  appearance="subtle"
                  className={styles.sheet}
                  data-testid="other-sheet"
                  data-sheet={s.sheetId}
                  data-errors={s.errors}
                  data-hidden={s.hidden || undefined}
                  onClick={() => open(s.sheetId, i)}
                >
                  <span className={styles.body}>
                    <span className={styles.line}>
                      <span className={styles.name}>{nameOf(s.sheetId)}</span>{' '}
                      {t('sheetTables', { n: s.tables.length })}{' '}
                      <span className={s.errors > 0 ? styles.errors : undefined}>
                        {s.errors > 0 ? t('sheetErrors', { n: s.errors }) : t('sheetNoErrors')}
                      </span>
                      {s.hidden && ` ${t('sheetHidden')}`}
                      {s.changed && ` ${t('sheetChanged')}`}
                    </span>
                    {names.length > 0 && (
                      <Caption1 className={styles.tables}>
                        {names.join('、')}
                        {s.tables.length > NAMES && t('moreTables', { n: s.tables.length })}
                      </Caption1>
                    )}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {withForms.length > SHOWN && (
        <Button
          size="small"
          appearance="subtle"
          onClick={() => setShowAll((x) => !x)}
          aria-expanded={showAll}
        >
          {showAll ? t('otherSheetsFewer') : t('otherSheetsMore', { n: withForms.length - SHOWN })}
        </Button>
      )}
      {withoutForms > 0 && (
        <Caption1 data-testid="other-sheets-without">{t('otherSheetsWithout', { n: withoutForms })}</Caption1>
      )}
      {summaries.length === 0 && unread > 0 && !busy && (
        <Caption1>{t('otherSheetsUnread', { n: unread })}</Caption1>
      )}
      {failed.map((s) => (
        <Caption1 key={s.sheetId} data-testid="other-sheet-failed">
          {t('otherSheetFailed', {
            sheet: s.sheetName,
            reason: t(MESSAGE_KEY[ws.failed[s.sheetId].kind], { detail: ws.failed[s.sheetId].detail }),
          })}
        </Caption1>
      ))}
      {ws.hiddenNotice && (
        <Caption1 role="status" data-testid="other-sheet-hidden">
          {t('otherSheetHidden', { sheet: nameOf(ws.hiddenNotice) })}
        </Caption1>
      )}
      {ws.error && (
        <Caption1 data-testid="other-sheets-error">
          {t(MESSAGE_KEY[ws.error.kind], { detail: ws.error.detail })}
        </Caption1>
      )}
      {busy ? (
        <div role="status" className={styles.progress} data-testid="other-sheets-progress">
          <Caption1>
            {t('otherSheetsProgress', { done: ws.progress!.done, total: ws.progress!.total })}
          </Caption1>
          <ProgressBar value={ws.progress!.done / Math.max(1, ws.progress!.total)} />
          <span className={styles.actions}>
            <Button size="small" onClick={() => scan.stop()} data-testid="other-sheets-stop">
              {t('otherSheetsStop')}
            </Button>
          </span>
        </div>
      ) : (
        action && (
          <Button size="small" onClick={() => void scan.scan()} data-testid="other-sheets-check">
            {action}
          </Button>
        )
      )}
    </section>
  );
}
