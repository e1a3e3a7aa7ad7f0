/**
 * Blank 附件2 templates as declarative descriptions: cells (texts, sum formulas, number formats,
 * named styles), merges, bordered areas, column widths, row heights and dropdown lists, validated
 * by zod. The Excel adapter and the .xlsx writer render the same description; neither builds a form
 * cell by cell. Coordinates are relative to the template's top-left cell, so a template can be
 * placed anywhere.
 */
import { z } from 'zod';
import { profiles } from '../profiles';
import { type FrameworkId, frameworkData } from '../vocabulary';
import templateData from './data.json';

const StyleSchema = z.object({
  bold: z.boolean().optional(),
  fontSize: z.number().positive().optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
  valign: z.enum(['top', 'middle', 'bottom']).optional(),
  wrap: z.boolean().optional(),
  fill: z
    .string()
    .regex(/^#[0-9A-F]{6}$/i)
    .optional(),
});
export type CellStyle = z.infer<typeof StyleSchema>;

/** A group of the funds block: its label, then 资金总额 (the sum of the parts), then the parts. */
const FundsGroupSchema = z.object({
  label: z.string().min(1),
  parts: z.array(z.string().min(1)).min(2).max(4),
});
/** The wording of the 本级资金 / 转移资金 block of the transfer variants. */
export const FundsWordingSchema = z.object({ own: FundsGroupSchema, transfer: FundsGroupSchema });
export type FundsWording = z.infer<typeof FundsWordingSchema>;

export const TemplateDataSchema = z.object({
  $comment: z.string().optional(),
  title: z.string().min(1),
  labels: z.record(z.string(), z.string().min(1)),
  funds: z.object({
    /** Without a profile, and under a profile with no wording of its own. */
    standard: FundsWordingSchema,
    /** A profile's own wording (宁夏: 中央资金 / 自治区资金), by profile id. */
    profiles: z.record(
      z.string().refine((id) => profiles.some((p) => p.id === id), 'not a profile id (profiles.json)'),
      FundsWordingSchema,
    ),
  }),
  rowsPerLevel2: z.record(z.string(), z.number().int().min(1).max(10)),
  columnWidths: z.object({
    plain: z.array(z.number().positive()).length(6),
    described: z.array(z.number().positive()).length(6),
  }),
  rowHeights: z.object({
    title: z.number().positive(),
    goal: z.number().positive(),
    default: z.number().positive(),
  }),
  numberFormats: z.object({ 万元: z.string(), 元: z.string() }),
  styles: z.record(z.string(), StyleSchema),
});

export const VariantSchema = z.object({
  /** newer: 成本 as a 一级 (财预〔2021〕101号); older: 成本 as a 二级 under 产出 (88号). */
  framework: z.enum(['newer', 'older']),
  unit: z.enum(['万元', '元']),
  /** With the 绩效指标描述 and 指标值确定依据 columns. */
  describe: z.boolean(),
  /** With the 本级资金 / 转移资金 block in the header (its words: the profile's, fundsWording). */
  transfer: z.boolean(),
  year: z.number().int().min(2000).max(2100),
});
export type Variant = z.infer<typeof VariantSchema>;

export const DEFAULT_VARIANT: Omit<Variant, 'year'> = {
  framework: 'newer',
  unit: '万元',
  describe: false,
  transfer: true,
};

const Area = z
  .object({
    top: z.number().int().min(0),
    left: z.number().int().min(0),
    bottom: z.number().int().min(0),
    right: z.number().int().min(0),
  })
  .refine((a) => a.bottom >= a.top && a.right >= a.left, 'empty area');
export type TemplateArea = z.infer<typeof Area>;

export const TemplateCellSchema = z.object({
  r: z.number().int().min(0),
  c: z.number().int().min(0),
  text: z.string().optional(),
  /** A sum of other template cells ([row, col] relative), rendered as "=C8+C9+C10" where placed. */
  sum: z
    .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
    .min(2)
    .optional(),
  numberFormat: z.string().optional(),
  style: z.string(),
});
export type TemplateCell = z.infer<typeof TemplateCellSchema>;

export const IndicatorGroupSchema = z.object({
  level1: z.string(),
  level2: z.string().nullable(),
  top: z.number().int(),
  bottom: z.number().int(),
});

export const TemplateSchema = z
  .object({
    id: z.string(),
    variant: VariantSchema,
    rows: z.number().int().min(1),
    cols: z.number().int().min(1),
    columnWidths: z.array(z.number().positive()),
    rowHeights: z.array(z.number().positive()),
    styles: z.record(z.string(), StyleSchema),
    cells: z.array(TemplateCellSchema),
    merges: z.array(Area),
    /** Areas drawn with thin borders on every cell. */
    borders: z.array(Area),
    /** Dropdown lists (the 二级 column offers the valid 二级 names of its 一级). */
    validations: z.array(z.object({ area: Area, list: z.array(z.string().min(1)).min(1) })),
    indicators: z.object({
      headerRow: z.number().int(),
      columns: z.object({
        level1: z.number().int(),
        level2: z.number().int(),
        name: z.number().int(),
        value: z.number().int(),
        description: z.number().int().nullable(),
        basis: z.number().int().nullable(),
      }),
      /** Cells a row of the block merges (三级 C:D and 指标值 E:F in the plain layout). */
      rowMerges: z.array(z.object({ left: z.number().int(), right: z.number().int() })),
      groups: z.array(IndicatorGroupSchema),
    }),
  })
  .superRefine((t, ctx) => {
    const inside = (a: TemplateArea) => a.bottom < t.rows && a.right < t.cols;
    for (const m of t.merges)
      if (!inside(m))
        ctx.addIssue({ code: 'custom', message: `merge outside the template: ${JSON.stringify(m)}` });
    for (const c of t.cells) {
      if (c.r >= t.rows || c.c >= t.cols)
        ctx.addIssue({ code: 'custom', message: `cell outside the template: ${c.r},${c.c}` });
      if (!t.styles[c.style]) ctx.addIssue({ code: 'custom', message: `unknown style ${c.style}` });
      if (c.text !== undefined && c.sum !== undefined)
        ctx.addIssue({ code: 'custom', message: `cell ${c.r},${c.c} has both text and a formula` });
    }
    // Merges must not overlap: Excel refuses, and the form would be ambiguous.
    const seen = new Set<string>();
    for (const m of t.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const k = `${r},${c}`;
          if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `merges overlap at ${k}` });
          seen.add(k);
        }
      }
    }
  });
