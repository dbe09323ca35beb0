/**
 * The shared string table (`xl/sharedStrings.xml`), read as a stream of text chunks.
 *
 * Like the sheet scanner (sheetScan.ts) this is not a general XML parser: plain indexOf and
 * charCodeAt over the chunk, element names compared in place, nothing kept but the unfinished
 * markup at the end of a chunk and the strings read. The low-level helpers below are shared
 * with sheetScan.ts.
 *
 * What a string is, as ExcelJS 4.4 reads it (shared-string-xform.js, rich-text-xform.js,
 * text-xform.js): the text of `<si><t>`, or of its rich runs `<si><r><t>` joined; phonetic runs
 * (`<rPh>`) and `<phoneticPr>` are not part of it; Excel's `_xHHHH_` escapes are decoded in each
 * `<t>` (upper-case hex, as ExcelJS; `_x005F_` escapes the underscore); line ends are
 * normalised as XML requires (CR LF and CR → LF, `&#13;` stays CR). An `<si/>` with neither is
 * '' (ExcelJS would give an empty object there, which our plainValue turned into
 * '[object Object]').
 */
import { LimitError, Limits, PackageError } from './limits';
import { prefixOf } from './xml';

// ---------------------------------------------------------------------------------------------
// Shared low-level helpers (also used by sheetScan.ts). Not part of the package's API.
// ---------------------------------------------------------------------------------------------

/** @internal Markup left unfinished at a chunk's end may not grow beyond this (characters). */
export const MAX_PENDING = 1 << 22;

/** @internal XML white space. */
export function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** @internal Whether the character ends an element name (NaN, past the buffer, does not). */
export function isNameEnd(c: number): boolean {
  return c === 62 || c === 47 || c === 32 || c === 10 || c === 9 || c === 13;
}

/** @internal `name` starts at p and is a whole element name there. */
export function matchName(buf: string, p: number, name: string): boolean {
  return buf.startsWith(name, p) && isNameEnd(buf.charCodeAt(p + name.length));
}

/** @internal The '>' ending the start tag whose name begins at p (quotes respected), or -1. */
export function findTagEnd(buf: string, p: number): number {
  for (;;) {
    const gt = buf.indexOf('>', p);
    if (gt === -1) return -1;
    let q = -1;
    for (let i = p; i < gt; i++) {
      const c = buf.charCodeAt(i);
      if (c === 34 || c === 39) {
        q = i;
        break;
      }
    }
    if (q === -1) return gt;
    const qe = buf.indexOf(buf[q], q + 1);
    if (qe === -1) return -1;
    p = qe + 1;
  }
}

/** @internal Set by {@link specialEnd} when the markup was a CDATA section: its text. */
export const cdata = { start: -1, end: -1 };

/**
 * @internal At `<!` or `<?` at lt: the index just past the comment, CDATA section, processing
 * instruction or DOCTYPE, or -1 when it does not end in the buffer yet.
 */
export function specialEnd(buf: string, lt: number, part: string): number {
  cdata.start = -1;
  if (buf.charCodeAt(lt + 1) === 63) {
    const e = buf.indexOf('?>', lt + 2);
    return e === -1 ? -1 : e + 2;
  }
  if (buf.startsWith('--', lt + 2)) {
    const e = buf.indexOf('-->', lt + 4);
    return e === -1 ? -1 : e + 3;
  }
  if (buf.startsWith('[CDATA[', lt + 2)) {
    const e = buf.indexOf(']]>', lt + 9);
    if (e === -1) return -1;
    cdata.start = lt + 9;
    cdata.end = e;
    return e + 3;
  }
  if (buf.startsWith('DOCTYPE', lt + 2)) {
    const gt = findTagEnd(buf, lt + 2);
    if (gt === -1) return -1;
    const open = buf.indexOf('[', lt + 2);
    if (open === -1 || open > gt) return gt + 1;
    const close = buf.indexOf(']', open);
    if (close === -1) return -1;
    const e = buf.indexOf('>', close);
    return e === -1 ? -1 : e + 1;
  }
  if (buf.length - lt < 9) return -1;
  throw new PackageError('xml', part, `bad markup ${JSON.stringify(buf.slice(lt, lt + 12))}`);
}

const entityCache = new Map<string, string>();

