/**
 * 设置: the profile (101号 / 88号 / 宁夏), each rule's level or off, and the rules' options, saved in
 * the workbook (Office.context.document.settings) so that a reviewer's choice travels with the file.
 * The object saved is the one jixiao.config.json holds, so the command line and the pane read the
 * same settings the same way. Loaded lazily (its own chunk, with the configuration's validator).
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, useSyncExternalStore } from 'react';
import { fieldWords, fill, profileWords, ruleWords } from '../core/locales';
import { DEFAULT_PROFILE, profileById, profiles } from '../core/profiles';
import { rules } from '../core/rules';
import type { Rule, RuleType } from '../core/rules/types';
import { MESSAGE_KEY } from '../host/errors';
import type { Translate } from '../i18n/strings';
import { panelRoot } from './styles';
import type { Checker, SettingsSaveResult } from './checker';

const WORDS = {
  'zh-CN': {
    heading: '检查设置',
    intro: '设置保存在本工作簿中，随文件一起带走：别人用本插件打开这个文件时按同样的设置检查。',
    profile: '规范',
    level: '级别',
    levelDefault: '默认（{level}）',
    error: '错误',
    warning: '警告',
    info: '提示',
    off: '关闭',
    optionDefault: '默认 {value}',
    optionNone: '不设',
    save: '保存到工作簿',
    reset: '恢复默认',
    saved: '设置已保存到工作簿，并已按新设置重新检查。保存文件后，设置随文件带走。',
    resetDone: '已恢复默认设置，并已重新检查。',
    refused: '设置未保存：{problem}',
    failed: '设置未能保存到工作簿，原设置不变：{detail}',
    unavailable: '当前环境不能在工作簿中保存设置；命令行可以用 jixiao.config.json。',
    structure: '结构',
    value: '指标值',
    sum: '金额',
    style: '写法',
    vocabulary: '本表格式的用语',
    vocabularyIntro: '所用模板把某一栏写成别的说法时，在此补充（每行一个），所有表都按此识别。',
    vocabularyField: '「{field}」的其他写法',
  },
  'en-US': {
    heading: 'Check settings',
    intro:
      'Settings are saved in this workbook and travel with the file: anyone who opens it with this add-in gets the same checks.',
    profile: 'Profile',
    level: 'Level',
    levelDefault: 'Default ({level})',
    error: 'Error',
    warning: 'Warning',
    info: 'Hint',
    off: 'Off',
    optionDefault: 'default {value}',
    optionNone: 'none',
    save: 'Save in the workbook',
    reset: 'Back to the defaults',
    saved: 'Settings saved in the workbook and the sheet checked again. Save the file to keep them with it.',
    resetDone: 'Back to the default settings; the sheet was checked again.',
    refused: 'Settings not saved: {problem}',
    failed: 'The settings could not be saved in the workbook; the previous ones still apply: {detail}',
    unavailable: 'This host cannot keep settings in the workbook; the command line reads jixiao.config.json.',
    structure: 'Structure',
    value: 'Values',
    sum: 'Amounts',
    style: 'Notation',
    vocabulary: "Your template's words",
    vocabularyIntro:
      'Where your template words a field otherwise, add its words here (one a line): every form is read with them.',
    vocabularyField: 'Other words for 「{field}」',
  },
} as const;

type Words = Record<keyof (typeof WORDS)['zh-CN'], string>;
type Level = 'error' | 'warning' | 'info' | 'off';
const LEVELS: Level[] = ['error', 'warning', 'info', 'off'];
const TYPES: RuleType[] = ['structure', 'value', 'sum', 'style'];

/** The settings as the form edits them: a level ('' = the default) and option texts per rule. */
interface Draft {
  profile: string;
  levels: Record<string, Level | ''>;
  options: Record<string, Record<string, string>>;
  /** A template's own words per field, one a line. */
  vocabulary: Record<string, string>;
  /** The clerk's corrections to the reading: kept as saved (the 读取 section edits them). */
  corrections?: unknown;
}

