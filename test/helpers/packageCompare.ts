/**
 * Compares a workbook package before and after a save that patches it (issue 8): which zip
 * entries are byte-identical, which were rewritten, and — in the parts that may be rewritten —
 * that nothing of the original was dropped or renumbered. Each check returns its findings as
 * sentences (`part: what differs`), so a test can show every one at once.
 *
 * The XML here is scanned with a few regular expressions of its own, not with the package
 * layer's xml.ts: the code under test should not be its own judge.
 */
import { DEFAULT_LIMITS } from '../../src/workbook/xlsx/package/limits';
import { XlsxPackage } from '../../src/workbook/xlsx/package/package';
import { InflateBudget, ZipEntry, inflateString, readZip } from '../../src/workbook/xlsx/package/zip';

export interface Zip {
  /** Entries by their name as stored. */
  entries: Map<string, ZipEntry>;
  /** Every entry name, duplicates too. */
  names: string[];
  pkg: XlsxPackage;
}

export function openZip(bytes: Uint8Array): Zip {
  const list = readZip(bytes, DEFAULT_LIMITS);
  return { entries: new Map(list.map((e) => [e.name, e])), names: list.map((e) => e.name), pkg: XlsxPackage.open(bytes) };
}

/** A part's text (UTF-8). */
export function partText(zip: Zip, name: string): string {
  const entry = zip.entries.get(name);
  if (!entry) throw new Error(`no part ${name}`);
  return inflateString(entry, new InflateBudget(DEFAULT_LIMITS));
}

export function sameBytes(a: ZipEntry, b: ZipEntry): boolean {
  return a.method === b.method && a.crc === b.crc && a.size === b.size && Buffer.from(a.raw).equals(Buffer.from(b.raw));
}

// ---------------------------------------------------------------------------------------------
// A little XML, by local name whatever the prefix.

const NAME = '[A-Za-z_][\\w.-]*';

