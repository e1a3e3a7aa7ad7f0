/** Configuration: jixiao.config.json validated against the rules' declarations, found upward from each file. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { ConfigError, parseConfig } from '../src/core/config';
import { FIXTURES } from './helpers/fixtures';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parseConfig', () => {
  test('levels, "off", and [level, options] as ESLint writes them', () => {
    const c = parseConfig(
      {
        rules: {
          'style/notation': 'off',
          'value/satisfaction-form': ['error', { minimum: 90 }],
          'structure/too-few-indicators': ['warning', { min: 3 }],
          'sum/goal-text': ['info'],
        },
      },
      'x.json',
    );
    expect(c.rules).toEqual({
      'style/notation': 'off',
      'value/satisfaction-form': 'error',
      'structure/too-few-indicators': 'warning',
      'sum/goal-text': 'info',
    });
    expect(c.ruleOptions).toEqual({
      'value/satisfaction-form': { minimum: 90 },
      'structure/too-few-indicators': { min: 3 },
    });
  });

  test.each([
    [{ rule: {} }, /x\.json: .*rule.*不认识的设置项/],
    [{ rules: { 'value/percent-rang': 'off' } }, /x\.json: rules\["value\/percent-rang"\]: 没有这条规则/],
    [{ rules: { 'style/notation': 'loud' } }, /rules\["style\/notation"\]: 应为 "error"/],
    [
      { rules: { 'structure/too-few-indicators': ['warning', { min: 0 }] } },
      /rules\["structure\/too-few-indicators"\]\[1\]\.min: /,
    ],
    [{ rules: { 'structure/too-few-indicators': ['warning', { min: 2.5 }] } }, /\[1\]\.min: /],
    [
      { rules: { 'value/satisfaction-form': ['error', { minimun: 90 }] } },
      /\[1\]: 没有这个选项 \(unknown option: minimun\)/,
    ],
    [
      { profile: '广东' },
      /x\.json: profile: 没有这个规范 \(unknown profile "广东"; one of 101号, 88号, 宁夏\)/,
    ],
    [{ profile: 88 }, /x\.json: profile: /],
  ])('invalid %j is one error naming the key', (raw, message) => {
    expect(() => parseConfig(raw, 'x.json')).toThrow(ConfigError);
    expect(() => parseConfig(raw, 'x.json')).toThrow(message);
  });
});

test('a profile is kept for the check', () => {
  expect(parseConfig({ profile: '宁夏' }, 'x.json')).toEqual({ profile: '宁夏', rules: {}, ruleOptions: {} });
  expect(parseConfig({}, 'x.json').profile).toBeUndefined();
});

describe('jixiao check with a configuration', () => {
  test('"profile": "宁夏" turns on its required 二级: 廊坊 forms (no 可持续影响) are reported, 宁夏 forms are not', async () => {
    const dir = path.join(tmp, 'ningxia-profile');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ['langfang.xlsx', 'ningxia.xlsx'])
      fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    const required = async (file: string) => {
      const r = await run('check', '--json', path.join(dir, file));
      const doc = JSON.parse(r.out) as { tables: { issues: { rule: string; messageId: string }[] }[] };
      return doc.tables.flatMap((t) => t.issues).filter((i) => i.rule === 'structure/required-level2');
    };
    expect(await required('langfang.xlsx')).toEqual([]);
    fs.writeFileSync(path.join(dir, 'jixiao.config.json'), JSON.stringify({ profile: '宁夏' }));
    const langfang = await required('langfang.xlsx');
    expect(langfang.length).toBe(13);
    expect(new Set(langfang.map((i) => i.messageId))).toEqual(new Set(['missing']));
    expect(await required('ningxia.xlsx')).toEqual([]);
  });

  const form = path.join(FIXTURES, 'pingluo.xlsx');

  test('found in the file’s folder or above; --config overrides; rules turned off vanish and options apply', async () => {
    const batch = path.join(tmp, 'batch', 'county');
    fs.mkdirSync(batch, { recursive: true });
    const copy = path.join(batch, 'pingluo.xlsx');
    fs.copyFileSync(form, copy);
    const plain = JSON.parse((await run('check', '--json', copy)).out) as {
      tables: { issues: { rule: string; severity: string }[] }[];
    };
    const count = (doc: typeof plain, rule: string) =>
      doc.tables.flatMap((t) => t.issues).filter((i) => i.rule === rule).length;
    expect(count(plain, 'style/notation')).toBeGreaterThan(0);
    expect(count(plain, 'structure/too-few-indicators')).toBe(0);

    fs.writeFileSync(
      path.join(tmp, 'batch', 'jixiao.config.json'),
      JSON.stringify({
        rules: { 'style/notation': 'off', 'structure/too-few-indicators': ['warning', { min: 6 }] },
      }),
    );
    const configured = JSON.parse((await run('check', '--json', copy)).out) as typeof plain;
    expect(count(configured, 'style/notation')).toBe(0);
    expect(count(configured, 'structure/too-few-indicators')).toBeGreaterThan(0);

    const other = path.join(tmp, 'other.json');
    fs.writeFileSync(other, JSON.stringify({ rules: {} }));
    const explicit = JSON.parse((await run('check', '--json', '--config', other, copy)).out) as typeof plain;
    expect(count(explicit, 'style/notation')).toBe(count(plain, 'style/notation'));
  });

  test('an invalid configuration stops the run: exit 2, one line naming the file and the key', async () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({ rules: { 'value/satisfaction-form': ['error', { minimum: 120 }] } }),
    );
    const r = await run('check', '--config', bad, form);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/bad\.json: rules\["value\/satisfaction-form"\]\[1\]\.minimum/);
    fs.writeFileSync(bad, '{ "rules": ');
    expect((await run('check', '--config', bad, form)).err).toMatch(/不是有效的 JSON/);
    expect((await run('check', '--config', path.join(tmp, 'none.json'), form)).err).toMatch(
      /无法读取配置文件/,
    );
  });

  test('jixiao rules lists each rule’s options with their defaults, and off-by-default rules as off', async () => {
    const out = (await run('rules')).out;
    expect(out).toMatch(/structure\/too-few-indicators\s+off/);
    expect(out).toContain('选项 min（整数 ≥1 ≤20，默认 2）');
    expect(out).toContain('选项 minimum（数 ≥0 ≤100，默认 不设）');
  });
});
