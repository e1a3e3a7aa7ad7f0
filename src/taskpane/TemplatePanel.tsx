/**
 * 插入模板: choose the variant, insert at the selected cell or into a new sheet. A refusal names the
 * cells in the way and offers a new sheet. The funds block speaks the profile of the check settings
 * (宁夏: 中央资金 / 自治区资金). Loaded lazily with the template data (its own chunk).
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { profileWords } from '../core/locales';
import { DEFAULT_PROFILE } from '../core/profiles';
import { DEFAULT_VARIANT, buildTemplate, fundsWording } from '../core/templates/template';
import type { Translate } from '../i18n/strings';
import { panelRoot } from './styles';
import type { Checker } from './checker';

const useStyles = makeStyles({
  root: panelRoot,
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A native select is as wide as its longest option: keep it inside a narrow task pane.
  select: { width: '100%', maxWidth: '100%', minWidth: 0 },
});

export default function TemplatePanel({
  checker,
  t,
  onDone,
}: {
  checker: Checker;
  t: Translate;
  /** after an insertion or a refusal: the pane moves the keyboard to its message */ onDone?: () => void;
}) {
  const state = useSyncExternalStore(checker.subscribe, checker.getState);
  const styles = useStyles();
  const [framework, setFramework] = useState(DEFAULT_VARIANT.framework);
  const [unit, setUnit] = useState(DEFAULT_VARIANT.unit);
  const [describe, setDescribe] = useState(DEFAULT_VARIANT.describe);
  const [transfer, setTransfer] = useState(DEFAULT_VARIANT.transfer);
  const [busy, setBusy] = useState(false);
  // The profile the checker's settings name (none: the standard words).
  const profile = state.settings.config.profile;
  const template = () =>
    buildTemplate({ framework, unit, describe, transfer, year: new Date().getFullYear() }, { profile });
  const funds = fundsWording(profile);
  const fundsWords = [funds.own, funds.transfer]
    .map((g) => `${g.label.replace(/^其中[：:]\s*/, '')}（${g.parts.join('、')}）`)
    .join('；');
  const insert = async (where: 'selection' | 'newSheet' | 'below') => {
    setBusy(true);
    try {
      await checker.insertTemplate(template(), where);
    } finally {
      setBusy(false);
      onDone?.();
    }
  };
  const blocked = state.templateBlocked;
  return (
    <section className={styles.root} aria-label={t('templates')} data-testid="templates">
      <Text as="h2" weight="semibold" size={400}>
        {t('templates')}
      </Text>
      <Field label={t('templateFramework')} hint={t('frameworkHint')}>
        <Select
          className={styles.select}
          value={framework}
          onChange={(_, d) => setFramework(d.value as 'newer' | 'older')}
          data-testid="template-framework"
        >
          <option value="newer">{t('frameworkNewer')}</option>
          <option value="older">{t('frameworkOlder')}</option>
        </Select>
      </Field>
      <Field label={t('templateUnit')}>
        <Select
          className={styles.select}
          value={unit}
          onChange={(_, d) => setUnit(d.value as '万元' | '元')}
          data-testid="template-unit"
        >
          <option value="万元">万元</option>
          <option value="元">元</option>
        </Select>
      </Field>
      <Checkbox
        label={t('templateDescribe')}
        checked={describe}
        onChange={(_, d) => setDescribe(d.checked === true)}
      />
      <Checkbox
        label={t('templateTransfer')}
        checked={transfer}
        onChange={(_, d) => setTransfer(d.checked === true)}
      />
      {transfer && (
        <Caption1 data-testid="template-funds">
          {t('templateFunds', {
            profile: profileWords(profile ?? DEFAULT_PROFILE, t.locale).title,
            words: fundsWords,
          })}
        </Caption1>
      )}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void insert('selection')}
          data-testid="insert-at-selection"
        >
          {t('insertAtSelection')}
        </Button>
        <Button disabled={busy} onClick={() => void insert('newSheet')} data-testid="insert-new-sheet">
          {t('insertNewSheet')}
        </Button>
        <Button disabled={busy} onClick={() => void insert('below')} data-testid="insert-below">
          {t('insertBelow')}
        </Button>
      </div>
      {blocked && (
        <MessageBar intent="warning" data-testid="template-blocked" tabIndex={-1}>
          <MessageBarBody>
            {t('templateBlocked', {
              n: blocked.blockers.length,
              cells: blocked.blockers.slice(0, 12).join('、') + (blocked.blockers.length > 12 ? '…' : ''),
            })}
            <div>
              <Button size="small" onClick={() => void insert('newSheet')} data-testid="offer-new-sheet">
                {t('templateOfferNewSheet')}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.selection && (
        <Caption1 data-testid="insert-target">
          {t('insertTarget', {
            cell: state.selection.address.slice(state.selection.address.lastIndexOf('!') + 1).split(':')[0],
          })}
        </Caption1>
      )}
    </section>
  );
}
