/**
 * A streaming, namespace-aware XML tokenizer for the parts of an .xlsx package: elements and
 * attributes are told by namespace and local name, whatever prefix a writer chose (`x:c`, `ns0:c`,
 * `c`), attributes in either quote style with spaces around `=`, CDATA sections, character and
 * entity references. Text arrives in chunks (`write`), so a sheet of any size is parsed as it is
 * inflated, keeping only the unfinished tail of the last chunk.
 *
 * Not a validating parser: it reads well-formed XML as written and is lenient where writers are
 * sloppy (an undeclared prefix is kept as its own namespace, `undeclared:p`, so nothing it names is
 * mistaken for SpreadsheetML). A DOCTYPE is skipped and its entities are never expanded (no
 * "billion laughs"): an unknown entity reference stays as written.
 *
 * Why our own rather than `saxes` (the tokenizer ExcelJS uses): measured on the fixtures' sheet parts
 * (`npm run bench`), this one is several times faster — it finds tags with one sticky regular
 * expression and parses attributes only when a reader asks for them — and the reader needs none of
 * what saxes adds (validation, DTD handling, position tracking).
 */

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The attributes of the start tag being handled, parsed when first asked for (most tags' attributes
 * are never read). One instance per tokenizer, reused tag after tag (a sheet has millions of tags):
 * a handler reads what it needs during `open` and keeps no reference to it.
 */
export class XmlAttributes {
  /** The chunk being tokenized; the attributes are its text from `from` to `to` (no copy made). */
  private raw = '';
  private from = 0;
  private to = 0;
  private scope!: NamespaceScope;
  private parsed = false;
  /**
   * Per attribute, four offsets into `raw`: name start and end, value start and end (undecoded);
   * namespace declarations left out. Offsets rather than strings: a cell's three attributes are
   * looked up without a string made for any name.
   */
  private readonly at: number[] = [];
  private count = 0;

  /** The next tag's attributes: `raw` from `from` to `to`. */
  reset(raw: string, from: number, to: number, scope: NamespaceScope): this {
    this.raw = raw;
    this.from = from;
    this.to = to;
    this.scope = scope;
    this.parsed = false;
    return this;
  }

  /** name="value" pairs, either quote, spaces around `=` (XML 1.0 [25] Eq); stops at anything else. */
  private parse(): void {
    const raw = this.raw;
    const at = this.at;
    const n = this.to;
    let count = 0;
    let i = this.from;
    while (i < n) {
      while (i < n && raw.charCodeAt(i) <= 0x20) i++;
      const eq = raw.indexOf('=', i);
      if (eq < 0 || eq >= n) break;
      let nameEnd = eq;
      while (nameEnd > i && raw.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
      let j = eq + 1;
      while (j < n && raw.charCodeAt(j) <= 0x20) j++;
      const q = raw.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) break;
      const end = raw.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (end < 0 || end >= n) break;
      // xmlns and xmlns:p declare namespaces (the scope has them); they are no attributes.
      const declaration = raw.startsWith('xmlns', i) && (nameEnd === i + 5 || raw.charCodeAt(i + 5) === 0x3a);
      if (!declaration) {
        const k = count * 4;
        at[k] = i;
        at[k + 1] = nameEnd;
        at[k + 2] = j + 1;
        at[k + 3] = end;
        count++;
      }
      i = end + 1;
    }
    this.count = count;
    this.parsed = true;
  }

  /** The value of the attribute `local` in namespace `ns` ('' for an unprefixed one), or undefined. */
  get(local: string, ns = ''): string | undefined {
    const raw = this.raw;
    if (this.from >= this.to) return undefined;
    if (!this.parsed) this.parse();
    const at = this.at;
    for (let k = 0; k < this.count * 4; k += 4) {
      const start = at[k];
      const end = at[k + 1];
      if (end - start < local.length || !raw.startsWith(local, end - local.length)) continue;
      if (end - start === local.length) {
        // An unprefixed attribute is in no namespace (Namespaces in XML 1.0, 6.2).
        if (ns === '') return decodeAttribute(raw.slice(at[k + 2], at[k + 3]));
        continue;
      }
      const colon = end - local.length - 1;
      if (raw.charCodeAt(colon) === 0x3a && this.scope.uri(raw.slice(start, colon)) === ns)
        return decodeAttribute(raw.slice(at[k + 2], at[k + 3]));
    }
    return undefined;
  }

