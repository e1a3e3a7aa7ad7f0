/**
 * The schemas of the form's words (vocabulary.json) and the indicator frameworks (frameworks.json).
 * The data ships inside the bundle, so it is validated where it is built and tested: by the tests,
 * and by the command line when it starts. vocabulary.ts reads the data with these types and carries
 * no schema library into the pane's first bundle.
 */
import { z } from 'zod/mini';
import vocabularyData from './data/vocabulary.json';
import frameworksData from './data/frameworks.json';
import profilesData from './data/profiles.json';
import { AMOUNT_LABELS, COLUMN_ROLES, HEADER_FIELDS } from './vocabulary';

const nonEmpty = z.string().check(z.minLength(1));
const names = z.array(nonEmpty).check(z.minLength(1));
/** A rule over a key's word parts: every group of `all` has a word in the key, no `none` word is in it. */
const PartsRule = z.object({
  all: z.array(names).check(z.minLength(1)),
  none: z.optional(z.array(nonEmpty)),
});
export const NearMissSchema = z.object({
  message: nonEmpty,
  titles: names,
  markers: names,
  minMarkers: z.int().check(z.minimum(1)),
  onlyWithoutProjectName: z.optional(z.boolean()),
  /** With a 项目名称-like label (a 支出项目名称 column in a 部门整体 form), this many markers still decide it. */
  minMarkersWithProjectName: z.optional(z.int()),
});

export const VocabularySchema = z.object({
  titles: z.object({
    patterns: names,
    maxLength: z.int(),
    /** How another document's title ends (…申报书, …明细表): a header-only candidate under one is not this form. */
    documentEnds: names,
  }),
  annex: z.object({ words: names, maxLength: z.int() }),
  unitLine: z.object({ prefixes: names, units: z.array(z.enum(['万元', '元'])).check(z.minLength(1)) }),
  yearLine: z.object({ maxLength: z.int() }),
  closing: z.object({
    starts: names,
    contains: names,
    /** Closing labels by their parts: a short key ending with an `ends` word, or matching a rule. */
    parts: z.object({ maxLength: z.int(), ends: names, rules: z.array(PartsRule) }),
  }),
  none: z.object({ words: names }),
  header: z.object(
    Object.fromEntries(HEADER_FIELDS.map((f) => [f, names])) as Record<
      (typeof HEADER_FIELDS)[number],
      typeof names
    >,
  ),
  /** Words of a project-name label that names a program over projects (专项名称 over 项目名称). */
  broadName: names,
  headerParts: z.array(
    z.extend(PartsRule, { field: z.enum([...HEADER_FIELDS, 'parentName', 'weakDepartment', 'other']) }),
  ),
  amounts: z.object({
    ...(Object.fromEntries(AMOUNT_LABELS.map((f) => [f, names])) as Record<
      (typeof AMOUNT_LABELS)[number],
      typeof names
    >),
    truncatedMin: z.int().check(z.minimum(2)),
  }),
  amountParts: z.object({
    money: names,
    none: names,
    request: names,
    terms: z.object({ annual: names, longTerm: names }),
    maxLength: z.int(),
    rules: z.array(z.extend(PartsRule, { label: z.enum(AMOUNT_LABELS) })),
  }),
  indicatorHeader: z.object(
    Object.fromEntries(COLUMN_ROLES.map((f) => [f, names])) as Record<
      (typeof COLUMN_ROLES)[number],
      typeof names
    >,
  ),
  valueParts: z.object({ ends: names, any: names, none: names, prefer: names, avoid: names }),
  qualifiers: z.object({ annual: names, longTerm: names }),
  flatColumns: z.object({ projectName: names, implementer: names, department: names }),
  levelSuffixes: z.object({ targetWord: z.string(), indicatorWord: z.string() }),
  nearMiss: z.object({
    selfEvaluation: NearMissSchema,
    monitoring: NearMissSchema,
    departmentWide: NearMissSchema,
    scoring: NearMissSchema,
    allocation: NearMissSchema,
  }),
});

const Level = z.object({ name: nonEmpty, aliases: z.array(nonEmpty) });

/**
 * A framework's id: a key of frameworks.json `frameworks`. older (88号) and newer (101号) are always
 * there: a table whose names fit both is read as one of them by its sheet, its year or the profile.
 */
export const FrameworkIdSchema = z.enum(Object.keys(frameworksData.frameworks) as [string, ...string[]]);
export type FrameworkId = string;

const FrameworkSchema = z.object({
  label: nonEmpty,
  /** The document or template the framework comes from. */
  source: nonEmpty,
  /** Word parts of level names as this template writes them, where they differ from the others'. */
  spellings: z.optional(names),
  tree: z.record(z.string(), z.array(z.string())),
  requiredLevel1: z.array(z.string()),
  requiredLevel2: z.record(z.string(), z.array(z.string())),
  atLeastOneLevel2: z.array(z.string()),
});
export type Framework = z.infer<typeof FrameworkSchema>;

