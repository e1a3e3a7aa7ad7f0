/**
 * The command line in the user's language, and a closed pipe that is not an error.
 *
 * With --locale en-US every line `jixiao check` writes is English except the form's own text: each
 * run of Chinese characters in the output, outside 「」 quotes, must be text the workbook itself
 * holds (a label, a column header, a project name, a sheet name).
 */
import '../src/core/locales/en-US';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/cli/xlsx';
import { systemLocale } from '../src/cli/words';
import { FIXTURES, fixtureFiles } from './helpers/fixtures';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/g;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

/** Every text the workbook holds, and its sheet names, as one string to look words up in. */
async function formText(file: string): Promise<string> {
  const grids = await readWorkbook(file);
  const parts: string[] = [];
  for (const g of grids) {
    parts.push(g.sheet);
    for (const row of g.values) for (const v of row ?? []) if (typeof v === 'string') parts.push(v);
    for (const row of g.texts ?? []) for (const t of row ?? []) if (t) parts.push(t);
  }
  // Compared without spaces and line breaks: the output folds a label's blanks ("项目 名称").
  return parts.join('\n').replace(/\s+/g, '');
}

/** Chinese in a line that is not the form's own: outside 「」 and not found in the workbook. */
function foreignChinese(line: string, text: string): string[] {
  const outside = line.replace(/「[^」]*」/g, '');
  return (outside.match(CJK) ?? []).filter((run) => !text.includes(run));
}

describe('--locale en-US: English lines, the form’s own text quoted', () => {
  test.each(fixtureFiles())('%s (text, with --explain)', async (name) => {
    const file = path.join(FIXTURES, name);
    const text = await formText(file);
    const r = await run('check', '--locale', 'en-US', '--explain', '--no-progress', file);
    expect(r.code).not.toBe(2);
    const bad = [...r.out, ...r.err].flatMap((line) =>
      foreignChinese(line, text).map((w) => `${w}  ←  ${line.trim().slice(0, 120)}`),
    );
    expect(bad).toEqual([]);
    expect(r.out.at(-1)).toMatch(/^Summary: \d+ tables, \d+ errors/);
  });

  test('usage, usage errors and unreadable files in English', async () => {
    const help = await run('--help', '--locale', 'en-US');
    expect(help.out.join('\n')).toMatch(/^Usage:/);
    const bad = await run('check', '--locale', 'en-US', '--jobs', 'x', 'a.xlsx');
    expect(bad.err.join('\n')).toBe('--jobs takes a positive whole number');
    const missing = await run(
      'check',
      '--locale',
      'en-US',
      '--no-progress',
      path.join(FIXTURES, 'none.xlsx'),
    );
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toMatch(/none\.xlsx: file not found$/);
    expect(missing.err.join('\n')).not.toMatch(CJK);
  });

  test('an English system locale is English; any other is Chinese', () => {
    expect(systemLocale({ LANG: 'en_US.UTF-8' })).toBe('en-US');
    expect(systemLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en-US');
    expect(systemLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(systemLocale({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(systemLocale({})).toBe('zh-CN');
  });
});

describe('a closed pipe is not an error', () => {
  // Every fixture at once: far more output than a pipe holds, so the reader is gone long before the end.
  test.each(['text', 'json', 'ndjson', 'csv'])(
    '--format %s piped into a reader of one line: no stack trace, SIGPIPE’s status',
    (format) => {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${BIN}" check --format ${format} --no-progress --jobs 1 "${FIXTURES}" ` +
            `| "${process.execPath}" -e "process.stdin.once('data', () => process.exit(0))"; ` +
            'echo "status=${PIPESTATUS[0]}" >&2',
        ],
        { encoding: 'utf8', timeout: 60000 },
      );
      const status = /status=(\d+)/.exec(r.stderr)?.[1];
      expect(['0', '141']).toContain(status);
      expect(r.stderr.replace(/status=\d+\n?/, '')).toBe('');
    },
  );
});
