/** `jixiao check`: output, JSON shape, exit codes, and hostile files that must give exit 2 with a reason. */
import '../src/core/locales/en-US';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { readWorkbook } from '../src/cli/xlsx';
import { ruleWords } from '../src/core/locales';
import { rules as allRules } from '../src/core/rules';
import { FIXTURES } from './helpers/fixtures';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('jixiao check', () => {
  test('human output: per table, one line per issue, a summary; exit 1 when errors', async () => {
    const r = await run('check', path.join(FIXTURES, 'pingluo.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('找到 5 张绩效目标表');
    expect(r.out).toMatch(/B107\s+错误\s+structure\/missing-level1\s+缺少一级指标「成本指标」/);
    expect(r.out).toMatch(/合计 \(summary\)：5 张表，\d+ 个错误/);
    expect(r.err).toBe('');
  });

  test('--json: the documented shape', async () => {
    const r = await run('check', '--json', path.join(FIXTURES, 'ningxia.xlsx'));
    const doc = JSON.parse(r.out);
    expect(doc.file).toContain('ningxia.xlsx');
    expect(doc.tables).toHaveLength(10);
    const t = doc.tables[3];
    expect(t).toMatchObject({
      sheet: '附件2',
      range: 'A82:F107',
      projectName: '升级改造项目尾款支付项目',
      unit: '万元',
      framework: 'older',
    });
    expect(t.amounts).toMatchObject({ total: 165.53, annual: 165.53, fiscal: 165.53 });
    expect(t.indicators).toHaveLength(13);
    expect(t.indicators[0]).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '支付升级改造项目监理及设计尾款',
      value: '1项',
      cell: 'C95',
    });
    expect(t.issues.filter((i: { severity: string }) => i.severity !== 'info')).toEqual([
      expect.objectContaining({
        rule: 'sum/goal-text',
        severity: 'warning',
        cell: 'B93',
        message: expect.stringContaining('0.73'),
      }),
    ]);
    // Short 二级 names ("经济效益") come with a one-click fix in the JSON.
    expect(t.issues).toContainEqual({
      rule: 'style/level2-name',
      severity: 'info',
      messageId: 'standardName',
      data: { text: '经济效益', after: '经济效益指标' },
      message: '二级指标「经济效益」的标准写法是「经济效益指标」',
      cell: 'B103',
      row: 102,
      col: 1,
      text: expect.any(String),
      fix: { cell: 'B103', before: '经济效益', after: '经济效益指标' },
    });
  });

  test('--json lists 无/不涉及 rows among the indicators', async () => {
    const doc = JSON.parse((await run('check', '--json', path.join(FIXTURES, 'ningxia.xlsx'))).out);
    expect(doc.tables[0].indicators.filter((i: { name: string }) => i.name === '无')).toHaveLength(2);
  });

  test('exit 0 when there are warnings only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    [
      ['项目名称', '测试项目'],
      ['主管部门', '某局', '实施单位', '某中心'],
      ['项目总额', 10, '年度资金总额', 10],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '人数', '10人'],
      [null, '质量指标', '合格', '优秀'],
      [null, '时效指标', '时间', '12月前'],
      [null, '成本指标', '经费', '10万元'],
      ['效益指标', '社会效益指标', '效果', '提升'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
    ].forEach((r) => ws.addRow(r));
    const file = path.join(tmp, 'warn.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file);
    expect(r.out).toContain('value/not-measurable');
    expect(r.code).toBe(0);
  });

  test('a workbook without any 附件2 table: empty result, exit 0', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    wb.addWorksheet('其他').addRow(['姓名', '金额']);
    const file = path.join(tmp, 'none.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', '--json', file);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tables).toEqual([]);
  });

  test('percent-formatted numbers are read as Excel shows them (1 → 100%)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['一级指标', '二级指标', '三级指标', '指标值']);
    ws.addRow(['产出指标', '质量指标', '验收合格率', 1.05]);
    ws.getCell('D2').numFmt = '0%';
    const file = path.join(tmp, 'pct.xlsx');
    await wb.xlsx.writeFile(file);
    const doc = JSON.parse((await run('check', '--json', file)).out);
    expect(doc.tables[0].indicators[0].value).toBe('105%');
    expect(doc.tables[0].issues.map((i: { rule: string }) => i.rule)).toContain('value/percent-range');
  });
});

