/**
 * The little XML the package layer needs for its small parts (workbook, relationships, content
 * types, table parts): tags found by local name whatever their namespace prefix (`<x:sheet>`,
 * strict OOXML), attributes decoded, text escaped. Sheets and shared strings have their own
 * streaming scanners (sheetScan.ts, sharedStrings.ts).
 */

/** Every start (or empty) tag with this local name: its text and where it is. */
export function findTags(xml: string, localName: string): { tag: string; start: number; end: number }[] {
  const out: { tag: string; start: number; end: number }[] = [];
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) out.push({ tag: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Where the end tag of this local name is (`</x:sheets>`), from `from`; -1 when absent. */
export function findEndTag(xml: string, localName: string, from = 0): { start: number; end: number } | null {
  const pattern = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${localName}\\s*>`, 'g');
  pattern.lastIndex = from;
  const m = pattern.exec(xml);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The namespace prefix of an element's tag (`x:` for `<x:sheet …>`, '' for none). */
export function prefixOf(tag: string): string {
  const m = /^(?:<\/?)?([A-Za-z_][\w.-]*:)?/.exec(tag);
  return m?.[1] ?? '';
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** An attribute value as an XML parser gives it: whitespace normalized, references expanded. */
export function decodeXml(raw: string): string {
  return raw
    .replace(/\r\n|[\t\n\r]/g, ' ')
    .replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g, (_, hex: string, dec: string, named: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : NAMED[named],
    );
}

/** The name and attributes of the start tag `xml` begins with (quoted values may hold `>`). */
const START = /^(\s*<[^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)/;

/** The attributes of the start tag `xml` begins with (raw, still escaped), in document order. */
export function rawAttributes(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (START.exec(xml)?.[2] ?? '').matchAll(ATTR)) out.set(m[1], m[2] ?? m[3]);
  return out;
}

/** Sets (or adds, last) an attribute of the start tag `xml` begins with; `raw` is already escaped. */
export function setRawAttribute(xml: string, name: string, raw: string): string {
  const m = START.exec(xml);
  if (!m) throw new Error(`not a start tag: ${xml.slice(0, 40)}`);
  let found = false;
  const attrs = m[2].replace(/(\s+)([^\s=/>]+)(\s*=\s*)(?:"[^"]*"|'[^']*')/g, (whole, space: string, n: string, eq: string) => {
    if (n !== name) return whole;
    found = true;
    return `${space}${n}${eq}"${raw}"`;
  });
  return m[1] + (found ? attrs : `${attrs} ${name}="${raw}"`) + xml.slice(m[0].length);
}

/** A tag's attributes by qualified name, values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of rawAttributes(tag)) out[k] = decodeXml(v);
  return out;
}

/** An attribute by local name whatever its prefix (`r:id`, `ns1:id`). */
export function prefixedAttribute(attrs: Record<string, string>, localName: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${localName}`)) return v;
  return undefined;
}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const UNSAFE_ALL = /[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for XML content and attributes; characters XML 1.0 cannot hold are dropped. The test
 * first: most cell texts need nothing, and `kam init` escapes two million of them.
 */
export function escapeXml(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, (ch) => ESCAPES[ch] ?? '') : s;
}

/** Sets (or adds) one attribute of a start tag, leaving the rest of the tag as it was. */
export function setAttribute(tag: string, name: string, value: string): string {
  return setRawAttribute(tag, name, escapeXml(value));
}

/** Removes one attribute of a start tag. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}
