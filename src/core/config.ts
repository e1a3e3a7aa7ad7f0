/**
 * A reviewer's configuration (`jixiao.config.json`, or the pane's settings saved in the workbook):
 * rule severities or "off", and rule options, ESLint-style:
 *
 *   { "rules": { "style/notation": "off",
 *                "value/satisfaction-form": ["error", { "minimum": 90 }],
 *                "structure/too-few-indicators": ["warning", { "min": 3 }] },
 *     "profile": "宁夏" }
 *
 * The profile (101号 by default, 88号, 宁夏: core/profiles.ts) sets rule levels of its own; the
 * configuration's rules override them.
 * Validated by a zod schema built from the rules' own declarations; an invalid configuration is one
 * clear error naming the key. Not in the pane's first bundle (it carries no schema library).
 */
import { z } from 'zod';
import { CORRECTION_ROLES, type Correction } from './corrections';
import type { Severity } from './model';
import { VOCABULARY_FIELDS, type VocabularyAdditions } from './vocabulary';
import { profiles } from './profiles';
import { rules } from './rules';
import type { RuleOption, RuleOptionValues } from './rules/types';

import { ConfigError } from './config-error';

export { ConfigError };

export interface ResolvedConfig {
  /** The profile's id, when the configuration names one. */
  profile?: string;
  rules: Record<string, Severity | 'off'>;
  ruleOptions: Record<string, RuleOptionValues>;
  /** The clerk's corrections to the reading, as saved. */
  corrections?: Correction[];
  /** A template's own words, added to the built-in vocabulary. */
  vocabulary?: VocabularyAdditions;
}

const LEVEL = z.enum(['error', 'warning', 'info', 'off']);

function optionSchema(o: RuleOption) {
  let n = o.kind === 'integer' ? z.number().int() : z.number();
  if (o.min !== undefined) n = n.min(o.min);
  if (o.max !== undefined) n = n.max(o.max);
  return n.nullable();
}

const RULE_IDS = new Set(rules.map((r) => r.meta.id));

function settingSchema(id: string) {
  const rule = rules.find((r) => r.meta.id === id)!;
  const shape = Object.fromEntries(
    Object.entries(rule.meta.options ?? {}).map(([k, o]) => [k, optionSchema(o).optional()]),
  );
  return z.union([LEVEL, z.tuple([LEVEL]), z.tuple([LEVEL, z.strictObject(shape)])]);
}

const CORRECTION = z.strictObject({
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, 'A1 address'),
  text: z.string(),
  role: z.enum(CORRECTION_ROLES),
  framework: z.string().optional(),
});

const SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  profile: z.string().optional(),
  /** The clerk's corrections to the reading (the pane saves them with the settings). */
  corrections: z.array(CORRECTION).optional(),
  /** A template's own words: `{"annual": ["本年度申请市财政预算资金"], "closing": ["审核人签字"]}`. */
  vocabulary: z
    .partialRecord(z.enum(VOCABULARY_FIELDS), z.array(z.string().trim().min(2).max(40)).max(50))
    .optional(),
});
const PROFILE_IDS = profiles.map((p) => p.id);

function path(parts: PropertyKey[]): string {
  return parts
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(p))
          ? `${i ? '.' : ''}${String(p)}`
          : `["${String(p)}"]`,
    )
    .join('');
}

/** The issue that says most: inside a union, the branch error with the longest path (the option that is wrong). */
function deepest(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  let best = issues[0];
  const visit = (list: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const i of list) {
      const at = { ...i, path: [...prefix, ...i.path] } as z.core.$ZodIssue;
      if (at.path.length > best.path.length) best = at;
      if (i.code === 'invalid_union') for (const branch of i.errors) visit(branch, at.path);
    }
  };
  visit(issues, []);
  return best;
}

/** A configuration object → rule settings; throws ConfigError("<source>: <key>: <why>"). */
export function parseConfig(raw: unknown, source: string): ResolvedConfig {
  const top = SCHEMA.safeParse(raw);
  if (!top.success) {
    const i = top.error.issues[0];
    const key = path(i.path) || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '');
    throw new ConfigError(
      `${source}: ${key || '(根)'}: ${i.code === 'unrecognized_keys' ? '不认识的设置项 (unknown key)' : i.message}`,
    );
  }
  const out: ResolvedConfig = { rules: {}, ruleOptions: {} };
  if (top.data.corrections?.length) out.corrections = top.data.corrections;
  if (top.data.vocabulary && Object.keys(top.data.vocabulary).length) out.vocabulary = top.data.vocabulary;
  if (top.data.profile !== undefined) {
    if (!PROFILE_IDS.includes(top.data.profile))
      throw new ConfigError(
        `${source}: profile: 没有这个规范 (unknown profile "${top.data.profile}"; one of ${PROFILE_IDS.join(', ')})`,
      );
    out.profile = top.data.profile;
  }
  for (const [id, setting] of Object.entries(top.data.rules ?? {})) {
    if (!RULE_IDS.has(id))
      throw new ConfigError(
        `${source}: rules["${id}"]: 没有这条规则 (unknown rule; jixiao rules lists them)`,
      );
    const parsed = settingSchema(id).safeParse(setting);
    if (!parsed.success) {
      const i = deepest(parsed.error.issues);
      const where = `rules["${id}"]${path(i.path).replace(/^(?=[A-Za-z_$])/, '.')}`;
      const why =
        i.code === 'unrecognized_keys'
          ? `没有这个选项 (unknown option: ${i.keys.join(', ')})`
          : i.code === 'invalid_union'
            ? '应为 "error"、"warning"、"info"、"off"，或 [级别, {选项}]'
            : i.message;
      throw new ConfigError(`${source}: ${where}: ${why}`);
    }
    const value = parsed.data;
    const level = typeof value === 'string' ? value : value[0];
    out.rules[id] = level;
    if (Array.isArray(value) && value.length === 2) {
      const options = Object.fromEntries(
        Object.entries(value[1]).filter(([, v]) => v !== undefined),
      ) as RuleOptionValues;
      out.ruleOptions[id] = options;
    }
  }
  return out;
}
