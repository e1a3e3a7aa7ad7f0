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

  test('entities and Excel escapes', () => {
    expect(xmlText('a&lt;b&gt;&amp;&quot;&apos;&#65;&#x4e00;_x0009__x001B_')).toBe('a<b>&"\'A一\t\x1b');
    expect(xmlText('_x00zz_ 无转义')).toBe('_x00zz_ 无转义');
    // Hex digits in either case (writers differ); a reference to an undeclared entity stays as written.
    expect(xmlText('_xff08_项目_xFF09_ &nbsp;')).toBe('（项目） &nbsp;');
  });
});
