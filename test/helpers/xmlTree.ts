/**
 * A small namespace-aware XML reader for the tests (the manifest): elements with their
 * namespace URI, local name, attributes and text. Enough for well-formed documents without
 * DTDs or CDATA; it throws on mismatched tags.
 */
export interface XmlElement {
  ns: string | null;
  name: string;
  /** Attributes by their name as written (`xsi:type`, `DefaultValue`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
  );

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: { el: XmlElement; scope: Record<string, string> }[] = [];
  let root: XmlElement | null = null;
  for (const token of body.match(/<[^>]+>|[^<]+/g) ?? []) {
    if (token.startsWith('</')) {
      const closing = token.slice(2, -1).trim();
      const top = stack.pop();
      if (!top) throw new Error(`unexpected ${token}`);
      const written = top.el.attrs['\u0000tag'];
      if (written !== closing) throw new Error(`<${written}> closed by ${token}`);
      delete top.el.attrs['\u0000tag'];
      continue;
    }
    if (!token.startsWith('<')) {
      if (stack.length > 0) stack[stack.length - 1].el.text += decode(token);
      else if (token.trim() !== '') throw new Error('text outside the root element');
      continue;
    }
    const selfClosing = token.endsWith('/>');
    const inner = token.slice(1, selfClosing ? -2 : -1).trim();
    const tag = /^[^\s/]+/.exec(inner)![0];
    const attrs: Record<string, string> = {};
    for (const m of inner.slice(tag.length).matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[m[1]] = decode(m[2]);
    const parentScope = stack.length > 0 ? stack[stack.length - 1].scope : {};
    const scope = { ...parentScope };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') scope[''] = v;
      else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
    }
    const [prefix, local] = tag.includes(':') ? tag.split(':') : ['', tag];
    const parent = stack.length > 0 ? stack[stack.length - 1].el : null;
    const el: XmlElement = { ns: scope[prefix] ?? null, name: local, attrs, children: [], text: '', parent };
    if (parent) parent.children.push(el);
    else if (root) throw new Error('two root elements');
    else root = el;
    if (!selfClosing) {
      el.attrs['\u0000tag'] = tag;
      stack.push({ el, scope });
    }
  }
  if (!root || stack.length > 0) throw new Error('unclosed element');
  return root;
}

/** Every descendant element (depth first) matching the local name, and the namespace when given. */
export function descendants(el: XmlElement, name: string, ns?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name && (ns === undefined || c.ns === ns)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
