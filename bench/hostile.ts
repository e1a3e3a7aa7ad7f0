/**
 * The hostile files of issue 14, generated (never checked in): each class a reader has to survive,
 * with the one-line reason `jixiao check` must give. Shared by the tests (test/cli.test.ts, small
 * enough to run on every commit) and the bench (the full-size files, with exit, time and peak memory).
 */
import JSZip from 'jszip';

export interface Hostile {
  name: string;
  /** What it is, for the table. */
  what: string;
  /** The file's bytes; null for a FIFO (made by the caller with mkfifo). */
  bytes: Buffer | null;
  reason: RegExp;
  /** Too large to build on every test run: the bench only. */
  large?: boolean;
}

const CT =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const WB =
  '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="附件2" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';

/** A workbook of hand-written parts: one sheet's rows (inside sheetData) and what follows them. */
export async function workbookOf(
  rows: string,
  after = '',
  sharedStrings = '<sst><si><t>项目名称</t></si></sst>',
  compression: 'STORE' | 'DEFLATE' = 'DEFLATE',
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  zip.file('xl/workbook.xml', WB);
  zip.file('xl/_rels/workbook.xml.rels', RELS);
  zip.file('xl/sharedStrings.xml', sharedStrings);
  zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData>${after}</worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression, compressionOptions: { level: 6 } });
}

const ROW1 = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>';

/** `n` rows of `cols` numbers each. */
export function numberRows(n: number, cols: number): string {
  const parts: string[] = [];
  for (let r = 1; r <= n; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * 7 + c}</v></c>`;
    parts.push(`${row}</row>`);
  }
  return parts.join('');
}

export async function hostileFiles(full: boolean): Promise<Hostile[]> {
  const list: Hostile[] = [];
  list.push({ name: 'fifo.xlsx', what: 'a FIFO named .xlsx', bytes: null, reason: /不是普通文件/ });
  list.push({
    name: 'bigmerge.xlsx',
    what: 'one merged area A1:XFD1048576 (2 KB)',
    bytes: await workbookOf(ROW1, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    reason: /合并区域过大/,
  });
  const merges = Array.from(
    { length: 100_001 },
    (_, i) => `<mergeCell ref="A${2 * i + 10}:B${2 * i + 10}"/>`,
  ).join('');
  list.push({
    name: 'manymerges.xlsx',
    what: '100,001 merged areas',
    bytes: await workbookOf(ROW1, `<mergeCells count="100001">${merges}</mergeCells>`),
    reason: /合并单元格过多/,
  });
  const dv =
    '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
  list.push({
    name: 'bigvalidation.xlsx',
    what: 'a data validation over the whole sheet',
    bytes: await workbookOf(ROW1, dv),
    reason: /数据验证范围过大/,
  });
  // Shared strings far larger than the file: refused from the zip directory, nothing inflated.
  const strings = full ? 300 : 8;
  const sst = `<sst>${'<si><t>'.concat('重复的文字'.repeat(200), '</t></si>').repeat(Math.round((strings * 1024 * 1024) / 3000))}</sst>`;
  list.push({
    name: 'bigstrings.xlsx',
    what: `${strings} MB of shared strings in a small file`,
    bytes: await workbookOf(ROW1, '', sst),
    reason: /解压后过大/,
    large: full,
  });
  const crc = await workbookOf(ROW1, '', undefined, 'STORE');
  crc[crc.indexOf(Buffer.from('<sheetData>')) + 1] = 'S'.charCodeAt(0);
  list.push({
    name: 'badcrc.xlsx',
    what: 'an entry whose CRC is wrong',
    bytes: crc,
    reason: /校验和不符|损坏/,
  });
  const notBook = new JSZip();
  notBook.file('readme.txt', 'hello');
  list.push({
    name: 'notbook.xlsx',
    what: 'a zip that is not a workbook',
    bytes: await notBook.generateAsync({ type: 'nodebuffer' }),
    reason: /不是 Excel 工作簿/,
  });
  // A directory that understates the sheet: found while inflating, at the first byte too many.
  const liar = await workbookOf(numberRows(2000, 4));
  const sheetName = Buffer.from('xl/worksheets/sheet1.xml');
  for (let at = liar.indexOf(sheetName); at >= 0; at = liar.indexOf(sheetName, at + 1)) {
    if (liar.readUInt32LE(at - 30) === 0x04034b50) liar.writeUInt32LE(100, at - 30 + 22);
    if (liar.readUInt32LE(at - 46) === 0x02014b50) liar.writeUInt32LE(100, at - 46 + 24);
  }
  list.push({
    name: 'liar.xlsx',
    what: 'a zip directory that understates an entry',
    bytes: liar,
    reason: /长度与目录不符/,
  });
  if (full) {
    list.push({
      name: 'rows200k.xlsx',
      what: '200,000 rows',
      bytes: await workbookOf(numberRows(200_000, 2)),
      reason: /行数过多/,
      large: true,
    });
    list.push({
      name: 'cells2600k.xlsx',
      what: '2.6 million cells (100,000 rows × 26)',
      bytes: await workbookOf(numberRows(100_000, 26)),
      reason: /单元格过多/,
      large: true,
    });
  }
  return list;
}
