/**
 * The edits a save makes to the package's directory parts: a new worksheet (its part, its
 * relationship, its content type, its `<sheet>` entry), defined names for a form's print area,
 * the active tab. Each is an insertion into the part's text; nothing existing is renumbered.
 */
import { PackageError } from './limits';
import { SheetInfo, XlsxPackage } from './package';
import { addOverride, addRelationship, freeRelationshipId, insertBeforeEnd, isType, relativeTarget, relsPathOf } from './opc';
import { attributes, escapeXml, findEndTag, findTags, prefixOf, removeAttribute, setAttribute } from './xml';

export const CONTENT_TYPES = '[Content_Types].xml';
export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** Namespaces a new part must use to match the package (strict OOXML has its own). */
export function namespaces(pkg: XlsxPackage): { main: string; rel: string; relType: (segment: string) => string } {
  const root = findTags(pkg.text(pkg.workbookPart), 'workbook')[0]?.tag ?? '';
  const a = attributes(root);
  const prefix = prefixOf(root).replace(':', '');
  const main = (prefix ? a[`xmlns:${prefix}`] : a.xmlns) ?? 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const strict = main.startsWith('http://purl.oclc.org/');
  const rel = strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return { main, rel, relType: (segment) => `${rel}/${segment}` };
}

/** The first `xl/worksheets/sheetN.xml` (or `xl/tables/tableN.xml`…) name no part has. */
export function freePartName(pkg: XlsxPackage, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/${stem}${n}.xml`;
    if (!pkg.has(name)) return name;
  }
}

/** Adds a worksheet part at the end of the tabs; returns its SheetInfo. */
export function addWorksheet(pkg: XlsxPackage, sheetName: string, part: string, xml: string): SheetInfo {
  const ns = namespaces(pkg);
  pkg.set(part, xml);
  pkg.set(CONTENT_TYPES, addOverride(pkg.text(CONTENT_TYPES), part, WORKSHEET_TYPE));
  const relsPath = relsPathOf(pkg.workbookPart);
  const rels = pkg.relationships(pkg.workbookPart);
  const relId = freeRelationshipId(rels);
  const existing = rels.find((r) => isType(r, 'worksheet'));
  pkg.set(relsPath, addRelationship(pkg.has(relsPath) ? pkg.text(relsPath) : null, { id: relId, type: existing?.type ?? ns.relType('worksheet'), target: relativeTarget(pkg.workbookPart, part) }));

  let workbook = pkg.text(pkg.workbookPart);
  const sheetsOpen = findTags(workbook, 'sheets')[0];
  if (!sheetsOpen) throw new PackageError('xml', pkg.workbookPart, 'no <sheets>');
  const p = prefixOf(sheetsOpen.tag);
  // The relationship id attribute keeps the prefix the workbook binds to the relationships namespace.
  const firstSheet = findTags(workbook, 'sheet')[0]?.tag ?? '';
  const idName = /\s([\w.-]+:id)\s*=/.exec(firstSheet)?.[1] ?? 'r:id';
  const sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId)) + 1;
  // openpyxl declares the relationships prefix on each <sheet>, not on <workbook>: a new
  // sheet then declares it itself, or the part would not be well-formed.
  const prefix = idName.slice(0, idName.indexOf(':'));
  const binds = (tag: string) => new RegExp(`\\sxmlns:${prefix}\\s*=`).test(tag);
  const bound = binds(findTags(workbook, 'workbook')[0]?.tag ?? '') || binds(sheetsOpen.tag);
  const uri = attributes(firstSheet)[`xmlns:${prefix}`] ?? ns.rel;
  const element = `<${p}sheet${bound ? '' : ` xmlns:${prefix}="${escapeXml(uri)}"`} name="${escapeXml(sheetName)}" sheetId="${sheetId}" ${idName}="${relId}"/>`;
  workbook = insertBeforeEnd(workbook, 'sheets', element);
  pkg.set(pkg.workbookPart, workbook);
  const sheet: SheetInfo = { name: sheetName, part, sheetId, relId };
  pkg.sheets.push(sheet);
  return sheet;
}

/** Defined names scoped to one sheet (a form's print area and titles), added to workbook.xml. */
export function addDefinedNames(pkg: XlsxPackage, sheetIndex: number, names: readonly { name: string; value: string }[]): void {
  if (names.length === 0) return;
  let workbook = pkg.text(pkg.workbookPart);
  const p = prefixOf(findTags(workbook, 'workbook')[0]?.tag ?? '');
  const elements = names.map((n) => `<${p}definedName name="${escapeXml(n.name)}" localSheetId="${sheetIndex}">${escapeXml(n.value)}</${p}definedName>`).join('');
  const open = findTags(workbook, 'definedNames')[0];
  if (open && !open.tag.endsWith('/>')) {
    const close = findEndTag(workbook, 'definedNames', open.end)!;
    workbook = `${workbook.slice(0, close.start)}${elements}${workbook.slice(close.start)}`;
  } else if (open) {
    workbook = `${workbook.slice(0, open.start)}<${p}definedNames>${elements}</${p}definedNames>${workbook.slice(open.end)}`;
  } else {
    // Schema order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
    const after = ['externalReferences', 'functionGroups', 'sheets'].map((n) => findEndTag(workbook, n)).find((x) => x !== null);
    if (!after) throw new PackageError('xml', pkg.workbookPart, 'no </sheets>');
    workbook = `${workbook.slice(0, after.end)}<${p}definedNames>${elements}</${p}definedNames>${workbook.slice(after.end)}`;
  }
  pkg.set(pkg.workbookPart, workbook);
}

/** The first `<sheetView>` tag of a worksheet part, and where it is. */
function firstSheetView(xml: string): { tag: string; start: number; end: number } | undefined {
  const data = xml.search(/<([\w.-]+:)?sheetData[\s/>]/);
  const head = data < 0 ? xml : xml.slice(0, data);
  return findTags(head, 'sheetView')[0];
}

function setSheetViewSelected(pkg: XlsxPackage, part: string, selected: boolean): void {
  const headView = firstSheetView(pkg.head(part, 'sheetData'));
  if (headView) {
    const a = attributes(headView.tag);
    if ((a.tabSelected === '1' || a.tabSelected === 'true') === selected) return;
  } else if (!selected) return;
  const xml = pkg.text(part);
  const view = firstSheetView(xml);
  if (!view) {
    if (!selected) return;
    // No views yet: one that selects the tab, before sheetFormatPr/cols/sheetData (schema order).
    const p = prefixOf(findTags(xml, 'worksheet')[0]?.tag ?? '');
    const before = xml.search(/<([\w.-]+:)?(sheetFormatPr|cols|sheetData)[\s/>]/);
    if (before < 0) return;
    pkg.set(part, `${xml.slice(0, before)}<${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"/></${p}sheetViews>${xml.slice(before)}`);
    return;
  }
  const a = attributes(view.tag);
  const is = a.tabSelected === '1' || a.tabSelected === 'true';
  if (is === selected) return;
  const tag = selected ? setAttribute(view.tag, 'tabSelected', '1') : removeAttribute(view.tag, 'tabSelected');
  pkg.set(part, `${xml.slice(0, view.start)}${tag}${xml.slice(view.end)}`);
}

