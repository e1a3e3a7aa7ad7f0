/**
 * Issue 29: the reader parses XML and never loses a sheet in silence. A corpus of legal package
 * constructs, generated here from real forms in test/fixtures — each one the way some writer spells
 * a package (.NET Open XML SDK's `x:` prefixes, Python ElementTree's `ns0:`, Strict namespaces,
 * UTF-16, stored entries, data descriptors, ZIP64…) — must give the same grids and the same
 * `jixiao check --json` tables as the original; where SheetJS reads the construct right, ours is
 * compared with SheetJS's too. Files that are truly unreadable are refused with a reason naming the
 * part (exit 2), never read as fewer tables.
 *
 * Run under TZ=Asia/Shanghai and TZ=America/Los_Angeles (npm test runs this file under both).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import type { Grid } from '../src/core/grid';
import { checkWorkbook } from '../src/core/check';
import { loadLibrary } from '../src/core/phrasings/library';
import { readElementsWhole, readXlsx } from '../src/xlsx/read';
import { UnreadableFileError } from '../src/xlsx/unreadable';
import { normalGrid, readerOf } from '../bench/readers';
import { type ZipOptions, writeZip } from './helpers/zip-writer';

const FIXTURES = path.join(__dirname, 'fixtures');
/** A stacked form, a per-sheet workbook (six sheets) and a 批复表 with percent formats. */
const SOURCES = ['guyuan.xlsx', 'guyuan.per-sheet.xlsx', 'wider/w03-hubei-huangshi-2022-pifubiao.xlsx'];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type Parts = { name: string; data: Buffer }[];

async function partsOf(bytes: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Parts = [];
  for (const f of Object.values(zip.files))
    if (!f.dir) out.push({ name: f.name, data: await f.async('nodebuffer') });
  return out;
}

const isXml = (name: string) => /\.(xml|rels)$/i.test(name);
const isSheetMl = (name: string) =>
  /^xl\/(workbook\.xml|styles\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i.test(name);

/** Rewrites the text of the parts `which` selects. */
const rewrite =
  (which: (name: string) => boolean, f: (xml: string, name: string) => string) =>
  (parts: Parts): Parts =>
    parts.map((p) =>
      which(p.name) ? { name: p.name, data: Buffer.from(f(p.data.toString('utf8'), p.name)) } : p,
    );

/** Unprefixed element names (start and end tags) given `prefix`, the default namespace bound to it. */
function prefixElements(xml: string, prefix: string): string {
  return xml
    .replace(
      /<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g,
      (_, slash: string, name: string) => `<${slash}${prefix}:${name}`,
    )
    .replace(/\sxmlns="([^"]*)"/, ` xmlns:${prefix}="$1"`);
}

/** What Python's ElementTree writes: every namespace as ns0, ns1…, in order of declaration. */
function elementTree(xml: string): string {
  const decls = [...xml.matchAll(/\sxmlns(?::([\w.-]+))?="([^"]*)"/g)];
  const prefixOf = new Map<string, string>();
  decls.forEach((d, i) => prefixOf.set(d[1] ?? '', `ns${i}`));
  const rename = (q: string) => {
    const colon = q.indexOf(':');
    if (colon < 0) return prefixOf.has('') ? `${prefixOf.get('')}:${q}` : q;
    const p = q.slice(0, colon);
    return prefixOf.has(p) ? `${prefixOf.get(p)}:${q.slice(colon + 1)}` : q;
  };
  return xml
    .replace(/<(\/?)([A-Za-z_][\w.:-]*)/g, (_, slash: string, q: string) => `<${slash}${rename(q)}`)
    .replace(/(\s)([A-Za-z_][\w.-]*):([\w.-]+)=/g, (whole, sp: string, p: string, local: string) =>
      p === 'xmlns' || p === 'xml' || !prefixOf.has(p) ? whole : `${sp}${prefixOf.get(p)}:${local}=`,
    )
    .replace(/\sxmlns(?::([\w.-]+))?="([^"]*)"/g, (_, p: string | undefined) => {
      const uri = decls.find((d) => (d[1] ?? '') === (p ?? ''))![2];
      return ` xmlns:${prefixOf.get(p ?? '')}="${uri}"`;
    });
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function utf16(xml: string, bigEndian: boolean): Buffer {
  const text = '\ufeff' + xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
  const le = Buffer.from(text, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

/** Renames a part and points every relationship to it at the new name. */
function renamePart(
  parts: Parts,
  from: RegExp,
  to: (name: string) => string,
  target: (t: string) => string,
): Parts {
  return parts.map((p) => {
    let { name, data } = p;
    if (from.test(name)) name = to(name);
    if (name.endsWith('.rels'))
      data = Buffer.from(
        data
          .toString('utf8')
          .replace(/Target="([^"]*)"/g, (whole, t: string) =>
            from.test(`xl/${t}`) ? `Target="${target(t)}"` : whole,
          ),
      );
    return { name, data };
  });
}

