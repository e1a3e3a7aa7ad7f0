/**
 * `jixiao check [options] FILE.xlsx|DIR...` — the same engine as the add-in, on .xlsx files.
 * Exit 0: no errors; 1: an error was found; 2: a file could not be read (one-line reason) or a usage error.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENGINE_LOCALES, type EngineLocale, profileWords, ruleWords } from '../core/locales';
import '../core/locales/en-US';
import { ruleRationale } from '../core/locales/rationales';
import { rules } from '../core/rules';
import { profiles } from '../core/profiles';
import { DEFAULT_LIMITS, type ReadLimits } from '../xlsx/limits';
import {
  FORMATS,
  type FormatName,
  type Writer,
  csvWriter,
  escaped,
  jsonWriter,
  ndjsonWriter,
  textWriter,
  xlsxWriter,
} from './output';
import { checkFiles } from './pool';
import { printable } from './printable';
import { noProgress, progressBar } from './progress';
import { ConfigFinder } from './config';
import type { Counts, FileJob } from './report';
import { ConfigError } from '../core/config-error';
import type { CliIO } from './io';
import { TEMPLATE_USAGE } from './template-usage';
import { processIO } from './stdio';
import { say, systemLocale } from './words';

export { tableJson } from './report';

export type { CliIO } from './io';

const USAGE = `用法 (usage):
  jixiao check [选项] FILE.xlsx|文件夹...   检查工作簿中的绩效目标表；文件夹按其中全部 .xlsx（含子文件夹）
  选项 (options):
    --format text|json|ndjson|csv|xlsx   输出格式（默认 text；--json 即 --format json）
    -o, --output FILE                   写入文件而非屏幕（xlsx 必须指定）
    --jobs N                            同时检查的文件数（默认 CPU 核数减一，本机 ${defaultJobs()}）
    --explain                           说明识别过程：每个候选区域找到了什么、为何采用或不采用
    --max-size MB                       文件大小上限（默认 ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024} MB）
    --max-cells N                       单元格数上限（默认 ${DEFAULT_LIMITS.maxCells.toLocaleString('en-US')}）
    --max-rows N                        行数上限（默认 ${DEFAULT_LIMITS.maxRows.toLocaleString('en-US')}）
    --locale zh-CN|en-US                问题说明的语言（默认 zh-CN）(language of the issue messages)
    --config FILE                       规则配置（默认取文件所在及上级文件夹中的 jixiao.config.json）
    --no-progress                       不显示进度条
  jixiao rules [--locale en-US]        列出全部规则 (list the rules)
${TEMPLATE_USAGE}
  jixiao --help

退出码 (exit code): 0 无错误 / 1 发现错误 / 2 文件无法读取或用法错误`;

const USAGE_EN = `Usage:
  jixiao check [options] FILE.xlsx|FOLDER...   check the target tables in workbooks; a folder stands for every .xlsx under it
  options:
    --format text|json|ndjson|csv|xlsx   output format (default text; --json is --format json)
    -o, --output FILE                   write to a file instead of the screen (required for xlsx)
    --jobs N                            files checked at once (default: CPU cores less one, here ${defaultJobs()})
    --explain                           say what recognition looked at in each region, and why it was taken or not
    --max-size MB                       file size limit (default ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024} MB)
    --max-cells N                       cell limit (default ${DEFAULT_LIMITS.maxCells.toLocaleString('en-US')})
    --max-rows N                        row limit (default ${DEFAULT_LIMITS.maxRows.toLocaleString('en-US')})
    --locale zh-CN|en-US                language of the output (default zh-CN; en-US on an English system locale)
    --config FILE                       rule settings (default: the nearest jixiao.config.json in the file's folder or above)
    --no-progress                       no progress bar
  jixiao rules [--locale en-US]        list the rules
${TEMPLATE_USAGE}
  jixiao --help

Exit code: 0 no error / 1 an error was found / 2 a file could not be read, or a usage error`;

/** The locale asked for on the command line (--locale X), else the system's (words.ts). */
function localeOf(argv: string[]): EngineLocale {
  const i = argv.indexOf('--locale');
  const asked = i >= 0 ? argv[i + 1] : undefined;
  return ENGINE_LOCALES.includes(asked as EngineLocale) ? (asked as EngineLocale) : systemLocale();
}

/**
 * One thread fewer than the machine has cores: V8 compiles and collects garbage on background
 * threads, about a third of a core per checking thread here, and a thread that has to share its
 * core with them is slower than none (measured on 2 cores: `--jobs 2` took longer than `--jobs 1`;
 * README "批量检查").
 */
export function defaultJobs(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}

interface CheckArgs {
  format: FormatName;
  output: string | null;
  jobs: number;
  explain: boolean;
  progress: boolean;
  limits: ReadLimits;
  locale: EngineLocale;
  config: string | null;
  names: string[];
}

