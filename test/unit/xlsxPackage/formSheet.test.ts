/**
 * A form's sheet transplanted into the user's package (src/workbook/xlsx/package/formSheet.ts):
 * each template, put into a copy of the worked example's package by a small zip assembly here,
 * loads in ExcelJS as the same sheet renderFormSheet draws directly, and the user's sheets
 * keep their cell styles.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { FORM_CODES, FormCode, FormGrid, FormRequest } from '../../../src/domain/forms';
import { quarterPeriod } from '../../../src/domain/periods';
import { FormSheetPart, formSheetPart } from '../../../src/workbook/xlsx/package/formSheet';
import { StylesPart } from '../../../src/workbook/xlsx/package/styles';
import { escapeXml as encodeXml } from '../../../src/workbook/xlsx/package/xml';
import { normalizePackage } from '../../../src/workbook/xlsx/normalize';
import { renderFormSheet } from '../../../src/workbook/xlsx/renderForm';
import { FIXTURE, bookOf, fixtureSnapshot, grid } from '../forms/helpers';

const Q4 = quarterPeriod(2025, 4);
const REQUESTS: Record<FormCode, Omit<FormRequest, 'template' | 'asOf'>> = {
  'customer-profile': { customer: 'C01' },
  'visit-plan': { staff: 'S01', period: Q4 },
  'visit-report': { visit: 'V1' },
  'reception-register': { period: Q4 },
  'satisfaction-survey': { customer: 'C05' },
  'complaint-form': { complaint: 'P1' },
  'assessment-form': { staff: 'S01', period: Q4 },
};

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET = `${REL}/worksheet`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

async function grids(): Promise<Record<FormCode, FormGrid>> {
  const book = bookOf(await fixtureSnapshot());
  return Object.fromEntries(FORM_CODES.map((t) => [t, grid(book, { template: t, ...REQUESTS[t] })])) as Record<FormCode, FormGrid>;
}

async function text(zip: JSZip, part: string): Promise<string> {
  return zip.file(part)!.async('string');
}

/**
 * The test's stand-in for the patching save: the fixture's package with the form sheets added
 * (part, <sheet> entry, relationship, content type, defined names) and the new styles part.
 */