  /** The value of `local` in any of the namespaces `nss` (Transitional or Strict), or undefined. */
  getIn(local: string, nss: readonly string[]): string | undefined {
    for (const ns of nss) {
      const v = this.get(local, ns);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

/**
 * Namespace URIs readers compare against, kept as one string each: a URI declared in a part is
 * replaced by the same string object, so that comparing an element's namespace with a reader's
 * constant is a pointer comparison, not one of sixty characters (millions of times in a sheet).
 */
const KNOWN = new Map<string, string>();
export function internNamespaces(uris: readonly string[]): void {
  for (const u of uris) if (!KNOWN.has(u)) KNOWN.set(u, u);
}

/** Prefix → namespace URI bindings in force at one element. */
export class NamespaceScope {
  constructor(private readonly map: Map<string, string>) {
    this.defaultNs = map.get('') ?? '';
  }

  /** The default namespace ('' when none is declared), looked up once per scope. */
  readonly defaultNs: string;

  uri(prefix: string): string {
    if (prefix === '') return this.defaultNs;
    if (prefix === 'xml') return XML_NS;
    // No default namespace declared: the element is in none ('').
    return this.map.get(prefix) ?? (prefix ? `undeclared:${prefix}` : '');
  }

  /** The scope of an element whose tag (its attributes' text `raw`) declares namespaces, or this one. */
  child(raw: string): NamespaceScope {
    let map: Map<string, string> | null = null;
    eachAttribute(raw, (name, value) => {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) return true;
      map ??= new Map(this.map);
      const uri = decodeAttribute(value);
      map.set(name === 'xmlns' ? '' : name.slice(6), KNOWN.get(uri) ?? uri);
      return true;
    });
    return map ? new NamespaceScope(map) : this;
  }
}

export interface XmlHandler {
  /** A start tag (`empty`: written `<x/>`; `close` follows at once); `qname` as written, prefix and all. */
  open(ns: string, local: string, attrs: XmlAttributes, empty: boolean, qname: string): void;
  close(ns: string, local: string): void;
  /** Character data (references decoded, CDATA as written), only while `wantText` is set. */
  text?(text: string): void;
}

/** name = value, either quote, spaces around `=` (XML 1.0 [25] Eq). */
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Each name="value" pair of an attribute list, in order, with its value undecoded, until `visit`
 * returns false (the tokenizer's own lookups use XmlAttributes, which keeps offsets instead).
 */
export function eachAttribute(list: string, visit: (name: string, value: string) => boolean): void {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(list); m; m = ATTRIBUTE.exec(list)) if (!visit(m[1], m[2] ?? m[3])) return;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Character data as an XML processor hands it on: line ends normalised (CRLF and a lone CR become LF,
 * XML 1.0 §2.11 — before references are decoded, so `&#13;` stays a CR), then references decoded.
 */
export function decodeText(s: string): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/** An attribute value as an XML processor hands it on: each line end, tab or newline a space (§3.3.3), then references decoded. */
export function decodeAttribute(s: string): string {
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return decodeEntities(s);
}

/** Character and the five predefined entity references; any other reference stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A malformed token: the reader turns it into a one-line reason naming the part. */
export class XmlSyntaxError extends Error {}

/** The longest single token (text between two tags, a tag, a comment) a part may hold. */
const MAX_TOKEN = 8 << 20;

export class XmlTokenizer {
  /** Set by the handler while it wants character data (inside `<v>`, `<t>`): other text is skipped. */
  wantText = false;
  /**
   * Set by a handler that can read a whole element straight from the text (a sheet's rows): called at
   * each start tag with the chunk and the `<`'s index, it returns where the element it read ends, or
   * -1 to have the element tokenized as usual. It must read only elements complete in the chunk and
   * in the current scope (no namespace declarations inside), so that nothing else changes.
   */
  whole: ((buf: string, lt: number) => number) | null = null;
  private buf = '';
  /** The open elements: namespace, local name, and the scope in force outside each. */
  private nss: string[] = [];
  private locals: string[] = [];
  /** The open elements' names as written: an end tag must name the element it ends. */
  private qnames: string[] = [];
  private scopes: NamespaceScope[] = [];
  private scope = new NamespaceScope(new Map());
  private readonly attrs = new XmlAttributes();
  /** The document's root element (what a relationship says a part is, checked by the reader). */
  root: { ns: string; local: string } | null = null;

  constructor(private readonly handler: XmlHandler) {}

  /** Parses what of `chunk` (after the tail kept from before) is complete. */
  write(chunk: string): void {
    this.buf = this.buf ? this.buf + chunk : chunk;
    this.run(false);
    // The unfinished tail is searched again with each chunk: one token this long (no cell text,
    // formula or tag comes near it; a hostile file's megabytes of spaces) ends the read at once
    // rather than in quadratic time.
    if (this.buf.length > MAX_TOKEN)
      throw new XmlSyntaxError(`one piece of text or markup longer than ${MAX_TOKEN >> 20} MB`);
  }

  /** The end of the part: anything left unfinished is an error. */
  end(): void {
    this.run(true);
    if (this.buf.trim()) throw new XmlSyntaxError(`unfinished markup: ${this.buf.slice(0, 40)}`);
    // A part cut short (or an element never closed) loses what followed: not read.
    if (this.qnames.length)
      throw new XmlSyntaxError(`<${this.qnames[this.qnames.length - 1]}> is never closed`);
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const h = this.handler;
    const n = buf.length;
    let pos = 0;
    // The next `"` and `'` at or after the last search (-1 >>> 0: none, beyond any index).
    let dq = -1;
    let sq = -1;
    let xmlns = -1;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end of the chunk: kept until its end is known (or the part ends).
        if (final && this.wantText && pos < n) h.text?.(decodeText(buf.slice(pos)));
        if (final) pos = n;
        break;
      }
      if (lt > pos && this.wantText) h.text?.(decodeText(buf.slice(pos, lt)));
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 0x21 /* ! */ || c1 === 0x3f /* ? */ || lt + 1 >= n) {
        const end = this.special(buf, lt, final);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end;
        continue;
      }
      if (this.whole && c1 !== 0x2f /* / */) {
        const end = this.whole(buf, lt);
        if (end >= 0) {
          pos = end;
          continue;
        }
      }
      // The tag's end: the first `>` outside quoted values (a value may hold `>`: a formatCode).
      // Found with native searches: the next `>`, unless a quote opens before it — then past the
      // quoted value and again. The next `"` and `'` are remembered (dq, sq): a part without
      // apostrophes is not searched to its end for one at every tag.
      let gt = -1;
      for (let i = lt + 1; ;) {
        const close = buf.indexOf('>', i);
        if (close < 0) break;
        if (dq < i) dq = buf.indexOf('"', i) >>> 0;
        if (sq < i) sq = buf.indexOf("'", i) >>> 0;
        const q = dq < sq ? dq : sq;
        if (q > close) {
          gt = close;
          break;
        }
        const end = buf.indexOf(q === dq ? '"' : "'", q + 1);
        if (end < 0) break;
        i = end + 1;
      }
      if (gt < 0) {
        if (final) throw new XmlSyntaxError(`unfinished tag: ${buf.slice(lt, lt + 40)}`);
        pos = lt;
        break;
      }
      pos = gt + 1;
      if (c1 === 0x2f /* / */) {
        const qname = this.qnames.pop();
        // The end tag names the element it ends (a mismatch is malformed, not a guess).
        const after = qname === undefined ? 0 : buf.charCodeAt(lt + 2 + qname.length);
        if (
          qname === undefined ||
          !buf.startsWith(qname, lt + 2) ||
          (after !== 0x3e && after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d)
        )
          throw new XmlSyntaxError(
            `${qname === undefined ? 'end tag without a start' : `<${qname}> ended by`}: ${buf.slice(lt, Math.min(gt + 1, lt + 40))}`,
          );
        this.scope = this.scopes.pop()!;
        h.close(this.nss.pop()!, this.locals.pop()!);
        continue;
      }
      const empty = buf.charCodeAt(gt - 1) === 0x2f; /* / */
      const inner = gt - (empty ? 1 : 0);
      // The name runs to the first space, tab, line end, `/` or `>`.
      let e = lt + 1;
      while (e < inner) {
        const c = buf.charCodeAt(e);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
        e++;
      }
      const name = buf.slice(lt + 1, e);
      if (!name) throw new XmlSyntaxError(`malformed markup: ${buf.slice(lt, lt + 40)}`);
      const outer = this.scope;
      // Namespace declarations in this tag (the next `xmlns` is remembered, as the quotes are).
      if (xmlns < e) xmlns = buf.indexOf('xmlns', e) >>> 0;
      const scope = xmlns < inner ? outer.child(buf.slice(e, inner)) : outer;
      const colon = name.indexOf(':');
      const ns = colon < 0 ? scope.uri('') : scope.uri(name.slice(0, colon));
      const local = colon < 0 ? name : name.slice(colon + 1);
      const attrs = this.attrs.reset(buf, e, inner, scope);
      this.root ??= { ns, local };
      if (empty) {
        h.open(ns, local, attrs, true, name);
        h.close(ns, local);
      } else {
        this.nss.push(ns);
        this.locals.push(local);
        this.qnames.push(name);
        this.scopes.push(outer);
        this.scope = scope;
        h.open(ns, local, attrs, false, name);
      }
    }
    this.buf = pos < n ? buf.slice(pos) : '';
  }

