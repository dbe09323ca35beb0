/**
 * A printable form (SPEC §5) as a worksheet part to transplant into the user's package, for the
 * saves that patch the zip instead of round-tripping it through ExcelJS.
 *
 * The sheet is drawn by the same renderer as every other form (renderForm.ts), into a scratch
 * ExcelJS workbook holding only it; its sheet XML is then made to stand alone in another
 * package: its cell formats are imported into the user's styles part and every style index
 * rewritten through the import map; shared strings become inline strings (so the user's
 * sharedStrings part is not touched); the tab selection is dropped (the caller decides which
 * sheet is active). Everything else (merges, column widths, row heights, margins, page setup,
 * print options, footer) is kept exactly as ExcelJS wrote it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FormGrid } from '../../../domain/forms';
import { renderFormSheet } from '../renderForm';
import { PackageError } from './limits';
import { StylesPart } from './styles';
import { decodeXml, rawAttributes, setRawAttribute } from './xml';

export interface FormSheetPart {
  /**
   * The worksheet XML, ready to be a new part of the user's workbook: style indexes remapped
   * into `styles`, strings inline (t="inlineStr"), no tabSelected, no relationship references
   * (no sheet rels needed), no formulas.
   */
  sheetXml: string;
  /**
   * Defined names the sheet needs (_xlnm.Print_Area, _xlnm.Print_Titles), their values
   * referring to the sheet by its quoted name ('销售计划表'!$A$1:$L$40); the caller writes them
   * with the new sheet's localSheetId (and XML-escapes them).
   */
  definedNames: { name: string; value: string }[];
}

/** Any run of attributes, quoted values allowed to hold `>` and `/`. */
const ATTRS = `(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*`;

/** A sheet name as a formula refers to it: always quoted, inner apostrophes doubled. */
function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The content of each <si> of a shared strings part, as <is> may hold it too (CT_Rst both). */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => m[1] ?? '');
}

/** Every style index the sheet uses: cells' and rows' s, columns' style. */
function usedStyles(sheet: string): number[] {
  const used = new Set<number>();
  for (const m of sheet.matchAll(new RegExp(`<(c|row|col)(${ATTRS})\\s*/?>`, 'g'))) {
    const raw = rawAttributes(`<${m[1]}${m[2]}>`).get(m[1] === 'col' ? 'style' : 's');
    if (raw !== undefined) used.add(parseInt(decodeXml(raw), 10));
  }
  return [...used].filter(Number.isInteger).sort((a, b) => a - b);
}

/** The sheet with its style indexes mapped and its shared strings inline. */
function standalone(sheet: string, map: Map<number, number>, strings: string[]): string {
  const restyle = (tag: string, attr: string): string => {
    const raw = rawAttributes(tag).get(attr);
    if (raw === undefined) return tag;
    const to = map.get(parseInt(decodeXml(raw), 10));
    if (to === undefined) throw new Error(`form sheet style ${raw} was not imported`);
    return setRawAttribute(tag, attr, String(to));
  };
  return sheet
    .replace(new RegExp(`<(row|col)(${ATTRS})(\\s*/?>)`, 'g'), (_, name: string, attrs: string, end: string) =>
      restyle(`<${name}${attrs}`, name === 'col' ? 'style' : 's') + end,
    )
    .replace(new RegExp(`<c(${ATTRS})\\s*(?:/>|>([\\s\\S]*?)</c>)`, 'g'), (whole, attrs: string, body: string | undefined) => {
      let tag = restyle(`<c${attrs}`, 's');
      if (body === undefined) return `${tag}/>`;
      if (rawAttributes(tag).get('t') === 's') {
        const index = /<v>\s*(\d+)\s*<\/v>/.exec(body);
        const text = index ? strings[Number(index[1])] : undefined;
        if (text === undefined) throw new Error(`form sheet cell refers to no shared string: ${whole}`);
        tag = setRawAttribute(tag, 't', 'inlineStr');
        body = body.replace(/<v>[^<]*<\/v>/, `<is>${text}</is>`);
      }
      return `${tag}>${body}</c>`;
    })
    .replace(new RegExp(`<sheetView(${ATTRS})`, 'g'), (_, attrs: string) => `<sheetView${attrs.replace(/\s+tabSelected\s*=\s*(?:"[^"]*"|'[^']*')/g, '')}`);
}

/** The scratch workbook's defined names of its one sheet, re-pointed at the sheet by `sheetName`. */
function definedNamesOf(workbook: string, scratchName: string, sheetName: string): FormSheetPart['definedNames'] {
  const out: FormSheetPart['definedNames'] = [];
  for (const m of workbook.matchAll(new RegExp(`<definedName(${ATTRS})\\s*>([^<]*)</definedName>`, 'g'))) {
    const attrs = rawAttributes(`<definedName${m[1]}>`);
    if (decodeXml(attrs.get('localSheetId') ?? '') !== '0') continue;
    // ExcelJS writes `'name'!` without doubling an apostrophe in the name: replaced whole.
    const value = decodeXml(m[2]).split(`'${scratchName}'!`).join(`${quotedSheetName(sheetName)}!`);
    out.push({ name: decodeXml(attrs.get('name') ?? ''), value });
  }
  return out;
}

/**
 * The form's sheet, its cell formats appended to `styles` (the user's styles part, which the
 * caller then writes back with toXml).
 */
export async function formSheetPart(grid: FormGrid, sheetName: string, styles: StylesPart): Promise<FormSheetPart> {
  const scratch = new ExcelJS.Workbook();
  // Not activated: the scratch book's views are of no use, and its sheet must not claim the tab.
  const ws = renderFormSheet(scratch, grid, sheetName, { activate: false });
  const zip = await JSZip.loadAsync(await scratch.xlsx.writeBuffer());
  const text = async (part: string, required: boolean): Promise<string> => {
    const file = zip.file(part);
    if (!file && required) throw new PackageError('missingPart', part, 'not written by ExcelJS');
    return file ? file.async('string') : '';
  };
  const [sheet, stylesXml, sst, workbook] = await Promise.all([
    text('xl/worksheets/sheet1.xml', true),
    text('xl/styles.xml', true),
    text('xl/sharedStrings.xml', false),
    text('xl/workbook.xml', true),
  ]);

  const map = styles.importXfs(StylesPart.parse(stylesXml), usedStyles(sheet));
  const sheetXml = standalone(sheet, map, sharedStrings(sst));
  // A form has no drawings, links, tables or comments: a relationship here would dangle.
  if (/\sr:id\s*=/.test(sheetXml)) throw new Error('form sheet refers to a relationship; a transplant cannot carry it');
  if (/<f[\s>/]/.test(sheetXml)) throw new Error('form sheet holds a formula; forms are values only');
  return { sheetXml, definedNames: definedNamesOf(workbook, ws.name, sheetName) };
}