describe('hostile input: exit 2 with a one-line reason, never a stack trace', () => {
  const cases: [string, () => string, RegExp][] = [
    ['missing file', () => path.join(tmp, 'nope.xlsx'), /文件不存在/],
    ['a folder without any .xlsx', () => fs.mkdtempSync(path.join(tmp, 'empty-')), /文件夹中没有 \.xlsx/],
    ['not an xlsx (text)', () => write('text.xlsx', 'hello, world'), /不是 \.xlsx/],
    ['empty file', () => write('empty.xlsx', ''), /不是 \.xlsx/],
    [
      'encrypted / legacy OLE',
      () =>
        write(
          'enc.xlsx',
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
        ),
      /加密/,
    ],
    [
      'corrupt zip',
      () => write('corrupt.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])),
      /损坏/,
    ],
  ];
  function write(name: string, data: string | Buffer): string {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, data);
    return f;
  }
  test.each(cases)('%s', async (_, make, reason) => {
    const r = await run('check', make());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  test('a truncated real workbook', async () => {
    const data = fs.readFileSync(path.join(FIXTURES, 'guyuan.xlsx'));
    const r = await run('check', write('trunc.xlsx', data.subarray(0, Math.floor(data.length / 2))));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/损坏/);
  });

  test('one bad file among good ones: the good ones are still checked, exit 2', async () => {
    const r = await run('check', path.join(FIXTURES, 'ningxia.xlsx'), path.join(tmp, 'nope.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('找到 10 张绩效目标表');
  });

  test('usage errors', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('check')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('check', '--bogus', 'x.xlsx')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
    const rules = await run('rules');
    const [ruleList, profileList] = rules.out.split('\n\n');
    expect(ruleList.split('\n').filter((l) => !l.startsWith(' '))).toHaveLength(allRules.length);
    expect(
      profileList
        .split('\n')
        .slice(1)
        .map((l) => l.split(' ')[0]),
    ).toEqual(['101号', '88号', '宁夏']);
  });
});

describe('jixiao check: near-misses and --explain', () => {
  const wider = (f: string) => path.join(FIXTURES, 'wider', f);

  test('a 自评表 is named in one line and not checked (exit 0)', async () => {
    const r = await run('check', wider('w10-yunnan-yongde-2022-zipingbiao-nearmiss.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('找到 0 张绩效目标表');
    expect(r.out).toContain('[公开14表!A1:J23] 此表像是绩效自评表，不是绩效目标表，未检查');
  });

  test('--json lists near-misses beside the tables', async () => {
    const doc = JSON.parse(
      (await run('check', '--json', wider('w08-fujian-anxi-2022-quyu-two-sheets.xlsx'))).out,
    );
    expect(doc.tables.map((t: { projectName: string }) => t.projectName)).toEqual(['省级第七批水利专项资金']);
    expect(doc.nearMisses).toEqual([
      {
        sheet: '附件1',
        range: 'A1:E12',
        kind: 'allocation',
        message: '此表像是资金分配表，不是绩效目标表，未检查',
      },
    ]);
    expect(doc.candidates).toBeUndefined();
  });

  test('--explain prints each candidate region, what was found in it, and why it was taken or not', async () => {
    const r = await run('check', '--explain', wider('w08-fujian-anxi-2022-quyu-two-sheets.xlsx'));
    expect(r.out).toContain('识别过程 (explain)：');
    expect(r.out).toMatch(/\[附件1!A1:E12\] 近似表，未检查：此表像是资金分配表/);
    expect(r.out).toMatch(
      /\[附件2!A1:L8\] 采用：有指标表头\n\s+找到：指标表头@A6（.*三级指标.*）；项目名称@A3/,
    );
    const json = JSON.parse(
      (await run('check', '--json', '--explain', wider('w07-shanxi-yangquan-2021-header-only.xlsx'))).out,
    );
    expect(json.candidates).toEqual([
      expect.objectContaining({
        sheet: 'Sheet1',
        verdict: 'table',
        reason: '只有表头（项目名称、金额、年度目标），没有指标表',
        anchors: expect.arrayContaining(['项目名称@A3', '年度预算资金总额=25万元@E6']),
      }),
    ]);
  });
});

describe('rule titles', () => {
  test('every rule has a short zh-CN title of its own, and `jixiao rules` prints it (in English with --locale en-US)', async () => {
    const titles = allRules.map((r) => ruleWords(r.meta.id).title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const t of titles) expect(t).toMatch(/^[\u4e00-\u9fff]{2,10}$/);
    const out = (await run('rules')).out;
    for (const r of allRules)
      expect(out).toContain(`${ruleWords(r.meta.id).title}：${ruleWords(r.meta.id).description}`);
    const en = (await run('rules', '--locale', 'en-US')).out;
    for (const r of allRules) expect(en).toContain(`${ruleWords(r.meta.id, 'en-US').title}: `);
    expect((await run('rules', '--locale', 'fr')).code).toBe(2);
  });
});

describe('output that survives pipes and terminals', () => {
  const BIN = path.join(__dirname, '..', 'bin', 'jixiao.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { execFileSync } = require('child_process') as typeof import('child_process');

  test('more than 1 MB of JSON piped into another process arrives whole and parses', () => {
    if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'cli', 'src', 'cli', 'main.js')))
      execFileSync('npm', ['run', 'build:cli'], { cwd: path.join(__dirname, '..') });
    const files = fs
      .readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join(FIXTURES, f));
    const args = [...files, ...files, ...files].map((f) => JSON.stringify(f)).join(' ');
    // The receiving process reads stdin to the end and reports what it parsed.
    const reader = `node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const doc=JSON.parse(s);console.log(s.length+' '+doc.length)})"`;
    const out = execFileSync('sh', ['-c', `node ${JSON.stringify(BIN)} check --json ${args} | ${reader}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const [bytes, docs] = out.trim().split(' ').map(Number);
    expect(docs).toBe(files.length * 3);
    expect(bytes).toBeGreaterThan(1024 * 1024);
  });

  test('control characters in a workbook are shown escaped in the human output, raw never', async () => {
    const rows: (string | number)[][] = [
      ['2026年部门项目支出预算绩效目标表'],
      ['项目名称', '培训\u001b]0;pwned\u0007项目\u001b[2J\u009b'],
      ['项目总额', 10, '其中：年度资金总额', 10],
      ['年度总体绩效目标', '开展培训\u202e。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人数\u009b', '提高'],
    ];
    // ExcelJS drops control characters when writing; a file from elsewhere carries them as _x001B_
    // escapes in its XML, which readers decode. Written here as such a file would be.
    const raw = rows.map((r) =>
      r.map((v) =>
        typeof v === 'string'
          ? v.replace(
              /[\u0000-\u001f\u007f-\u009f]/g,
              (c) => `ESC${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
            )
          : v,
      ),
    );
    const clean = new ExcelJS.Workbook();
    const sheet = clean.addWorksheet('附件2');
    raw.forEach((r) => sheet.addRow(r));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip') as {
      loadAsync: (b: Buffer) => Promise<{
        files: Record<string, { async: (t: 'string') => Promise<string> }>;
        file: (n: string, d: string) => void;
        generateAsync: (o: { type: 'nodebuffer' }) => Promise<Buffer>;
      }>;
    };
    const zip = await JSZip.loadAsync(Buffer.from(await clean.xlsx.writeBuffer()));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.files[name].async('string');
      if (xml.includes('ESC')) zip.file(name, xml.replace(/ESC([0-9A-F]{4})/g, '_x$1_'));
    }
    const file = path.join(tmp, 'escape.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await run('check', file);
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain('培训\\x1b]0;pwned\\x07项目\\x1b[2J\\x9b');
    const json = await run('check', '--json', file);
    expect(JSON.parse(json.out).tables[0].projectName).toBe('培训\u001b]0;pwned\u0007项目\u001b[2J\u009b');
  });
});