export type Template = z.infer<typeof TemplateSchema>;

export const templateData_ = TemplateDataSchema.parse(templateData);

/** The funds block's words under a profile (its id; none, or one without words of its own: the standard words). */
export function fundsWording(profile?: string | null): FundsWording {
  const f = templateData_.funds;
  return (
    (profile && Object.prototype.hasOwnProperty.call(f.profiles, profile) ? f.profiles[profile] : null) ??
    f.standard
  );
}

/** What a template is built under besides its variant. */
export interface TemplateOptions {
  /** The profile (profiles.json id) whose words the funds block uses; none: the standard words. */
  profile?: string | null;
}

/** Every variant the product offers, for the pane's menu, the command line and the tests. */
export function allVariants(year: number): Variant[] {
  const out: Variant[] = [];
  for (const framework of ['newer', 'older'] as const)
    for (const unit of ['万元', '元'] as const)
      for (const describe of [false, true])
        for (const transfer of [true, false]) out.push({ framework, unit, describe, transfer, year });
  return out;
}

export function variantId(v: Omit<Variant, 'year'>): string {
  return [
    v.framework,
    v.unit === '万元' ? 'wan' : 'yuan',
    v.describe ? 'describe' : 'plain',
    v.transfer ? 'transfer' : 'own',
  ].join('-');
}

/**
 * Builds the template of a variant from the data and the framework definitions: the 一级/二级 rows
 * come from the framework's tree, so a framework change needs no change here.
 */
