/**
 * Offline check of manifest.xml (`npm run validate` needs Microsoft's online service): it parses,
 * has a GUID id, the Workbook host, the chosen requirement set, ReadWriteDocument, https URLs on
 * one origin, the elements of OfficeApp in the order the schema requires, resource ids that
 * resolve, the Home-tab button with its zh-CN and en-US labels, and icon files that exist.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** A minimal XML reader: enough for a manifest (elements, attributes, text; no DTDs). */
interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

function parseXml(src: string): Node {
  const body = src.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const re = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const [, close, name, attrText, selfClose, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.text += text.trim();
      continue;
    }
    if (close) {
      if (top.name !== name) throw new Error(`mismatched </${name}>, expected </${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const node: Node = { name, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClose) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

function all(node: Node, name: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

const doc = parseXml(xml);
const app = doc.children[0];

test('well-formed, a TaskPaneApp with a GUID id', () => {
  expect(app.name).toBe('OfficeApp');
  expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
  const id = app.children.find((c) => c.name === 'Id')!.text;
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(app.children.find((c) => c.name === 'Version')!.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test('OfficeApp children in schema order', () => {
  const ORDER = [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ];
  const names = app.children.map((c) => c.name);
  for (const n of names) expect(ORDER).toContain(n);
  const positions = names.map((n) => ORDER.indexOf(n));
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const required of [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'Hosts',
    'DefaultSettings',
    'Permissions',
  ])
    expect(names).toContain(required);
});

test('Workbook host, ExcelApi requirement, ReadWriteDocument', () => {
  const hosts = app.children.find((c) => c.name === 'Hosts')!.children;
  expect(hosts.map((h) => h.attrs.Name)).toEqual(['Workbook']);
  const sets = all(app, 'Set');
  expect(sets).toEqual([expect.objectContaining({ attrs: { Name: 'ExcelApi', MinVersion: '1.1' } })]);
  expect(app.children.find((c) => c.name === 'Permissions')!.text).toBe('ReadWriteDocument');
});

test('every URL is https on localhost:3000, and every referenced asset exists', () => {
  const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  urls.push(...all(app, 'AppDomain').map((n) => n.text));
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  for (const u of urls) {
    const p = new URL(u).pathname;
    if (p.startsWith('/assets/')) expect(fs.existsSync(path.join(ROOT, p))).toBe(true);
    if (p.endsWith('.html'))
      expect(fs.existsSync(path.join(ROOT, 'src', p.replace('.html', ''), p.slice(1)))).toBe(true);
  }
  for (const size of [16, 32, 64, 80]) {
    const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
    expect(png.readUInt32BE(16)).toBe(size); // IHDR width
    expect(png.readUInt32BE(20)).toBe(size);
  }
});

test('the Home-tab button opens the pane, labelled 绩效表检查 / Check 附件2; every resid resolves', () => {
  const tab = all(app, 'OfficeTab')[0];
  expect(tab.attrs.id).toBe('TabHome');
  const button = all(tab, 'Control')[0];
  expect(button.attrs['xsi:type']).toBe('Button');
  expect(all(button, 'Action')[0].attrs['xsi:type']).toBe('ShowTaskpane');
  const strings = new Map(all(app, 'bt:String').map((s) => [s.attrs.id, s]));
  const label = strings.get(all(button, 'Label')[0].attrs.resid)!;
  expect(label.attrs.DefaultValue).toBe('绩效表检查');
  expect(all(label, 'bt:Override')[0].attrs).toEqual({ Locale: 'en-US', Value: 'Check 附件2' });
  const ids = new Set(
    [...all(app, 'bt:Image'), ...all(app, 'bt:Url'), ...all(app, 'bt:String')]
      .map((n) => n.attrs.id)
      .filter(Boolean),
  );
  const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  for (const r of resids) expect(ids).toContain(r);
  for (const s of strings.values())
    expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(
      s.name === 'bt:String' && all(app, 'bt:ShortStrings')[0].children.includes(s) ? 125 : 250,
    );
  const controlIds = all(app, 'Control').map((c) => c.attrs.id);
  expect(new Set(controlIds).size).toBe(controlIds.length);
});
