/**
 * Whether a candidate is a target table or a near-miss: a 绩效自评表 (执行数, 得分, 实际完成值), a
 * 部门整体支出绩效目标表 (the unit as a whole, no project), an evaluation scoring table (评分标准),
 * or a fund allocation list. A near-miss is reported in one line and never checked. The words are
 * in vocabulary.json (nearMiss).
 */
import { type EngineLocale, explainWords } from '../locales';
import type { CellSource } from '../sheet';
import { NEAR_MISS_KINDS, type NearMissKind, nearMissInfo } from '../vocabulary';
import { cls } from './classify';

export interface Verdict {
  kind: NearMissKind;
  message: string;
  /** The words that decided it, for --explain. */
  evidence: string[];
}

/**
 * Reads the header part of a candidate, rows [top, bottom] (down to the indicator header and a
 * sub-header under it; never the indicators, whose own words can say 分配 or 得分), for near-miss
 * titles and markers. A title is a cell alone on its row, not a sentence. `hasProjectName`: the
 * candidate has a 项目名称 label (a 部门整体 form has none).
 */
export function nearMissVerdict(
  src: CellSource,
  top: number,
  bottom: number,
  hasProjectName: boolean,
  /** The locale of the evidence (what --explain prints). */
  locale: EngineLocale = 'zh-CN',
): Verdict | null {
  const markers = new Map<NearMissKind, Set<string>>();
  const titles = new Map<NearMissKind, string>();
  for (let r = top; r <= bottom; r++) {
    const cells = src.cells(r);
    for (const cell of cells) {
      const c = cls(cell);
      if (
        c.nearMissTitle &&
        !titles.has(c.nearMissTitle) &&
        cells.length === 1 &&
        !/[，。；,;]/.test(cell.text)
      ) {
        // A target title that names an allocation ("资金分配绩效目标表") is still a target title.
        if (!(c.nearMissTitle === 'allocation' && c.title)) titles.set(c.nearMissTitle, cell.text);
      }
      for (const m of c.markers ?? []) {
        let set = markers.get(m.kind);
        if (!set) markers.set(m.kind, (set = new Set()));
        set.add(m.marker);
      }
    }
  }
  for (const kind of NEAR_MISS_KINDS) {
    const info = nearMissInfo(kind);
    const title = titles.get(kind);
    const found = markers.get(kind) ?? new Set<string>();
    if (
      info.onlyWithoutProjectName &&
      hasProjectName &&
      !title &&
      found.size < (info.minMarkersWithProjectName ?? Infinity)
    )
      continue;
    if (title || found.size >= info.minMarkers) {
      return {
        kind,
        message: info.message,
        evidence: [
          ...(title ? [explainWords(locale, 'title', { title })] : []),
          ...[...found].map((text) => explainWords(locale, 'quoted', { text })),
        ],
      };
    }
  }
  return null;
}
