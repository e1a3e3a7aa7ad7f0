/**
 * Variants of real forms that a reviewer would still call the same form, for the recognition
 * property test (test/variants.test.ts). Each transform takes a sheet and keeps every table's model
 * (project name, total, framework, indicator rows and their values) as it was; the test checks
 * that recognition agrees.
 *
 * The space drawn from (one to four transforms per variant, in random order, then perhaps a second
 * form beside or below):
 * - synonyms: labels swapped for other provinces' words (项目名称 → 项目支出名称 or 专项名称, 三级指标 → 具体指标
 *   (a word read by its place), 一级指标 → 一级 or 指标类型 and 二级指标 → 指标类别 (words read by what is under
 *   them), 实施单位 → 申报单位, 主管部门 → 项目主管部门,
 *   年度资金总额 → 当年资金总额, 指标值 → 绩效值, 数量指标 → 数量目标, …);
 * - spaced: labels and column headers spaced out ("项 目 名 称");
 * - extra column: 备注, 分值, 权重 or 指标解释 added after the indicator table's last column;
 * - split value: the value split into 指标性质 | 指标值 | 计量单位 ("≥" | 95 | "%");
 * - two-row header: 指标值 over 上年实际值 | 本年目标值, last year's figure beside this year's target;
 * - header above: 绩效指标 on a row over 一级 | 二级 | 三级, with 指标值 (and the other headers right of the
 *   三级) moved up into that row, merged down over both rows or not;
 * - repeated header: the indicator header row again inside the block (a page break of a printed form
 *   pasted back), perhaps after a blank row;
 * - closing block: 填报人 / 联系电话 / 单位负责人（签字）/ 年 月 日 / 注： / 审核意见（盖章） under a table;
 * - closing label: a closing label read by its word parts (其他需说明的问题, 财政部门意见, 需要说明的其他
 *   事项) right under the indicator block, with no blank row before it or one;
 * - cut word: the source cut off under the block, a lone word cut short in a level column ("效" of
 *   效益指标, "主管" of 主管部门审核意见) on the row under the last indicator: no indicator;
 * - glued: header label and value in one cell ("项目名称：…", "年度资金总额：34", or on two lines of the cell);
 * - numbers as text: numbers stored as text, some in full-width digits;
 * - no title: title lines removed (not where the project name lives in the title);
 * - numbered: 一级 and 二级 names numbered ("1.产出指标", "（一）数量指标", "一、效益指标");
 * - marked: labels and column headers with a required-field mark ("*项目名称", "★一级指标");
 * - outline: each 一级 on a row of its own above the rows of its group;
 * - contact line: 项目负责人 | 张三 | 联系电话 | 139… among the header fields, under the 项目名称 row;
 * - bare flat words: a flat export's project columns headed 单位 | 项目 | 部门 instead of 单位名称 | 项目名称;
 * - one column: a header label and its value, alone on their row, put on two lines, the value under the label;
 * - filled down: the 一级 typed on every row of its group instead of merged, the 二级 left as it was;
 * - term blocks: a 中期 indicator table stacked over or under the 年度 one, each under a heading
 *   (中期绩效指标 | 年度绩效指标), the 中期 values different;
 * - glued value: no value column, each value typed after its 三级 ("培训人数：≥100人") under a header
 *   that names both (三级指标及指标值);
 * - no merges: merged areas dropped, as Excel 2016/2019 reports none;
 * - beside / below: another real form placed one empty column to the right, or two blank rows below.
 *   (With no empty column between, forms are read apart only when both have an indicator header and
 *   the left one ends where its indicator header ends: not a property every pair has.)
 */
import type { CellValue, Grid, MergeArea } from '../../src/core/grid';
import { filledIndicators, type Table } from '../../src/core/model';
import { classify } from '../../src/core/recognize/classify';
import { foldText, labelKey } from '../../src/core/text';

export { rng } from '../../bench/generate';

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** A sheet that transforms can change: values, display texts and merges, origin at A1. */
export class MutableSheet {
  values: CellValue[][];
  texts: (string | null | undefined)[][];
  merges: MergeArea[];

  constructor(
    readonly name: string,
    values: CellValue[][],
    texts: (string | null | undefined)[][],
    merges: MergeArea[],
  ) {
    this.values = values;
    this.texts = texts;
    this.merges = merges;
  }

  static from(g: Grid): MutableSheet {
    const oRow = g.origin?.row ?? 0;
    const oCol = g.origin?.col ?? 0;
    const values: CellValue[][] = [];
    const texts: (string | null | undefined)[][] = [];
    g.values.forEach((row, r) => {
      values[r + oRow] = [];
      texts[r + oRow] = [];
      (row ?? []).forEach((v, c) => {
        values[r + oRow][c + oCol] = v;
        texts[r + oRow][c + oCol] = g.texts?.[r]?.[c];
      });
    });
    return new MutableSheet(
      g.sheet,
      values,
      texts,
      (g.merges ?? []).map((m) => ({ ...m })),
    );
  }

  toGrid(): Grid {
    const h = this.values.length;
    const values: CellValue[][] = [];
    const texts: (string | null | undefined)[][] = [];
    for (let r = 0; r < h; r++) {
      values[r] = Array.from(this.values[r] ?? [], (v) => v ?? null);
      texts[r] = Array.from(this.texts[r] ?? [], (v) => v ?? null);
    }
    return { sheet: this.name, values, texts, merges: this.merges.map((m) => ({ ...m })) };
  }

  get height(): number {
    return this.values.length;
  }

