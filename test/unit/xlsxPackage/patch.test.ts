/**
 * The package layer's edits touch only what they must: rows and cells of sheetData, a new
 * sheet's entry in workbook.xml (well-formed whatever writer made the workbook).
 */
import { XlsxPackage } from '../../../src/workbook/xlsx/package/package';
import { cellXml, patchSheetData } from '../../../src/workbook/xlsx/package/sheetData';
import { addWorksheet } from '../../../src/workbook/xlsx/package/workbookPart';
import { writeZip } from '../../../src/workbook/xlsx/package/zip';

const SHEET =
  '<worksheet xmlns="m"><sheetViews><sheetView tabSelected="1"/></sheetViews><sheetData>' +
  '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>5</v></c></row>' +
  '<row r="3" spans="1:3" ht="20" customHeight="1"><c r="A3"><v>1</v></c><c r="C3" t="b"><v>1</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>';

describe('patchSheetData', () => {
  it('edits one cell, keeps every other byte, and inserts missing rows in order', () => {
    const edits = new Map([
      [3, new Map([[2, cellXml('', 3, 2, '新 <&>', '3', false)]])],
      [2, new Map([[1, cellXml('', 2, 1, 42, undefined, false)]])],
      [7, new Map([[4, cellXml('', 7, 4, true, undefined, false)]])],
    ]);
    expect(patchSheetData(SHEET, edits)).toBe(
      '<worksheet xmlns="m"><sheetViews><sheetView tabSelected="1"/></sheetViews><sheetData>' +
        '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>5</v></c></row>' +
        '<row r="2"><c r="A2"><v>42</v></c></row>' +
        '<row r="3" spans="1:3" ht="20" customHeight="1"><c r="A3"><v>1</v></c><c r="B3" s="3" t="inlineStr"><is><t>新 &lt;&amp;&gt;</t></is></c><c r="C3" t="b"><v>1</v></c></row>' +
        '<row r="7"><c r="D7" t="b"><v>1</v></c></row>' +
        '</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>',
    );
  });

  it('widens a row’s spans only when a cell falls outside it, and removes cells', () => {
    const out = patchSheetData(SHEET, new Map([[1, new Map([[5, cellXml('', 1, 5, 'x', undefined, false)], [2, '']])]]));
    expect(out).toContain('<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="E1" t="inlineStr"><is><t>x</t></is></c></row>');
  });

  it('writes text that looks like a formula as text', () => {
    expect(cellXml('x:', 4, 1, '=SUM(A1)', undefined, false)).toBe('<x:c r="A4" t="inlineStr"><x:is><x:t>=SUM(A1)</x:t></x:is></x:c>');
  });
});

describe('addWorksheet', () => {
  const part = (text: string) => new TextEncoder().encode(text);
  const rels = (items: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
  /** openpyxl declares the relationships prefix on each <sheet>, not on <workbook>. */
  function openpyxlStyle(): XlsxPackage {
    const items = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      '_rels/.rels': rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/>'),
      'xl/workbook.xml':
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'),
      'xl/worksheets/sheet1.xml': SHEET,
    };
    const zip = writeZip(Object.entries(items).map(([name, text]) => ({ kind: 'new' as const, name, data: part(text) })));
    return XlsxPackage.open(Buffer.concat(zip));
  }

  it('declares the relationships prefix on the new sheet when the workbook does not', () => {
    const pkg = openpyxlStyle();
    addWorksheet(pkg, 'B', 'xl/worksheets/sheet2.xml', SHEET);
    expect(pkg.text('xl/workbook.xml')).toContain(
      '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="B" sheetId="2" r:id="rId2"/></sheets>',
    );
    expect(pkg.text('xl/_rels/workbook.xml.rels')).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"');
    expect(pkg.text('[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet2.xml"');
  });
});

describe('appendRows keeps the columns’ dropdowns on the new rows', () => {
  it('a validation reaching the last row follows the table down; others are left alone', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { packagePort } = await import('../../../src/workbook/xlsx/package/packagePort');
    const file = join(__dirname, '..', '..', 'fixtures', 'corpus', 'openpyxl-validation.xlsx');
    const pkg = XlsxPackage.open(readFileSync(file));
    const customers = pkg.tables.find((t) => t.name === 'Customers')!;
    const width = customers.ref.right - customers.ref.left + 1;
    // The file's lists reach row 200 (F2:F200, H2:H200); 300 rows take the table past it.
    const rows = Array.from({ length: 300 }, (_, i) => [`C9${String(i).padStart(3, '0')}`, ...new Array(width - 1).fill(null)]);
    await packagePort(pkg).apply({ steps: [{ kind: 'appendRows', tableName: 'Customers', rows }] });
    const bottom = pkg.tables.find((t) => t.name === 'Customers')!.ref.bottom;
    expect(bottom).toBeGreaterThan(300);
    const sqrefs = [...pkg.text(customers.sheet.part!).matchAll(/<dataValidation [^>]*?sqref="([^"]*)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual([`F2:F${bottom}`, `H2:H${bottom}`]);
    // Another sheet's validation (拜访记录's D2:D200) is not touched.
    const visits = pkg.tables.find((t) => t.name === 'Visits')!;
    expect(pkg.text(visits.sheet.part!)).toContain('sqref="D2:D200"');
  });
});
