/**
 * The styles part (xl/styles.xml) of a workbook being patched: read, and appended to, never
 * renumbered. Every cell of the user's workbook points into these lists by index (`s="7"`), so
 * an existing entry must never move; new fonts, fills, borders, number formats and cell formats
 * (xfs) go at the end of their lists, and toXml splices them into the original text, which
 * stays byte for byte the same elsewhere (unknown lists, extensions, comments, odd spacing).
 *
 * No XML library: the part is small and regular, and a tag scanner that keeps offsets is what
 * a splice needs. Elements are matched by local name under the root's prefix, so `<x:styleSheet>`
 * and strict OOXML (another namespace URI, the same names) read the same.
 */
import { PackageError } from './limits';
import { decodeXml, escapeXml, rawAttributes, setRawAttribute } from './xml';

const PART = 'xl/styles.xml';

/** The children of <styleSheet>, in schema order (CT_Stylesheet): a new list goes in its place. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type ListName = (typeof ORDER)[number];

/** The lists whose entries are read (and may be appended to), with their child element. */
const ITEMS = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' } as const;
type ItemList = keyof typeof ITEMS;

/**
 * ExcelJS 4.4's built-in number formats (lib/xlsx/defaultnumformats.js), only the ids it gives a
 * code for: the locale-dependent ones (27–36, 50–58…) it resolves to no format at all.
 */
const BUILTIN: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};
const BUILTIN_ID = new Map(Object.entries(BUILTIN).map(([id, code]) => [code, Number(id)]));

/** Custom number format ids start above the built-in range (ECMA-376 §18.8.30). */
const LAST_BUILTIN_ID = 163;

/** ExcelJS's utils.isDateFmt, verbatim: any of y m d h M s b outside [...] and "..." makes a date. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** What a part holds when the package has none: Excel's defaults, no theme references. */
const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

// ---------------------------------------------------------------------------------------------
// The tag scanner of the styles part