  get width(): number {
    let w = 0;
    for (const row of this.values)
      if (row)
        for (let c = row.length - 1; c >= 0; c--)
          if (row[c] !== null && row[c] !== undefined && row[c] !== '') {
            w = Math.max(w, c + 1);
            break;
          }
    for (const m of this.merges) w = Math.max(w, m.right + 1);
    return w;
  }

  get(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? null;
  }

  text(r: number, c: number): string {
    const v = this.get(r, c);
    return this.texts[r]?.[c] ?? (v === null ? '' : typeof v === 'object' ? v.error : String(v));
  }

  set(r: number, c: number, v: CellValue, text?: string | null): void {
    (this.values[r] ??= [])[c] = v;
    (this.texts[r] ??= [])[c] = text ?? null;
  }

  /** Inserts `n` empty rows before row `at`: everything from `at` down moves down. */
  insertRows(at: number, n: number): void {
    this.values.splice(at, 0, ...Array.from({ length: n }, () => []));
    this.texts.splice(at, 0, ...Array.from({ length: n }, () => []));
    for (const m of this.merges) {
      if (m.top >= at) {
        m.top += n;
        m.bottom += n;
      } else if (m.bottom >= at) m.bottom += n;
    }
  }

  /** Inserts `n` empty columns before column `at`, in rows [from, to] only (the indicator table's rows). */
  insertColumns(at: number, n: number, from: number, to: number): void {
    for (let r = from; r <= to; r++) {
      const row = this.values[r];
      if (!row || row.length <= at) continue;
      row.splice(at, 0, ...Array<CellValue>(n).fill(null));
      (this.texts[r] ??= []).splice(at, 0, ...Array<null>(n).fill(null));
    }
    this.merges = this.merges.filter((m) => {
      if (m.bottom < from || m.top > to) return true;
      if (m.right < at) return m.bottom <= to && m.top >= from ? true : m.right < at;
      if (m.left >= at && m.top >= from && m.bottom <= to) {
        m.left += n;
        m.right += n;
        return true;
      }
      return false; // crosses the insertion or the rows' edge: a hint lost, as in a hand-edited sheet
    });
  }

  /** Places another sheet's cells with their top-left at (row, col). */
  place(other: MutableSheet, row: number, col: number): void {
    other.values.forEach((vals, r) => {
      (vals ?? []).forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '')
          this.set(r + row, c + col, v, other.texts[r]?.[c] ?? null);
      });
    });
    for (const m of other.merges)
      this.merges.push({
        top: m.top + row,
        bottom: m.bottom + row,
        left: m.left + col,
        right: m.right + col,
      });
  }
}

/** What must not change: a table as a reviewer reads it. */
export interface TableModel {
  name: string | null;
  total: number | null;
  /** Only where the table's cost indicators decide it (else it follows the sheet's other tables). */
  framework: string | null;
  indicators: (string | null)[][];
}

const norm = (s: string | null | undefined) =>
  s === null || s === undefined ? null : foldText(s).replace(/\s+/g, '');

export function modelOf(t: Table): TableModel {
  return {
    name: t.projectName,
    total: (t.amounts.total ?? t.amounts.annual)?.value ?? null,
    framework:
      t.frameworkBasis === 'cost-as-level1' || t.frameworkBasis === 'cost-under-output' ? t.framework : null,
    indicators: filledIndicators(t).map((i) => [
      i.level1?.name ?? null,
      i.level2?.name ?? null,
      norm(i.name?.text),
      norm(i.value?.text),
    ]),
  };
}

const SYNONYMS: Record<string, string[]> = {
  项目名称: ['项目支出名称', '二级项目名称', '专项名称', '专项资金名称'],
  主管部门: ['项目主管部门', '主管部门(单位)', '业务主管部门', '区级主管部门'],
  实施单位: ['项目实施单位', '执行单位', '项目执行单位', '实施单位（盖章）', '项目单位', '申报单位'],
  项目属性: ['项目类型'],
  项目期: ['项目期限', '实施期限'],
  项目期限: ['项目期', '项目周期'],
  年度资金总额: ['当年资金总额', '年度预算资金总额', '本年度资金总额'],
  '年度资金总额:': ['当年资金总额:', '年度预算资金总额：'],
  '其中：年度资金总额': ['其中：当年资金总额', '其中：年度预算资金总额'],
  项目总额: ['项目总金额', '项目资金总额', '项目总预算'],
  一级指标: ['一级绩效指标', '一级指标名称', '一级', '指标类型'],
  二级指标: ['二级绩效指标', '二级', '指标类别', '分类'],
  三级指标: ['三级绩效指标', '指标名称', '指标内容', '三级指标名称', '三级', '具体指标'],
  指标值: ['绩效值', '年度指标值', '指标值(目标值)', '目标值', '指标值（定量/定性）', '预期目标值'],
  年度总体绩效目标: ['年度绩效目标', '总体绩效目标', '年度总体目标'],
  年度总体目标: ['年度总体绩效目标', '年度绩效目标'],
  '其中：财政拨款': ['其中：财政资金'],
  其他资金: ['其它资金'],
  数量指标: ['数量目标'],
  质量指标: ['质量目标'],
  时效指标: ['时效目标'],
  产出指标: ['产出目标'],
  效益指标: ['效益目标'],
};

/** Words cut short where a source ends: the start of a level name, a header label or a closing word, none a word itself. */
const CUT_WORDS = ['效', '满', '满意', '产', '成', '可持', '经济', '主管', '填'];

export type Transform = (s: MutableSheet, tables: Table[], r: () => number) => boolean;

