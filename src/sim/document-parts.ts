/**
 * The parts of an .xlsx where the hosts keep what an add-in saves in a workbook, read and written for
 * the playground's 下载工作簿 and for opening such a file again:
 *
 * - Excel keeps an Office add-in's settings (Office.context.document.settings after saveAsync) in a
 *   webextension part, `xl/webextensions/webextension1.xml`, reached from the package through
 *   `xl/webextensions/taskpanes.xml`: one `<we:property name="…" value="…"/>` per setting, the value
 *   the setting as JSON. The part names the add-in by its manifest Id (`<we:reference id>`).
 * - WPS keeps the WPS adapter's settings in a custom document property (`docProps/custom.xml`,
 *   `<property name="jixiao.config"><vt:lpwstr>…</vt:lpwstr></property>`).
 *
 * The command line can read the same parts back from a saved file. The namespaces and types are
 * data (ooxml.json).
 */
import JSZip from 'jszip';
import { ADDIN_ID } from '../host/addin';
import OOXML from './ooxml.json';

export { ADDIN_ID };
/** The add-in's version in manifest.xml (a test holds it to it), as Excel writes it beside the Id. */
export const ADDIN_VERSION = '0.1.0.0';

export interface DocumentParts {
  /** The add-in's settings as Office keeps them, by name. */
  addinSettings: Record<string, unknown>;
  /** Custom document properties (text). */
  documentProperties: { name: string; value: string }[];
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function unescapeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, e: string) => {
      if (e[0] === '#')
        return String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        );
      return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e.toLowerCase()] ?? '';
    });
}

/** An element's attributes, whatever their quotes and spacing; names without their prefix. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1].replace(/^[\w.-]+:/, '')] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Elements named `local` under any prefix: their attributes and inner text. */
function elements(xml: string, local: string): { attrs: Record<string, string>; inner: string }[] {
  const re = new RegExp(
    `<(?:[\\w.-]+:)?${local}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>)`,
    'g',
  );
  return [...xml.matchAll(re)].map((m) => ({ attrs: attributes(m[1]), inner: m[2] ?? '' }));
}

const sameId = (a: string, b: string) =>
  a.replace(/[{}]/g, '').toLowerCase() === b.replace(/[{}]/g, '').toLowerCase();

/** Decodes a part's bytes: UTF-8, or UTF-16 with its byte-order mark. */
function text(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** This add-in's settings and the custom document properties of a package (empty when it has none). */
export async function readDocumentParts(data: ArrayBuffer | Uint8Array): Promise<DocumentParts> {
  const zip = await JSZip.loadAsync(data);
  const out: DocumentParts = { addinSettings: {}, documentProperties: [] };
  const read = async (name: string) => text(await zip.files[name].async('uint8array'));
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/webextensions\/[^/]+\.xml$/i.test(name)) continue;
    const xml = await read(name);
    const ref = elements(xml, 'reference')[0];
    if (!ref || !sameId(ref.attrs.id ?? '', ADDIN_ID)) continue;
    for (const p of elements(xml, 'property')) {
      if (!p.attrs.name || p.attrs.value === undefined) continue;
      try {
        out.addinSettings[p.attrs.name] = JSON.parse(p.attrs.value) as unknown;
      } catch {
        // Not JSON: not a setting Office wrote. Left out.
      }
    }
  }
  const custom = Object.keys(zip.files).find((n) => /^docProps\/custom\.xml$/i.test(n));
  if (custom) {
    for (const p of elements(await read(custom), 'property')) {
      const value = /<(?:[\w.-]+:)?\w+\b[^>]*>([\s\S]*?)<\//.exec(p.inner);
      if (p.attrs.name)
        out.documentProperties.push({ name: p.attrs.name, value: unescapeXml(value?.[1] ?? '') });
    }
  }
  return out;
}

/** A fresh GUID for the webextension part's own id. */
function guid(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`.toUpperCase();
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Adds an Override to [Content_Types].xml and a relationship to a .rels part (created if missing). */
function addOverride(types: string, part: string, contentType: string): string {
  if (new RegExp(`PartName="${part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`, 'i').test(types)) return types;
  return types.replace('</Types>', `<Override PartName="${part}" ContentType="${contentType}"/></Types>`);
}

function addRelationship(rels: string | null, id: string, type: string, target: string): string {
  const base = rels ?? `${XML_HEAD}<Relationships xmlns="${OOXML.namespaces.relationships}"></Relationships>`;
  return base.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>`,
  );
}

/**
 * Writes the add-in's settings (as Excel would) and the custom document properties (as WPS would)
 * into a package ExcelJS wrote; parts with nothing to hold are not written.
 */
export async function writeDocumentParts(
  xlsx: ArrayBuffer | Uint8Array,
  parts: DocumentParts,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let rels = (await zip.file('_rels/.rels')?.async('string')) ?? null;
  const settings = Object.entries(parts.addinSettings).filter(([, v]) => v !== undefined);
  if (settings.length > 0) {
    const props = settings
      .map(([name, v]) => `<we:property name="${escapeXml(name)}" value="${escapeXml(JSON.stringify(v))}"/>`)
      .join('');
    zip.file(
      'xl/webextensions/webextension1.xml',
      `${XML_HEAD}<we:webextension xmlns:we="${OOXML.namespaces.webextension}" id="${guid()}">` +
        `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>` +
        `<we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/>` +
        `<we:snapshot xmlns:r="${OOXML.namespaces.r}"/></we:webextension>`,
    );
    zip.file(
      'xl/webextensions/taskpanes.xml',
      `${XML_HEAD}<wetp:taskpanes xmlns:wetp="${OOXML.namespaces.taskpanes}">` +
        `<wetp:taskpane dockstate="right" visibility="0" width="350" row="0">` +
        `<wetp:webextensionref xmlns:r="${OOXML.namespaces.r}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
    );
    zip.file(
      'xl/webextensions/_rels/taskpanes.xml.rels',
      addRelationship(null, 'rId1', OOXML.relationships.webextension, 'webextension1.xml'),
    );
    types = addOverride(types, '/xl/webextensions/taskpanes.xml', OOXML.contentTypes.taskpanes);
    types = addOverride(types, '/xl/webextensions/webextension1.xml', OOXML.contentTypes.webextension);
    rels = addRelationship(
      rels,
      'rIdJixiaoWe',
      OOXML.relationships.taskpanes,
      'xl/webextensions/taskpanes.xml',
    );
  }
  if (parts.documentProperties.length > 0) {
    const props = parts.documentProperties
      .map(
        (p, i) =>
          `<property fmtid="${OOXML.customPropertyFormatId}" pid="${i + 2}" name="${escapeXml(p.name)}">` +
          `<vt:lpwstr>${escapeXml(p.value)}</vt:lpwstr></property>`,
      )
      .join('');
    zip.file(
      'docProps/custom.xml',
      `${XML_HEAD}<Properties xmlns="${OOXML.namespaces.custom}" xmlns:vt="${OOXML.namespaces.vt}">${props}</Properties>`,
    );
    types = addOverride(types, '/docProps/custom.xml', OOXML.contentTypes.custom);
    rels = addRelationship(rels, 'rIdJixiaoCustom', OOXML.relationships.custom, 'docProps/custom.xml');
  }
  zip.file('[Content_Types].xml', types);
  if (rels) zip.file('_rels/.rels', rels);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