describe('hostile packages, refused before any reader parses them (generated here, not checked in)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { prescan } = require('../src/xlsx/prescan') as typeof import('../src/xlsx/prescan');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { areaCells, DEFAULT_LIMITS } = require('../src/xlsx/limits') as typeof import('../src/xlsx/limits');

  const hostile = import('../bench/hostile').then((m) => m.hostileFiles(false));

  function save(name: string, data: Buffer): string {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, data);
    return f;
  }

  async function refused(file: string, reason: RegExp, ...flags: string[]) {
    const t0 = Date.now();
    const r = await run('check', ...flags, file);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(reason)]);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(5000);
  }

  // The hostile classes of issue 14, small versions (the bench builds the full-size ones and times them).
  test.each([
    'fifo.xlsx',
    'bigmerge.xlsx',
    'manymerges.xlsx',
    'bigvalidation.xlsx',
    'bigstrings.xlsx',
    'badcrc.xlsx',
    'notbook.xlsx',
    'liar.xlsx',
  ])('hostile: %s is refused in one line, in moments', async (name) => {
    const h = (await hostile).find((x) => x.name === name)!;
    const file = path.join(tmp, h.name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (h.bytes === null) require('child_process').execFileSync('mkfifo', [file]);
    else fs.writeFileSync(file, h.bytes);
    // The small shared-strings file (8 MB inflated) stands for the 300 MB one: the limit lowered to 4 MB.
    if (name === 'bigstrings.xlsx')
      await expect(
        readWorkbook(file, { ...DEFAULT_LIMITS, maxInflatedBytes: 4 * 1024 * 1024 }),
      ).rejects.toThrow(h.reason);
    else await refused(file, h.reason);
  });

  test('a file over the size limit; --max-size raises it', async () => {
    const file = path.join(FIXTURES, 'pingluo.xlsx');
    await refused(file, /文件过大/, '--max-size', '0.01');
    expect((await run('check', '--max-size', '10', file)).code).toBe(1);
    expect((await run('check', '--max-size', 'lots', file)).code).toBe(2);
  });

  test('rows and cells over their limits; --max-rows and --max-cells raise them', async () => {
    const { workbookOf } = await import('../bench/hostile');
    const rows = Array.from(
      { length: 300 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`,
    ).join('');
    const file = save('rows.xlsx', await workbookOf(rows));
    await refused(file, /行数过多/, '--max-rows', '299');
    await refused(file, /单元格过多/, '--max-cells', '599');
    expect((await run('check', '--max-rows', '300', '--max-cells', '600', file)).code).toBe(0);
  });

  test('a zip bomb is refused from its directory, before inflating', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/sharedStrings.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100 * 1024);
    const refused = await prescan(bytes, { ...DEFAULT_LIMITS, maxInflatedBytes: 4 * 1024 * 1024 });
    expect(refused?.zh).toMatch(/解压后过大/);
    expect(refused?.en).toMatch(/zip bomb/);
  });

  test('the real fixtures pass the scan, and areas are counted as Excel does', async () => {
    for (const f of fs.readdirSync(FIXTURES).filter((x) => x.endsWith('.xlsx')))
      expect([f, await prescan(fs.readFileSync(path.join(FIXTURES, f)))]).toEqual([f, null]);
    expect(areaCells('A1')).toBe(1);
    expect(areaCells('B2:C3')).toBe(4);
    expect(areaCells('A:A')).toBe(1048576);
    expect(areaCells('3:4')).toBe(2 * 16384);
    expect(areaCells('A1:XFD1048576')).toBe(16384 * 1048576);
  });
});

describe('folders and ndjson', () => {
  test('a folder is every .xlsx under it, recursively, without lock files; ndjson gives one line per file, a bad file included', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'book-'));
    fs.mkdirSync(path.join(dir, '二级单位'));
    fs.copyFileSync(path.join(FIXTURES, 'pingluo.xlsx'), path.join(dir, 'a-平罗.xlsx'));
    fs.copyFileSync(path.join(FIXTURES, 'ningxia.xlsx'), path.join(dir, '二级单位', 'b-宁夏.XLSX'));
    fs.writeFileSync(path.join(dir, '~$a-平罗.xlsx'), 'lock');
    fs.writeFileSync(path.join(dir, 'c-坏的.xlsx'), 'not a workbook');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const r = await run('check', '--format', 'ndjson', dir);
    const lines = r.out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => path.basename(l.file))).toEqual(['a-平罗.xlsx', 'c-坏的.xlsx', 'b-宁夏.XLSX']);
    expect(lines.map((l) => l.tables.length)).toEqual([5, 0, 10]);
    expect(lines[1].error).toMatch(/不是 \.xlsx/);
    expect(r.code).toBe(2);
    const text = await run('check', dir);
    expect(text.out).toContain('a-平罗.xlsx：找到 5 张绩效目标表');
    expect(text.out).not.toContain('~$');
  });

  test('--format json equals --json; an unknown format is a usage error', async () => {
    const file = path.join(FIXTURES, 'guyuan.xlsx');
    expect((await run('check', '--format', 'json', file)).out).toBe((await run('check', '--json', file)).out);
    expect((await run('check', '--format', 'yaml', file)).code).toBe(2);
  });
});