interface Construct {
  name: string;
  /** Who writes it. */
  who: string;
  apply?: (parts: Parts) => Parts;
  zip?: ZipOptions;
  /** SheetJS 0.20.3 reads it right (then ours is compared with SheetJS's grids too). */
  sheetjs?: boolean;
}

const CONSTRUCTS: Construct[] = [
  {
    name: 'x: prefix on SpreadsheetML elements',
    who: '.NET Open XML SDK, ClosedXML',
    apply: rewrite(isSheetMl, (x) => prefixElements(x, 'x')),
  },
  {
    name: 'every part rewritten by ElementTree (ns0:)',
    who: 'Python xml.etree',
    apply: rewrite(isXml, elementTree),
  },
  {
    name: 'only the .rels prefixed',
    who: 'hand-edited packages',
    apply: rewrite(
      (n) => n.endsWith('.rels'),
      (x) => prefixElements(x, 'pr'),
    ),
  },
  {
    name: 'the relationships namespace as d2p1:',
    who: '.NET DataContractSerializer',
    apply: rewrite(
      (n) => n === 'xl/workbook.xml',
      (x) => x.replace('xmlns:r=', 'xmlns:d2p1=').replace(/\br:id=/g, 'd2p1:id='),
    ),
  },
  {
    name: "single-quoted attributes (t='s')",
    who: 'hand-rolled writers',
    apply: rewrite(isXml, (x) => x.replace(/="([^"']*)"/g, "='$1'")),
    sheetjs: true,
  },
  {
    name: 'spaces around = (t = "s")',
    who: 'hand-rolled writers',
    apply: rewrite(isXml, (x) => x.replace(/(\s[\w:.-]+)="([^"]*)"/g, '$1 = "$2"')),
  },
  {
    name: '<![CDATA[…]]> in <t>',
    who: 'hand-rolled writers',
    apply: rewrite(
      (n) => n === 'xl/sharedStrings.xml',
      (x) =>
        x.replace(
          /<t( xml:space="preserve")?>([^<]*)<\/t>/g,
          (_, sp = '', t: string) => `<t${sp}><![CDATA[${decode(t)}]]></t>`,
        ),
    ),
  },
  {
    name: 'UTF-16 LE parts, BOM and declaration',
    who: '.NET XmlWriter with Encoding.Unicode',
    apply: (parts) =>
      parts.map((p) => (isXml(p.name) ? { name: p.name, data: utf16(p.data.toString('utf8'), false) } : p)),
  },
  {
    name: 'UTF-16 BE parts',
    who: 'Java writers with UTF-16',
    apply: (parts) =>
      parts.map((p) =>
        isSheetMl(p.name) ? { name: p.name, data: utf16(p.data.toString('utf8'), true) } : p,
      ),
  },
  {
    name: 'part names in another case than the targets (Sheet1.xml)',
    who: 'packages re-zipped on Windows',
    apply: (parts) =>
      parts.map((p) =>
        /^xl\/worksheets\//.test(p.name) ? { ...p, name: p.name.replace(/sheet/g, 'Sheet') } : p,
      ),
  },
  {
    name: 'non-ASCII part names, percent-encoded targets',
    who: 'WPS, budget systems',
    apply: (parts) =>
      renamePart(
        parts,
        /^xl\/worksheets\/sheet(\d+)\.xml$/,
        (n) => n.replace(/sheet(\d+)/, '工作表$1'),
        (t) => t.replace(/sheet(\d+)/, (_, d: string) => encodeURIComponent(`工作表${d}`)),
      ),
  },
  {
    name: 'the workbook part elsewhere, found through _rels/.rels',
    who: 'Open XML SDK packages built by hand',
    apply: (parts) =>
      parts.map((p) => {
        if (p.name === 'xl/workbook.xml') return { ...p, name: 'xl/book.xml' };
        if (p.name === 'xl/_rels/workbook.xml.rels') return { ...p, name: 'xl/_rels/book.xml.rels' };
        if (p.name === '_rels/.rels' || p.name === '[Content_Types].xml')
          return {
            ...p,
            data: Buffer.from(p.data.toString('utf8').replace(/xl\/workbook\.xml/g, 'xl/book.xml')),
          };
        return p;
      }),
    sheetjs: true,
  },
  {
    name: 'zip names with \\',
    who: 'zips made on Windows by .NET ZipFile before 4.6.1',
    apply: (parts) => parts.map((p) => ({ ...p, name: p.name.replace(/\//g, '\\') })),
  },
  {
    name: 'zip names with a leading /',
    who: 'some Java zip writers',
    apply: (parts) => parts.map((p) => ({ ...p, name: `/${p.name}` })),
  },
  {
    name: 'rows without r (cells keep theirs)',
    who: 'streaming writers',
    apply: rewrite(
      (n) => /worksheets\//.test(n),
      (x) => x.replace(/<row r="\d+"/g, '<row'),
    ),
    sheetjs: true,
  },
  {
    name: '<c t="s"><v></v></c>',
    who: 'writers of empty shared strings',
    apply: rewrite(
      (n) => /worksheets\//.test(n),
      (x) => x.replace(/<\/row>/, '<c r="Z1" t="s"><v></v></c></row>'),
    ),
  },
  {
    name: 'each row in two <row> elements of one number',
    who: 'writers that flush rows in parts',
    apply: rewrite(
      (n) => /worksheets\//.test(n),
      (x) =>
        x.replace(
          /<row( [^>]*)?>((?:<c [^>]*(?:\/>|>.*?<\/c>))+?)(<c [^>]*(?:\/>|>.*?<\/c>).*?)<\/row>/g,
          (_, attrs = '', first: string, rest: string) =>
            `<row${attrs}>${first}</row><row${attrs}>${rest}</row>`,
        ),
    ),
  },
  {
    name: '_xff08_ and _x76ee_ (目) escapes in lower case',
    who: 'writers escaping full-width brackets',
    apply: rewrite(
      (n) => n === 'xl/sharedStrings.xml',
      (x) => x.replace(/（/g, '_xff08_').replace(/）/g, '_xFF09_').replace(/目/g, '_x76ee_'),
    ),
  },
  {
    name: 'a raw > inside formatCode',
    who: 'writers that escape only < and &',
    apply: rewrite(
      (n) => n === 'xl/styles.xml',
      (x) =>
        /<numFmts\b/.test(x)
          ? x.replace(
              /<numFmts count="(\d+)">/,
              (_, n: string) =>
                `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="199" formatCode="[>100]0;[<=100]0.0"/>`,
            )
          : x.replace(
              /<fonts\b/,
              '<numFmts count="1"><numFmt numFmtId="199" formatCode="[>100]0;[<=100]0.0"/></numFmts><fonts',
            ),
    ),
  },
  { name: 'stored entries', who: 'zip -0, some Java writers', zip: { method: 0 }, sheetjs: true },
  {
    name: 'data descriptors',
    who: 'streaming zip writers (ExcelJS stream, Java ZipOutputStream)',
    zip: { descriptor: true },
    sheetjs: true,
  },
  {
    name: 'ZIP64 records',
    who: 'writers of large files (xlsxwriter use_zip64, .NET)',
    zip: { zip64: true, descriptor: true },
  },
  {
    name: 'Strict namespaces',
    who: 'Excel "Strict Open XML" save',
    apply: rewrite(isXml, (x) =>
      x
        .replace(
          /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
          'http://purl.oclc.org/ooxml/spreadsheetml/main',
        )
        .replace(
          /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
          'http://purl.oclc.org/ooxml/officeDocument/relationships',
        ),
    ),
  },
  {
    name: 'rich text with phonetic runs',
    who: 'Excel with Japanese IME input',
    apply: rewrite(
      (n) => n === 'xl/sharedStrings.xml',
      (x) =>
        x.replace(
          /<si><t([^>]*)>([^<]*)<\/t><\/si>/g,
          '<si><r><rPr><b/></rPr><t$1>$2</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="0"/></si>',
        ),
    ),
    sheetjs: true,
  },
  {
    name: 'inline strings',
    who: 'xlsxwriter constant_memory, streaming writers',
    apply: (parts) => {
      const sst = parts.find((p) => p.name === 'xl/sharedStrings.xml')!.data.toString('utf8');
      const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
      return rewrite(
        (n) => /worksheets\//.test(n),
        (x) =>
          x.replace(
            /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
            (_, a: string, b: string, i: string) =>
              `<c ${a}t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`,
          ),
      )(parts);
    },
    sheetjs: true,
  },
  {
    name: 'shared formulas before cached values',
    who: 'Excel, LibreOffice',
    apply: rewrite(
      (n) => /worksheets\//.test(n),
      (x) =>
        x.replace(
          /<c r="([A-Z]+\d+)"( s="\d+")?><v>/g,
          (_, r: string, s = '') =>
            `<c r="${r}"${s}><f t="shared" ref="${r}" si="0">0+${r.replace(/\d+/, '1')}*0+0</f><v>`,
        ),
    ),
    sheetjs: true,
  },
  {
    name: '1904 dates (no date cells: the flag alone)',
    who: 'Excel for Mac before 2011',
    apply: rewrite(
      (n) => n === 'xl/workbook.xml',
      (x) => x.replace(/<workbookPr\b/, '<workbookPr date1904="1"'),
    ),
    sheetjs: true,
  },
  {
    name: 'hidden and very hidden sheets',
    who: 'any',
    apply: rewrite(
      (n) => n === 'xl/workbook.xml',
      (x) =>
        x
          .replace(/state="visible"/, 'state="hidden"')
          .replace(/<sheet (?![^>]*state=)/, '<sheet state="veryHidden" '),
    ),
    sheetjs: true,
  },
  {
    name: 'a chart sheet and a macro sheet listed first',
    who: 'Excel workbooks with chart sheets, Excel 4 macros',
    apply: (parts) =>
      parts
        .map((p) => {
          let x = p.data.toString('utf8');
          if (p.name === 'xl/workbook.xml')
            x = x.replace(
              '<sheets>',
              `<sheets><sheet name="图表1" sheetId="90" r:id="rIdC"/><sheet name="宏1" sheetId="91" r:id="rIdM"/>`,
            );
          else if (p.name === 'xl/_rels/workbook.xml.rels')
            x = x.replace(
              '</Relationships>',
              `<Relationship Id="rIdC" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rIdM" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>`,
            );
          else return p;
          return { name: p.name, data: Buffer.from(x) };
        })
        .concat([
          {
            name: 'xl/chartsheets/sheet1.xml',
            data: Buffer.from(
              `<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
            ),
          },
          {
            name: 'xl/macrosheets/sheet1.xml',
            data: Buffer.from(
              `<xm:macrosheet xmlns="${MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>RETURN()</f><v>宏</v></c></row></sheetData></xm:macrosheet>`,
            ),
          },
        ]),
  },
  {
    name: 'absolute targets (/xl/worksheets/sheet1.xml)',
    who: 'ClosedXML, EPPlus',
    apply: rewrite(
      (n) => n === 'xl/_rels/workbook.xml.rels',
      (x) => x.replace(/Target="(?!\/)([^"]*)"/g, 'Target="/xl/$1"'),
    ),
    sheetjs: true,
  },
  {
    name: '../ targets',
    who: 'packages whose parts sit outside xl/',
    apply: rewrite(
      (n) => n === 'xl/_rels/workbook.xml.rels',
      (x) => x.replace(/Target="(?!\/)([^"]*)"/g, 'Target="../xl/$1"'),
    ),
    // SheetJS 0.20.3 loses the sheets here.
    sheetjs: false,
  },
];

const library = loadLibrary();
/** What `jixiao check --json` reports per sheet: each table's range, name, fields and issues. */
const checked = (grids: Grid[]) =>
  checkWorkbook(grids, { library }).map((s) =>
    s.tables.map((t) => ({
      range: t.range,
      name: t.projectName,
      issues: t.issues.map((i) => [i.rule, i.cell, i.message]),
    })),
  );

async function viaSheetJS(bytes: Buffer): Promise<Grid[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-construct-')), 'c.xlsx');
  fs.writeFileSync(file, bytes);
  return readerOf('sheetjs')(file);
}

describe.each(SOURCES)('%s', (source) => {
  let original: Parts;
  let expected: Grid[];
  beforeAll(async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, source));
    original = await partsOf(bytes);
    expected = await readXlsx(bytes);
  });

  test.each(CONSTRUCTS.map((c) => [c.name, c] as const))(
    '%s: the same grids and the same check',
    async (_, c) => {
      const parts = c.apply ? c.apply(original) : original;
      // The construct is really there (a rewrite that matched nothing would prove nothing).
      if (c.apply) expect(parts).not.toEqual(original);
      const bytes = writeZip(parts, c.zip);
      const grids = await readXlsx(bytes);
      expect(grids.map(normalGrid)).toEqual(expected.map(normalGrid));
      expect(checked(grids)).toEqual(checked(expected));
      // Element by element too (rows are read whole where they can be): both paths must agree.
      readElementsWhole(false);
      try {
        expect((await readXlsx(bytes)).map(normalGrid)).toEqual(expected.map(normalGrid));
      } finally {
        readElementsWhole(true);
      }
      if (c.sheetjs) expect((await viaSheetJS(bytes)).map(normalGrid)).toEqual(grids.map(normalGrid));
    },
  );
});

/** A construct that cannot be read right: refused with a reason naming the part, exit 2 from the command line. */
describe('never silent: what cannot be read right is refused, naming the part', () => {
  let original: Parts;
  beforeAll(async () => {
    original = await partsOf(fs.readFileSync(path.join(FIXTURES, 'guyuan.xlsx')));
  });
  const edit = (name: string, f: (x: string) => string) => (parts: Parts) =>
    parts.map((p) => (p.name === name ? { name: p.name, data: Buffer.from(f(p.data.toString('utf8'))) } : p));
  const SHEET = 'xl/worksheets/sheet1.xml';

  const cases: [string, (parts: Parts) => Parts, RegExp][] = [
    [
      'a listed sheet whose part is missing',
      (parts) => parts.filter((p) => p.name !== SHEET),
      /的部件 xl\/worksheets\/sheet1\.xml 不在文件中/,
    ],
    [
      'a sheet relationship that points at the shared strings',
      edit('xl/_rels/workbook.xml.rels', (x) => x.replace('worksheets/sheet1.xml', 'sharedStrings.xml')),
      /xl\/sharedStrings\.xml 的根元素是 <sst>，不是 <worksheet>/,
    ],
    [
      'a worksheet in another namespace',
      edit(SHEET, (x) => x.replace(`xmlns="${MAIN}"`, 'xmlns="urn:example:other"')),
      /xl\/worksheets\/sheet1\.xml 的根元素是 <worksheet>（urn:example:other）/,
    ],
    [
      'rows in a vocabulary that is not SpreadsheetML',
      edit(SHEET, (x) =>
        x.replace(/<row /g, '<y:row xmlns:y="urn:example:rows" ').replace(/<\/row>/g, '</y:row>'),
      ),
      /工作表「附件2」（xl\/worksheets\/sheet1\.xml）的单元格数据中有无法识别的内容 <row>/,
    ],
    [
      'a shared-string index out of range',
      edit('xl/sharedStrings.xml', (x) => x.replace(/<si>(?:(?!<si>)[\s\S])*?<\/si><\/sst>/, '</sst>')),
      /xl\/worksheets\/sheet1\.xml [A-Z]+\d+ 引用第 \d+ 个共享字符串，而 xl\/sharedStrings\.xml 只有 \d+ 个/,
    ],
    [
      'a cell type that does not exist',
      edit(SHEET, (x) => x.replace(' t="s"', ' t="x"')),
      /的单元格类型 t="x" 不存在/,
    ],
    [
      'a sheet cut short',
      edit(SHEET, (x) => x.slice(0, x.length >> 1)),
      /xl\/worksheets\/sheet1\.xml 不是格式正确的 XML/,
    ],
    [
      'a workbook that lists no sheet',
      edit('xl/workbook.xml', (x) => x.replace(/<sheets>.*<\/sheets>/, '<sheets/>')),
      /xl\/workbook\.xml 中没有列出任何工作表/,
    ],
    [
      'a workbook part that is not a workbook',
      edit('xl/workbook.xml', (x) => x.replace(/<workbook\b/, '<book').replace('</workbook>', '</book>')),
      /xl\/workbook\.xml 的根元素是 <book>，不是 <workbook>/,
    ],
  ];

  test.each(cases)('%s', async (_, f, reason) => {
    const parts = f(original);
    expect(parts).not.toEqual(original);
    const error = await readXlsx(writeZip(parts)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).reason.zh).toMatch(reason);
  });

  test('the command line: exit 2 and one line naming the part, the other files still checked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-silent-'));
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, writeZip(cases[0][1](original)));
    const good = path.join(dir, 'good.xlsx');
    fs.copyFileSync(path.join(FIXTURES, 'guyuan.xlsx'), good);
    const { main } = await import('../src/cli/main');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['check', '--json', '--jobs', '1', '--no-progress', bad, good], {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
    });
    expect(code).toBe(2);
    const lines = err.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bad.xlsx');
    expect(lines[0]).toContain('xl/worksheets/sheet1.xml');
    const json = JSON.parse(out.join('')) as
      { files: { file: string; tables?: unknown[] }[] } | { file: string }[];
    expect(JSON.stringify(json)).toContain('good.xlsx');
  });
});
