/**
 * Profiles (data/profiles.json): which rulebook a table is checked against — 101号 (the default),
 * 88号, or 宁夏 with its 必填硬性/必填/选填 tags. A profile sets rule levels (below a reviewer's own
 * configuration), how a table whose cost indicators do not show its framework is read, and which
 * 二级 are required; rules that depend on it read it from their context.
 */
import profilesJson from './data/profiles.json';
import type { Profile, ProfileData, Requirement } from './vocabulary-schema';
import { TRAILING_LEVEL_TAG, cleanText } from './text';

export type { Profile, Requirement } from './vocabulary-schema';

// Validated by ProfilesSchema in the tests and at the command line's start, as the vocabulary is.
const data = profilesJson as unknown as ProfileData;

export const profiles: readonly Profile[] = data.profiles;
export const DEFAULT_PROFILE = data.default;

/** The profile of that id, or the default one (an unknown id is the configuration's error to report). */
export function profileById(id: string | undefined): Profile {
  return profiles.find((p) => p.id === id) ?? profiles.find((p) => p.id === DEFAULT_PROFILE)!;
}

/** The requirement a 二级 cell states with its own tag ("社会效益指标（必填）"), if it has one. */
export function tagRequirement(written: string): Requirement | null {
  const m = TRAILING_LEVEL_TAG.exec(cleanText(written));
  if (!m) return null;
  const word = m[0].replace(/[\s()（）]/g, '');
  return data.tags[word] ?? null;
}

const STRENGTH: Record<Requirement, number> = { optional: 0, required: 1, hard: 2 };

/** The stricter of two requirements. */
export function stricter(a: Requirement | null, b: Requirement | null): Requirement | null {
  if (!a) return b;
  if (!b) return a;
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}
