/**
 * Open Packaging Conventions, as far as the add-in needs them: relationships (relative and
 * absolute targets, percent-encoding), where a part's relationships live, and content types.
 * Relationship types are matched by their last segment, so transitional and strict OOXML
 * (`http://purl.oclc.org/ooxml/…`) read the same.
 */
import { attributes, escapeXml, findEndTag, findTags } from './xml';

export interface Relationship {
  id: string;
  /** The full type URI as written. */
  type: string;
  /** The target part's name inside the package (no leading slash), or the raw target when external. */
  part: string;
  external: boolean;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package's own: `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of the part it belongs to. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // not percent-encoded after all
  }
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** A target for a new relationship from `sourcePart` to `part` (relative, as Excel writes them). */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function parseRelationships(xml: string, sourcePart: string): Relationship[] {
  return findTags(xml, 'Relationship').map(({ tag }) => {
    const a = attributes(tag);
    const external = a.TargetMode === 'External';
    return { id: a.Id ?? '', type: a.Type ?? '', part: external ? (a.Target ?? '') : resolveTarget(sourcePart, a.Target ?? ''), external };
  });
}

/** Whether a relationship type URI ends with this segment (`worksheet`, `table`, `styles`…). */
export function isType(rel: { type: string }, segment: string): boolean {
  return rel.type.endsWith(`/${segment}`);
}

/** An id no relationship of the part has (`rId7`). */
export function freeRelationshipId(rels: readonly Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** A relationships part with one more relationship (a new part when `xml` is null). */
export function addRelationship(xml: string | null, rel: { id: string; type: string; target: string }): string {
  const element = `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`;
  if (xml === null) return `${RELS_HEAD}${element}</Relationships>`;
  return insertBeforeEnd(xml, 'Relationships', element);
}

/** `[Content_Types].xml` with an Override for a new part (unless one is there already). */
export function addOverride(xml: string, part: string, contentType: string): string {
  const name = `/${part}`;
  if (findTags(xml, 'Override').some(({ tag }) => (attributes(tag).PartName ?? '').toLowerCase() === name.toLowerCase())) return xml;
  return insertBeforeEnd(xml, 'Types', `<Override PartName="${escapeXml(name)}" ContentType="${contentType}"/>`);
}

/** Puts `content` just before the closing tag of the root element `localName` (a self-closing root is opened). */
export function insertBeforeEnd(xml: string, localName: string, content: string): string {
  const open = findTags(xml, localName)[0];
  if (!open) throw new Error(`no <${localName}> element`);
  if (open.tag.endsWith('/>')) {
    const prefix = /^<([\w.-]+:)?/.exec(open.tag)?.[1] ?? '';
    return `${xml.slice(0, open.start)}${open.tag.slice(0, -2).trimEnd()}>${content}</${prefix}${localName}>${xml.slice(open.end)}`;
  }
  const close = findEndTag(xml, localName, open.end);
  if (!close) throw new Error(`no </${localName}>`);
  return `${xml.slice(0, close.start)}${content}${xml.slice(close.start)}`;
}