/** The options of `jixiao check`, or a one-line usage error. */
function parseCheckArgs(args: string[], locale: EngineLocale): CheckArgs | string {
  const en = locale === 'en-US';
  /** A usage error in the user's language. */
  const t = (zh: string, english: string) => (en ? english : `${zh} (${english})`);
  const parsed: CheckArgs = {
    format: 'text',
    output: null,
    jobs: defaultJobs(),
    explain: false,
    progress: true,
    limits: { ...DEFAULT_LIMITS },
    locale,
    config: null,
    names: [],
  };
  const positive = (flag: string, v: string | undefined) => {
    const n = Number(v);
    return n > 0 && Number.isFinite(n) ? n : t(`${flag} 需要一个正数`, `${flag} takes a positive number`);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i];
    if (a === '--json') parsed.format = 'json';
    else if (a === '--explain') parsed.explain = true;
    else if (a === '--no-progress') parsed.progress = false;
    else if (a === '--config') {
      const f = value();
      if (!f) return t('--config 需要配置文件名', '--config takes a file name');
      parsed.config = f;
    } else if (a === '--locale') {
      const l = value();
      if (!ENGINE_LOCALES.includes(l as EngineLocale))
        return `${t(`--locale 只能是 ${ENGINE_LOCALES.join('、')}`, `--locale takes ${ENGINE_LOCALES.join(', ')}`)}: ${l ?? ''}`;
      parsed.locale = l as EngineLocale;
    } else if (a === '--format') {
      const f = value();
      if (!FORMATS.includes(f as FormatName))
        return `${t(`--format 只能是 ${FORMATS.join('、')}`, `--format takes ${FORMATS.join(', ')}`)}: ${f ?? ''}`;
      parsed.format = f as FormatName;
    } else if (a === '-o' || a === '--output') {
      const f = value();
      if (!f) return t(`${a} 需要文件名`, `${a} takes a file name`);
      parsed.output = f;
    } else if (a === '--jobs' || a === '-j') {
      const n = positive('--jobs', value());
      if (typeof n === 'string' || !Number.isInteger(n))
        return t('--jobs 需要一个正整数', '--jobs takes a positive whole number');
      parsed.jobs = n;
    } else if (a === '--max-size') {
      // --max-size MB raises the file size limit (and the inflated size with it, eight times over).
      const mb = positive('--max-size', value());
      if (typeof mb === 'string') return mb;
      parsed.limits.maxFileBytes = mb * 1024 * 1024;
      parsed.limits.maxInflatedBytes = Math.max(
        parsed.limits.maxInflatedBytes,
        8 * parsed.limits.maxFileBytes,
      );
    } else if (a === '--max-cells' || a === '--max-rows') {
      const n = positive(a, value());
      if (typeof n === 'string') return n;
      if (a === '--max-cells') parsed.limits.maxCells = n;
      else parsed.limits.maxRows = n;
    } else if (a.startsWith('-') && a !== '-') return `${t('未知选项', 'unknown option')}: ${a}`;
    else parsed.names.push(a);
  }
  if (parsed.format === 'xlsx' && !parsed.output)
    return t('--format xlsx 需要用 -o 指定报告文件', 'the .xlsx report needs -o FILE');
  return parsed;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  // The form's words, frameworks, profiles and phrasings are data held to their schemas where they
  // are built (npm run build:cli runs scripts/validate-data.js) and tested, as the pane's bundle is:
  // not at every start, where loading the schema library alone took longer than checking a form.
  const [command, ...rest] = argv;
  const locale = localeOf(argv);
  const usage = locale === 'en-US' ? USAGE_EN : USAGE;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(usage);
    return command ? 0 : 2;
  }
  if (command === 'rules') {
    if (rest[0] === '--locale' && !ENGINE_LOCALES.includes(rest[1] as EngineLocale)) {
      io.err(`--locale 只能是 ${ENGINE_LOCALES.join('、')} (--locale takes ${ENGINE_LOCALES.join(', ')})`);
      return 2;
    }
    for (const r of rules) {
      const words = ruleWords(r.meta.id, locale as EngineLocale);
      const level = r.meta.offByDefault ? 'off' : r.meta.severity;
      io.out(
        `${r.meta.id.padEnd(32)} ${level.padEnd(8)} ${words.title}${locale === 'zh-CN' ? '：' : ': '}${words.description}`,
      );
      io.out(
        `${''.padEnd(32)}   ${locale === 'zh-CN' ? '为何：' : 'why: '}${ruleRationale(r.meta.id, locale as EngineLocale)}`,
      );
      for (const [name, o] of Object.entries(r.meta.options ?? {})) {
        const range = [o.min !== undefined ? `≥${o.min}` : '', o.max !== undefined ? `≤${o.max}` : '']
          .filter(Boolean)
          .join(' ');
        const what = words.options?.[name] ?? '';
        io.out(
          locale === 'zh-CN'
            ? `${''.padEnd(32)}   选项 ${name}（${o.kind === 'integer' ? '整数' : '数'}${range ? ` ${range}` : ''}，默认 ${o.default ?? '不设'}）：${what}`
            : `${''.padEnd(32)}   option ${name} (${o.kind === 'integer' ? 'integer' : 'number'}${range ? ` ${range}` : ''}, default ${o.default ?? 'none'}): ${what}`,
        );
      }
    }
    io.out('');
    io.out(
      locale === 'zh-CN' ? '规范（配置中的 "profile"）：' : 'Profiles ("profile" in the configuration):',
    );
    for (const p of profiles) {
      const words = profileWords(p.id, locale as EngineLocale);
      const sets = Object.entries(p.rules).map(([id, level]) => `${id} ${level}`);
      io.out(
        `${p.id.padEnd(8)} ${words.title}${locale === 'zh-CN' ? '：' : ': '}${words.description}${sets.length ? ` [${sets.join(', ')}]` : ''}`,
      );
    }
    return 0;
  }
  if (command === 'template') return (await import('./template')).templateCommand(rest, io);
  if (command !== 'check') {
    io.err(`${locale === 'en-US' ? 'unknown command' : '未知命令 (unknown command)'}: ${command}\n${usage}`);
    return 2;
  }
  const args = parseCheckArgs(rest, locale);
  if (typeof args === 'string') {
    io.err(args);
    return 2;
  }
  // A folder stands for every .xlsx under it (Office's lock files ~$… left out), in name order.
  const expanded = args.names.map((a) => ({ arg: a, under: isDirectory(a) ? xlsxUnder(a) : null }));
  const files = expanded.flatMap((x) => x.under ?? [x.arg]);
  const emptyFolders = expanded.filter((x) => x.under?.length === 0).map((x) => x.arg);
  for (const a of emptyFolders) io.err(printable(say(locale, 'emptyFolder', { folder: a })));
  if (emptyFolders.length && files.length === 0) return 2;
  if (files.length === 0) {
    io.err(`${say(locale, 'noFile')}\n${usage}`);
    return 2;
  }

  // Each file's configuration (--config, else the nearest jixiao.config.json above it), all read
  // before any check: an invalid one stops the run with the key it got wrong.
  const finder = new ConfigFinder(args.config, locale);
  let jobs: FileJob[];
  try {
    await finder.prepare(files);
    jobs = files.map((file) => ({ file, config: finder.configFor(file) }));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(printable(say(locale, 'badConfig', { reason: e.message })));
    return 2;
  }

  // Output to a file is written beside it and renamed at the end: a report is whole or absent.
  const target = args.output ? path.resolve(args.output) : null;
  const partial = target
    ? path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`)
    : null;
  let fd: number | null = null;
  if (partial && args.format !== 'xlsx') {
    try {
      fd = fs.openSync(partial, 'w');
    } catch (e) {
      io.err(
        printable(
          say(locale, 'cannotWrite', {
            file: args.output ?? '',
            reason: (e as NodeJS.ErrnoException).code ?? String(e),
          }),
        ),
      );
      return 2;
    }
  }
  const progress =
    io.progress && args.progress && files.length > 1
      ? progressBar(files.length, io.progress, Date.now, say(locale, 'progress'))
      : noProgress;
  const line =
    fd !== null
      ? (s: string) => {
          fs.writeSync(fd!, `${s}\n`);
        }
      : (s: string) => {
          progress.clear();
          io.out(s);
        };
  const writer: Writer =
    args.format === 'text'
      ? textWriter(escaped(line), args.locale)
      : args.format === 'json'
        ? jsonWriter(line, files.length)
        : args.format === 'ndjson'
          ? ndjsonWriter(line)
          : args.format === 'csv'
            ? csvWriter(line, args.locale)
            : xlsxWriter(partial!, args.locale);

  let exit = emptyFolders.length ? 2 : 0;
  const totals: Counts = { tables: 0, error: 0, warning: 0, info: 0 };
  let done = 0;
  try {
    for await (const report of checkFiles(jobs, args.jobs, {
      limits: args.limits,
      explain: args.explain,
      locale: args.locale,
    })) {
      if (report.error) {
        progress.clear();
        io.err(printable(`${report.file}: ${report.error}`));
        exit = 2;
      }
      totals.tables += report.counts.tables;
      totals.error += report.counts.error;
      totals.warning += report.counts.warning;
      totals.info += report.counts.info;
      if (report.counts.error > 0 && exit === 0) exit = 1;
      writer.file(report);
      progress.tick(++done, report.file);
    }
    progress.clear();
    await writer.end(totals, exit);
    if (fd !== null) fs.closeSync(fd);
    if (partial && target) fs.renameSync(partial, target);
  } catch (e) {
    progress.clear();
    if (fd !== null) fs.closeSync(fd);
    if (partial) fs.rmSync(partial, { force: true });
    io.err(printable(`jixiao: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
    return 2;
  }
  return exit;
}

if (require.main === module) {
  main(process.argv.slice(2), processIO())
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
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...xlsxUnder(p));
    else if (entry.isFile() && /\.xlsx$/i.test(entry.name) && !entry.name.startsWith('~$')) found.push(p);
  }
  return found;
}
