/**
 * `jixiao check` over many files: worker threads (--jobs), the progress bar, and the csv and .xlsx
 * reports written with -o. Worker threads run the compiled command line (bin/jixiao.js), as a user
 * runs it; the rest runs in-process.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { csvField, linkFormula } from '../src/cli/output';
import { progressBar } from '../src/cli/progress';
import { numberRows, workbookOf } from '../bench/hostile';
import { FIXTURES } from './helpers/fixtures';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'jixiao.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-batch-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], progress?: (s: string) => void) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    ...(progress ? { progress } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const seedFiles = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => path.join(FIXTURES, f));

function cli(args: string[], env?: NodeJS.ProcessEnv): { code: number; out: string; err: string } {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        ...(env ? { env: { ...process.env, ...env } } : {}),
      }),
      err: '',
    };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

beforeAll(() => {
  // The compiled command line is what runs worker threads; built by `npm test` before jest.
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'src', 'cli', 'worker.js')))
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT });
});

describe('--jobs: worker threads, the same output in the same order', () => {
  test('ndjson and text with --jobs 3 equal --jobs 1, a bad file included (exit 2 either way)', () => {
    const bad = path.join(tmp, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    const files = [...seedFiles, bad, ...seedFiles.slice(0, 4)];
    for (const format of ['ndjson', 'text']) {
      const one = cli(['check', '--format', format, '--jobs', '1', ...files]);
      const three = cli(['check', '--format', format, '--jobs', '3', ...files]);
      expect(one.code).toBe(2);
      expect(three.code).toBe(2);
      expect(three.out).toEqual(one.out);
      expect(three.err).toEqual(one.err);
    }
    const lines = cli(['check', '--format', 'ndjson', '--jobs', '2', ...files])
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual(files);
  });

  test('a thread that dies on a file costs that file alone: reported, the others checked, in order', async () => {
    // Workers given a heap of 16 MB die on a 160,000-cell sheet (this thread, without the limit, reads
    // it): whichever files the workers take are reported as too large, and a new worker takes each
    // one's place.
    const big = path.join(tmp, 'big.xlsx');
    fs.writeFileSync(big, await workbookOf(numberRows(40_000, 4)));
    const files = [seedFiles[0], big, big, big, big, seedFiles[1], big, big, seedFiles[2]];
    const r = cli(['check', '--format', 'ndjson', '--jobs', '3', '--max-rows', '100000', ...files], {
      JIXIAO_WORKER_HEAP_MB: '16',
    });
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; error?: string; tables: unknown[] });
    expect(lines.map((l) => l.file)).toEqual(files);
    const died = lines.filter((l) => l.error);
    expect(died.length).toBeGreaterThan(0);
    for (const l of died) {
      expect(l.file).toBe(big);
      expect(l.error).toMatch(/内存不足|检查时出错/);
    }
    for (const l of lines.filter((x) => x.file !== big)) expect(l.tables.length).toBeGreaterThan(0);
    expect(r.code).toBe(2);

    // Workers that cannot even load the engine (2 MB) are not started again and again: this thread
    // checks every file itself.
    const alone = cli(['check', '--format', 'ndjson', '--jobs', '3', '--max-rows', '100000', ...files], {
      JIXIAO_WORKER_HEAP_MB: '2',
    });
    const reports = alone.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; error?: string });
    expect(reports.map((l) => l.file)).toEqual(files);
    expect(reports.filter((l) => l.error)).toEqual([]);
  }, 60_000);

  test('--jobs takes a positive whole number', async () => {
    for (const bad of ['0', 'two', '1.5'])
      expect((await run(['check', '--jobs', bad, seedFiles[0]])).code).toBe(2);
  });
});

describe('--json streams an array element by element, exactly JSON.stringify(array, null, 2)', () => {
  test('several files', async () => {
    const files = seedFiles.slice(0, 3);
    const many = await run(['check', '--json', ...files]);
    const docs = JSON.parse(many.out) as unknown[];
    expect(docs).toHaveLength(3);
    expect(many.out).toBe(JSON.stringify(docs, null, 2));
    const one = await run(['check', '--json', files[0]]);
    expect(one.out).toBe(JSON.stringify(docs[0], null, 2));
  });
});

describe('the progress bar', () => {
  test('drawn on stderr for a terminal, redrawn in place, cleared before output and at the end', async () => {
    const drawn: string[] = [];
    const files = seedFiles.slice(0, 3);
    const r = await run(['check', '--format', 'ndjson', ...files], (s) => drawn.push(s));
    expect(r.out.split('\n')).toHaveLength(3);
    expect(drawn.some((s) => /^\r\x1b\[K检查中 3\/3 \[#{24}\] 100% /.test(s))).toBe(true);
    expect(drawn[drawn.length - 1]).toBe('\r\x1b[K');
    const quiet: string[] = [];
    await run(['check', '--format', 'ndjson', '--no-progress', ...files], (s) => quiet.push(s));
    expect(quiet).toEqual([]);
  });

  test('at most ten redraws a second, the last always; control characters in a file name shown as ?', () => {
    const drawn: string[] = [];
    let now = 0;
    const bar = progressBar(
      4,
      (s) => drawn.push(s),
      () => now,
    );
    bar.tick(1, 'a.xlsx');
    now = 50;
    bar.tick(2, 'b.xlsx');
    now = 200;
    bar.tick(3, 'c\x1b]0;title\x07.xlsx');
    bar.tick(4, 'd.xlsx');
    expect(drawn).toHaveLength(3);
    expect(drawn[1]).toContain('c?]0;title?.xlsx');
    expect(drawn[2]).toContain('4/4');
  });
});

describe('csv', () => {
  test('UTF-8 with a byte-order mark, CRLF, one row an issue, formulas defused', async () => {
    const file = path.join(tmp, 'report.csv');
    const r = await run(['check', '--format', 'csv', '-o', file, path.join(FIXTURES, 'pingluo.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF文件,工作表,单元格,严重程度,问题类别,说明,项目名称,所在行内容\r\n')).toBe(
      true,
    );
    const rows = text.trim().split('\r\n');
    const json = JSON.parse((await run(['check', '--json', path.join(FIXTURES, 'pingluo.xlsx')])).out) as {
      tables: { issues: unknown[] }[];
    };
    expect(rows).toHaveLength(1 + json.tables.reduce((n, t) => n + t.issues.length, 0));
    expect(rows[1]).toMatch(/pingluo\.xlsx,.+,[A-Z]+\d+,(错误|警告|提示),/);
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});

describe('the .xlsx report', () => {
  test('汇总 and 问题 sheets, frozen header rows, filters, widths, a link to each issue cell', async () => {
    const file = path.join(tmp, 'report.xlsx');
    const bad = path.join(tmp, 'bad2.xlsx');
    fs.writeFileSync(bad, 'no');
    const sources = [
      path.join(FIXTURES, 'ningxia.xlsx'),
      path.join(FIXTURES, 'wider', 'w10-yunnan-yongde-2022-zipingbiao-nearmiss.xlsx'),
      bad,
    ];
    const r = await run(['check', '--format', 'xlsx', '-o', file, ...sources]);
    expect(r.code).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题']);
    const summary = wb.getWorksheet('汇总')!;
    const issues = wb.getWorksheet('问题')!;
    for (const ws of [summary, issues]) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(1).width).toBeGreaterThan(10);
    }
    expect(summary.getRow(1).values).toEqual([
      undefined,
      '文件',
      '工作表',
      '区域',
      '项目名称',
      '主管部门',
      '项目总额',
      '错误',
      '警告',
      '提示',
      '说明',
    ]);
    // ningxia: 10 tables; the 自评表: one row saying no table was found; the bad file: one row with its reason.
    expect(summary.rowCount).toBe(1 + 10 + 1 + 1);
    expect(summary.getRow(12).getCell(4).value).toBe('未找到绩效目标表');
    expect(summary.getRow(13).getCell(4).value).toBe('无法读取');
    const json = JSON.parse((await run(['check', '--json', sources[0]])).out) as {
      tables: { sheet: string; issues: { cell: string }[] }[];
    };
    const count = json.tables.reduce((n, t) => n + t.issues.length, 0);
    expect(issues.rowCount).toBe(1 + count + 1);
    const link = issues.getRow(2).getCell(3).value as { formula: string; result: string };
    const first = json.tables.find((t) => t.issues.length)!;
    expect(link.result).toBe(first.issues[0].cell);
    expect(link.formula).toBe(linkFormula(path.relative(tmp, sources[0]), first.sheet, first.issues[0].cell));
    expect(link.formula).toMatch(/^HYPERLINK\("\[.*ningxia\.xlsx\]'.+'![A-Z]+\d+","[A-Z]+\d+"\)$/);
  });

  test('needs -o; a report that cannot be written leaves nothing behind (exit 2)', async () => {
    expect((await run(['check', '--format', 'xlsx', seedFiles[0]])).code).toBe(2);
    const r = await run([
      'check',
      '--format',
      'csv',
      '-o',
      path.join(tmp, 'no', 'such', 'dir', 'r.csv'),
      seedFiles[0],
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法写入/);
  });

  test('a link escapes quotes in sheet names and paths', () => {
    expect(linkFormula('a"b.xlsx', "O'Brien", 'C8')).toBe(`HYPERLINK("[a""b.xlsx]'O''Brien'!C8","C8")`);
  });
});