  /**
   * A comment, CDATA section, processing instruction or DOCTYPE at `lt`: where it ends, or -1 when
   * the chunk ends first (the next chunk completes it). CDATA is text as written.
   */
  private special(buf: string, lt: number, final: boolean): number {
    const wait = (): number => {
      if (final) throw new XmlSyntaxError(`unfinished markup: ${buf.slice(lt, lt + 40)}`);
      return -1;
    };
    const until = (close: string, from: number): number => {
      const at = buf.indexOf(close, from);
      return at < 0 ? -1 : at + close.length;
    };
    if (buf.length - lt < 9 && !final) return -1;
    if (buf.startsWith('<!--', lt)) {
      const end = until('-->', lt + 4);
      return end < 0 ? wait() : end;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const end = until(']]>', lt + 9);
      if (end < 0) return wait();
      if (this.wantText) {
        // As written, but for line ends (normalised in the whole document before parsing).
        const text = buf.slice(lt + 9, end - 3);
        this.handler.text?.(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
      }
      return end;
    }
    if (buf.startsWith('<?', lt)) {
      const end = until('?>', lt + 2);
      return end < 0 ? wait() : end;
    }
    if (buf.startsWith('<!DOCTYPE', lt)) {
      // Skipped whole, internal subset included ([…]); its entities are never expanded. A linear
      // scan: the next `>` ends it unless a `[` opens before it, then the `]` that closes the subset.
      for (let i = lt + 9; ;) {
        const gt = buf.indexOf('>', i);
        const open = buf.indexOf('[', i);
        if (gt < 0) return wait();
        if (open < 0 || open > gt) return gt + 1;
        const close = buf.indexOf(']', open + 1);
        if (close < 0) return wait();
        i = close + 1;
      }
    }
    throw new XmlSyntaxError(`malformed markup: ${buf.slice(lt, lt + 40)}`);
  }
}
