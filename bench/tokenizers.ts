/**
 * Issue 29: our XML tokenizer (src/xlsx/xml.ts) against saxes (the maintained streaming XML parser
 * ExcelJS uses, here as ExcelJS's dependency), on the XML parts of every fixture (sheets, shared
 * strings, styles, workbook, relationships). Both must see the same elements, attributes and text;
 * then each tokenizes all parts repeatedly with handlers that only count, warm, in this process;
 * the ratio is taken within the run.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { XmlTokenizer } from '../src/xlsx/xml';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures');

interface Counts {
  elements: number;
  attributes: number;
  text: number;
}

function ours(xml: string): Counts {
  const c: Counts = { elements: 0, attributes: 0, text: 0 };
  const tokenizer = new XmlTokenizer({
    open(_ns, _local, attrs) {
      c.elements++;
      // The attributes a reader asks for: one lookup per element.
      if (attrs.get('r') !== undefined) c.attributes++;
    },
    close() {},
    text(t) {
      c.text += t.length;
    },
  });
  tokenizer.wantText = true;
  tokenizer.write(xml);
  tokenizer.end();
  return c;
}

async function saxesOf(): Promise<(xml: string) => Counts> {
  const { SaxesParser } = (await import('saxes')) as unknown as typeof import('saxes');
  return (xml) => {
    const c: Counts = { elements: 0, attributes: 0, text: 0 };
    const p = new SaxesParser({ xmlns: true });
    p.on('opentag', (tag) => {
      c.elements++;
      const r = (tag.attributes as Record<string, { value: string } | string>).r;
      if (r !== undefined) c.attributes++;
    });
    p.on('text', (t) => {
      c.text += t.length;
    });
    p.on('cdata', (t) => {
      c.text += t.length;
    });
    p.write(xml).close();
    return c;
  };
}

export async function tokenizerBench(): Promise<string[]> {
  const parts: string[] = [];
  const files = [
    ...fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)),
    ...fs.readdirSync(path.join(FIXTURES, 'wider')).map((f) => path.join(FIXTURES, 'wider', f)),
  ].filter((f) => f.endsWith('.xlsx'));
  for (const f of files) {
    const zip = await JSZip.loadAsync(fs.readFileSync(f));
    for (const name of Object.keys(zip.files))
      if (/\.(xml|rels)$/.test(name) && !/theme|docProps/.test(name))
        parts.push(await zip.file(name)!.async('string'));
  }
  const chars = parts.reduce((n, p) => n + p.length, 0);
  const viaSaxes = await saxesOf();
  let differ = 0;
  for (const p of parts) if (JSON.stringify(ours(p)) !== JSON.stringify(viaSaxes(p))) differ++;
  const time = (f: (xml: string) => Counts) => {
    for (let i = 0; i < 2; i++) for (const p of parts) f(p);
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const t = performance.now();
      for (let i = 0; i < 5; i++) for (const p of parts) f(p);
      best = Math.min(best, (performance.now() - t) / 5);
    }
    return best;
  };
  const a = time(ours);
  const b = time(viaSaxes);
  return [
    `XML tokenizers on the fixtures' ${parts.length} parts (${(chars / 1e6).toFixed(1)} M characters), warm, best of 5:`,
    `  ours (src/xlsx/xml.ts) ${a.toFixed(0)} ms; saxes ${b.toFixed(0)} ms (xmlns on) — ours ${(b / a).toFixed(1)}× faster; parts on which they see different elements, r attributes or text: ${differ}`,
  ];
}
