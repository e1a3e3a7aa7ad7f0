/**
 * Turning what a host returns into the engine's grid — cell values as a 2-D array, number formats
 * beside them, merged areas as an address list — shared by the hosts' adapters.
 */
import {
  type CellValue,
  type Grid,
  type MergeArea,
  a1,
  a1Range,
  displayText,
  parseA1Range,
} from '../core/grid';
import type { GridPatch } from '../core/live';
import type { Placement } from '../core/templates/render';

const ERROR_VALUE =
  /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|GETTING_DATA|PYTHON!|EXTERNAL!)$/;

/** Range.values item → engine cell value: "" is empty, "#N/A" and friends are formula errors. */
export function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return ERROR_VALUE.test(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** "Sheet1!A1:B2, 'My, Sheet'!C3:D4" → merged areas (zero-based). */
export function parseAreaList(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  const re = /(?:^|!|,\s*)(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) {
    const area = parseA1Range(m[1]);
    if (area) out.push(area);
  }
  return out;
}

/**
 * Range.values (and numberFormat) blocks → the grid's rows, with the display text of cells whose
 * number format changes what is seen (a percentage). Both read paths fill their grid through it.
 */
export class GridRows {
  readonly values: CellValue[][] = [];
  private readonly texts: (string | null)[][] = [];
  private anyText = false;

  add(vals: unknown[][], formats: unknown[][] | undefined): void {
    for (let r = 0; r < vals.length; r++) {
      const row = vals[r];
      const out: CellValue[] = new Array(row.length);
      let textRow: (string | null)[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const v = toCellValue(row[c]);
        out[c] = v;
        const f = formats?.[r]?.[c];
        const t = typeof f === 'string' ? displayText(v, f) : null;
        if (t !== null) {
          (textRow ??= [])[c] = t;
          this.anyText = true;
        }
      }
      this.values.push(out);
      this.texts.push(textRow ?? []);
    }
  }

  grid(): Pick<Grid, 'values' | 'texts'> {
    return this.anyText ? { values: this.values, texts: this.texts } : { values: this.values };
  }
}

/** Cells of the target that are in use, and merged areas that touch it, as A1 addresses. */
export function blockersOf(
  values: unknown[][],
  formulas: unknown[][] | null,
  at: Placement,
  merges: MergeArea[],
): string[] {
  const out: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = formulas?.[r]?.[c];
      if ((v !== '' && v !== null && v !== undefined) || (typeof f === 'string' && f !== ''))
        out.push(a1(at.top + r, at.left + c));
    }),
  );
  for (const m of merges) out.push(a1Range(m.top, m.left, m.bottom, m.right));
  return out;
}

/** Splits cell addresses into comma-separated lists of at most `max` characters. */
export function chunkAddresses(cells: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const c of cells) {
    if (current && current.length + c.length + 1 > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${c}` : c;
  }
  if (current) out.push(current);
  return out;
}

/** A re-read area as the patch live checking applies: its values, display texts, and merged areas if known. */
export function patchOf(area: MergeArea, rows: GridRows, merges?: MergeArea[]): GridPatch {
  const g = rows.grid();
  return {
    top: area.top,
    left: area.left,
    values: g.values,
    ...(g.texts ? { texts: g.texts } : {}),
    ...(merges ? { merges } : {}),
  };
}