/** Every element with this local name as written: `<x:sheet …/>`, `<definedName …>…</definedName>` (not nested in itself). */
export function elements(xml: string, local: string): string[] {
  const pattern = new RegExp(`<(${NAME}:)?${local}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  const out: string[] = [];
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    if (m[2] === '/') {
      out.push(m[0]);
      continue;
    }
    const close = `</${m[1] ?? ''}${local}>`;
    const end = xml.indexOf(close, pattern.lastIndex);
    if (end < 0) throw new Error(`<${m[1] ?? ''}${local}> is not closed`);
    out.push(xml.slice(m.index, end + close.length));
    pattern.lastIndex = end + close.length;
  }
  return out;
}

/** The direct children of the first element of this local name, as written; null when there is none. */
export function childElements(xml: string, local: string): string[] | null {
  const [list] = elements(xml, local);
  if (list === undefined) return null;
  const open = list.indexOf('>') + 1;
  if (list[open - 2] === '/') return [];
  const inner = list.slice(open, list.lastIndexOf('</'));
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (const m of inner.matchAll(/<[^>]*>/g)) {
    const tag = m[0];
    if (tag.startsWith('<!--') || tag.startsWith('<?')) continue;
    const at = m.index;
    if (tag.startsWith('</')) {
      depth--;
      if (depth === 0) out.push(inner.slice(start, at + tag.length));
    } else if (tag.endsWith('/>')) {
      if (depth === 0) out.push(tag);
    } else {
      if (depth === 0) start = at;
      depth++;
    }
  }
  return out;
}

/** The sheet XML without the cell `ref` (`<c r="E2" …>…</c>` or `<c r="E2"/>`); unchanged when it has none. */
export function withoutCell(xml: string, ref: string): string {
  const m = new RegExp(`<(${NAME}:)?c(?=\\s)[^>]*?\\sr="${ref}"[^>]*?(/?)>`).exec(xml);
  if (!m) return xml;
  const prefix = m[1] ?? '';
  if (m[2] === '/') return xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  const close = `</${prefix}c>`;
  const end = xml.indexOf(close, m.index + m[0].length);
  if (end < 0) throw new Error(`cell ${ref} is not closed`);
  return xml.slice(0, m.index) + xml.slice(end + close.length);
}

/** The sheet XML without `tabSelected="1"` (or `"true"`) on its first `<sheetView>`. */
export function withoutTabSelected(xml: string): string {
  return xml.replace(new RegExp(`(<(?:${NAME}:)?sheetView\\s[^>]*?)\\s+tabSelected\\s*=\\s*"(?:1|true)"`), '$1');
}

/** Whether the first `<sheetView>` of a sheet selects its tab. */
export function isTabSelected(xml: string): boolean {
  const view = new RegExp(`<(?:${NAME}:)?sheetView\\s[^>]*>`).exec(xml)?.[0] ?? '';
  return /\stabSelected\s*=\s*"(1|true)"/.test(view);
}

/**
 * What keeps a part from being namespace-well-formed XML: tags that do not nest, an element or
 * attribute prefix no `xmlns:` binds in scope, an attribute given twice, not one root.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '');
  const stack: { name: string; scope: Set<string> }[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<[^>]*>/g)) {
    const tag = m[0];
    if (tag.startsWith('<!')) continue;
    if (tag.startsWith('</')) {
      const name = tag.slice(2, -1).trim();
      const top = stack.pop();
      if (!top || top.name !== name) problems.push(`<${top?.name ?? '(none)'}> closed by ${tag} at ${m.index}`);
      continue;
    }
    const selfClosing = tag.endsWith('/>');
    const inner = tag.slice(1, selfClosing ? -2 : -1);
    const name = /^[^\s/>]+/.exec(inner)?.[0] ?? '';
    const scope = new Set(stack.length > 0 ? stack[stack.length - 1].scope : ['xml', 'xmlns']);
    const seen = new Set<string>();
    const attrs: string[] = [];
    for (const a of inner.slice(name.length).matchAll(/([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
      if (seen.has(a[1])) problems.push(`attribute ${a[1]} twice in ${tag.slice(0, 120)}`);
      seen.add(a[1]);
      attrs.push(a[1]);
      if (a[1].startsWith('xmlns:')) scope.add(a[1].slice(6));
    }
    const bound = (qname: string) => !qname.includes(':') || scope.has(qname.slice(0, qname.indexOf(':')));
    if (!bound(name)) problems.push(`unbound prefix of element ${name} at ${m.index}: ${tag.slice(0, 160)}`);
    for (const a of attrs) if (!a.startsWith('xmlns') && !bound(a)) problems.push(`unbound prefix of attribute ${a} at ${m.index}: ${tag.slice(0, 160)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push({ name, scope });
  }
  if (stack.length > 0) problems.push(`<${stack[stack.length - 1].name}> not closed`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Where two texts first differ, with some context of each. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 60);
  return `at offset ${i}: …${a.slice(from, i + 100)}… became …${b.slice(from, i + 100)}…`;
}

// ---------------------------------------------------------------------------------------------
// The comparisons.

export interface Allowance {
  /** Parts that may be rewritten or added (the directory parts, styles, the add-in's own sheets and tables). */
  rewritable: Set<string>;
  /** Input sheet parts edited by updateCells: part → refs of the edited cells (only those may differ). */
  editedCells: Map<string, string[]>;
  /** Sheet parts whose tab was selected: only that `tabSelected` may be gone. */
  deselected: Set<string>;
}

export interface Comparison {
  problems: string[];
  /** Original entries that were written anew (allowed). */
  rewritten: string[];
  /** Entries the result adds. */
  added: string[];
  /** Original entries kept byte for byte. */
  identical: number;
}

/**
 * Every entry of the original must still be there; those not allowed to change must be the
 * same compressed bytes (and crc and size); an edited input sheet or a deselected one may
 * differ only by its edited cells or its `tabSelected`; a new entry must be rewritable.
 */
export function compareEntries(original: Zip, result: Zip, allow: Allowance): Comparison {
  const problems: string[] = [];
  const rewritten: string[] = [];
  const lower = new Set<string>();
  for (const name of result.names) {
    if (lower.has(name.toLowerCase())) problems.push(`${name}: stored twice in the result`);
    lower.add(name.toLowerCase());
  }
  let identical = 0;
  for (const [name, before] of original.entries) {
    const after = result.entries.get(name);
    if (!after) {
      problems.push(`${name}: missing from the result`);
      continue;
    }
    if (sameBytes(before, after)) {
      identical++;
      continue;
    }
    const key = name.toLowerCase();
    if (allow.rewritable.has(key)) {
      rewritten.push(name);
      continue;
    }
    const refs = allow.editedCells.get(key);
    if (refs || allow.deselected.has(key)) {
      const normal = (xml: string) => {
        let out = xml;
        for (const ref of refs ?? []) out = withoutCell(out, ref);
        return allow.deselected.has(key) ? withoutTabSelected(out) : out;
      };
      const a = normal(partText(original, name));
      const b = normal(partText(result, name));
      if (a !== b) {
        const what = [refs ? `the cells ${refs.join(', ')}` : '', allow.deselected.has(key) ? 'tabSelected' : ''].filter(Boolean).join(' and ');
        problems.push(`${name}: differs by more than ${what}, ${firstDifference(a, b)}`);
      } else rewritten.push(name);
      continue;
    }
    problems.push(`${name}: changed though the add-in does not own it (crc ${before.crc.toString(16)} → ${after.crc.toString(16)}, size ${before.size} → ${after.size})`);
  }
  const added: string[] = [];
  for (const name of result.entries.keys()) {
    if (original.entries.has(name)) continue;
    added.push(name);
    if (!allow.rewritable.has(name.toLowerCase())) problems.push(`${name}: a new part the add-in does not own`);
  }
  return { problems, rewritten, added, identical };
}

/** Each element (as written) of `before` must be found, unchanged, in `after`. */
function kept(part: string, what: string, before: string[], after: string): string[] {
  return before.filter((el) => !after.includes(el)).map((el) => `${part}: the original ${what} ${el.slice(0, 200)} is gone or changed`);
}

/** The original's children of a list must be the first children of the result's, unchanged. */
function prefixKept(part: string, list: string, before: string, after: string): string[] {
  const a = childElements(before, list);
  if (a === null) return [];
  const b = childElements(after, list) ?? [];
  const i = a.findIndex((el, n) => b[n] !== el);
  return i < 0 ? [] : [`${part}: <${list}> child ${i} was ${a[i].slice(0, 160)}, is ${String(b[i]).slice(0, 160)} (${a.length} before, ${b.length} after)`];
}

function duplicates(what: string, values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (seen.has(v)) out.push(`${what} ${v} is used twice`);
    seen.add(v);
  }
  return out;
}