async function transplant(forms: { name: string; part: FormSheetPart }[], styles: StylesPart): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
  let workbook = await text(zip, 'xl/workbook.xml');
  let rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  let types = await text(zip, '[Content_Types].xml');
  const sheets = (workbook.match(/<sheet\s/g) ?? []).length;
  const lastId = Math.max(...[...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  // ExcelJS reads only parts named xl/worksheets/sheet<N>.xml as worksheets.
  const lastPart = Math.max(...Object.keys(zip.files).map((f) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(f)?.[1] ?? 0)));
  const names: string[] = [];
  forms.forEach(({ name, part }, i) => {
    const file = `sheet${lastPart + i + 1}.xml`;
    const path = `xl/worksheets/${file}`;
    zip.file(path, part.sheetXml);
    workbook = workbook.replace('</sheets>', `<sheet xmlns:r="${REL}" name="${encodeXml(name)}" sheetId="${lastId + i + 1}" r:id="rIdForm${i + 1}"/></sheets>`);
    rels = rels.replace('</Relationships>', `<Relationship Id="rIdForm${i + 1}" Type="${WORKSHEET}" Target="worksheets/${file}"/></Relationships>`);
    types = types.replace('</Types>', `<Override PartName="/${path}" ContentType="${WORKSHEET_TYPE}"/></Types>`);
    for (const d of part.definedNames) names.push(`<definedName name="${encodeXml(d.name)}" localSheetId="${sheets + i}">${encodeXml(d.value)}</definedName>`);
  });
  workbook = /<definedNames\s*\/>|<\/definedNames>/.test(workbook)
    ? workbook.replace(/<definedNames\s*\/>|<\/definedNames>/, (m) => (m.startsWith('</') ? `${names.join('')}</definedNames>` : `<definedNames>${names.join('')}</definedNames>`))
    : workbook.replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`);
  zip.file('xl/workbook.xml', workbook);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  zip.file('xl/styles.xml', styles.toXml());
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Loaded as the CLI loads a workbook (normalizePackage mends the fixture's absolute sheet rels for ExcelJS). */
async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await normalizePackage(data)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The grid rendered straight into a new workbook, saved and loaded: what the transplant must equal. */
async function direct(g: FormGrid, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  renderFormSheet(wb, g, name, { activate: false });
  return (await load(Buffer.from(await wb.xlsx.writeBuffer()))).getWorksheet(name)!;
}

const at = (ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell => ws.getCell(row, col);

/** What a reader of the sheet sees: values, formats, fonts, fills, borders, layout, print setup. */
function facts(ws: ExcelJS.Worksheet, g: FormGrid) {
  const cells: Record<string, unknown> = {};
  for (let r = 1; r <= g.rows; r++) {
    for (let c = 1; c <= g.cols; c++) {
      const x = at(ws, r, c);
      const fill = x.fill as ExcelJS.FillPattern | undefined;
      cells[x.address] = {
        value: x.master.address === x.address ? x.value : null,
        numFmt: x.numFmt ?? 'General',
        font: x.font ? { name: x.font.name, size: x.font.size, bold: x.font.bold ?? false, italic: x.font.italic ?? false } : null,
        fill: fill?.pattern === 'solid' ? fill.fgColor?.argb : null,
        border: Object.fromEntries((['top', 'bottom', 'left', 'right'] as const).map((s) => [s, x.border?.[s]?.style ?? null])),
        alignment: x.alignment ?? null,
      };
    }
  }
  const p = ws.pageSetup;
  return {
    cells,
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
    widths: Array.from({ length: g.cols }, (_, i) => ws.getColumn(i + 1).width),
    heights: Array.from({ length: g.rows }, (_, i) => ws.getRow(i + 1).height),
    page: {
      paperSize: p.paperSize,
      orientation: p.orientation,
      fit: [p.fitToPage, p.fitToWidth, p.fitToHeight],
      margins: p.margins,
      horizontalCentered: p.horizontalCentered,
      printArea: p.printArea,
      printTitlesRow: p.printTitlesRow,
      footer: ws.headerFooter.oddFooter,
      gridLines: ws.views[0]?.showGridLines,
      tabSelected: (ws.views[0] as { tabSelected?: boolean } | undefined)?.tabSelected ?? false,
    },
  };
}

/** Every cell of every sheet: value and whole style. */
function everyCell(wb: ExcelJS.Workbook, only: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of only) {
    wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out[`${name}!${cell.address}`] = { value: cell.value, style: cell.style, type: cell.type };
      }),
    );
  }
  return out;
}

describe('formSheetPart', () => {
  let all: Record<FormCode, FormGrid>;
  beforeAll(async () => {
    all = await grids();
  });

  it('makes each template a sheet that stands alone: inline strings, no tab selection, no relationships', async () => {
    const styles = StylesPart.parse(await text(await JSZip.loadAsync(readFileSync(FIXTURE)), 'xl/styles.xml'));
    const g = all['visit-plan'];
    const part = await formSheetPart(g, '大客户拜访计划表 S01 2025Q4', styles);
    expect(styles.changed).toBe(true);
    expect(part.sheetXml).toContain('t="inlineStr"><is><t>大客户拜访计划表</t></is></c>');
    expect(part.sheetXml).not.toMatch(/t="s"|tabSelected|r:id=|<f[\s>]/);
    // Every style index is one of the user's part (the fixture has 3 xfs: 0…2), none of ExcelJS's.
    const used = [...part.sheetXml.matchAll(/\ss="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...used)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...used)).toBeLessThan(styles.xfCount);
    expect(part.definedNames).toEqual([
      { name: '_xlnm.Print_Area', value: `'大客户拜访计划表 S01 2025Q4'!$A$1:$L$${g.rows}` },
      { name: '_xlnm.Print_Titles', value: "'大客户拜访计划表 S01 2025Q4'!$1:$3" },
    ]);
  });

  it('quotes the sheet name in the defined names as Excel does (ExcelJS does not double apostrophes)', async () => {
    const part = await formSheetPart(all['customer-profile'], "O'Brien", StylesPart.parse(''));
    expect(part.definedNames.map((d) => d.value)).toEqual([`'O''Brien'!$A$1:$L$${all['customer-profile'].rows}`, "'O''Brien'!$1:$3"]);
  });

  it('imports a form once: the same grid again appends nothing', async () => {
    const styles = StylesPart.parse('');
    const first = await formSheetPart(all['assessment-form'], 'A', styles);
    const xml = styles.toXml();
    const second = await formSheetPart(all['assessment-form'], 'B', styles);
    expect(styles.toXml()).toBe(xml);
    expect(second.sheetXml).toBe(first.sheetXml);
  });

  it('transplanted into the fixture, every template loads as renderFormSheet draws it; the user sheets are unchanged', async () => {
    const original = await load(readFileSync(FIXTURE));
    const userSheets = original.worksheets.map((ws) => ws.name);
    const styles = StylesPart.parse(await text(await JSZip.loadAsync(readFileSync(FIXTURE)), 'xl/styles.xml'));
    const forms: { name: string; part: FormSheetPart }[] = [];
    for (const [i, t] of FORM_CODES.entries()) {
      const name = `${all[t].title} ${i + 1}`;
      forms.push({ name, part: await formSheetPart(all[t], name, styles) });
    }
    const patched = await load(await transplant(forms, styles));

    expect(patched.worksheets.map((ws) => ws.name)).toEqual([...userSheets, ...forms.map((f) => f.name)]);
    for (const [i, t] of FORM_CODES.entries()) {
      const name = forms[i].name;
      const got = facts(patched.getWorksheet(name)!, all[t]);
      const want = facts(await direct(all[t], name), all[t]);
      expect(got).toEqual(want);
      // Not vacuous: the sheet has bold text, fills, borders and dates or numbers under formats.
      const cells = Object.values(got.cells) as { font: { bold: boolean; size: number } | null; fill: string | null; border: Record<string, string | null> }[];
      expect(cells.some((c) => c.font?.bold && c.font.size >= 16)).toBe(true);
      expect(cells.some((c) => c.fill === 'FFF2F2F2')).toBe(true);
      expect(cells.some((c) => c.border.bottom === 'thin')).toBe(true);
      expect(got.page.printArea).toBe(`A1:L${all[t].rows}`);
      expect(got.page.printTitlesRow).toBe('1:3');
      expect(got.merges.length).toBeGreaterThan(0);
    }
    const formats = new Set(forms.flatMap((_, i) => Object.values(facts(patched.getWorksheet(forms[i].name)!, all[FORM_CODES[i]]).cells).map((c) => (c as { numFmt: string }).numFmt)));
    expect([...formats].sort()).toEqual(expect.arrayContaining(['#,##0.00', '0.0', '0.0%', '@', 'yyyy-mm-dd']));

    expect(everyCell(patched, userSheets)).toEqual(everyCell(original, userSheets));
  });
});
