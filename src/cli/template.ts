/**
 * `jixiao template [--variant newer,wan,plain,transfer] [--year 2026] [--profile ID] OUT.xlsx`: writes
 * a blank, correctly structured 附件2 form, so staff without the add-in can start from a correct file.
 * Under a profile the funds block uses the profile's words (宁夏: 中央资金 / 自治区资金); without one,
 * the standard words.
 */
import * as fs from 'fs';
import * as path from 'path';
import { profiles } from '../core/profiles';
import { DEFAULT_VARIANT, type Variant, buildTemplate, variantId } from '../core/templates/template';
import { writeTemplate } from '../xlsx/template';
import type { CliIO } from './io';
import { TEMPLATE_USAGE } from './template-usage';

const TOKENS: Record<string, Partial<Omit<Variant, 'year'>>> = {
  newer: { framework: 'newer' },
  older: { framework: 'older' },
  wan: { unit: '万元' },
  万元: { unit: '万元' },
  yuan: { unit: '元' },
  元: { unit: '元' },
  plain: { describe: false },
  describe: { describe: true },
  transfer: { transfer: true },
  own: { transfer: false },
};

export function parseVariant(spec: string | undefined, year: number): Variant | string {
  let v: Variant = { ...DEFAULT_VARIANT, year };
  for (const token of (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const patch = TOKENS[token];
    if (!patch) return `未知的模板选项 (unknown variant option): ${token}`;
    v = { ...v, ...patch };
  }
  return v;
}

export async function templateCommand(args: string[], io: CliIO): Promise<number> {
  let spec: string | undefined;
  let year = new Date().getFullYear();
  let profile: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--variant') spec = args[++i];
    else if (a.startsWith('--variant=')) spec = a.slice('--variant='.length);
    else if (a === '--year') year = Number(args[++i]);
    else if (a === '--profile') profile = args[++i] ?? '';
    else if (a.startsWith('--profile=')) profile = a.slice('--profile='.length);
    else if (a.startsWith('-')) {
      io.err(`未知选项 (unknown option): ${a}\n${TEMPLATE_USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err('年份无效 (invalid --year)');
    return 2;
  }
  if (files.length !== 1 || !files[0].toLowerCase().endsWith('.xlsx')) {
    io.err(`请指定一个 .xlsx 输出文件 (one OUT.xlsx expected)\n${TEMPLATE_USAGE}`);
    return 2;
  }
  if (profile !== undefined && !profiles.some((p) => p.id === profile)) {
    io.err(
      `--profile: 没有这个规范 (unknown profile "${profile}"; one of ${profiles.map((p) => p.id).join(', ')})`,
    );
    return 2;
  }
  const variant = parseVariant(spec, year);
  if (typeof variant === 'string') {
    io.err(variant);
    return 2;
  }
  const out = files[0];
  if (fs.existsSync(out)) {
    // Never overwrite a user's file.
    io.err(`${out}: 文件已存在，未覆盖 (exists, not overwritten)`);
    return 2;
  }
  const template = buildTemplate(variant, { profile });
  // Loaded here, not at start: `jixiao check` never needs ExcelJS.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件2');
  writeTemplate(ws, template);
  try {
    await wb.xlsx.writeFile(out);
  } catch (e) {
    io.err(`${out}: 无法写入 (cannot write): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 2;
  }
  io.out(
    `已生成空白绩效目标表 ${path.basename(out)}（${variantId(variant)}${profile ? `，${profile}` : ''}，${template.rows} 行）`,
  );
  return 0;
}
