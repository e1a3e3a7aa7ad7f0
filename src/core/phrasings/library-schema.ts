/**
 * The shape of the phrasing library's data (library.json), as zod schemas. The shipped data is held
 * to it by the tests and by the command line's build (scripts/validate-data.js); data from elsewhere
 * (tests, tools) goes through buildLibrary, which validates it first. Kept apart from library.ts so
 * that loading the library — in the pane's chunk, in each command-line process and worker — does not
 * load zod.
 */
import { z } from 'zod';
import { type PhrasingLibrary, libraryFrom } from './library';

/** The kinds of value an indicator can ask for: the value parser's kinds that a template can have. */
export const PhrasingKindSchema = z.enum([
  'percent',
  'count',
  'money',
  'unitPrice',
  'date',
  'duration',
  'qualitative',
]);
export type PhrasingKind = z.infer<typeof PhrasingKindSchema>;

export const SourceSchema = z.enum(['seeds', 'seed-list', 'guidance', 'practice']);

export const EntrySchema = z.object({
  area: z.string().min(1),
  /** The 二级 in the newer framework; the older one follows from `olderLevel2`. */
  level2: z.string().min(1),
  indicator: z.string().min(2).max(40),
  value: z.string().min(1),
  kind: PhrasingKindSchema,
  keywords: z.array(z.string().min(1)).optional(),
  note: z.string().min(2),
  sources: z.array(SourceSchema).min(1),
  /**
   * How a unit says its category does not apply ("不涉及 / 无" for an optional 效益, "无明显负面影响"
   * for a cost borne by society or the environment): offered first on a 不涉及 / 无 row.
   */
  notApplicable: z.boolean().optional(),
});
export type EntryData = z.infer<typeof EntrySchema>;

const CueSchema = z.union([
  z.object({ suffix: z.string().min(1), weight: z.number().positive() }),
  z.object({ contains: z.string().min(1), weight: z.number().positive() }),
]);
export type Cue = z.infer<typeof CueSchema>;

export const LibrarySchema = z.object({
  $comment: z.string().optional(),
  version: z.number().int(),
  olderLevel2: z.record(z.string(), z.string()),
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
  cues: z.record(z.string(), z.array(CueSchema)),
  entries: z.array(EntrySchema).min(1),
});
export type LibraryData = z.infer<typeof LibrarySchema>;

/** For tests and tools: a library from other data, its shape validated, then built as the shipped one. */
export function buildLibrary(data: unknown): PhrasingLibrary {
  return libraryFrom(LibrarySchema.parse(data));
}
