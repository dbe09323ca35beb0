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
  const m = /^<\/?([A-Za-z_][\w.-]*:)?/.exec(tag);
  return m?.[1] ?? '';
}

/** A tag's attributes by qualified name, values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = pattern.exec(tag); m; m = pattern.exec(tag)) out[m[1]] = decodeEntities(m[3] ?? m[4] ?? '');
  return out;
}

/** An attribute by local name whatever its prefix (`r:id`, `ns1:id`). */
export function prefixedAttribute(attrs: Record<string, string>, localName: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(`:${localName}`)) return v;
  return undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    return NAMED[body] ?? all;
  });
}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content and attributes; characters XML 1.0 cannot hold are dropped. */
export function escapeXml(s: string): string {
  return s.replace(UNSAFE, (ch) => ESCAPES[ch] ?? '');
}

/** Sets (or adds) one attribute of a start tag, leaving the rest of the tag as it was. */
export function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace('.', '\\.')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

/** Removes one attribute of a start tag. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}