/**
 * Brings a sheet to the front: the workbook view's active tab, the sheet shown if hidden, and
 * its tab the only selected one. Clearing `tabSelected` of the sheet that was selected is the
 * one edit a save makes to a sheet it does not own (two selected tabs group the sheets in Excel,
 * and a typed value then lands in both).
 */
export function activateSheet(pkg: XlsxPackage, sheetName: string): void {
  const index = pkg.sheets.findIndex((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (index < 0) throw new Error(`the workbook has no sheet ${sheetName}`);
  let workbook = pkg.text(pkg.workbookPart);
  const sheetTag = findTags(workbook, 'sheet')[index];
  if (sheetTag && /\sstate\s*=/.test(sheetTag.tag)) {
    workbook = `${workbook.slice(0, sheetTag.start)}${removeAttribute(sheetTag.tag, 'state')}${workbook.slice(sheetTag.end)}`;
  }
  const view = findTags(workbook, 'workbookView')[0];
  if (view) {
    let tag = setAttribute(view.tag, 'activeTab', String(index));
    const first = Number(attributes(view.tag).firstSheet ?? 0);
    if (first > index) tag = setAttribute(tag, 'firstSheet', String(index));
    workbook = `${workbook.slice(0, view.start)}${tag}${workbook.slice(view.end)}`;
  } else {
    const sheets = findTags(workbook, 'sheets')[0];
    const p = prefixOf(sheets.tag);
    workbook = `${workbook.slice(0, sheets.start)}<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>${workbook.slice(sheets.start)}`;
  }
  pkg.set(pkg.workbookPart, workbook);
  pkg.sheets.forEach((s, i) => {
    if (s.part) setSheetViewSelected(pkg, s.part, i === index);
  });
}
