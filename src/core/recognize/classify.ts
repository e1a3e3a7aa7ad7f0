/**
 * What a cell is, worked out once per distinct text: a level name, an indicator column header, a
 * header-block label (possibly with its value in the same cell), a title, a unit or year line, a
 * closing line, or a marker of a table that is not a target table. Everything here is read from
 * vocabulary.json; nothing in it knows a particular form.
 */
import type { SheetCell } from '../sheet';
import { TextCache, foldText, labelKey } from '../text';
import { parseAmount } from '../values';
import {
  type AmountLabel,
  type ColumnRole,
  type HeaderLabelKind,
  type NearMissKind,
  type Qualifier,
  amountLabel,
  canonicalLevel1,
  canonicalLevel2,
  headerLabel,
  indicatorColumnRole,
  isAnnexText,
  closingKind,
  isTitleText,
  nearMissMarkers,
  nearMissTitle,
  unitLine,
  vocabulary,
} from '../vocabulary';

export type Unit = '万元' | '元';

/** A header-block label: the field it names, its text as written, and a value written in the same cell. */
export type Label =
  | { kind: 'header'; field: HeaderLabelKind; text: string; inline?: string }
  | {
      kind: 'amount';
      label: AmountLabel;
      unit: Unit | null;
      text: string;
      inline?: string;
      byParts?: boolean;
    };

export interface CellClass {
  readonly level1: string | null;
  readonly level2: string | null;
  readonly column: { role: ColumnRole; qualifier: Qualifier } | null;
  readonly label: Label | null;
  readonly title: boolean;
  readonly annex: boolean;
  readonly unit: Unit | null;
  /** A closing line: told by the listed words, or by the word parts of a short label (closingByParts). */
  readonly closing: boolean;
  /** A closing line told only by the word parts of a short label (其他需说明的问题): one at a row's left edge. */
  readonly closingByParts: boolean;
  readonly year: number | null;
  readonly nearMissTitle: NearMissKind | null;
  readonly markers: readonly { kind: NearMissKind; marker: string }[] | null;
}

const NO_CLASS: CellClass = {
  level1: null,
  level2: null,
  column: null,
  label: null,
  title: false,
  annex: false,
  unit: null,
  closing: false,
  closingByParts: false,
  year: null,
  nearMissTitle: null,
  markers: null,
};

/** Labels and level names are short: longer cells are prose, only checked for a closing line. */
const MAX_LABEL = 80;
const YEAR_LINE_RE = /^\(?\s*(20\d{2})\s*年(?:度)?\s*\)?$/;

/**
 * Classes by text: stacked forms repeat the same labels in every table, and a live check re-reads
 * a mostly unchanged sheet after every edit, so each distinct text is classified once. A class
 * depends on the text alone (and the vocabulary), so it is kept across checks, bounded like the
 * other text caches; clearCaches() empties it for a cold measurement.
 */
const classesByText = new TextCache<CellClass>(100000);

export function clearClasses(): void {
  classesByText.clear();
}

/** The cell's class: kept on the cell, and by text across the sheet. */
export function cls(cell: SheetCell): CellClass {
  if (cell.memo !== undefined) return cell.memo as CellClass;
  return (cell.memo = classesByText.get(cell.text, classify));
}

/**
 * Labels, level names and column headers never start with a figure or a comparison sign — except
 * a number that numbers them ("1.产出指标", "2、质量指标") and a year ("2026年预算数").
 */
const FIGURE_START = /^(?!(?:19|20)\d\d年)(?:[≥≤<>=+\-.%]|\d+(?:\.\d|[^.、)\d]|$))/;
/** Nor are they long: past this, a cell can only be a title, a closing line or a glued label. */
const MAX_NAME = 24;

/**
 * A cell's class, each part worked out when first asked for: most cells are indicator names and
 * values, and recognition only ever asks them whether they close a table or head a column.
 */
class LazyClass implements CellClass {
  private readonly nameLike: boolean;
  private l1?: string | null;
  private l2?: string | null;
  private col?: CellClass['column'];
  private lab?: Label | null;
  private tit?: boolean;
  private ann?: boolean;
  private un?: Unit | null;
  private clo?: false | 'words' | 'parts';
  private yr?: number | null;
  private nmt?: NearMissKind | null;
  private mk?: CellClass['markers'];

  constructor(
    private readonly text: string,
    private readonly key: string,
  ) {
    this.nameLike = key.length <= MAX_NAME && !FIGURE_START.test(key);
  }

