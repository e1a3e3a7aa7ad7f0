/**
 * The adapter's view of WPS's object model (src/wps/et.ts) against Kingsoft's typings for the ET
 * JSAPI (et-jsapi-declare 2.5.0): test/wps-typings/check.ts must compile, and a member the typings
 * do not declare must make it fail (shown with a copy of et.ts given one invented member).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function compile(project: string): { ok: boolean; output: string } {
  try {
    execFileSync(process.execPath, [TSC, '-p', project], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

test('every member src/wps/et.ts uses is one Kingsoft’s typings declare, with a compatible shape', () => {
  const r = compile(path.join(ROOT, 'test', 'wps-typings', 'tsconfig.json'));
  expect(r.output).toBe('');
  expect(r.ok).toBe(true);
});

test('an invented member fails the check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-wps-typings-'));
  try {
    fs.mkdirSync(path.join(dir, 'src', 'wps'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'test', 'wps-typings'), { recursive: true });
    const et = fs
      .readFileSync(path.join(ROOT, 'src', 'wps', 'et.ts'), 'utf8')
      .replace('export interface EtRange {', 'export interface EtRange {\n  Frobnicate(): void;');
    fs.writeFileSync(path.join(dir, 'src', 'wps', 'et.ts'), et);
    fs.copyFileSync(
      path.join(ROOT, 'test', 'wps-typings', 'check.ts'),
      path.join(dir, 'test', 'wps-typings', 'check.ts'),
    );
    const config = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'test', 'wps-typings', 'tsconfig.json'), 'utf8'),
    );
    config.compilerOptions.typeRoots = [
      path.join(ROOT, 'node_modules', '@types'),
      path.join(ROOT, 'node_modules'),
    ];
    fs.writeFileSync(path.join(dir, 'test', 'wps-typings', 'tsconfig.json'), JSON.stringify(config));
    const r = compile(path.join(dir, 'test', 'wps-typings', 'tsconfig.json'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/Frobnicate/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