/** Rewrites cells one by one: `rewrite` returns the new value, or undefined to leave the cell. True when any changed. */
function rewriteCells(
  s: MutableSheet,
  rewrite: (v: CellValue, row: number, col: number) => CellValue | undefined,
): boolean {
  let changed = false;
  s.values.forEach((row, ri) =>
    (row ?? []).forEach((v, c) => {
      const next = rewrite(v, ri, c);
      if (next === undefined) return;
      s.set(ri, c, next);
      changed = true;
    }),
  );
  return changed;
}

const rowOf = (a1: string) => Number(/(\d+)$/.exec(a1)![1]) - 1;
const colOf = (a1: string) => {
  let n = 0;
  for (const ch of /^([A-Z]+)/.exec(a1)![1]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
};

/**
 * Tables whose indicator block is an ordinary grid: a value column, nothing wrapped, split or per
 * region, and a header on one row (a transform that moves header cells does not stack on another).
 */
function plainBlocks(s: MutableSheet, tables: Table[]): Table[] {
  return tables.filter(
    (t) =>
      t.source === 'form' &&
      !headerRowAbove(s, t) &&
      !headerRowInside(s, t) &&
      // Not twice over: a table that already has a sub-header row under 指标值 keeps it.
      t.indicators[0]?.row === t.indicatorHeaderRow + 1 &&
      t.hasIndicatorBlock &&
      t.columns.value !== null &&
      t.indicators.every(
        (i) =>
          !i.wrapped &&
          !i.valueParts &&
          !i.regionValues &&
          (!i.value || colOf(i.value.cell) === t.columns.value),
      ),
  );
}

/** One table with an ordinary indicator grid, drawn at random: its value column and the rows that have a value. */
function pickPlainBlock(
  s: MutableSheet,
  tables: Table[],
  r: () => number,
): { t: Table; col: number; rows: number[] } | null {
  const ts = plainBlocks(s, tables);
  if (!ts.length) return null;
  const t = pick(r, ts);
  return { t, col: t.columns.value!, rows: t.indicators.filter((i) => i.value).map((i) => i.row) };
}

/** Whether the row above a table's indicator header is a header row too (only column words). */
function headerRowAbove(s: MutableSheet, t: Table): boolean {
  const row = (s.values[t.indicatorHeaderRow - 1] ?? []).filter((v) => v !== null && v !== undefined);
  return row.length > 0 && row.every((v) => typeof v === 'string' && classify(v).column);
}

/** Whether the indicator header row comes again inside the block (a repeated header). */
function headerRowInside(s: MutableSheet, t: Table): boolean {
  const words = (r: number) =>
    JSON.stringify((s.values[r] ?? []).filter((v) => v !== null && v !== undefined));
  const header = words(t.indicatorHeaderRow);
  for (let r = t.indicatorHeaderRow + 1; r <= t.bottom; r++) {
    // The same row again (its level columns may be named by what is under them: 指标类型 | 指标类别).
    if (words(r) === header) return true;
    const roles = (s.values[r] ?? []).map((v) =>
      typeof v === 'string' ? classify(v).column?.role : undefined,
    );
    if (roles.includes('level1') && roles.filter(Boolean).length >= 3) return true;
  }
  return false;
}

function tableRight(s: MutableSheet, t: Table): number {
  let right = colOf(t.range.split(':')[1] ?? t.range);
  for (let r = t.indicatorHeaderRow; r <= t.bottom; r++)
    right = Math.max(right, (s.values[r]?.length ?? 0) - 1);
  return right;
}

/** The amount label on a figure's left in its row (its own cell, not a label with the value after a colon). */
function labelLeftOf(
  s: MutableSheet,
  row: number,
  col: number,
): { text: string; row: number; col: number } | null {
  for (let c = col - 1; c >= 0; c--) {
    const v = s.get(row, c);
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string') return null;
    const l = classify(v).label;
    return l?.kind === 'amount' && !l.inline && ['total', 'annual', 'groupTotal'].includes(l.label)
      ? { text: v, row, col: c }
      : null;
  }
  return null;
}

export const TRANSFORMS: Record<string, Transform> = {
  synonyms(s, _t, r) {
    // One wording a sheet: a clerk's form, and a header row repeated in it, says the same word each time.
    const chosen = new Map<string, string | undefined>();
    return rewriteCells(s, (v) => {
      if (typeof v !== 'string') return undefined;
      const key = v.trim();
      if (!chosen.has(key)) {
        const options = SYNONYMS[key];
        chosen.set(key, options && r() < 0.6 ? pick(r, options) : undefined);
      }
      return chosen.get(key);
    });
  },

  spaced(s, _t, r) {
    return rewriteCells(s, (v) => {
      if (typeof v !== 'string' || v.length < 2 || v.length > 6 || r() < 0.5) return undefined;
      const k = classify(v);
      const label = k.label?.kind === 'header' && k.label.field !== 'other' && !k.label.inline;
      return label || k.column ? [...v].join(' ') : undefined;
    });
  },

  extraColumn(s, tables, r) {
    const picked = pickPlainBlock(s, tables, r);
    if (!picked) return false;
    const { t } = picked;
    const at = tableRight(s, t) + 1;
    s.insertColumns(at, 1, t.indicatorHeaderRow, t.bottom);
    const kind = pick(r, ['备注', '分值', '权重', '指标解释'] as const);
    s.set(t.indicatorHeaderRow, at, kind);
    for (const ind of t.indicators) {
      if (r() < 0.3) continue;
      s.set(
        ind.row,
        at,
        kind === '备注'
          ? pick(r, ['', '按合同执行', '问卷调查']) || null
          : kind === '指标解释'
            ? '反映项目实施情况'
            : Math.floor(r() * 20) + 1,
      );
    }
    return true;
  },

  splitValue(s, tables, r) {
    const picked = pickPlainBlock(s, tables, r);
    if (!picked) return false;
    const { t, col, rows } = picked;
    // 指标性质 | 指标值 | 计量单位 where 指标值 was: the value stays at `col`, then is split.
    s.insertColumns(col + 1, 2, t.indicatorHeaderRow, t.bottom);
    const header = s.get(t.indicatorHeaderRow, col);
    s.set(t.indicatorHeaderRow, col, pick(r, ['指标性质', '指标方向']));
    s.set(t.indicatorHeaderRow, col + 1, header);
    s.set(t.indicatorHeaderRow, col + 2, pick(r, ['计量单位', '度量单位']));
    for (const row of rows) {
      const text = s.text(row, col);
      const raw = s.get(row, col);
      const display = s.texts[row]?.[col] ?? null;
      const m = /^(>=|<=|≥|≤|>|<|=)?(\d+(?:\.\d+)?)(%|[\u4e00-\u9fff]{1,3})$/.exec(
        foldText(text).replace(/\s+/g, ''),
      );
      if (m && !/^(?:年|月|日|天)/.test(m[3])) {
        s.set(row, col, m[1] ?? (r() < 0.5 ? '定量' : null));
        s.set(row, col + 1, r() < 0.5 && String(Number(m[2])) === m[2] ? Number(m[2]) : m[2]);
        s.set(row, col + 2, m[3]);
      } else {
        s.set(row, col, typeof raw === 'string' && !/\d/.test(raw) ? '定性' : null);
        s.set(row, col + 1, raw, display);
      }
    }
    return true;
  },

  twoRowHeader(s, tables, r) {
    const picked = pickPlainBlock(s, tables, r);
    if (!picked) return false;
    const { t, col, rows } = picked;
    s.insertColumns(col, 1, t.indicatorHeaderRow, t.bottom);
    s.merges = s.merges.filter((m) => m.bottom < t.indicatorHeaderRow || m.top > t.bottom || m.right < col);
    // The header 指标值 moved to col + 1: put it back over both columns.
    s.set(t.indicatorHeaderRow, col, s.get(t.indicatorHeaderRow, col + 1));
    s.set(t.indicatorHeaderRow, col + 1, null);
    for (const row of rows)
      s.set(row, col, r() < 0.7 ? pick(r, ['100%', '≥90%', '1项', '2025年底前', '']) || null : null);
    s.insertRows(t.indicatorHeaderRow + 1, 1);
    s.set(t.indicatorHeaderRow + 1, col, pick(r, ['上年实际值', '2025年实际完成值', '上年完成值']));
    s.set(t.indicatorHeaderRow + 1, col + 1, pick(r, ['本年目标值', '预期2026年实现值', '年度目标值']));
    if (r() < 0.5)
      s.merges.push({ top: t.indicatorHeaderRow, bottom: t.indicatorHeaderRow, left: col, right: col + 1 });
    return true;
  },

  headerAbove(s, tables, r) {
    // 绩效指标 over 一级 | 二级 | 三级 on a row of its own, the headers right of the 三级 (指标值, 备注…)
    // moved up into that row, reaching down over both (merged, or not: Excel 2016 reports no merges).
    const candidates = plainBlocks(s, tables).filter((t) => {
      if (t.columns.lead !== null || t.columns.level1 === null || t.columns.name === null) return false;
      const row = s.values[t.indicatorHeaderRow] ?? [];
      const right = row.map((v, c) => ({ v, c })).filter(({ v, c }) => c > t.columns.name! && v !== null);
      return right.length > 0 && right.every(({ v }) => typeof v === 'string' && classify(v).column);
    });
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const at = t.indicatorHeaderRow;
    const level1 = t.columns.level1!;
    const name = t.columns.name!;
    const row = s.values[at] ?? [];
    const moved = row.map((_, c) => c).filter((c) => c > name && row[c] !== null);
    s.merges = s.merges.filter((m) => m.bottom < at || m.top > at);
    s.insertRows(at, 1);
    s.set(at, level1, pick(r, ['绩效指标', '绩 效 指 标']));
    for (const c of moved) {
      s.set(at, c, s.get(at + 1, c), s.texts[at + 1]?.[c]);
      s.set(at + 1, c, null);
    }
    if (r() < 0.5) {
      s.merges.push({ top: at, bottom: at, left: level1, right: name });
      for (const c of moved) s.merges.push({ top: at, bottom: at + 1, left: c, right: c });
    }
    return true;
  },

  repeatedHeader(s, tables, r) {
    // The indicator header row again inside the block, as a page break of a printed form leaves it
    // when pasted back into Excel, perhaps after a blank row; merged level cells split at the break.
    const candidates = plainBlocks(s, tables).filter((t) => filledIndicators(t).length >= 3);
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const rows = filledIndicators(t).map((i) => i.row);
    const at = pick(r, rows.slice(1));
    const header = [...(s.values[t.indicatorHeaderRow] ?? [])];
    const texts = [...(s.texts[t.indicatorHeaderRow] ?? [])];
    const blank = r() < 0.3 ? 1 : 0;
    s.merges = s.merges.filter((m) => m.bottom < t.indicatorHeaderRow + 1 || m.top > t.bottom);
    s.insertRows(at, 1 + blank);
    header.forEach((v, c) => s.set(at + blank, c, v, texts[c]));
    return true;
  },

  closingBlock(s, tables, r) {
    const ts = tables.filter((t) => t.source === 'form');
    if (!ts.length) return false;
    const t = pick(r, ts);
    const left = colOf(t.range);
    const lines = [
      ['填报人：张三', '联系电话：0951-1234567'],
      ['单位负责人（签字）：', '年  月  日'],
      ['注：本表金额单位为万元。'],
      ['财政部门审核意见（盖章）'],
      ['填表说明：指标值应可衡量。'],
    ];
    const n = 1 + Math.floor(r() * 3);
    s.insertRows(t.bottom + 1, n);
    for (let i = 0; i < n; i++) {
      const line = pick(r, lines);
      line.forEach((text, k) => s.set(t.bottom + 1 + i, left + k * 2, text));
    }
    return true;
  },

  closingLabel(s, tables, r) {
    const ts = tables.filter((t) => t.source === 'form' && t.hasIndicatorBlock);
    if (!ts.length) return false;
    const t = pick(r, ts);
    const left = colOf(t.range);
    const lines = [
      ['其他需说明的问题', '无'],
      ['其他需要说明的事项'],
      ['需要说明的其他问题', '无'],
      ['财政部门意见', '同意'],
      ['主管部门意见'],
    ];
    const blank = r() < 0.3 ? 1 : 0;
    const n = 1 + Math.floor(r() * 2);
    s.insertRows(t.bottom + 1, blank + n);
    for (let i = 0; i < n; i++)
      pick(r, lines).forEach((text, k) => s.set(t.bottom + 1 + blank + i, left + k * 2, text));
    return true;
  },

  cutWord(s, tables, r) {
    const ts = tables.filter(
      (t) =>
        t.source === 'form' &&
        t.hasIndicatorBlock &&
        (t.columns.level1 ?? t.columns.lead ?? t.columns.level2) !== null,
    );
    if (!ts.length) return false;
    const t = pick(r, ts);
    s.insertRows(t.bottom + 1, 1);
    s.set(t.bottom + 1, t.columns.level1 ?? t.columns.lead ?? t.columns.level2!, pick(r, CUT_WORDS));
    return true;
  },

  glued(s, tables, r) {
    let changed = false;
    for (const t of tables) {
      if (t.source !== 'form') continue;
      for (const f of [t.header.projectName, t.header.department, t.header.implementer]) {
        if (!f || !f.text || r() < 0.5) continue;
        const [lr, lc, vr, vc] = [rowOf(f.labelCell), colOf(f.labelCell), rowOf(f.cell), colOf(f.cell)];
        if (lr !== vr || vc <= lc) continue;
        s.set(lr, lc, `${s.text(lr, lc)}${pick(r, ['：', ':', ': ', '\n'])}${f.text}`);
        s.set(vr, vc, null);
        changed = true;
      }
      const a = t.amounts.annual;
      if (a && r() < 0.5) {
        const [vr, vc] = [rowOf(a.cell), colOf(a.cell)];
        if (classify(s.text(vr, vc)).label || /[\n:：]/.test(s.text(vr, vc))) continue; // glued already
        const row = s.values[vr] ?? [];
        let lc = vc - 1;
        while (lc >= 0 && (row[lc] === null || row[lc] === undefined)) lc--;
        const left = lc >= 0 && typeof row[lc] === 'string' ? classify(row[lc] as string).label : null;
        // Only a plain "年度资金总额 | 34" pair: not a label already glued, not a group label ("项目资金(万元)").
        if (
          !left ||
          left.kind !== 'amount' ||
          left.inline ||
          !['annual', 'total', 'groupTotal'].includes(left.label)
        )
          continue;
        s.set(vr, lc, `${String(row[lc]).replace(/[:：]\s*$/, '')}${pick(r, ['：', '\n'])}${s.text(vr, vc)}`);
        s.set(vr, vc, null);
        changed = true;
      }
    }
    return changed;
  },

  numbersAsText(s, _t, r) {
    return rewriteCells(s, (v, ri, c) => {
      if (typeof v !== 'number' || s.texts[ri]?.[c]) return undefined;
      const text = String(v);
      return r() < 0.3 ? text.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : text;
    });
  },

  noTitle(s, tables) {
    // A form whose reading rests on its title: named by it, or a fragment (a title, a 项目名称, a field).
    if (tables.some((t) => t.projectNameSource === 'title' || (!t.hasIndicatorBlock && !t.goal)))
      return false;
    return rewriteCells(s, (v) =>
      typeof v === 'string' && classify(v).title && labelKey(v).length > 4 ? null : undefined,
    );
  },

  numbered(s, tables, r) {
    // 一级 and 二级 cells numbered as some provinces write them: "1.产出指标", "（一）数量指标".
    const style = pick(r, [
      (i: number, n: string) => `${i}.${n}`,
      (i: number, n: string) => `（${'一二三四五六七八九十'[(i - 1) % 10]}）${n}`,
      (i: number, n: string) => `${'一二三四五六七八九十'[(i - 1) % 10]}、${n}`,
    ]);
    const cells = new Set<string>();
    for (const t of tables)
      for (const ind of t.indicators)
        for (const l of [ind.level1, ind.level2]) if (l?.name) cells.add(l.cell);
    let i = 0;
    for (const cell of cells) {
      const [row, col] = [rowOf(cell), colOf(cell)];
      const v = s.get(row, col);
      if (typeof v !== 'string' || /^[\d（一二三四五六七八九十]/.test(v)) continue;
      s.set(row, col, style(++i, v));
    }
    return i > 0;
  },

  marked(s, tables, r) {
    // Required fields marked as some templates mark them: "*项目名称", "★一级指标" — in the header
    // block and on the indicator header row, not in the indicator rows.
    const mark = pick(r, ['*', '★', '＊']);
    const rows = new Set<number>();
    for (const t of tables) for (let row = t.top; row <= t.indicatorHeaderRow; row++) rows.add(row);
    return rewriteCells(s, (v, row) => {
      if (!rows.has(row) || typeof v !== 'string' || v.length > 12 || r() < 0.5) return undefined;
      const k = classify(v);
      const label = k.label?.kind === 'header' && k.label.field !== 'other' && !k.label.inline;
      const column = k.column && ['level1', 'level2', 'name', 'value'].includes(k.column.role);
      return label || column ? `${mark}${v}` : undefined;
    });
  },

  outline(s, tables, r) {
    // An outline layout: each 一级 on a row of its own above its group ("一、产出指标" over the rows
    // that carry it on), merged level cells of the block split.
    const candidates = plainBlocks(s, tables).filter(
      (t) =>
        t.columns.level1 !== null &&
        t.indicators.every((i) => !i.level1 || colOf(i.level1.cell) === t.columns.level1),
    );
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const starts = t.indicators.filter((i) => i.level1 && rowOf(i.level1.cell) === i.row);
    if (!starts.length) return false;
    s.merges = s.merges.filter((m) => m.bottom < t.indicatorHeaderRow + 1 || m.top > t.bottom);
    for (const ind of [...starts].reverse()) {
      const col = t.columns.level1!;
      const v = s.get(ind.row, col);
      const text = s.texts[ind.row]?.[col];
      s.set(ind.row, col, null);
      s.insertRows(ind.row, 1);
      s.set(ind.row, col, v, text);
    }
    return true;
  },

  contactLine(s, tables, r) {
    // A contact line among the header fields, as forms that ask for one put it: 项目负责人 | 张三 |
    // 联系电话 | 139…, on a row of its own under the 项目名称 row.
    const candidates = tables.filter((t) => {
      const f = t.header.projectName;
      return (
        t.source === 'form' &&
        f?.text &&
        rowOf(f.labelCell) === rowOf(f.cell) &&
        rowOf(f.cell) < t.indicatorHeaderRow - 1
      );
    });
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const f = t.header.projectName!;
    const at = rowOf(f.cell) + 1;
    const left = colOf(f.labelCell);
    const right = colOf(t.range.split(':')[1] ?? t.range);
    s.insertRows(at, 1);
    const cells = [pick(r, ['项目负责人', '项目联系人', '联系人']), '张三', '联系电话', '13900000000'];
    // Four cells where the form is wide enough, else the name and the telephone only.
    if (right - left >= 3) cells.forEach((v, k) => s.set(at, left + k, v));
    else [cells[0], '张三 13900000000'].forEach((v, k) => s.set(at, left + k, v));
    return true;
  },

  gluedValue(s, tables, r) {
    // A form with no value column: each value typed after its 三级 ("培训人数：≥100人") under a header
    // that names both (三级指标及指标值). Only where nothing is right of the value column.
    const candidates = plainBlocks(s, tables).filter((t) => {
      const col = t.columns.value!;
      const name = t.columns.name;
      if (name === null || name >= col) return false;
      // The only value column (a 长期/年度 grid has one for each half).
      const header = s.values[t.indicatorHeaderRow] ?? [];
      if (header.some((v, c) => c !== col && typeof v === 'string' && classify(v).column?.role === 'value'))
        return false;
      for (let row = t.indicatorHeaderRow; row <= t.bottom; row++) {
        const cells = s.values[row] ?? [];
        for (let c = col + 1; c < cells.length; c++)
          if (cells[c] !== null && cells[c] !== undefined) return false;
        for (let c = name + 1; c < col; c++) if (cells[c] !== null && cells[c] !== undefined) return false;
      }
      return t.indicators.every((i) => {
        const text = i.name ? s.text(i.row, name) : '';
        // A name that would part by itself, or an empty name with a value, cannot be told apart.
        return !/[:：≥≤＞＜><=≧≦＝]|(?:19|20)\d\d年/.test(text) && (!!text || !i.value);
      });
    });
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const col = t.columns.value!;
    const name = t.columns.name!;
    s.merges = s.merges.filter((m) => m.bottom < t.indicatorHeaderRow || m.top > t.bottom || m.right < col);
    s.set(
      t.indicatorHeaderRow,
      name,
      pick(r, ['三级指标及指标值', '指标名称及指标值', '三级指标（含指标值）']),
    );
    s.set(t.indicatorHeaderRow, col, null);
    for (const i of t.indicators) {
      const value = s.text(i.row, col);
      if (i.value && value) s.set(i.row, name, `${s.text(i.row, name)}${pick(r, ['：', ':'])}${value}`);
      s.set(i.row, col, null);
    }
    return true;
  },

  bareFlatWords(s, tables, r) {
    // A flat export whose project columns say only 单位 | 项目 | 部门 (no 名称), as some systems export.
    const t = tables.find((x) => x.source === 'flat');
    if (!t) return false;
    const bare: Record<string, string> = {
      单位名称: '单位',
      项目名称: pick(r, ['项目', '项目名']),
      部门名称: '部门',
    };
    let changed = false;
    (s.values[t.indicatorHeaderRow] ?? []).forEach((v, c) => {
      if (typeof v === 'string' && bare[v.trim()]) {
        s.set(t.indicatorHeaderRow, c, bare[v.trim()]);
        changed = true;
      }
    });
    return changed;
  },

  oneColumn(s, tables) {
    // The header laid out in one column, as a form copied out of a document comes: each label on a
    // line of its own, its value on the line under it (where the label and its value were alone on
    // their row).
    const t = tables.find((x) => x.source === 'form' && x.header.projectName?.text);
    if (!t) return false;
    const pairs: { row: number; label: number; value: number }[] = [];
    for (const f of [t.header.projectName, t.header.department, t.header.implementer, t.amounts.annual]) {
      if (!f) continue;
      const row = rowOf(f.cell);
      const cells = (s.values[row] ?? [])
        .map((v, c) => ({ v, c }))
        .filter(({ v }) => v !== null && v !== undefined && v !== '');
      if (cells.length !== 2 || cells[1].c !== colOf(f.cell)) continue;
      if (typeof cells[0].v !== 'string' || classify(cells[0].v).label?.inline) continue;
      pairs.push({ row, label: cells[0].c, value: cells[1].c });
    }
    if (!pairs.length) return false;
    for (const p of pairs.sort((a, b) => b.row - a.row)) {
      s.merges = s.merges.filter((m) => m.bottom < p.row || m.top > p.row);
      s.insertRows(p.row + 1, 1);
      s.set(p.row + 1, p.label, s.get(p.row, p.value), s.texts[p.row]?.[p.value]);
      s.set(p.row, p.value, null);
    }
    return true;
  },

  filledDown(s, tables, r) {
    // The 一级 typed down on every row of its group instead of merged, the 二级 left as it was (blank
    // under its first row where it was merged or left empty).
    const candidates = plainBlocks(s, tables).filter(
      (t) =>
        t.columns.level1 !== null &&
        t.indicators.some((i) => i.level1 && rowOf(i.level1.cell) !== i.row) &&
        t.indicators.every((i) => !i.level1 || colOf(i.level1.cell) === t.columns.level1),
    );
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const col = t.columns.level1!;
    s.merges = s.merges.filter(
      (m) => m.bottom <= t.indicatorHeaderRow || m.top > t.bottom || m.right < col || m.left > col,
    );
    for (const i of t.indicators)
      if (i.level1 && rowOf(i.level1.cell) !== i.row) s.set(i.row, col, s.get(rowOf(i.level1.cell), col));
    return true;
  },

  termBlocks(s, tables, r) {
    // A 中期 indicator table beside the 年度 one, stacked: each under a heading (中期绩效指标 |
    // 年度绩效指标), the 中期 one first or last, its values different (so reading it would show).
    // A form has one table of each term: not a second time over.
    const termed = (t: Table) =>
      s.values
        .slice(rowOf(t.range.split(':')[0]), t.bottom + 1)
        .some((row) => (row ?? []).some((v) => typeof v === 'string' && /(中期|长期|年度)绩效指标$/.test(v)));
    const candidates = plainBlocks(s, tables).filter((t) => filledIndicators(t).length >= 2 && !termed(t));
    if (!candidates.length) return false;
    const t = pick(r, candidates);
    const left = colOf(t.range);
    const from = t.indicatorHeaderRow;
    const copy = Array.from({ length: t.bottom - from + 1 }, (_, k) => [...(s.values[from + k] ?? [])]);
    const valueCol = t.columns.value!;
    for (const i of t.indicators) if (i.value) copy[i.row - from][valueCol] = '≥3项';
    const longTerm = pick(r, ['中期绩效指标', '二、中期绩效指标', '长期绩效指标']);
    const annual = pick(r, ['年度绩效指标', '一、年度绩效指标', null]);
    const block = (at: number) =>
      copy.forEach((row, k) => row.forEach((v, c) => s.set(at + k, c, v ?? null)));
    if (r() < 0.5) {
      // 年度 first: its heading over it, the 中期 table under it.
      s.insertRows(t.bottom + 1, copy.length + 1);
      s.set(t.bottom + 1, left, longTerm);
      block(t.bottom + 2);
      if (annual) {
        s.insertRows(from, 1);
        s.set(from, left, annual);
      }
    } else {
      // 中期 first: its heading, its table, then the 年度 heading over the 年度 table.
      s.insertRows(from, copy.length + 2);
      s.set(from, left, longTerm);
      block(from + 1);
      s.set(from + copy.length + 1, left, annual ?? '年度绩效指标');
    }
    return true;
  },

  termAmounts(s, tables, r) {
    // An amount labelled by its term and its part, as a 批复表 labels it: the project total as
    // "中期市财政预算", the year's amount as "本年度申请市财政预算资金". Read by the label's word parts
    // when the form names no other amount of that term and no other part.
    const options: { field: 'total' | 'annual'; label: string; cell: [number, number] }[] = [];
    for (const t of tables) {
      if (t.source !== 'form' || t.emptyAmountLabels.length || t.unplacedAmounts?.length) continue;
      const a = t.amounts;
      const others = Object.entries(a).filter(([f, v]) => v && f !== 'total' && f !== 'annual');
      if (others.length) continue;
      for (const field of ['total', 'annual'] as const) {
        const amt = a[field];
        const other = a[field === 'total' ? 'annual' : 'total'];
        if (!amt || (other && other.cell === amt.cell)) continue;
        const label = labelLeftOf(s, amt.row, amt.col);
        if (label) options.push({ field, label: label.text, cell: [label.row, label.col] });
      }
    }
    if (!options.length) return false;
    const o = pick(r, options);
    const unit = /[(（](万?元)[)）]\s*$/.exec(o.label)?.[0] ?? '';
    const words =
      o.field === 'total'
        ? ['中期市财政预算', '中期财政资金', '中期财政拨款']
        : ['本年度申请市财政预算资金', '当年申请财政资金', '本年度财政拨款'];
    s.set(o.cell[0], o.cell[1], pick(r, words) + unit);
    return true;
  },

  programName(s, tables, r) {
    // The program a project belongs to, named on a row of its own above the project's name
    // (一级项目名称 | 文化事业发展专项资金, 专项名称 | …): the table is still the project.
    const ts = tables.filter(
      (t) =>
        t.source === 'form' &&
        t.projectNameSource === 'cell' &&
        t.header.projectName?.labelCell &&
        t.header.projectName.cell !== t.header.projectName.labelCell,
    );
    if (!ts.length) return false;
    const t = pick(r, ts);
    const pn = t.header.projectName!;
    const [row, col] = [rowOf(pn.labelCell), colOf(pn.labelCell)];
    const program = pick(r, ['文化事业发展专项资金', '农业生产发展资金', '城乡义务教育补助经费']);
    // On the name's own row, the program first (一级项目名称 | … | 二级项目名称 | …), where the row
    // holds only the label and the name, unmerged, and the table is wide enough.
    const filled = (s.values[row] ?? []).filter((v) => v !== null && v !== undefined && v !== '').length;
    if (
      r() < 0.5 &&
      filled === 2 &&
      pn.col + 2 <= colOf(t.range.split(':')[1]) &&
      !s.merges.some((m) => m.top <= row && m.bottom >= row && m.top !== m.bottom)
    ) {
      // The name's merge across the row is undone, as a clerk does to make room.
      s.merges = s.merges.filter((m) => m.top !== row || m.bottom !== row);
      s.set(row, pn.col + 1, pick(r, ['二级项目名称', '项目名称']));
      s.set(row, pn.col + 2, s.get(row, pn.col), s.texts[row]?.[pn.col]);
      s.set(row, col, pick(r, ['一级项目名称', '一*级项目名称']));
      s.set(row, pn.col, program);
      return true;
    }
    // Only where the label's row starts the line (no merged area crosses the new row).
    if (s.merges.some((m) => m.top < row && m.bottom >= row)) return false;
    s.insertRows(row, 1);
    s.set(row, col, pick(r, ['一级项目名称', '专项名称', '专项资金名称', '*一级项目名称']));
    s.set(row, pn.col, program);
    return true;
  },

  noMerges(s) {
    const had = s.merges.length > 0;
    s.merges = [];
    return had;
  },
};

/** Sheet-level transforms that add a second real form: their models join the expected ones. */
export function beside(s: MutableSheet, other: MutableSheet, gap = 1): void {
  s.place(other, 0, s.width + gap);
}

export function below(s: MutableSheet, other: MutableSheet): void {
  s.place(other, s.height + 2, 0);
}

/**
 * Near-miss variants: a target table made into a table of another kind by the columns that kind
 * adds right of the indicator table — what a reviewer would call a 自评表, a 监控表 or a scoring
 * table, not a target table. Each returns the table it changed, or null.
 */
export const NEAR_MISS_TRANSFORMS: Record<
  'selfEvaluation' | 'monitoring' | 'scoring',
  { kind: string; columns: string[][]; cell: (r: () => number, k: number) => CellValue }
> = {
  selfEvaluation: {
    kind: 'selfEvaluation',
    columns: [
      ['实际完成值', '全年实际值', '实际完成情况'],
      ['分值', '权重'],
      ['得分', '自评得分'],
      ['偏差原因分析及改进措施', '偏差原因'],
    ],
    cell: (r, k) => (k === 0 ? pick(r, ['100%', '完成', '5项']) : k === 3 ? null : Math.floor(r() * 10) + 1),
  },
  monitoring: {
    kind: 'monitoring',
    columns: [
      ['1-7月执行情况', '1-6月执行情况', '全年执行情况'],
      ['全年预计完成情况', '预计完成情况'],
      ['偏差原因', '偏差原因分析'],
    ],
    cell: (r, k) => (k === 2 ? null : pick(r, ['50%', '完成', '3项'])),
  },
  scoring: {
    kind: 'scoring',
    columns: [['分值'], ['评分标准', '评分细则', '评分办法']],
    cell: (r, k) => (k === 0 ? Math.floor(r() * 10) + 1 : pick(r, ['完成得满分', '每少1项扣1分'])),
  },
};

/** Adds a near-miss kind's columns right of one target table with an ordinary grid; the table changed, or null. */
export function makeNearMiss(
  s: MutableSheet,
  tables: Table[],
  which: keyof typeof NEAR_MISS_TRANSFORMS,
  r: () => number,
): Table | null {
  const ts = plainBlocks(s, tables).filter((t) => t.indicators.length > 0);
  if (!ts.length) return null;
  const t = pick(r, ts);
  const spec = NEAR_MISS_TRANSFORMS[which];
  const at = tableRight(s, t) + 1;
  s.insertColumns(at, spec.columns.length, t.indicatorHeaderRow, t.bottom);
  spec.columns.forEach((words, k) => {
    s.set(t.indicatorHeaderRow, at + k, pick(r, words));
    for (const ind of t.indicators) s.set(ind.row, at + k, spec.cell(r, k));
  });
  return t;
}
