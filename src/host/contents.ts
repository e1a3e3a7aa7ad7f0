/**
 * What a cell holds, as the hosts can put it back exactly: for the pane's 撤销 after a suggestion
 * replaced a clerk's text. Host-neutral: each host reads a cell's formula and value into a
 * CellContent while it writes (one round trip) and writes one back through its own API.
 */

/** A cell's content: its formula when it has one, else its value ('' when empty). */
export interface CellContent {
  value: string | number | boolean;
  /** "=C8+C9": written back as a formula, not as its last result. */
  formula?: string;
}

/** A cell's content from what a host reports: its value (Range.values, Value2) and its formula. */
export function contentOf(value: unknown, formula: unknown): CellContent {
  const v =
    typeof value === 'number' || typeof value === 'boolean'
      ? value
      : value === null || value === undefined
        ? ''
        : String(value);
  return typeof formula === 'string' && formula.startsWith('=') && formula.length > 1
    ? { value: v, formula }
    : { value: v };
}

/** Nothing in the cell: writing into it replaces nothing of the clerk's (a space is something). */
export function isEmptyContent(c: CellContent): boolean {
  return !c.formula && c.value === '';
}

/**
 * A text that Excel or WPS would read as something else when written as if typed — a number, a
 * percentage, a date or time, a truth value, a formula — or whose own leading apostrophe would be
 * taken for the text marker.
 */
function wouldBeConverted(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[=+\-@']/.test(text)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^[¥$]?\s*(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?\s*%?$/i.test(t)) return true;
  if (/^\d{1,4}\s*[-/.年月]\s*\d{1,2}\s*[月日]?(\s*[-/.]?\s*\d{1,4}\s*日?)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return true;
  return /^\d+\s+\d+\/\d+$|^\d+\/\d+$/.test(t);
}

/**
 * What to assign to Range.formulas (Excel) or Range.Formula (WPS) to put a content back: the formula;
 * a number or truth value as itself; a text with a leading apostrophe where the host would otherwise
 * convert it (the apostrophe marks text, as when typed, and is not part of the value).
 */
export function contentToWrite(c: CellContent): string | number | boolean {
  if (c.formula) return c.formula;
  if (typeof c.value === 'string' && wouldBeConverted(c.value)) return `'${c.value}`;
  return c.value;
}
