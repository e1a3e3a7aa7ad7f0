/**
 * The command line's streaming reader (src/xlsx/read.ts) against ExcelJS, the reader it replaced:
 * the same grids, cell for cell, on every fixture, and the XML shapes real packages use that the
 * fixtures may not (inline and rich strings, phonetic guides, escapes, dates, errors, rows and cells
 * without addresses, absolute part paths).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Grid } from '../src/core/grid';
import { sheetToGrid } from '../src/xlsx/sheet';
import { readElementsWhole, readXlsx, xmlText } from '../src/xlsx/read';
import { DEFAULT_LIMITS } from '../src/xlsx/limits';
import { checkWorkbook } from '../src/core/check';
import { loadLibrary } from '../src/core/phrasings/library';
import { FIXTURES, fixtureFiles } from './helpers/fixtures';
// Trailing empty cells and rows carry nothing: both readers' grids compared without them.
import { normalGrid } from '../bench/readers';

async function viaExcelJS(bytes: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map(sheetToGrid);
}

const files = fixtureFiles();

describe('the streaming reader reads what ExcelJS reads', () => {
  test.each(files)('%s: the same grids and the same check results', async (name) => {
    const bytes = fs.readFileSync(path.join(FIXTURES, name));
    const ours = await readXlsx(bytes);
    const theirs = await viaExcelJS(bytes);
    expect(ours.map(normalGrid)).toEqual(theirs.map(normalGrid));
    const library = loadLibrary();
    const result = (grids: Grid[]) =>
      checkWorkbook(grids, { library }).map((s) =>
        s.tables.map((t) => ({ range: t.range, name: t.projectName, issues: t.issues })),
      );
    expect(result(ours)).toEqual(result(theirs));
  });
});

/** A package from hand-written parts: the XML shapes other writers (WPS, budget systems) produce. */
async function pkg(sheetXml: string, extra: Record<string, string> = {}, workbookPr = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<sheets><sheet name="表&amp;1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    'xl/styles.xml',
    '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"><alignment/></xf></cellXfs></styleSheet>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    '<sst><si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>一级</t></r><r><t xml:space="preserve">指标 </t></r><rPh sb="0" eb="2"><t>イチ</t></rPh></si><si/><si><t>A&amp;B_x000D_&#x4E00;</t></si></sst>',
  );
  for (const [k, v] of Object.entries(extra)) zip.file(k, v);
  zip.file('xl/worksheets/s1.xml', `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('XML shapes', () => {
  test('shared, rich (phonetic guide left out), empty, escaped and inline strings; numbers, booleans, errors, formulas', async () => {
    const [g] = await readXlsx(
      await pkg(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c><c r="B3"><v>12.5</v></c><c r="C3" t="b"><v>1</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>' +
          '<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4"><f>NOW()</f></c><c r="D4" s="1"><v>0.955</v></c></row>',
      ),
    );
    expect(g.sheet).toBe('表&1');
    expect(g.values).toEqual([
      ['项目名称', '一级指标 ', '', 'A&B\r一'],
      [],
      ['内联文本', 12.5, true, null, { error: '#DIV/0!' }],
      [2, 'ab', null, 0.955],
    ]);
    expect(g.texts?.[3]?.[3]).toBe('95.50%');
  });

  test('rows and cells without addresses follow the one before; dates become the dates Excel shows (1900 and 1904 systems)', async () => {
    const rows =
      '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2" s="2"><v>45657</v></c><c s="3"><v>45658</v></c></row>';
    const [g] = await readXlsx(await pkg(rows));
    expect(g.values).toEqual([
      [1, 2],
      [null, null, '2024-12-31', '2025-01-01'],
    ]);
    const [g1904] = await readXlsx(await pkg(rows, {}, '<workbookPr date1904="1"/>'));
    expect(g1904.values[1][2]).toBe('2029-01-01');
  });

  test('covered cells of a merged area are empty, whatever the file holds there', async () => {
    const zipped = await pkg('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c></row>');
    const zip = await JSZip.loadAsync(zipped);
    zip.file(
      'xl/worksheets/s1.xml',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
    );
    const [g] = await readXlsx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(g.values).toEqual([[1]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  test('a sheet streamed in many chunks (over 4 MB of XML: 256 KB chunks) reads every row, rows cut by a chunk included, both ways', async () => {
    const rows = Array.from(
      { length: 60000 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>0</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`,
    ).join('');
    expect(rows.length).toBeGreaterThan(4 * 1024 * 1024);
    const bytes = await pkg(rows);
    const [g] = await readXlsx(bytes);
    expect(g.values).toHaveLength(60000);
    expect(g.values[59999]).toEqual(['项目名称', 59999]);
    expect(g.values.every((row, r) => row[1] === r)).toBe(true);
    readElementsWhole(false);
    try {
      expect((await readXlsx(bytes))[0].values).toEqual(g.values);
    } finally {
      readElementsWhole(true);
    }
  });

  test('limits stop the read as they are crossed: cells, rows', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`,
    ).join('');
    const bytes = await pkg(rows);
    await expect(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 99 })).rejects.toThrow(
      /单元格过多.*--max-cells/,
    );
    await expect(readXlsx(bytes, { ...DEFAULT_LIMITS, maxRows: 49 })).rejects.toThrow(/行数过多.*--max-rows/);
    await expect(readXlsx(bytes, { ...DEFAULT_LIMITS, maxCells: 100, maxRows: 50 })).resolves.toHaveLength(1);
  });

  test('an entry longer than its directory says (a disguised bomb) is refused while inflating, not after', async () => {
    const bytes = await pkg('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200));
    // The sheet's uncompressed size, rewritten to 10 bytes in its local header and its directory entry.
    const name = Buffer.from('xl/worksheets/s1.xml');
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(10, at - 30 + 22);
      if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(10, at - 46 + 24);
    }
    await expect(readXlsx(bytes)).rejects.toThrow(/长度与目录不符/);
  });

  test(`t="d" cells are the calendar date they write, whatever the machine's zone (TZ=${process.env.TZ ?? 'unset'})`, async () => {
    // Excel's Strict save and openpyxl's iso_dates write dates as ISO text, without a zone or with one.
    const [g] = await readXlsx(
      await pkg(
        '<row r="1"><c r="A1" t="d"><v>2026-01-01T00:00:00</v></c><c r="B1" t="d" s="2"><v>2026-01-01</v></c>' +
          '<c r="C1" t="d"><v>2026-12-31T23:30:00+08:00</v></c><c r="D1" t="d"><v>2026-03-01T00:00:00Z</v></c><c r="E1" t="d"><v>12:30:00</v></c></row>',
      ),
    );
    expect(g.values[0]).toEqual(['2026-01-01', '2026-01-01', '2026-12-31', '2026-03-01', '12:30:00']);
  });

  test('a row without r after a gap is placed by its cells; rows of one number are merged; an empty <v> is empty', async () => {
    const [g] = await readXlsx(
      await pkg(
        '<row r="1"><c r="A1"><v>1</v></c></row><row><c r="A4"><v>4</v></c><c r="B4" t="s"><v></v></c></row>' +
          '<row><c><v>5</v></c></row><row r="1"><c r="C1"><v>3</v></c></row>',
      ),
    );
    expect(g.values).toEqual([[1, null, 3], [], [], [4], [5]]);
  });

  // Found by review (issue 29): each of these was read wrong, silently or slowly.
  describe('what a review found', () => {
    /** The test package with its sheet part replaced by `xml` as written. */
    const withSheetPart = async (xml: string) => {
      const zip = await JSZip.loadAsync(await pkg(''));
      zip.file('xl/worksheets/s1.xml', xml);
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const sheet = (body: string) =>
      withSheetPart(
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`,
      );
    const both = async (bytes: Buffer) => {
      const whole = await readXlsx(bytes);
      readElementsWhole(false);
      try {
        expect(await readXlsx(bytes)).toEqual(whole);
      } finally {
        readElementsWhole(true);
      }
      return whole;
    };

    test('a DOCTYPE never closed is refused at once (no exponential backtracking)', async () => {
      const bytes = await withSheetPart(`<?xml version="1.0"?><!DOCTYPE worksheet ${'[]'.repeat(40)}`);
      const t = Date.now();
      await expect(readXlsx(bytes)).rejects.toThrow(/不是格式正确的 XML/);
      expect(Date.now() - t).toBeLessThan(2000);
    });

    test('a part cut short, or an end tag naming another element, is refused, not read in part', async () => {
      const cut = await withSheetPart(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2',
      );
      await expect(readXlsx(cut)).rejects.toThrow(/s1\.xml 不是格式正确的 XML：.*never closed/);
      const crossed = await sheet('<sheetData><row r="1"><c r="A1"><v>1</c></v></row></sheetData>');
      await expect(readXlsx(crossed)).rejects.toThrow(/s1\.xml 不是格式正确的 XML：<v> ended by/);
    });

    test("rows and strings nested in an extension are not the sheet's: both paths read the same", async () => {
      const [g] = await both(
        await sheet(
          '<sheetData><row r="1"><c r="A1"><v>1</v><extLst><ext uri="{X}"><row r="3"><c r="C3"><v>9</v></c></row></ext></extLst></c></row></sheetData>',
        ),
      );
      expect(g.values).toEqual([[1]]);
      const strings = await pkg('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
        'xl/sharedStrings.xml':
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><extLst><ext uri="{X}"><si><t>ghost</t></si></ext></extLst></sst>',
      });
      expect((await both(strings))[0].values).toEqual([['a']]);
      const ghost = await pkg('<row r="1"><c r="A1" t="s"><v>1</v></c></row>', {
        'xl/sharedStrings.xml':
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><extLst><ext uri="{X}"><si><t>ghost</t></si></ext></extLst></sst>',
      });
      await expect(readXlsx(ghost)).rejects.toThrow(/引用第 1 个共享字符串/);
    });

    test('two workbooks read at once, each streamed in chunks, keep every character', async () => {
      const rows = Array.from(
        { length: 40000 },
        (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>中文字符串${r}</t></is></c></row>`,
      ).join('');
      const bytes = await pkg(rows);
      const alone = await readXlsx(bytes);
      const [a, b] = await Promise.all([readXlsx(bytes), readXlsx(bytes)]);
      expect(a).toEqual(alone);
      expect(b).toEqual(alone);
    });

    test('a zip name percent-encoded as the package spec maps it (sheet%201.xml) is found', async () => {
      const zip = await JSZip.loadAsync(await pkg('<row r="1"><c r="A1"><v>7</v></c></row>'));
      const xml = await zip.file('xl/worksheets/s1.xml')!.async('string');
      zip.remove('xl/worksheets/s1.xml');
      zip.file('xl/worksheets/sheet%201.xml', xml);
      const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      zip.file(
        'xl/_rels/workbook.xml.rels',
        rels.replace('/xl/worksheets/s1.xml', 'worksheets/sheet%201.xml'),
      );
      const [g] = await readXlsx(await zip.generateAsync({ type: 'nodebuffer' }));
      expect(g.values).toEqual([[7]]);
    });

    test('line ends in text are normalised as an XML processor does (CRLF, CR → LF; &#13; stays)', async () => {
      const [g] = await both(
        await pkg(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x\ry</t></is></c><c r="C1" t="str"><v>p&#13;q</v></c></row>',
          {
            'xl/sharedStrings.xml':
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a\r\nb</t></si></sst>',
          },
        ),
      );
      expect(g.values).toEqual([['a\nb', 'x\ny', 'p\rq']]);
    });

    test('megabytes of one token (spaces, a comment) are refused at once, not searched again at every chunk', async () => {
      const bytes = await pkg(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(12 << 20)}`);
      const t = Date.now();
      await expect(readXlsx(bytes)).rejects.toThrow(/longer than 8 MB/);
      expect(Date.now() - t).toBeLessThan(5000);
    });

    test('serials before 1 March 1900 are the dates Excel shows; an inline string with no text is an empty cell', async () => {
      const [g] = await readXlsx(
        await pkg(
          '<row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1" s="3"><v>60</v></c><c r="C1" s="3"><v>61</v></c><c r="D1" t="inlineStr"><is/></c><c r="E1"><v>5</v></c></row>',
        ),
      );
      expect(g.values).toEqual([['1900-01-01', '1900-02-29', '1900-03-01', null, 5]]);
    });
  });

  test('entities and Excel escapes', () => {
    expect(xmlText('a&lt;b&gt;&amp;&quot;&apos;&#65;&#x4e00;_x0009__x001B_')).toBe('a<b>&"\'A一\t\x1b');
    expect(xmlText('_x00zz_ 无转义')).toBe('_x00zz_ 无转义');
    // Hex digits in either case (writers differ); a reference to an undeclared entity stays as written.
    expect(xmlText('_xff08_项目_xFF09_ &nbsp;')).toBe('（项目） &nbsp;');
  });
});