export function buildTemplate(variant: Variant, options: TemplateOptions = {}): Template {
  const d = templateData_;
  const L = d.labels;
  const cols = 6;
  const cells: TemplateCell[] = [];
  const merges: TemplateArea[] = [];
  const heights: number[] = [];
  const put = (r: number, c: number, text: string, style: string) => cells.push({ r, c, text, style });
  const input = (r: number, c: number) => cells.push({ r, c, text: '', style: 'input' });
  const amount = (r: number, c: number, sum?: [number, number][]) =>
    cells.push({
      r,
      c,
      ...(sum ? { sum } : { text: '' }),
      numberFormat: d.numberFormats[variant.unit],
      style: 'amount',
    });
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  let r = 0;
  // Title and unit.
  put(r, 0, d.title.replace('{year}', String(variant.year)), 'title');
  merge(r, 0, r, cols - 1);
  heights[r++] = d.rowHeights.title;
  put(r, 0, L.unit.replace('{unit}', variant.unit), 'unit');
  merge(r, 0, r, cols - 1);
  r++;
  const headerTop = r;
  // 项目名称 over the whole width; two fields a row after it.
  put(r, 0, L.projectName, 'label');
  input(r, 1);
  merge(r, 1, r, cols - 1);
  r++;
  const pair = (left: string, right: string, amounts = false) => {
    put(r, 0, left, 'label');
    put(r, 3, right, 'label');
    if (amounts) {
      amount(r, 1);
      amount(r, 4);
    } else {
      input(r, 1);
      input(r, 4);
    }
    merge(r, 1, r, 2);
    merge(r, 4, r, 5);
    return r++;
  };
  pair(L.department, L.implementer);
  pair(L.attribute, L.period);
  const totalRow = pair(L.total, L.annual, true);
  if (variant.transfer) {
    // Each group: its label down the first column; 资金总额 = the sum of the parts below it. The words
    // are the profile's (standard: 本级 财政拨款 + 其他资金 + 结余结转资金, 上级转移支付 财政拨款 + 其他资金;
    // 宁夏: 转移市县（区）资金 = 中央资金 + 自治区资金).
    const funds = fundsWording(options.profile);
    const top = r;
    const height = 1 + Math.max(funds.own.parts.length, funds.transfer.parts.length);
    const group = (g: FundsWording['own'], col: number) => {
      put(top, col, g.label, 'label');
      merge(top, col, top + height - 1, col);
      put(top, col + 1, L.groupTotal, 'label');
      amount(
        top,
        col + 2,
        g.parts.map((_, i): [number, number] => [top + 1 + i, col + 2]),
      );
      g.parts.forEach((label, i) => {
        put(top + 1 + i, col + 1, label, 'label');
        amount(top + 1 + i, col + 2);
      });
      for (let i = g.parts.length + 1; i < height; i++) {
        input(top + i, col + 1);
        input(top + i, col + 2);
      }
    };
    group(funds.own, 0);
    group(funds.transfer, 3);
    // 年度资金总额 = 本级资金总额 + 转移资金总额.
    replaceWithSum(cells, totalRow, 4, [
      [top, 2],
      [top, 5],
    ]);
    r = top + height;
  } else {
    const top = r;
    put(top, 0, L.fiscalFirst, 'label');
    amount(top, 1);
    merge(top, 1, top, 2);
    put(top, 3, L.other, 'label');
    amount(top, 4);
    merge(top, 4, top, 5);
    put(top + 1, 0, L.carryover, 'label');
    amount(top + 1, 1);
    merge(top + 1, 1, top + 1, 2);
    input(top + 1, 3);
    input(top + 1, 4);
    merge(top + 1, 3, top + 1, 5);
    replaceWithSum(cells, totalRow, 4, [
      [top, 1],
      [top, 4],
      [top + 1, 1],
    ]);
    r = top + 2;
  }
  // Goal text.
  put(r, 0, L.goal, 'label');
  cells.push({ r, c: 1, text: '', style: 'goal' });
  merge(r, 1, r, cols - 1);
  heights[r++] = d.rowHeights.goal;
  const headerBottom = r - 1;

  // Indicator block.
  const headerRow = r;
  const columns = variant.describe
    ? { level1: 0, level2: 1, name: 2, value: 3, description: 4, basis: 5 }
    : { level1: 0, level2: 1, name: 2, value: 4, description: null, basis: null };
  const rowMerges = variant.describe
    ? []
    : [
        { left: 2, right: 3 },
        { left: 4, right: 5 },
      ];
  put(r, columns.level1, L.level1, 'header');
  put(r, columns.level2, L.level2, 'header');
  put(r, columns.name, L.name, 'header');
  put(r, columns.value, L.value, 'header');
  if (columns.description !== null) put(r, columns.description, L.description, 'header');
  if (columns.basis !== null) put(r, columns.basis, L.basis, 'header');
  for (const m of rowMerges) merge(r, m.left, r, m.right);
  r++;
  const fw = frameworkData.frameworks[variant.framework as FrameworkId];
  const groups: { level1: string; level2: string | null; top: number; bottom: number }[] = [];
  const validations: Template['validations'] = [];
  for (const [level1, children] of Object.entries(fw.tree)) {
    const l1Top = r;
    for (const level2 of children) {
      const n = d.rowsPerLevel2[level2] ?? 1;
      put(r, columns.level2, level2, 'level');
      merge(r, columns.level2, r + n - 1, columns.level2);
      for (let k = 0; k < n; k++) {
        input(r + k, columns.name);
        input(r + k, columns.value);
        if (columns.description !== null) input(r + k, columns.description);
        if (columns.basis !== null) input(r + k, columns.basis);
        for (const m of rowMerges) merge(r + k, m.left, r + k, m.right);
      }
      groups.push({ level1, level2, top: r, bottom: r + n - 1 });
      r += n;
    }
    put(l1Top, columns.level1, level1, 'level');
    merge(l1Top, columns.level1, r - 1, columns.level1);
    validations.push({
      area: { top: l1Top, left: columns.level2, bottom: r - 1, right: columns.level2 },
      list: children,
    });
  }
  const rows = r;
  for (let i = 0; i < rows; i++) heights[i] = heights[i] ?? d.rowHeights.default;
  const template: Template = {
    id: variantId(variant),
    variant,
    rows,
    cols,
    columnWidths: variant.describe ? d.columnWidths.described : d.columnWidths.plain,
    rowHeights: heights,
    styles: d.styles,
    cells,
    merges,
    borders: [
      { top: headerTop, left: 0, bottom: headerBottom, right: cols - 1 },
      { top: headerRow, left: 0, bottom: rows - 1, right: cols - 1 },
    ],
    validations,
    indicators: { headerRow, columns, rowMerges, groups },
  };
  return TemplateSchema.parse(template);
}

function replaceWithSum(cells: TemplateCell[], r: number, c: number, sum: [number, number][]): void {
  const cell = cells.find((x) => x.r === r && x.c === c);
  if (!cell) throw new Error(`no template cell at ${r},${c}`);
  delete cell.text;
  cell.sum = sum;
}
