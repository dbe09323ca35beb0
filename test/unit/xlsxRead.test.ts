import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainValue } from '../../src/workbook/xlsx/cellValue';
import { normalizePackage } from '../../src/workbook/xlsx/normalize';
import { decodeRef, readXlsxSnapshot } from '../../src/workbook/xlsx/read';
import { INPUT_TABLES } from '../../src/domain/tables';

const FIXTURE = join(__dirname, '../fixtures/example-2025Q4.xlsx');

describe('reading .xlsx files', () => {
  it('reads every table of a workbook another library wrote with absolute relationship targets', async () => {
    const rels = await (await JSZip.loadAsync(readFileSync(FIXTURE))).file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    expect(rels).toContain('Target="/xl/tables/');
    const snap = await readXlsxSnapshot(FIXTURE);
    expect(Object.keys(snap.tables).sort()).toEqual(INPUT_TABLES.map((t) => t.name).sort());
    expect(snap.tables.Customers).toMatchObject({ tableName: 'Customers', sheetName: '客户档案', headerRow: 1, firstColumn: 1 });
    expect(snap.tables.Customers!.rows).toHaveLength(8);
  });

  it('mends absolute targets and leaves other packages as they are', async () => {
    const mended = await JSZip.loadAsync(await normalizePackage(readFileSync(FIXTURE)));
    expect(await mended.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string')).toContain('Target="../tables/table1.xml"');
    const plain = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    expect(await normalizePackage(plain)).toBe(plain);
  });

  it('finds plain ranges by sheet name, below blank rows and right of blank columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contracts');
    ws.getCell('B3').value = 'Amount (10k CNY)';
    ws.getCell('C3').value = 'Contract ID';
    ws.getCell('B4').value = 12;
    ws.getCell('C4').value = 'K1';
    const path = join(mkdtempSync(join(tmpdir(), 'kam-read-')), 'plain.xlsx');
    await wb.xlsx.writeFile(path);
    const t = (await readXlsxSnapshot(path)).tables.Contracts!;
    expect(t).toEqual({ tableName: null, sheetName: 'Contracts', headerRow: 3, firstColumn: 2, headers: ['Amount (10k CNY)', 'Contract ID'], rows: [[12, 'K1']] });
  });

  it('shows cells as a person sees them', () => {
    expect(plainValue({ formula: 'A1*2', result: 4 } as ExcelJS.CellValue)).toBe(4);
    expect(plainValue({ richText: [{ text: '甲' }, { text: '乙' }] } as ExcelJS.CellValue)).toBe('甲乙');
    expect(plainValue({ text: '链接', hyperlink: 'http://x' } as ExcelJS.CellValue)).toBe('链接');
    expect(plainValue({ error: '#N/A' } as ExcelJS.CellValue)).toBe('#N/A');
    expect(plainValue(null)).toBeNull();
  });

  it('decodes ranges', () => expect(decodeRef('$B$3:AA10')).toEqual({ top: 3, left: 2, bottom: 10, right: 27 }));
});

describe('tables saved by Excel', () => {
  it('reads a table without headerRowCount (the default, 1) as having headers', async () => {
    const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
    for (const f of zip.file(/^xl\/tables\/.*\.xml$/)) zip.file(f.name, (await f.async('string')).replace(/ headerRowCount="1"/, ''));
    const path = join(mkdtempSync(join(tmpdir(), 'kam-read-')), 'excel.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const t = (await readXlsxSnapshot(path)).tables.Customers!;
    expect(t.headers[0]).toBe('客户编号');
    expect(t.rows).toHaveLength(8);
  });
});