function entity(name: string, part: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const hit = entityCache.get(name);
  if (hit !== undefined) return hit;
  let code = NaN;
  if (name.charCodeAt(0) === 35) {
    const hex = name.charCodeAt(1) === 120;
    const digits = name.slice(hex ? 2 : 1);
    if (digits !== '' && (hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) code = parseInt(digits, hex ? 16 : 10);
  }
  const ok =
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (!ok) throw new PackageError('xml', part, `undefined or invalid entity &${name.slice(0, 20)};`);
  const s = String.fromCodePoint(code);
  if (entityCache.size < 4096) entityCache.set(name, s);
  return s;
}

/** @internal Character data as the XML parser delivers it: line ends normalised, then entities decoded (`&#13;` stays a CR). */
export function decodeText(raw: string, part: string): string {
  const s = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = s.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 40) throw new PackageError('xml', part, `unterminated entity ${JSON.stringify(s.slice(amp, amp + 12))}`);
    out += s.slice(last, amp) + entity(s.slice(amp + 1, semi), part);
    last = semi + 1;
    amp = s.indexOf('&', last);
  }
  return out + s.slice(last);
}

/** @internal A CDATA section's text: line ends normalised, nothing decoded. */
export function cdataText(raw: string): string {
  return raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** @internal Excel's `_xHHHH_` escapes, decoded as ExcelJS's TextXform does. */
export function decodeEscapes(s: string): string {
  if (s.indexOf('_x') === -1) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * @internal Where character data that runs to the buffer's end may be cut now: before an
 * entity or a CR that the next chunk may complete (`&am|p;`, CR|LF).
 */
export function safeTextEnd(buf: string, from: number): number {
  let end = buf.length;
  const stop = Math.max(from, end - 40);
  for (let i = end - 1; i >= stop; i--) {
    const c = buf.charCodeAt(i);
    if (c === 59) break; // ';': any entity before it is complete
    if (c === 38) {
      end = i;
      break;
    }
  }
  if (end > from && buf.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** @internal Whether the close tag `</…>` from lt to gt names `name` (white space allowed before '>'). */
export function closeNames(buf: string, lt: number, gt: number, name: string): boolean {
  const e = lt + 2 + name.length;
  if (e > gt || !buf.startsWith(name, lt + 2)) return false;
  for (let i = e; i < gt; i++) if (!isWs(buf.charCodeAt(i))) return false;
  return true;
}

/** @internal The element name of a tag starting at p (up to white space, '/' or '>'). */
export function nameAt(buf: string, p: number): string {
  let e = p;
  while (e < buf.length && !isNameEnd(buf.charCodeAt(e))) e++;
  return buf.slice(p, e);
}

/**
 * @internal A string to keep: a copy, when it may be a slice of a whole chunk (V8 slices
 * strings of 13 characters and more instead of copying them), so that it holds only itself.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

// ---------------------------------------------------------------------------------------------
// The shared strings scanner
// ---------------------------------------------------------------------------------------------

const PROLOG = 0;
const SST = 1;
const SI = 2;
const SI_T = 3;
const RUN = 4;
const RUN_T = 5;
const SKIP = 6;
const DONE = 7;

/** Reads `<sst>` from text chunks cut anywhere; `end()` gives the strings in order. */
export class SharedStringsScanner {
  private buf = '';
  private pos = 0;
  private ctx = PROLOG;
  private depth = 0;
  private skipTo = 0;
  private names = { si: 'si', t: 't', r: 'r' };
  private close: string[] = [];
  /** The current `<si>`'s text so far, and the current `<t>`'s before its escapes are decoded. */
  private text = '';
  private tText = '';
  private readonly strings: string[] = [];

  constructor(
    private readonly limits: Limits,
    private readonly part: string,
  ) {}

  push(chunk: string): void {
    if (this.ctx === DONE) return;
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.run();
    if (this.ctx === DONE) this.buf = '';
    else if (this.buf.length - this.pos > MAX_PENDING) throw new PackageError('xml', this.part, 'markup too long');
  }

  end(): string[] {
    if (this.ctx !== DONE) throw new PackageError('xml', this.part, this.ctx === PROLOG ? 'no root element' : 'unexpected end of XML');
    this.buf = '';
    return this.strings;
  }

  private setPrefix(p: string): void {
    this.names = { si: `${p}si`, t: `${p}t`, r: `${p}r` };
    const c: string[] = [];
    c[SI] = `</${p}si>`;
    c[SI_T] = `</${p}t>`;
    c[RUN] = `</${p}r>`;
    c[RUN_T] = `</${p}t>`;
    this.close = c;
  }

  private addText(piece: string): void {
    this.tText += piece;
    // Escapes shrink at most 7 → 1: beyond this the decoded text is over the limit as well.
    if (this.text.length + this.tText.length > 7 * this.limits.maxCellText) this.tooLong(this.text.length + this.tText.length);
  }

  private tooLong(n: number): never {
    throw new LimitError('cellText', this.part, n, this.limits.maxCellText);
  }

  private run(): void {
    const buf = this.buf;
    const len = buf.length;
    const part = this.part;
    let pos = this.pos;
    let ctx = this.ctx;
    for (;;) {
      const inText = ctx === SI_T || ctx === RUN_T;
      const lt = buf.indexOf('<', pos);
      if (lt === -1) {
        if (inText) {
          const end = safeTextEnd(buf, pos);
          if (end > pos) this.addText(decodeText(buf.slice(pos, end), part));
          pos = end;
        } else pos = len;
        break;
      }
      if (inText && lt > pos) this.addText(decodeText(buf.slice(pos, lt), part));
      pos = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 !== c1) break; // '<' is the buffer's last character
      if (c1 === 33 || c1 === 63) {
        const e = specialEnd(buf, lt, part);
        if (e === -1) break;
        if (inText && cdata.start >= 0) this.addText(cdataText(buf.slice(cdata.start, cdata.end)));
        pos = e;
        continue;
      }
      if (c1 === 47) {
        // A close tag.
        if (ctx === SKIP || ctx === SST) {
          const gt = buf.indexOf('>', lt + 2);
          if (gt === -1) break;
          pos = gt + 1;
          if (ctx === SST) {
            ctx = DONE;
            break;
          }
          if (--this.depth === 0) ctx = this.skipTo;
          continue;
        }
        const expected = this.close[ctx];
        if (expected !== undefined && buf.startsWith(expected, lt)) pos = lt + expected.length;
        else {
          const gt = buf.indexOf('>', lt + 2);
          if (gt === -1) break;
          if (expected === undefined || !closeNames(buf, lt, gt, expected.slice(2, -1))) {
            throw new PackageError('xml', part, `unexpected </${nameAt(buf, lt + 2)}>`);
          }
          pos = gt + 1;
        }
        switch (ctx) {
          case SI:
            if (this.text.length > this.limits.maxCellText) this.tooLong(this.text.length);
            this.strings.push(own(this.text));
            this.text = '';
            ctx = SST;
            break;
          case SI_T:
          case RUN_T:
            this.text += decodeEscapes(this.tText);
            this.tText = '';
            if (this.text.length > this.limits.maxCellText) this.tooLong(this.text.length);
            ctx = ctx === SI_T ? SI : RUN;
            break;
          case RUN:
            ctx = SI;
            break;
          default:
            throw new PackageError('xml', part, `unexpected </${nameAt(buf, lt + 2)}>`);
        }
        continue;
      }
      // A start tag.
      const gt = findTagEnd(buf, lt + 1);
      if (gt === -1) break;
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      pos = gt + 1;
      const n = this.names;
      let next = -1;
      switch (ctx) {
        case PROLOG:
          this.setPrefix(prefixOf(nameAt(buf, lt + 1)));
          next = selfClosing ? DONE : SST;
          break;
        case SST:
          if (!matchName(buf, lt + 1, n.si)) {
            // The root's prefix may not be its children's (<x:sst xmlns="…"><si>, or the reverse).
            const name = nameAt(buf, lt + 1);
            if (name === 'si' || name.endsWith(':si')) this.setPrefix(prefixOf(name));
          }
          if (matchName(buf, lt + 1, this.names.si)) {
            if (selfClosing) this.strings.push('');
            else {
              this.text = '';
              next = SI;
            }
          }
          break;
        case SI:
          if (matchName(buf, lt + 1, n.t)) next = SI_T;
          else if (matchName(buf, lt + 1, n.r)) next = RUN;
          break;
        case RUN:
          if (matchName(buf, lt + 1, n.t)) next = RUN_T;
          break;
        case SKIP:
          if (!selfClosing) this.depth++;
          continue;
      }
      if (next >= 0) {
        if (!selfClosing || next === DONE) {
          ctx = next;
          if (ctx === DONE) break;
          this.tText = '';
        }
      } else if (!selfClosing) {
        // Anything else (rPh, phoneticPr, rPr, extLst…, or an element inside a text) is skipped whole.
        this.skipTo = ctx;
        this.depth = 1;
        ctx = SKIP;
      }
    }
    this.pos = pos;
    this.ctx = ctx;
  }
}

/** The shared strings of a whole part at once (tests, small parts). */
export function scanSharedStrings(xml: string, limits: Limits, part: string): string[] {
  const s = new SharedStringsScanner(limits, part);
  s.push(xml);
  return s.end();
}
