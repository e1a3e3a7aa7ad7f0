/**
 * The 建议 section: standard phrasings for the row the user is on, and a search box with a category
 * filter over the whole library. Loaded lazily with the library (its own chunk), so the pane's first
 * paint does not wait for either. One click writes the phrasing (and, if chosen, the value) into
 * that row's cells only, in one context.sync.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState, useSyncExternalStore } from 'react';
import {
  type RowContext,
  type Suggestion,
  hasPlaceholder,
  rowContext,
  search,
  suggestForRow,
} from '../core/phrasings';
import { homeLevel1 } from '../core/vocabulary';
import type { Translate } from '../i18n/strings';
import type { Checker } from './checker';
import { listButton, panelRoot } from './styles';

const useStyles = makeStyles({
  root: panelRoot,
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: listButton,
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px', width: '100%' },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'baseline' },
  value: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  note: { color: tokens.colorNeutralForeground3 },
  searchRow: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  // Each field takes the row's width when the pane is narrow: nothing is clipped at 320 px.
  field: { flex: '1 1 160px', minWidth: 0 },
  searchField: { flex: '1 1 100%', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
});

function SuggestionList({
  items,
  target,
  withValue,
  t,
  onApply,
  testId,
}: {
  items: Suggestion[];
  target: RowContext | null;
  withValue: boolean;
  t: Translate;
  onApply: (s: Suggestion) => void;
  testId: string;
}) {
  const styles = useStyles();
  if (items.length === 0) return <Caption1>{t('noSuggestions')}</Caption1>;
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.map((s) => {
        const text = withValue ? `${s.phrasing.indicator} ${s.value}` : s.phrasing.indicator;
        return (
          <li key={`${s.phrasing.index}`}>
            <Button
              appearance="subtle"
              className={styles.item}
              disabled={!target}
              data-testid="suggestion"
              data-indicator={s.phrasing.indicator}
              title={target ? t('applyPhrasing', { cell: target.nameCell, text }) : t('selectRowFirst')}
              onClick={() => onApply(s)}
            >
              <span className={styles.body}>
                <span className={styles.line}>
                  <Text weight="semibold">{s.phrasing.indicator}</Text>
                  <span className={styles.value}>{s.value}</span>
                </span>
                <Caption1
                  className={styles.note}
                >{`${s.level1} / ${s.level2} · ${s.phrasing.note}`}</Caption1>
              </span>
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

export default function Suggestions({
  checker,
  t,
  onWritten,
}: {
  checker: Checker;
  t: Translate;
  /** after a write: the pane moves the keyboard to its message */ onWritten?: () => void;
}) {
  const state = useSyncExternalStore(checker.subscribe, checker.getState);
  const styles = useStyles();
  const [withValue, setWithValue] = useState(false);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const deferredQuery = useDeferredValue(query);
  const lib = state.library;
  const sel = state.selection;
  const onSheet = sel && state.sheet && sel.sheetId === state.sheet.sheetId;
  const target = useMemo(
    () => (onSheet ? rowContext(state.tables, sel.row, sel.col) : null),
    [onSheet, sel, state.tables],
  );

  // The row's own category unless the user widens it.
  const [widen, setWiden] = useState(false);
  const forRow = useMemo(
    () => (lib && target ? suggestForRow(lib, target, { limit: 5, widen }) : []),
    [lib, target, widen],
  );

  const found = useMemo(() => {
    if (!lib || (deferredQuery.trim() === '' && !category)) return [];
    return search(lib, {
      text: deferredQuery,
      category: category || null,
      framework: target?.table.framework ?? 'newer',
      level2: target?.category ?? null,
      year: target?.table.year ?? undefined,
      limit: 8,
    });
  }, [lib, deferredQuery, category, target]);

  if (state.libraryError) return <Caption1>{t('libraryFailed', { detail: state.libraryError })}</Caption1>;
  if (!lib) return <Caption1>{t('loadingLibrary')}</Caption1>;

  const apply = (s: Suggestion) => {
    if (!target) return;
    const cells = [{ cell: target.nameCell, text: s.phrasing.indicator }];
    if (withValue) cells.push({ cell: target.valueCell, text: s.value });
    // With an example figure written, the value cell is selected so the user can type the real one.
    void checker
      .writeCells(cells, withValue && hasPlaceholder(s.phrasing.value) ? target.valueCell : undefined)
      .then(() => onWritten?.());
  };
  // The library names the newer framework's 二级: a framework without them (成本 under 产出) names the older ones.
  const fw = target?.table.framework ?? 'newer';
  const categories = lib.categories.some((c) => !homeLevel1(fw, c))
    ? [...new Set(lib.categories.map((c) => (homeLevel1(fw, c) ? c : (lib.olderLevel2[c] ?? c))))]
    : lib.categories;

  return (
    <section className={styles.root} aria-label={t('suggestions')} data-testid="suggestions">
      <Text as="h2" weight="semibold" size={400}>
        {t('suggestions')}
      </Text>
      {target ? (
        <Caption1 data-testid="suggestions-target">
          {t('suggestionsFor', { cell: target.nameCell, row: target.indicator?.name?.text ?? t('emptyRow') })}
        </Caption1>
      ) : (
        <Caption1>{t('suggestionsHint')}</Caption1>
      )}
      {target?.indicator && (target.indicator.level2 ?? target.indicator.level1) && (
        <Button
          size="small"
          onClick={() =>
            void checker.addIndicatorRow(target.table, target.indicator!).then(() => onWritten?.())
          }
          data-testid="add-row"
        >
          {t('addRow', { level2: (target.indicator.level2 ?? target.indicator.level1)!.text })}
        </Button>
      )}
      {!checker.session.caps.selectionEvents && (
        <Button size="small" onClick={() => void checker.refreshSelection()} data-testid="refresh-selection">
          {t('refreshSelection')}
        </Button>
      )}
      <Checkbox
        label={t('alsoWriteValue')}
        checked={withValue}
        onChange={(_, d) => setWithValue(d.checked === true)}
        data-testid="with-value"
      />
      {target && (
        <SuggestionList
          items={forRow}
          target={target}
          withValue={withValue}
          t={t}
          onApply={apply}
          testId="row-suggestions"
        />
      )}
      {target?.category && (
        <Checkbox
          label={t('widenCategories', { category: target.category })}
          checked={widen}
          onChange={(_, d) => setWiden(d.checked === true)}
          data-testid="widen"
        />
      )}
      <div className={styles.searchRow}>
        <Field label={t('searchLabel')} className={styles.searchField}>
          <Input
            className={styles.input}
            value={query}
            placeholder={t('searchPlaceholder')}
            onChange={(_, d) => setQuery(d.value)}
            data-testid="phrasing-search"
          />
        </Field>
        <Field label={t('categoryLabel')} className={styles.field}>
          <Select
            className={styles.input}
            value={category}
            onChange={(_, d) => setCategory(d.value)}
            data-testid="phrasing-category"
          >
            <option value="">{t('categoryAll')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {(query.trim() !== '' || category) && (
        <SuggestionList
          items={found}
          target={target}
          withValue={withValue}
          t={t}
          onApply={apply}
          testId="search-results"
        />
      )}
    </section>
  );
}