const SKIP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/y;
const TAG = /<(\/?)((?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
/** Renames the tags of one prefix to another ('' for none): a subtree moved between documents. */
function reprefix(xml: string, from: string, to: string): string {
  if (from === to) return xml;
  return xml.replace(/<(\/?)(?:([A-Za-z_][\w.-]*):)?(?=[A-Za-z_])/g, (whole, slash: string, prefix: string | undefined) =>
    (prefix ?? '') === from ? `<${slash}${to ? `${to}:` : ''}` : whole,
  );
}

// ---------------------------------------------------------------------------------------------

/** Where a list element is in the original text. */
interface ListAt {
  start: number;
  /** Just after its start tag's `>`. */
  tagEnd: number;
  /** The `<` of its end tag (= tagEnd when self-closing). */
  close: number;
  end: number;
  selfClosing: boolean;
}

export class StylesPart {
  /** The text toXml splices into. */
  private readonly text: string;
  /** The text as given, which toXml returns when nothing changed. */
  private readonly source: string;
  /** The root's namespace prefix ('' for the default namespace). */
  private readonly prefix: string;
  /** Created from nothing (a package without a styles part): it must be written. */
  private readonly created: boolean;
  private readonly lists = new Map<ListName, ListAt>();
  /** Offset of the root's end tag. */
  private readonly rootClose: number;
  /** Each read list's children as XML text: the original ones, then the appended ones. */
  private readonly items: Record<ItemList, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly originals: Record<ItemList, number>;
  /** numFmtId → formatCode (decoded, as written), later definitions winning as in ExcelJS. */
  private readonly codes = new Map<number, string>();
  /** Each xf's numFmtId, parsed as ExcelJS does (NaN when absent). */
  private readonly xfFormats: number[] = [];
  /** The xfs appended here, by XML text: an equal one is reused, not appended twice. */
  private readonly ownXfs = new Map<string, number>();

  private constructor(text: string, created: boolean, source = text) {
    this.created = created;
    this.source = source;
    const stack: string[] = [];
    let prefix: string | null = null;
    let rootClose = -1;
    let list: { name: ListName; at: number; tagEnd: number } | null = null;
    let child = -1;
    const fail = (at: number, why: string): never => {
      throw new PackageError('xml', PART, `${why} at offset ${at}`);
    };
    const local = (name: string) => {
      const colon = name.indexOf(':');
      return (colon < 0 ? '' : name.slice(0, colon)) === prefix ? name.slice(colon + 1) : null;
    };

    for (let at = text.indexOf('<'); at >= 0; ) {
      SKIP.lastIndex = at;
      if (SKIP.test(text)) {
        at = text.indexOf('<', SKIP.lastIndex);
        continue;
      }
      TAG.lastIndex = at;
      const m = TAG.exec(text) ?? fail(at, 'bad markup');
      const [whole, closing, name, , selfClosing] = m;
      const end = at + whole.length;
      if (closing) {
        if (stack.pop() !== name) fail(at, `unexpected </${name}>`);
        if (stack.length === 0) rootClose = at;
        if (stack.length === 1 && list) {
          this.lists.set(list.name, { start: list.at, tagEnd: list.tagEnd, close: at, end, selfClosing: false });
          list = null;
        }
        if (stack.length === 2 && child >= 0) {
          this.items[list!.name as ItemList].push(text.slice(child, end));
          child = -1;
        }
      } else {
        const depth = stack.length;
        if (depth === 0) {
          if (prefix !== null) fail(at, 'a second root element');
          const colon = name.indexOf(':');
          prefix = colon < 0 ? '' : name.slice(0, colon);
          if (name.slice(colon + 1) !== 'styleSheet') fail(at, `<${name}> is not a styleSheet`);
        } else if (depth === 1) {
          const n = local(name) as ListName | null;
          if (n && (ORDER as readonly string[]).includes(n) && !this.lists.has(n)) {
            if (selfClosing) this.lists.set(n, { start: at, tagEnd: end, close: end, end, selfClosing: true });
            else list = { name: n, at, tagEnd: end };
          }
        } else if (depth === 2 && list && list.name in ITEMS && local(name) === ITEMS[list.name as ItemList]) {
          if (selfClosing) this.items[list.name as ItemList].push(whole);
          else child = at;
        }
        if (!selfClosing) stack.push(name);
      }
      at = text.indexOf('<', end);
    }
    if (prefix === null || stack.length > 0 || rootClose < 0) throw new PackageError('xml', PART, 'no complete styleSheet element');

    this.text = text;
    this.prefix = prefix;
    this.rootClose = rootClose;
    this.originals = Object.fromEntries(Object.entries(this.items).map(([k, v]) => [k, v.length])) as Record<ItemList, number>;
    for (const numFmt of this.items.numFmts) this.noteNumFmt(numFmt);
    for (const xf of this.items.cellXfs) this.xfFormats.push(parseInt(decodeXml(rawAttributes(xf).get('numFmtId') ?? ''), 10));
  }

  /** Reads a styles part; '' (or only whitespace) stands for a package without one. */
  static parse(xml: string): StylesPart {
    if (xml.trim() === '') return new StylesPart(MINIMAL, true);
    // <styleSheet/> (every list in it is optional): reopened, so that lists have a place to go.
    const reopened = xml.replace(
      /^(\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*)<((?:[\w.-]+:)?styleSheet)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/>/,
      '$1<$2$3></$2>',
    );
    return new StylesPart(reopened, false, xml);
  }

  /** Whether toXml differs from the text parsed (something appended, or the part is new). */
  get changed(): boolean {
    return this.created || (Object.keys(ITEMS) as ItemList[]).some((k) => this.items[k].length > this.originals[k]);
  }

  /** The number of cellXfs entries, appended ones included. */
  get xfCount(): number {
    return this.items.cellXfs.length;
  }

  /**
   * Whether a numeric cell with `s="N"` loads in ExcelJS 4.4 as a Date, decided as it does:
   * s = 0 never is (ExcelJS skips a falsy style id, whatever xf 0 says); the xf's numFmtId 0 or
   * missing gives no format; a custom numFmt of that id (its code unescaped of `\x` as ExcelJS
   * does) wins over the built-in one, an empty code falling back to it; locale-dependent
   * built-ins (27–36, 50–58) have no code in ExcelJS, hence no date.
   */
  isDateStyle(s: number): boolean {
    if (!Number.isInteger(s) || s <= 0 || s >= this.xfFormats.length) return false;
    const id = this.xfFormats[s];
    if (!id) return false;
    return isDateFmt(this.codes.get(id)?.replace(/[\\](.)/g, '$1') || BUILTIN[id]);
  }

  /**
   * A cellXfs index with this number format and the default font, fill and border (the xf 0
   * for 'General' when xf 0 has no format), appended once per code: later calls reuse it.
   */
  numFmtStyle(code: string): number {
    const id = this.numFmtIdFor(code);
    if (id === 0 && this.xfFormats.length > 0 && !this.xfFormats[0]) return 0;
    const xf = `<${this.tag('xf')} numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`;
    return this.appendXf(xf);
  }

  /**
   * Copies cellXfs entries of another stylesheet here, with the fonts, fills, borders and
   * number formats they use; returns each given index → its index here. A font, fill or border
   * equal (by text) to one already here is shared, and entry 0, the default, maps to entry 0.
   * The xfs point to this part's Normal cell style (xfId 0): cell styles are not copied. The
   * rest of each xf (alignment, protection, apply flags) is copied as it is.
   */
  importXfs(other: StylesPart, xfIndexes: Iterable<number>): Map<number, number> {
    const out = new Map<number, number>();
    const memo = { fonts: new Map<number, number>(), fills: new Map<number, number>(), borders: new Map<number, number>() };
    for (const index of xfIndexes) {
      if (out.has(index)) continue;
      const source = other.items.cellXfs[index];
      if (source === undefined) throw new RangeError(`no cellXfs entry ${index} to import`);
      let xf = reprefix(source, other.prefix, this.prefix);
      const attrs = rawAttributes(xf);
      const remap = (attr: string, id: () => number | null) => {
        if (!attrs.has(attr)) return;
        const next = id();
        if (next !== null) xf = setRawAttribute(xf, attr, String(next));
      };
      const child = (list: 'fonts' | 'fills' | 'borders', attr: string) =>
        remap(attr, () => {
          const from = parseInt(decodeXml(attrs.get(attr)!), 10);
          let to = memo[list].get(from);
          if (to === undefined) memo[list].set(from, (to = this.importChild(list, other, from)));
          return to;
        });
      child('fonts', 'fontId');
      child('fills', 'fillId');
      child('borders', 'borderId');
      remap('numFmtId', () => this.importNumFmt(other, parseInt(decodeXml(attrs.get('numFmtId')!), 10)));
      remap('xfId', () => 0);
      out.set(index, this.appendXf(xf));
    }
    return out;
  }

  /** The part's new text: the original with the appended entries spliced in, counts updated. */
  toXml(): string {
    if (!this.changed) return this.source;
    const splices: { from: number; to: number; text: string }[] = [];
    for (const name of Object.keys(ITEMS) as ItemList[]) {
      const added = this.items[name].slice(this.originals[name]);
      if (added.length === 0) continue;
      const count = String(this.items[name].length);
      const at = this.lists.get(name);
      if (!at) {
        const element = `<${this.tag(name)} count="${count}">${added.join('')}</${this.tag(name)}>`;
        splices.push({ from: this.insertionPoint(name), to: this.insertionPoint(name), text: element });
      } else if (at.selfClosing) {
        const open = setRawAttribute(this.text.slice(at.start, at.end).replace(/\s*\/>$/, '>'), 'count', count);
        splices.push({ from: at.start, to: at.end, text: `${open}${added.join('')}</${this.tag(name)}>` });
      } else {
        splices.push({ from: at.start, to: at.tagEnd, text: setRawAttribute(this.text.slice(at.start, at.tagEnd), 'count', count) });
        splices.push({ from: at.close, to: at.close, text: added.join('') });
      }
    }
    // Applied from the end, so earlier offsets stay good; a stable sort keeps same-offset inserts in list order.
    splices.sort((a, b) => a.from - b.from);
    let out = this.text;
    for (let i = splices.length - 1; i >= 0; i--) out = out.slice(0, splices[i].from) + splices[i].text + out.slice(splices[i].to);
    return out;
  }

  // -------------------------------------------------------------------------------------------

  private tag(local: string): string {
    return this.prefix ? `${this.prefix}:${local}` : local;
  }

  /** Where a missing list goes: before the first list that follows it in schema order. */
  private insertionPoint(name: ListName): number {
    const later = ORDER.slice(ORDER.indexOf(name) + 1).map((n) => this.lists.get(n)?.start ?? Infinity);
    return Math.min(this.rootClose, ...later);
  }

  private noteNumFmt(xml: string): void {
    const attrs = rawAttributes(xml);
    this.codes.set(parseInt(decodeXml(attrs.get('numFmtId') ?? ''), 10), decodeXml(attrs.get('formatCode') ?? ''));
  }

  /** What a numFmtId shows, as ExcelJS resolves it ('' for unknown). */
  private effectiveCode(id: number): string {
    return this.codes.get(id) || BUILTIN[id] || '';
  }

  /** The id of a number format code: a built-in one, one defined here, or a new custom one. */
  private numFmtIdFor(code: string): number {
    const builtin = BUILTIN_ID.get(code);
    if (builtin !== undefined && this.effectiveCode(builtin) === code) return builtin;
    for (const [id, c] of this.codes) if (c === code && this.effectiveCode(id) === code) return id;
    const id = Math.max(LAST_BUILTIN_ID, ...[...this.codes.keys()].filter(Number.isFinite)) + 1;
    const xml = `<${this.tag('numFmt')} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`;
    this.items.numFmts.push(xml);
    this.noteNumFmt(xml);
    return id;
  }

  /** Another part's numFmtId as an id here showing the same format. */
  private importNumFmt(other: StylesPart, id: number): number | null {
    if (!Number.isFinite(id)) return null;
    const code = other.codes.get(id) || BUILTIN[id];
    // A locale-dependent built-in (no code known) keeps its id: it means the same everywhere.
    if (!code) return null;
    return this.numFmtIdFor(code);
  }

  /**
   * Another part's font, fill or border as an index here: an equal one, or a copy appended.
   * Entry 0 stays 0: it is the part's default (ExcelJS's Calibri 11, no fill, no border, put
   * there for an xf that sets none), and here the user's default is what such a cell shows.
   */
  private importChild(list: 'fonts' | 'fills' | 'borders', other: StylesPart, index: number): number {
    const source = other.items[list][index];
    if (source === undefined || (index === 0 && this.items[list].length > 0)) return 0;
    const xml = reprefix(source, other.prefix, this.prefix);
    const found = this.items[list].indexOf(xml);
    if (found >= 0) return found;
    // Excel reads fills 0 and 1 as none and gray125 whatever they say: keep copies off them.
    if (list === 'fills') {
      const defaults = ['none', 'gray125'].map((p) => `<${this.tag('fill')}><${this.tag('patternFill')} patternType="${p}"/></${this.tag('fill')}>`);
      while (this.items.fills.length < 2) this.items.fills.push(defaults[this.items.fills.length]);
    }
    return this.items[list].push(xml) - 1;
  }

  private appendXf(xml: string): number {
    const known = this.ownXfs.get(xml);
    if (known !== undefined) return known;
    const index = this.items.cellXfs.push(xml) - 1;
    this.xfFormats.push(parseInt(decodeXml(rawAttributes(xml).get('numFmtId') ?? ''), 10));
    this.ownXfs.set(xml, index);
    return index;
  }
}
