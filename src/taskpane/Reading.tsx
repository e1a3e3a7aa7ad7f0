/**
 * 读取: what the engine read from one table, so a misreading shows before it turns into a baffling
 * finding. One line when closed (the amount, the framework, the indicator count); opened, each field
 * with the cell it came from — a button that selects that cell — what was looked for and not found,
 * labels left empty, figures seen and not placed, the framework and why, indicators per 一级.
 * Cell text is rendered as text, never as markup.
 */
import { Button, Caption1, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { fieldWords, frameworkName } from '../core/locales';
import type { CorrectionRole } from '../core/corrections';
import type { Table } from '../core/model';
import { a1 } from '../core/grid';
import { readingOf } from '../core/reading';
import { frameworkData } from '../core/vocabulary';
import type { Translate } from '../i18n/strings';
import { listButton } from './styles';

const useStyles = makeStyles({
  root: {
    marginBottom: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  toggle: { ...listButton, width: '100%' },
  line: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  field: { ...listButton, width: '100%' },
  fieldBody: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', width: '100%' },
  name: { minWidth: '6em', color: tokens.colorNeutralForeground2 },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5em', color: tokens.colorNeutralForeground2 },
  text: { flex: 1, wordBreak: 'break-word', whiteSpace: 'pre-wrap' },
  note: { display: 'block', marginTop: tokens.spacingVerticalXS, wordBreak: 'break-word' },
  choices: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXXS,
  },
});

/** The roles a selected cell can be given, in the order a form lists them. */
const ROLES: CorrectionRole[] = [
  'projectName',
  'department',
  'implementer',
  'total',
  'annual',
  'fiscal',
  'other',
  'carryover',
  'goal',
  'indicatorHeader',
  'notIndicator',
];
/** The cell a table's framework correction is tied to: the first cell of its indicator header row. */
const headerCell = (t: Table) => a1(t.indicatorHeaderRow, t.left);

/** What a figure that could not be placed may be. */
const AMOUNT_CHOICES: CorrectionRole[] = ['total', 'annual', 'fiscal', 'other', 'carryover'];

export interface CorrectionActions {
  /** Gives the selected cell (or `cell`) a role; resolves to a problem to show, or null. */
  correct: (role: CorrectionRole, cell?: string, framework?: string) => Promise<string | null>;
  uncorrect: (cell: string) => Promise<string | null>;
}

export function Reading({
  table,
  t,
  onGo,
  actions,
}: {
  table: Table;
  t: Translate;
  onGo: (cell: string) => void;
  actions?: CorrectionActions;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (p: Promise<string | null>) => void p.then(setProblem);
  const panel = useId();
  const r = readingOf(table);
  const field = (id: string) => fieldWords(t.locale, id);
  const amount = r.fields.total ?? r.fields.annual;
  const line = t('readingLine', {
    amount: amount ? `${field(r.fields.total ? 'total' : 'annual')} ${amount.value}` : t('readingNoAmount'),
    framework: frameworkName(t.locale, r.framework.id),
    count: r.indicators.count,
  });
  return (
    <section className={styles.root} aria-label={t('readingTitle')} data-testid="reading">
      <Button
        appearance="subtle"
        size="small"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((o) => !o)}
        data-testid="reading-toggle"
      >
        <span className={styles.line}>{line}</span>
      </Button>
      {open && (
        <div id={panel} data-testid="reading-panel">
          <ul className={styles.list} aria-label={t('readingFields')}>
            {Object.entries(r.fields).map(([id, f]) => (
              <li key={id}>
                <Button
                  appearance="subtle"
                  size="small"
                  className={styles.field}
                  onClick={() => onGo(f.cell)}
                  data-testid="reading-field"
                  data-field={id}
                  data-cell={f.cell}
                >
                  <span className={styles.fieldBody}>
                    <span className={styles.name}>{field(id)}</span>
                    <span className={styles.cell}>{f.cell}</span>
                    <span className={styles.text}>{f.value !== undefined ? String(f.value) : f.text}</span>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
          {r.notFound.length > 0 && (
            <Caption1 className={styles.note} data-testid="reading-not-found">
              {t('readingNotFound', { names: r.notFound.map(field).join('、') })}
            </Caption1>
          )}
          {r.empty.length > 0 && (
            <Caption1 className={styles.note} data-testid="reading-empty">
              {t('readingEmpty', { labels: r.empty.map((e) => `${e.label}（${e.cell}）`).join('、') })}
            </Caption1>
          )}
          {r.unplaced.length > 0 && (
            <div data-testid="reading-unplaced">
              <Caption1 className={styles.note}>{t('readingUnplaced')}</Caption1>
              <ul className={styles.list}>
                {r.unplaced.map((u) => (
                  <li key={u.cell}>
                    <Button
                      appearance="subtle"
                      size="small"
                      className={styles.field}
                      onClick={() => onGo(u.cell)}
                      data-cell={u.cell}
                    >
                      {t('readingUnplacedItem', { cell: u.cell, label: u.label, text: u.text })}
                    </Button>
                    {actions && (
                      <div
                        className={styles.choices}
                        role="group"
                        aria-label={t('unplacedAs', { cell: u.cell })}
                      >
                        <Caption1>{t('unplacedAs', { cell: u.cell })}</Caption1>
                        {AMOUNT_CHOICES.map((role) => (
                          <Button
                            key={role}
                            size="small"
                            onClick={() => run(actions.correct(role, u.cell))}
                            data-testid="unplaced-as"
                            data-role={role}
                          >
                            {field(role)}
                          </Button>
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {table.corrections && table.corrections.length > 0 && (
            <div data-testid="reading-corrected">
              <Caption1 className={styles.note}>{t('corrected')}</Caption1>
              <ul className={styles.list}>
                {table.corrections.map((c) => (
                  <li key={c.cell} className={styles.choices}>
                    <Text size={200}>{t('correctedItem', { cell: c.cell, role: field(c.role) })}</Text>
                    {actions && (
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => run(actions.uncorrect(c.cell))}
                        data-testid="correction-undo"
                        data-cell={c.cell}
                      >
                        {t('correctUndo', { cell: c.cell })}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Text as="p" size={200} className={styles.note} data-testid="reading-framework">
            {t('readingFramework', { reason: r.framework.reason })}
          </Text>
          {actions && (
            <Field label={t('correctFramework')} size="small" className={styles.note}>
              <Select
                value={r.framework.id}
                onChange={(_, d) => run(actions.correct('framework', headerCell(table), d.value))}
                data-testid="correct-framework"
              >
                {Object.keys(frameworkData.frameworks).map((id) => (
                  <option key={id} value={id}>
                    {frameworkName(t.locale, id)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Text as="p" size={200} className={styles.note} data-testid="reading-indicators">
            {t('readingIndicators', {
              count: r.indicators.count,
              levels: r.indicators.byLevel1
                .map((b) => t('readingLevel', { level1: b.level1 || '—', count: b.count }))
                .join('，'),
            })}
          </Text>
          {actions && (
            <div role="group" aria-label={t('correctTitle')} data-testid="correct">
              <Caption1 className={styles.note}>
                {t('correctTitle')}：{t('correctHint')}
              </Caption1>
              <div className={styles.choices}>
                {ROLES.map((role) => (
                  <Button
                    key={role}
                    size="small"
                    onClick={() => run(actions.correct(role))}
                    data-testid="correct-as"
                    data-role={role}
                  >
                    {t('correctAs', { role: field(role) })}
                  </Button>
                ))}
              </div>
            </div>
          )}
          {problem && (
            <Caption1 role="alert" className={styles.note}>
              {t('correctFailed', { problem })}
            </Caption1>
          )}
        </div>
      )}
    </section>
  );
}
