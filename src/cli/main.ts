/**
 * `jixiao check [--json] FILE.xlsx...` — the same engine as the add-in, on .xlsx files.
 * Exit 0: no errors; 1: an error was found; 2: a file could not be read (one-line reason).
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook, countBySeverity } from '../core/check';
import { filledIndicators, type Table } from '../core/model';
import { loadLibrary } from '../core/phrasings/library';
import { rules } from '../core/rules';
import { validateVocabulary } from '../core/vocabulary-schema';
import { TEMPLATE_USAGE, templateCommand } from './template';
import { printable } from './printable';
import { UnreadableFileError, readWorkbook } from './xlsx';
import { DEFAULT_LIMITS } from '../xlsx/prescan';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `用法 (usage):
  jixiao check [--json] FILE.xlsx...   检查工作簿中的绩效目标表 (check 附件2 tables)
  jixiao check --explain FILE.xlsx...  说明识别过程：每个候选区域找到了什么、为何采用或不采用 (why each region was read or not)
  jixiao check --format ndjson DIR...   每个文件一行 JSON，检查完即输出；文件夹按其中全部 .xlsx (one JSON line per file; folders recursively)
  jixiao check --max-size MB FILE...  调高文件大小上限（默认 50 MB）(raise the file size limit, default 50 MB)
  jixiao rules                         列出全部规则 (list the rules)
${TEMPLATE_USAGE}
  jixiao --help

退出码 (exit code): 0 无错误 / 1 发现错误 / 2 文件无法读取`;

/** The JSON shape of one table, as documented in the README. */
export function tableJson(t: Table) {
  const amounts: Record<string, number> = {};
  const total = t.amounts.total ?? t.amounts.annual;
  if (total) amounts.total = total.value;
  for (const [k, v] of Object.entries(t.amounts)) if (v && k !== 'total') amounts[k] = v.value;
  return {
    sheet: t.sheet,
    range: t.range,
    title: t.title,
    projectName: t.projectName,
    unit: t.unit,
    amounts,
    framework: t.framework,
    indicators: filledIndicators(t).map((i) => ({
      level1: i.level1?.name ?? i.level1?.text ?? null,
      level2: i.level2?.name ?? i.level2?.text ?? null,
      name: i.name?.text ?? null,
      value: i.value?.text ?? null,
      cell: i.name?.cell ?? i.value?.cell ?? null,
    })),
    issues: t.issues.map((i) => ({ rule: i.rule, severity: i.severity, message: i.message, cell: i.cell, text: i.text, ...(i.fix ? { fix: i.fix } : {}) })),
  };
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export async function main(argv: string[], io: CliIO): Promise<number> {
  // The form's words and frameworks are data: checked against their schemas before any use (the
  // pane relies on the tests for the same data, built into its bundle).
  validateVocabulary();
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'rules') {
    for (const r of rules) io.out(`${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${r.title}：${r.description}`);
    return 0;
  }
  if (command === 'template') return templateCommand(rest, io);
  if (command !== 'check') {
    io.err(`未知命令 (unknown command): ${command}\n${USAGE}`);
    return 2;
  }
  // --format text|json|ndjson (--json is --format json): ndjson prints one line per file as it is
  // done, so a file that takes the reader down cannot lose the others' results.
  const formatAt = rest.indexOf('--format');
  const format = formatAt >= 0 ? rest[formatAt + 1] : rest.includes('--json') ? 'json' : 'text';
  if (!['text', 'json', 'ndjson'].includes(format)) {
    io.err(`--format 只能是 text、json 或 ndjson (--format takes text, json or ndjson): ${format ?? ''}`);
    return 2;
  }
  if (formatAt >= 0) rest.splice(formatAt, 2);
  const json = format === 'json';
  const ndjson = format === 'ndjson';
  const explain = rest.includes('--explain');
  // --max-size MB raises the file size limit (and the inflated size with it, eight times over).
  const sizeAt = rest.indexOf('--max-size');
  const limits = { ...DEFAULT_LIMITS };
  if (sizeAt >= 0) {
    const mb = Number(rest[sizeAt + 1]);
    if (!(mb > 0)) {
      io.err('--max-size 需要以 MB 为单位的正数 (--max-size takes a size in MB)');
      return 2;
    }
    limits.maxFileBytes = mb * 1024 * 1024;
    limits.maxInflatedBytes = Math.max(limits.maxInflatedBytes, 8 * limits.maxFileBytes);
  }
  const args = sizeAt >= 0 ? [...rest.slice(0, sizeAt), ...rest.slice(sizeAt + 2)] : rest;
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json' && a !== '--explain');
  if (unknown.length) {
    io.err(`未知选项 (unknown option): ${unknown.join(' ')}`);
    return 2;
  }
  const named = args.filter((a) => !a.startsWith('-'));
  // A folder stands for every .xlsx under it (Office's lock files ~$… left out), in name order.
  const expanded = named.map((a) => ({ arg: a, under: isDirectory(a) ? xlsxUnder(a) : null }));
  const files = expanded.flatMap((x) => x.under ?? [x.arg]);
  const emptyFolders = expanded.filter((x) => x.under?.length === 0).map((x) => x.arg);
  for (const a of emptyFolders) io.err(printable(`${a}: 文件夹中没有 .xlsx 文件 (no .xlsx in this folder)`));
  if (emptyFolders.length && files.length === 0) return 2;
  if (files.length === 0) {
    io.err(`请指定要检查的 .xlsx 文件 (no file given)\n${USAGE}`);
    return 2;
  }

  // Lines for a terminal carry workbook text: shown with its control characters escaped.
  const say = (line: string) => io.out(printable(line));
  const warn = (line: string) => io.err(printable(line));
  let exit = emptyFolders.length ? 2 : 0;
  const results: unknown[] = [];
  const totals = { tables: 0, error: 0, warning: 0, info: 0 };
  for (const file of files) {
    let sheets;
    try {
      sheets = checkWorkbook(await readWorkbook(file, limits), { library: loadLibrary(), explain });
    } catch (e) {
      const reason = e instanceof UnreadableFileError ? e.message : `无法读取 (cannot read): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      warn(`${file}: ${reason}`);
      if (json) results.push({ file, error: reason, tables: [] });
      if (ndjson) io.out(JSON.stringify({ file, error: reason, tables: [] }));
      exit = 2;
      continue;
    }
    const tables = sheets.flatMap((s) => s.tables);
    const nearMisses = sheets.flatMap((s) => s.nearMisses);
    totals.tables += tables.length;
    for (const t of tables) {
      const c = countBySeverity(t.issues);
      totals.error += c.error;
      totals.warning += c.warning;
      totals.info += c.info;
      if (c.error > 0 && exit === 0) exit = 1;
    }
    if (json || ndjson) {
      const doc = {
        file,
        tables: tables.map(tableJson),
        nearMisses: nearMisses.map((n) => ({ sheet: n.sheet, range: n.range, kind: n.kind, message: n.message })),
        ...(explain ? { candidates: sheets.flatMap((s) => s.candidates) } : {}),
      };
      if (ndjson) io.out(JSON.stringify(doc));
      else results.push(doc);
      continue;
    }
    say(`${path.basename(file)}：找到 ${tables.length} 张绩效目标表`);
    for (const n of nearMisses) say(`  [${n.sheet}!${n.range}] ${n.message}`);
    if (tables.length === 0 && nearMisses.length === 0) say('  未找到绩效目标表（需要「一级指标 / 二级指标 / 三级指标 / 指标值」表头，或项目名称、金额、年度目标等表头栏）');
    if (explain) {
      say('  识别过程 (explain)：');
      for (const c of sheets.flatMap((s) => s.candidates)) {
        const verdict = c.verdict === 'table' ? '采用' : c.verdict === 'nearMiss' ? '近似表，未检查' : '不采用';
        say(`    [${c.sheet}!${c.range}] ${verdict}：${c.reason}`);
        if (c.anchors.length) say(`      找到：${c.anchors.join('；')}`);
      }
    }
    for (const t of tables) {
      const c = countBySeverity(t.issues);
      say('');
      say(`  [${t.sheet}!${t.range}] ${t.projectName ?? '（未识别项目名称）'}  — ${c.error} 错误, ${c.warning} 警告, ${c.info} 提示`);
      for (const i of t.issues) say(`    ${i.cell.padEnd(6)} ${SEVERITY_ZH[i.severity]}  ${i.rule.padEnd(30)} ${i.message}`);
    }
    say('');
  }
  if (json) {
    io.out(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
  } else if (!ndjson && (exit !== 2 || totals.tables > 0)) {
    say(`合计 (summary)：${totals.tables} 张表，${totals.error} 个错误，${totals.warning} 个警告，${totals.info} 个提示`);
  }
  return exit;
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') })
    // exitCode, not exit(): output piped to another program is written in full before the process ends.
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e) => {
      process.stderr.write(`jixiao: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
      process.exitCode = 2;
    });
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every .xlsx under a folder, recursively, without Office's lock files (~$…); in name order. */
function xlsxUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...xlsxUnder(p));
    else if (entry.isFile() && /\.xlsx$/i.test(entry.name) && !entry.name.startsWith('~$')) found.push(p);
  }
  return found;
}