/** The fields whose words the panel takes (the configuration takes any of VOCABULARY_FIELDS). */
const VOCABULARY_EDITED = [
  'projectName',
  'department',
  'implementer',
  'total',
  'annual',
  'fiscal',
  'other',
  'goal',
  'closing',
] as const;

/** The saved object (jixiao.config.json's shape) → the form's draft. */
function draftOf(saved: object | null): Draft {
  const raw = (saved ?? {}) as {
    profile?: unknown;
    rules?: Record<string, unknown>;
    vocabulary?: Record<string, unknown>;
    corrections?: unknown;
  };
  const draft: Draft = {
    profile: typeof raw.profile === 'string' ? raw.profile : DEFAULT_PROFILE,
    levels: {},
    options: {},
    vocabulary: {},
    ...(raw.corrections ? { corrections: raw.corrections } : {}),
  };
  for (const [field, words] of Object.entries(raw.vocabulary ?? {}))
    if (Array.isArray(words)) draft.vocabulary[field] = words.join('\n');
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const [level, options] = Array.isArray(setting) ? setting : [setting];
    if (typeof level === 'string' && (LEVELS as string[]).includes(level)) draft.levels[id] = level as Level;
    if (options && typeof options === 'object')
      draft.options[id] = Object.fromEntries(
        Object.entries(options as Record<string, unknown>).map(([k, v]) => [k, v === null ? '' : String(v)]),
      );
  }
  return draft;
}

/** The level a rule has without a setting of its own: the profile's, else the rule's. */
function defaultLevel(rule: Rule, profile: string): Level {
  return profileById(profile).rules[rule.meta.id] ?? (rule.meta.offByDefault ? 'off' : rule.meta.severity);
}

/** The draft → the object saved (only what differs from the defaults; null when nothing does). */
function configOf(draft: Draft): object | null {
  const out: {
    profile?: string;
    rules?: Record<string, unknown>;
    vocabulary?: Record<string, string[]>;
    corrections?: unknown;
  } = {};
  if (draft.profile !== DEFAULT_PROFILE) out.profile = draft.profile;
  const settings: Record<string, unknown> = {};
  for (const rule of rules) {
    const id = rule.meta.id;
    const options = Object.entries(draft.options[id] ?? {})
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, Number(v.trim())] as const);
    const level = draft.levels[id] || (options.length ? defaultLevel(rule, draft.profile) : '');
    if (!level) continue;
    settings[id] = options.length ? [level, Object.fromEntries(options)] : level;
  }
  if (Object.keys(settings).length) out.rules = settings;
  const vocabulary: Record<string, string[]> = {};
  for (const [field, text] of Object.entries(draft.vocabulary)) {
    const words = text
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    if (words.length) vocabulary[field] = words;
  }
  if (Object.keys(vocabulary).length) out.vocabulary = vocabulary;
  if (draft.corrections) out.corrections = draft.corrections;
  return Object.keys(out).length ? out : null;
}