const CategoriesSchema = z.object({
  output: z.string(),
  costLevel1: z.string(),
  benefit: z.string(),
  satisfactionLevel1: z.string(),
  quantity: z.string(),
  quality: z.string(),
  timeliness: z.string(),
  cost: z.string(),
  economicCost: z.string(),
  newerCosts: z.array(z.string()),
  economicBenefit: z.string(),
  socialBenefit: z.string(),
  ecologicalBenefit: z.string(),
  sustainability: z.string(),
  satisfaction: z.string(),
  optional: z.array(z.string()),
});

export const FrameworksSchema = z
  .object({
    level1: z.array(Level).check(z.minLength(1)),
    level2: z.array(Level).check(z.minLength(1)),
    frameworks: z.record(nonEmpty, FrameworkSchema),
    newerFromYear: z.int(),
    categories: CategoriesSchema,
  })
  .check(
    z.superRefine((d, ctx) => {
      // Every name a framework or a category uses must be a declared level, or lookups would silently fail.
      const l1 = new Set(d.level1.map((l) => l.name));
      const l2 = new Set(d.level2.map((l) => l.name));
      for (const id of ['older', 'newer'])
        if (!d.frameworks[id]) ctx.addIssue({ code: 'custom', message: `frameworks: no ${id}` });
      for (const [id, fw] of Object.entries(d.frameworks)) {
        for (const [parent, children] of Object.entries(fw.tree)) {
          if (!l1.has(parent)) ctx.addIssue({ code: 'custom', message: `${id}: unknown 一级 ${parent}` });
          for (const c of children)
            if (!l2.has(c)) ctx.addIssue({ code: 'custom', message: `${id}: unknown 二级 ${c}` });
        }
        // What a framework requires is in its tree: a requirement outside it could never be met.
        const tree = fw.tree;
        for (const n of [...fw.requiredLevel1, ...fw.atLeastOneLevel2, ...Object.keys(fw.requiredLevel2)])
          if (!tree[n])
            ctx.addIssue({ code: 'custom', message: `${id}: required 一级 ${n} not in its tree` });
        for (const [parent, children] of Object.entries(fw.requiredLevel2))
          for (const c of children)
            if (!tree[parent]?.includes(c))
              ctx.addIssue({ code: 'custom', message: `${id}: required 二级 ${c} not under ${parent}` });
      }
      const c = d.categories;
      for (const n of [c.output, c.costLevel1, c.benefit, c.satisfactionLevel1]) {
        if (!l1.has(n)) ctx.addIssue({ code: 'custom', message: `categories: unknown 一级 ${n}` });
      }
      for (const n of [
        c.quantity,
        c.quality,
        c.timeliness,
        c.cost,
        c.economicCost,
        ...c.newerCosts,
        c.economicBenefit,
        c.socialBenefit,
        c.ecologicalBenefit,
        c.sustainability,
        c.satisfaction,
        ...c.optional,
      ]) {
        if (!l2.has(n)) ctx.addIssue({ code: 'custom', message: `categories: unknown 二级 ${n}` });
      }
    }),
  );

const Requirement = z.enum(['hard', 'required', 'optional']);
const Level2Names = new Set(frameworksData.level2.map((l) => l.name));
export const ProfilesSchema = z
  .object({
    default: nonEmpty,
    tags: z.record(nonEmpty, Requirement),
    profiles: z
      .array(
        z.object({
          id: nonEmpty,
          undecidedFramework: z.enum(['byYear', 'older', 'newer']),
          /** The framework every table is judged against under this profile, whatever its names show. */
          framework: z.optional(FrameworkIdSchema),
          requirements: z.record(nonEmpty, Requirement),
          rules: z.record(nonEmpty, z.enum(['error', 'warning', 'info', 'off'])),
        }),
      )
      .check(z.minLength(1)),
  })
  .check(
    z.superRefine((d, ctx) => {
      const ids = d.profiles.map((p) => p.id);
      if (!ids.includes(d.default))
        ctx.addIssue({ code: 'custom', message: `default: no profile ${d.default}` });
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', message: 'profiles: an id twice' });
      for (const p of d.profiles)
        for (const name of Object.keys(p.requirements))
          if (!Level2Names.has(name))
            ctx.addIssue({ code: 'custom', message: `${p.id}: unknown 二级 ${name}` });
    }),
  );

export type Vocabulary = z.infer<typeof VocabularySchema>;
export type FrameworkData = z.infer<typeof FrameworksSchema>;
export type NearMissVocabulary = z.infer<typeof NearMissSchema>;
export type ProfileData = z.infer<typeof ProfilesSchema>;
export type Profile = ProfileData['profiles'][number];
export type Requirement = z.infer<typeof Requirement>;

/** Validates the shipped data; throws with zod's account of what is wrong. */
export function validateVocabulary(): void {
  VocabularySchema.parse(vocabularyData);
  FrameworksSchema.parse(frameworksData);
  ProfilesSchema.parse(profilesData);
}