/**
 * In the directory parts and styles a save may rewrite, nothing of the original is dropped or
 * renumbered: every `<sheet>`, `<definedName>`, relationship, Default/Override as it was, the
 * styles lists only appended to; and the result's names and ids are unique.
 */
export function renumberingProblems(original: Zip, result: Zip): string[] {
  const problems: string[] = [];
  const wb = original.pkg.workbookPart;
  const wbRels = wb.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  const text = (zip: Zip, part: string) => (zip.entries.has(part) ? partText(zip, part) : '');
  const [wbBefore, wbAfter] = [text(original, wb), text(result, wb)];
  problems.push(...kept(wb, '<sheet>', elements(wbBefore, 'sheet'), wbAfter));
  problems.push(...kept(wb, '<definedName>', elements(wbBefore, 'definedName'), wbAfter));
  const [relsBefore, relsAfter] = [text(original, wbRels), text(result, wbRels)];
  problems.push(...kept(wbRels, '<Relationship>', elements(relsBefore, 'Relationship'), relsAfter));
  const ct = '[Content_Types].xml';
  const [ctBefore, ctAfter] = [text(original, ct), text(result, ct)];
  problems.push(...kept(ct, '<Default>', elements(ctBefore, 'Default'), ctAfter));
  problems.push(...kept(ct, '<Override>', elements(ctBefore, 'Override'), ctAfter));
  const styles = original.pkg.stylesPartName();
  if (styles) {
    const [sBefore, sAfter] = [text(original, styles), text(result, styles)];
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']) problems.push(...prefixKept(styles, list, sBefore, sAfter));
  }
  const attr = (el: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(el)?.[1] ?? '';
  const sheets = elements(wbAfter, 'sheet');
  problems.push(...duplicates(`${wb}: sheet name`, sheets.map((s) => attr(s, 'name').toLowerCase())));
  problems.push(...duplicates(`${wb}: sheetId`, sheets.map((s) => attr(s, 'sheetId'))));
  problems.push(...duplicates(`${wbRels}: relationship Id`, elements(relsAfter, 'Relationship').map((r) => attr(r, 'Id'))));
  problems.push(...duplicates('table id', result.pkg.tables.map((t) => String(t.id))));
  problems.push(...duplicates('table name', result.pkg.tables.map((t) => t.name.toLowerCase())));
  problems.push(...duplicates(`${ct}: Override for`, elements(ctAfter, 'Override').map((o) => attr(o, 'PartName').toLowerCase())));
  return problems;
}

/** Namespace well-formedness of every XML part the result writes anew (added or changed). */
export function newXmlProblems(original: Zip, result: Zip): string[] {
  const problems: string[] = [];
  for (const [name, entry] of result.entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const before = original.entries.get(name);
    if (before && sameBytes(before, entry)) continue;
    for (const p of xmlProblems(partText(result, name))) problems.push(`${name}: ${p}`);
  }
  return problems;
}