const useStyles = makeStyles({
  root: panelRoot,
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  rule: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  options: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  select: { width: '100%', maxWidth: '100%', minWidth: 0 },
  number: { width: '8em' },
  // Kept in view at the bottom of the pane while the rule list scrolls.
  footer: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export default function SettingsPanel({ checker, t }: { checker: Checker; t: Translate }) {
  const state = useSyncExternalStore(checker.subscribe, checker.getState);
  const styles = useStyles();
  const w: Words = WORDS[t.locale];
  const [draft, setDraft] = useState<Draft>(() => draftOf(state.settings.saved));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const available = checker.session.settingsAvailable;

  const levelName = (l: Level) => w[l];
  const save = async (config: object | null, done: string) => {
    setBusy(true);
    setResult(null);
    let r: SettingsSaveResult;
    try {
      r = await checker.saveSettings(config);
    } finally {
      setBusy(false);
    }
    if (r.ok) setResult({ intent: 'success', text: done });
    else if (r.problem) setResult({ intent: 'error', text: fill(w.refused, { problem: r.problem }) });
    else if (r.error)
      setResult({
        intent: 'error',
        text: fill(w.failed, { detail: `${t(MESSAGE_KEY[r.error.kind])} ${r.error.detail}` }),
      });
  };

  const setLevel = (id: string, level: Level | '') =>
    setDraft((d) => ({ ...d, levels: { ...d.levels, [id]: level } }));
  const setOption = (id: string, name: string, value: string) =>
    setDraft((d) => ({ ...d, options: { ...d.options, [id]: { ...d.options[id], [name]: value } } }));

  return (
    <section className={styles.root} aria-label={w.heading} data-testid="settings">
      <Text as="h2" weight="semibold" size={400}>
        {w.heading}
      </Text>
      <Caption1>{w.intro}</Caption1>
      {!available && (
        <MessageBar intent="info">
          <MessageBarBody>{w.unavailable}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={w.profile} hint={profileWords(draft.profile, t.locale).description}>
        <Select
          className={styles.select}
          value={draft.profile}
          onChange={(_, d) => setDraft((x) => ({ ...x, profile: d.value }))}
          data-testid="settings-profile"
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {profileWords(p.id, t.locale).title}
            </option>
          ))}
        </Select>
      </Field>
      {TYPES.map((type) => (
        <fieldset key={type} className={styles.group}>
          <Text as="h3" weight="semibold">
            {w[type]}
          </Text>
          {rules
            .filter((r) => r.meta.type === type)
            .map((rule) => {
              const id = rule.meta.id;
              const words = ruleWords(id, t.locale);
              return (
                <div key={id} className={styles.rule} data-setting={id}>
                  <Field label={words.title} hint={words.description}>
                    <Select
                      className={styles.select}
                      value={draft.levels[id] ?? ''}
                      onChange={(_, d) => setLevel(id, d.value as Level | '')}
                      data-testid={`settings-level-${id}`}
                    >
                      <option value="">
                        {fill(w.levelDefault, { level: levelName(defaultLevel(rule, draft.profile)) })}
                      </option>
                      {LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {levelName(l)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {rule.meta.options && (
                    <div className={styles.options}>
                      {Object.entries(rule.meta.options).map(([name, o]) => (
                        <Field key={name} label={words.options?.[name] ?? name} size="small">
                          <Input
                            className={styles.number}
                            type="number"
                            inputMode="decimal"
                            min={o.min}
                            max={o.max}
                            step={o.kind === 'integer' ? 1 : 'any'}
                            placeholder={fill(w.optionDefault, { value: o.default ?? w.optionNone })}
                            value={draft.options[id]?.[name] ?? ''}
                            onChange={(_, d) => setOption(id, name, d.value)}
                            data-testid={`settings-option-${id}-${name}`}
                          />
                        </Field>
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
        </fieldset>
      ))}
      <fieldset className={styles.group} data-testid="settings-vocabulary">
        <Text as="h3" weight="semibold">
          {w.vocabulary}
        </Text>
        <Caption1>{w.vocabularyIntro}</Caption1>
        {VOCABULARY_EDITED.map((field) => (
          <Field
            key={field}
            label={fill(w.vocabularyField, { field: fieldWords(t.locale, field) })}
            size="small"
          >
            <Textarea
              resize="vertical"
              value={draft.vocabulary[field] ?? ''}
              onChange={(_, d) =>
                setDraft((x) => ({ ...x, vocabulary: { ...x.vocabulary, [field]: d.value } }))
              }
              data-testid={`settings-vocabulary-${field}`}
            />
          </Field>
        ))}
      </fieldset>
      <div className={styles.footer}>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabled={busy || !available}
            onClick={() => void save(configOf(draft), w.saved)}
            data-testid="settings-save"
          >
            {w.save}
          </Button>
          <Button
            disabled={busy || !available}
            onClick={() => {
              // The clerk's corrections are about the reading, not the checks: they stay.
              const kept = draft.corrections ? { corrections: draft.corrections } : null;
              setDraft(draftOf(kept));
              void save(kept, w.resetDone);
            }}
            data-testid="settings-reset"
          >
            {w.reset}
          </Button>
        </div>
        {result && (
          <MessageBar intent={result.intent} data-testid="settings-result" role="status">
            <MessageBarBody>{result.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
