/**
 * The WPS add-in package `npm run build` writes to dist/wps (needs the build first; npm test does
 * it): the add-in folder (ribbon, entry script, pane and its chunks, icons), the online publish files
 * and the offline package, whose install script registers the add-in beside others.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const WPS = path.join(__dirname, '..', 'dist', 'wps');
const ADDIN = path.join(WPS, 'addin');
const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};

test('the add-in folder: a 绩效表检查 button whose callbacks main.js defines, and the pane with every script it loads', () => {
  const ribbon = fs.readFileSync(path.join(ADDIN, 'ribbon.xml'), 'utf8');
  expect(ribbon).toContain('label="绩效表检查"');
  const main = fs.readFileSync(path.join(ADDIN, 'main.js'), 'utf8');
  for (const callback of [...ribbon.matchAll(/(?:onLoad|onAction|getImage)="(\w+)"/g)].map((m) => m[1]))
    expect([callback, main.includes(`function ${callback}(`)]).toEqual([callback, true]);
  expect(fs.readFileSync(path.join(ADDIN, 'index.html'), 'utf8')).toContain('src="./main.js"');
  const pane = fs.readFileSync(path.join(ADDIN, 'taskpane.html'), 'utf8');
  const scripts = [...pane.matchAll(/src=["']?([\w.-]+\.js)/g)].map((m) => m[1]);
  expect(scripts).toEqual(['wps.js']);
  for (const s of scripts) expect(fs.existsSync(path.join(ADDIN, s))).toBe(true);
  // The chunks the pane loads later (phrasings, templates, settings) travel with it.
  for (const chunk of ['phrasings.js', 'templates.js', 'config.js', 'locale-en.js'])
    expect([chunk, fs.existsSync(path.join(ADDIN, chunk))]).toEqual([chunk, true]);
  expect(fs.existsSync(path.join(ADDIN, 'assets', 'icon-80.png'))).toBe(true);
  // Nothing of the Excel add-in or the playground.
  for (const f of ['taskpane.js', 'playground.js', 'commands.js', 'manifest.xml'])
    expect([f, fs.existsSync(path.join(ADDIN, f))]).toEqual([f, false]);
});

test('online: jsplugins.xml / publish.xml name the served add-in', () => {
  const xml = fs.readFileSync(path.join(WPS, 'online', 'jsplugins.xml'), 'utf8');
  expect(xml).toMatch(/<jspluginonline name="jixiao" type="et" url="[^"]+\/"/);
  expect(fs.readFileSync(path.join(WPS, 'online', 'publish.xml'), 'utf8')).toBe(xml);
});

test('offline: the add-in folder, publish.xml, and install.sh registering it beside other add-ins', () => {
  const folder = `jixiao_${version}`;
  const off = path.join(WPS, 'offline');
  expect(fs.readdirSync(path.join(off, folder)).sort()).toEqual(fs.readdirSync(ADDIN).sort());
  expect(fs.readFileSync(path.join(off, 'publish.xml'), 'utf8')).toContain(
    `<jsplugin name="jixiao" type="et" url="${folder}" version="${version}"`,
  );
  expect(fs.readFileSync(path.join(off, 'install.bat'), 'utf8')).toMatch(/\r\n/);
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-jsaddons-'));
  try {
    fs.writeFileSync(
      path.join(dest, 'publish.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1" version="1"/>\n  <jsplugin name="jixiao" type="et" url="jixiao_0.0.1" version="0.0.1"/>\n</jsplugins>\n',
    );
    execFileSync('sh', [path.join(off, 'install.sh')], { env: { ...process.env, WPS_JSADDONS: dest } });
    const registered = fs.readFileSync(path.join(dest, 'publish.xml'), 'utf8');
    expect(registered).toContain('name="other"');
    expect(registered.match(/name="jixiao"/g)).toHaveLength(1);
    expect(registered).toContain(`url="${folder}"`);
    expect(fs.existsSync(path.join(dest, folder, 'ribbon.xml'))).toBe(true);
  } finally {
    fs.rmSync(dest, { recursive: true, force: true });
  }
});