  get level1() {
    return this.l1 !== undefined
      ? this.l1
      : (this.l1 = this.nameLike ? canonicalLevel1(this.text, this.key) : null);
  }
  get level2() {
    return this.l2 !== undefined
      ? this.l2
      : (this.l2 = this.nameLike ? canonicalLevel2(this.text, this.key) : null);
  }
  get column() {
    return this.col !== undefined
      ? this.col
      : (this.col = this.nameLike ? indicatorColumnRole(this.text, this.key) : null);
  }
  get label() {
    // "金额单位：万元" is the unit line, never an amount label; a title ("…绩效目标申报表") names the form, it is no label for the cell under it.
    return this.lab !== undefined
      ? this.lab
      : (this.lab =
          this.unit || this.title || FIGURE_START.test(this.key) ? null : labelOf(this.text, this.key));
  }
  get title() {
    return this.tit !== undefined ? this.tit : (this.tit = isTitleText(this.text, this.key));
  }
  get annex() {
    return this.ann !== undefined
      ? this.ann
      : (this.ann = this.key.length <= 6 && isAnnexText(this.text, this.key));
  }
  get unit() {
    return this.un !== undefined
      ? this.un
      : (this.un = this.key.length <= 12 ? unitLine(this.text, this.key) : null);
  }
  get closing() {
    return this.closingKind !== false;
  }
  get closingByParts() {
    return this.closingKind === 'parts';
  }
  private get closingKind() {
    return this.clo !== undefined ? this.clo : (this.clo = closingKind(this.key));
  }
  get year() {
    if (this.yr === undefined) {
      const m =
        this.key.length <= vocabulary.yearLine.maxLength ? YEAR_LINE_RE.exec(foldText(this.text)) : null;
      this.yr = m ? Number(m[1]) : null;
    }
    return this.yr;
  }
  get nearMissTitle() {
    return this.nmt !== undefined
      ? this.nmt
      : (this.nmt = this.key.length >= 5 ? nearMissTitle(this.key) : null);
  }
  get markers() {
    return this.mk !== undefined ? this.mk : (this.mk = this.nameLike ? nearMissMarkers(this.key) : null);
  }
}

export function classify(text: string): CellClass {
  if (text.length > MAX_LABEL) {
    // Prose: only a closing line, or a label glued to a long value ("项目名称：…"), is read.
    const head = labelKey(text.slice(0, 40));
    const kind = closingKind(head);
    const label = labelOf(text);
    return kind || label
      ? { ...NO_CLASS, closing: kind !== false, closingByParts: kind === 'parts', label }
      : NO_CLASS;
  }
  return new LazyClass(text, labelKey(text));
}

/** The label a cell holds, with a value after a colon in the same cell ("年度资金总额:50万"). */
export function labelOf(text: string, key = labelKey(text)): Label | null {
  if (key.length <= 40) {
    const whole = plainLabel(text, key);
    if (whole) return whole;
  }
  const colon = Math.max(text.indexOf(':', 0), text.indexOf('：', 0));
  if (colon < 0 || colon > 24) return null;
  const m = /^(?:其中[:：]?)?\s*([^:：]{2,16}?)\s*[:：]\s*([^]+)$/.exec(foldText(text));
  if (!m) return null;
  const inner = plainLabel(m[1], labelKey(m[1]));
  if (!inner || (inner.kind === 'header' && inner.field === 'other')) return null;
  return { ...inner, text: m[1].trim(), inline: m[2].trim() };
}

function plainLabel(text: string, key: string): Label | null {
  const field = headerLabel(text, key);
  if (field) return { kind: 'header', field, text };
  const amount = amountLabel(text, key);
  if (amount)
    return {
      kind: 'amount',
      label: amount.label,
      unit: amount.unit,
      text,
      ...(amount.byParts ? { byParts: true } : {}),
    };
  return null;
}

/**
 * A label and its value typed in one cell on two lines ("项目名称⏎干部培训项目"): read as one label by
 * its parts once the line break is gone (`label`), or as no label when the value is long (null). Not
 * a label wrapped over two lines: a second line that starts with a bracket or a joining word
 * ("⏎（盖章）", "⏎及编码") or is a label itself continues the label.
 */
export function labelOverValue(cell: SheetCell, label: Label | null): Label | null {
  if (typeof cell.raw !== 'string') return null;
  const broken = cell.raw.indexOf('\n');
  if (broken <= 0) return null;
  // The first line settles most cells (prose with line breaks): the second is read only after it.
  const own = labelOf(cell.raw.slice(0, broken).trim());
  if (!own || own.inline || (label && own.kind !== label.kind)) return null;
  if (
    own.kind === 'header' &&
    (own.field === 'other' || (label && own.field !== (label as typeof own).field))
  )
    return null;
  const rest = cell.raw
    .slice(broken + 1)
    .replace(/\s+/g, ' ')
    .trim();
  if (!rest || /^[(（[【及和或与、/]/.test(rest)) return null;
  // A value may read as an amount label by its parts ("民族发展专项资金"), as after a label beside it.
  const restLabel = labelOf(rest);
  if (restLabel && !(own.kind === 'header' && restLabel.kind === 'amount' && restLabel.byParts)) return null;
  if (own.kind === 'amount' && parseAmount(rest, own.unit ?? '万元').kind !== 'money') return null;
  return { ...own, inline: rest };
}

/**
 * Whether a cell holds a 项目名称 label: as a whole, or on its first line with the name on the next.
 * Regions, header blocks and the end of an indicator block all ask this.
 */
export function isProjectNameLabel(cell: SheetCell): boolean {
  const l = cls(cell).label ?? labelOverValue(cell, null);
  return l?.kind === 'header' && l.field === 'projectName';
}
