import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue } from '../../../src/domain/cells';
import { plainValue } from '../../../src/workbook/xlsx/cellValue';
import { DEFAULT_LIMITS, LimitError, Limits, PackageError } from '../../../src/workbook/xlsx/package/limits';
import { SharedStringsScanner } from '../../../src/workbook/xlsx/package/sharedStrings';
import { SheetCells, SheetScanOptions, SheetScanner, scanSheet } from '../../../src/workbook/xlsx/package/sheetScan';
import { loadWorkbook } from '../../../src/workbook/xlsx/read';
import { thrown } from '../../helpers/thrown';

// ExcelJS's own number-format logic, to derive the date-style callback the way it decides.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excelUtils = require('exceljs/lib/utils/utils') as { isDateFmt(fmt: string | undefined): boolean };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builtInFormats = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f: string } | undefined>;

const FIXTURE = join(__dirname, '../../fixtures/example-2025Q4.xlsx');
const PART = 'xl/worksheets/sheet1.xml';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const BEFORE =
  '<sheetPr><tabColor rgb="FF00FF00"/></sheetPr><dimension ref="A1:C3"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="C3" sqref="C3"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="3" width="12" customWidth="1"/></cols>';
const AFTER =
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1" operator="equal"><formula>"&lt;c&gt;"</formula></cfRule></conditionalFormatting>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>';

function sheet(data: string, before = BEFORE, after = AFTER): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS}>${before}<sheetData>${data}</sheetData>${after}</worksheet>`;
}

/** The same document with every element name prefixed `x:` (as some writers do). */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
    .replace(/xmlns="/, 'xmlns:x="');
}

function options(o: Partial<SheetScanOptions> = {}): SheetScanOptions {
  return { sharedStrings: [], isDateStyle: () => false, date1904: false, limits: DEFAULT_LIMITS, part: PART, ...o };
}

function chunked(xml: string, size: number, o: SheetScanOptions): SheetCells {
  const s = new SheetScanner(o);
  for (let i = 0; i < xml.length; i += size) s.push(xml.slice(i, i + size));
  return s.end();
}

/** Scans whole and in chunks of 1, 7, 64 and 4096 characters; the results must be the same. */
function scan(xml: string, o: Partial<SheetScanOptions> = {}): SheetCells {
  const opts = options(o);
  const whole = scanSheet(xml, opts);
  for (const size of [1, 7, 64, 4096]) expect(chunked(xml, size, opts)).toEqual(whole);
  return whole;
}

type Cell = [row: number, col: number, value: CellValue];

function cellsOf(r: SheetCells): Cell[] {
  const out: Cell[] = [];
  for (const [row, { cols, values }] of [...r.rows].sort((a, b) => a[0] - b[0])) {
    expect(cols).toEqual([...cols].sort((a, b) => a - b));
    cols.forEach((c, i) => out.push([row, c, values[i]]));
  }
  return out;
}

/** The cells, checking maxRow, maxCol and count against them. */
function cells(xml: string, o: Partial<SheetScanOptions> = {}): Cell[] {
  const r = scan(xml, o);
  const list = cellsOf(r);
  expect(r.count).toBe(list.length);
  expect(r.maxRow).toBe(Math.max(0, ...list.map((c) => c[0])));
  expect(r.maxCol).toBe(Math.max(0, ...list.map((c) => c[1])));
  return list;
}


const utc = (...a: [number, number, number, number?, number?, number?]) => new Date(Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0));

describe('sheet scanner: values', () => {
  it('reads numbers, shared strings, formula strings, booleans and errors', () => {
    const xml = sheet(
      '<row r="1" spans="1:8"><c r="A1"><v>42</v></c><c r="B1" t="n"><v>-3.5E-2</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="str"><v>a &amp; b</v></c>' +
        '<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#DIV/0!</v></c><c r="H1" s="0" t="s"><v>0</v></c></row>',
    );
    const r = scan(xml, { sharedStrings: ['zero', 'one'] });
    expect(cellsOf(r)).toEqual([
      [1, 1, 42],
      [1, 2, -0.035],
      [1, 3, 'one'],
      [1, 4, 'a & b'],
      [1, 5, true],
      [1, 6, false],
      [1, 7, '#DIV/0!'],
      [1, 8, 'zero'],
    ]);
    expect(r.errors).toEqual([{ row: 1, col: 7, code: '#DIV/0!' }]);
  });

  it('reads every number exactly as parseFloat does, read in place or from text cut across chunks', () => {
    const texts = ['0', '-0', '007', '1.', '.5', '-.5', '123456789012345', '1234567890123456', '12345678901234567', '0.1', '0.30000000000000004', '-1.7976931348623157E308'];
    texts.push('1e3', '1E-3', ' 12 ', '+5', '1.2.3', 'abc', '9007199254740993', '0.000000000000001', '99999999999999.9', '4.35', '45000.041666666664');
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 300; i++) {
      const int = String(Math.floor(rnd() * 10 ** Math.floor(rnd() * 12)));
      const frac = String(Math.floor(rnd() * 10 ** Math.floor(rnd() * 8))).padStart(Math.floor(rnd() * 8), '0');
      texts.push(`${rnd() < 0.3 ? '-' : ''}${int}${frac ? `.${frac}` : ''}`);
    }
    const xml = sheet(`<row r="1">${texts.map((t) => `<c><v>${t}</v></c>`).join('')}</row>`);
    expect(cells(xml).map((c) => c[2])).toEqual(texts.map((t) => parseFloat(t)));
    // Shared string indexes and booleans too.
    const ss = Array.from({ length: 20 }, (_, i) => `s${i}`);
    expect(cells(sheet('<row r="1"><c t="s"><v>007</v></c><c t="s"><v>19</v></c><c t="b"><v>2</v></c><c t="b"><v>false</v></c><c t="b"><v>true</v></c></row>'), { sharedStrings: ss })).toEqual([
      [1, 1, 's7'],
      [1, 2, 's19'],
      [1, 3, true],
      [1, 4, false],
      [1, 5, true],
    ]);
  });

  it('reads inline strings, plain and rich, without phonetic runs', () => {
    const xml = sheet(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>plain</t></is></c>' +
        '<c r="B2" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Bo</t></r><r><t xml:space="preserve">ld </t></r></is></c>' +
        '<c r="C2" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></is></c>' +
        '<c r="D2" t="inlineStr"><is><t>&#21592;&#x5DE5;</t></is></c></row>',
    );
    expect(cells(xml)).toEqual([
      [2, 1, 'plain'],
      [2, 2, 'Bold '],
      [2, 3, '東京'],
      [2, 4, '员工'],
    ]);
  });

  it('takes a formula’s cached value, for every kind of formula; no cached value is no value', () => {
    const xml = sheet(
      '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c>' +
        '<c r="D1" t="e"><f>NA()</f><v>#N/A</v></c><c r="E1"><f>NOW()</f></c><c r="F1" t="str"><f>""</f><v></v></c><c r="G1"><f t="array" ref="G1:G2">A1:A2</f><v>7</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>4</v></c><c r="G2"><v>8</v></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3"><f t="shared" si="0"/></c></row>',
    );
    const r = scan(xml);
    expect(cellsOf(r)).toEqual([
      [1, 1, 3],
      [1, 2, 'ab'],
      [1, 3, true],
      [1, 4, '#N/A'],
      [1, 7, 7],
      [2, 1, 4],
      [2, 7, 8],
      [3, 1, 6],
    ]);
    expect(r.errors).toEqual([{ row: 1, col: 4, code: '#N/A' }]);
  });

  it('converts numbers in date-styled cells the way ExcelJS does (1900 and 1904 systems), asking once per style', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" s="3"><v>45000</v></c><c r="B1" s="3"><v>45000.75</v></c><c r="C1" s="4"><v>45000</v></c><c r="D1" s="3"><f>TODAY()</f><v>45292</v></c>' +
        '<c r="E1" s="3" t="e"><f>NA()</f><v>#N/A</v></c><c r="F1" s="3" t="str"><v>text</v></c><c r="G1" s="3" t="b"><v>1</v></c><c r="H1" s="3"><v>0.5</v></c><c r="I1" s="3"/></row>',
    );
    const asked: number[] = [];
    const isDateStyle = (s: number) => {
      asked.push(s);
      return s === 3;
    };
    expect(cells(xml, { isDateStyle })).toEqual([
      [1, 1, utc(2023, 3, 15)],
      [1, 2, utc(2023, 3, 15, 18)],
      [1, 3, 45000],
      [1, 4, utc(2024, 1, 1)],
      [1, 5, '#N/A'], // ExcelJS would make an Invalid Date of it
      [1, 6, 'text'],
      [1, 7, true],
      [1, 8, utc(1899, 12, 30, 12)],
    ]);
    expect(new Set(asked)).toEqual(new Set([3, 4]));
    expect(asked.length).toBe(10); // 2 styles × 5 chunkings
    expect(cells(xml, { isDateStyle, date1904: true })[0]).toEqual([1, 1, utc(2027, 3, 16)]);
  });

  it('reads t="d" ISO 8601 dates as UTC dates', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="d"><v>2024-03-01</v></c><c r="B1" t="d"><v>2024-03-01T12:30:00</v></c><c r="C1" t="d"><v>2024-03-01T12:30:00.250Z</v></c>' +
        '<c r="D1" t="d"><v>2024-03-01T12:30:00+08:00</v></c><c r="E1" t="d"><v>13:15:00</v></c></row>',
    );
    expect(cells(xml)).toEqual([
      [1, 1, utc(2024, 3, 1)],
      [1, 2, utc(2024, 3, 1, 12, 30)],
      [1, 3, new Date(Date.UTC(2024, 2, 1, 12, 30, 0, 250))],
      [1, 4, utc(2024, 3, 1, 4, 30)],
      [1, 5, utc(1899, 12, 30, 13, 15)],
    ]);
  });

  it('records a cell only when it holds a value: not styled empty cells, empty <v> or <is>; a shared "" is a value', () => {
    const xml = sheet(
      '<row r="1" spans="1:30" s="2" customFormat="1"><c r="A1" s="2"/><c r="B1" s="2"></c><c r="C1"><v/></c><c r="D1"><v></v></c><c r="E1" t="inlineStr"><is><t/></is></c>' +
        '<c r="F1" t="inlineStr"><is></is></c><c r="G1" t="s"><v>0</v></c><c r="AD1" s="5"/></row><row r="9" s="2" customFormat="1"/><row r="10"><c r="Z10" s="1"/></row>',
    );
    const r = scan(xml, { sharedStrings: [''] });
    expect(cellsOf(r)).toEqual([[1, 7, '']]);
    expect(r).toMatchObject({ maxRow: 1, maxCol: 7, count: 1 });
    expect(scan(sheet(''), { sharedStrings: null })).toEqual({ rows: new Map(), maxRow: 0, maxCol: 0, errors: [], count: 0 });
    expect(scan(sheet('', '', '').replace('<sheetData></sheetData>', '<sheetData/>'))).toMatchObject({ count: 0, maxRow: 0 });
    expect(scan(`<worksheet ${NS}><dimension ref="A1"/></worksheet>`)).toMatchObject({ count: 0, maxRow: 0 });
  });

  it('decodes entities and normalises line ends in <v> and <t>; _xHHHH_ escapes only in <t>', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="str"><v>&lt;&gt;&amp;&quot;&apos; &#10;&#x4E2D;&#x1F600;</v></c><c r="B1" t="str"><v>a\r\nb\rc&#13;</v></c>' +
        '<c r="C1" t="str"><v>x_x000D_y</v></c><c r="D1" t="inlineStr"><is><t>x_x000D_y</t></is></c><c r="E1" t="inlineStr"><is><r><t>_x0041_</t></r><r><t>_x005F_x0041_</t></r></is></c>' +
        '<c r="F1" t="str"><v>&amp;lt;</v></c><c r="G1" t="str"><v>a<![CDATA[<b>&amp;]]>c</v></c></row>',
    );
    expect(cells(xml)).toEqual([
      [1, 1, `<>&"' \n中😀`],
      [1, 2, 'a\nb\nc\r'],
      [1, 3, 'x_x000D_y'],
      [1, 4, 'x\ry'],
      [1, 5, 'A_x0041_'],
      [1, 6, '&lt;'],
      [1, 7, 'a<b>&amp;c'],
    ]);
  });

  it('skips comments, processing instructions and white space anywhere', () => {
    const xml = sheet(
      '\n  <!-- rows --><?pi x?>\n  <row r="1">\n    <!-- a cell -->\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n' +
        '    <c r="B1"><!-- x --><v>1<!-- y -->2</v><?z?></c>\n  </row>\n',
    );
    expect(cells(xml, { sharedStrings: ['s'] })).toEqual([
      [1, 1, 's'],
      [1, 2, 12],
    ]);
  });

  it('reads attributes in any order and quoting, with ">" in values and white space in tags', () => {
    const xml = sheet(`<row  spans='1:2' r = '4' x14ac:dyDescent="0.25" ><c t='s' s = "1" r='A4' cm="1" vm="x>y"><v>0</v></c ><c ph="1" r="B4"  ><v >5</v ></c></row >`);
    expect(cells(xml, { sharedStrings: ['s'] })).toEqual([
      [4, 1, 's'],
      [4, 2, 5],
    ]);
  });
});

describe('sheet scanner: references', () => {
  it('places cells without r after the previous cell, and rows without r after the previous row', () => {
    const xml = sheet(
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E1" s="1"/><c><v>6</v></c></row><row r="5"><c r="B5"><v>7</v></c><c><v>8</v></c></row><row><c><v>9</v></c></row>' +
        '<row><c r="C9"><v>10</v></c><c><v>11</v></c></row><row/><row><c><v>12</v></c></row>',
    );
    expect(cells(xml)).toEqual([
      [1, 1, 1],
      [1, 2, 2],
      [1, 6, 6],
      [5, 2, 7],
      [5, 3, 8],
      [6, 1, 9],
      [9, 3, 10], // a row without r is the row its first cell names
      [9, 4, 11],
      [11, 1, 12],
    ]);
  });

  it('reads columns A to XFD and rows to 1048576; refuses references beyond', () => {
    expect(cells(sheet('<row r="1048576"><c r="A1048576"><v>1</v></c><c r="Z1048576"><v>2</v></c><c r="AA1048576"><v>3</v></c><c r="XFD1048576"><v>4</v></c></row>'))).toEqual([
      [1048576, 1, 1],
      [1048576, 26, 2],
      [1048576, 27, 3],
      [1048576, 16384, 4],
    ]);
    for (const bad of ['<row r="1"><c r="XFE1"><v>1</v></c></row>', '<row r="1048577"/>', '<row r="0"/>', '<row r="1"><c r="1A"><v>1</v></c></row>', '<row r="1"><c r="A1B"><v>1</v></c></row>']) {
      const e = thrown(() => scanSheet(sheet(bad), options()));
      expect(e).toBeInstanceOf(PackageError);
      expect(e).toMatchObject({ reason: 'xml', part: PART });
    }
  });

  it('keeps columns ascending when cells or rows come out of order (a later cell replaces an earlier one)', () => {
    const xml = sheet(
      '<row r="3"><c r="C3"><v>1</v></c><c r="A3"><v>2</v></c></row><row r="1"><c r="B1" t="e"><v>#N/A</v></c></row><row r="3"><c r="B3"><v>3</v></c><c r="C3"><v>4</v></c></row>' +
        '<row r="1"><c r="B1"><v>5</v></c></row>',
    );
    const r = scan(xml);
    expect(cellsOf(r)).toEqual([
      [1, 2, 5],
      [3, 1, 2],
      [3, 2, 3],
      [3, 3, 4],
    ]);
    expect(r.count).toBe(4);
    expect(r.errors).toEqual([]);
  });
});

describe('sheet scanner: what is read and what is skipped', () => {
  it('reads only <sheetData>: lookalike elements before, inside and after it are skipped', () => {
    const before = BEFORE + '<sheetPr><c r="Z9"><v>1</v></c></sheetPr><customSheetViews><customSheetView><row r="9"/></customSheetView></customSheetViews>';
    const after = AFTER + '<extLst><ext uri="{x}" xmlns:x14="x14"><x14:sheetData><row r="1"><c r="A1"><v>9</v></c></row></x14:sheetData></ext></extLst>';
    const xml = sheet(
      '<row r="1"><cx r="A1"><v>1</v></cx><c r="B1"><extLst><v>99</v></extLst><vt:v xmlns:vt="vt">77</vt:v><v>2</v></c><c r="C1" t="inlineStr"><is><tx>no</tx><t>yes</t></is></c></row>' +
        '<rows><row r="5"><c r="A5"><v>5</v></c></row></rows>',
      before,
      after,
    );
    expect(cells(xml)).toEqual([
      [1, 2, 2],
      [1, 3, 'yes'],
    ]);
    // Nothing after </sheetData> is even parsed.
    expect(cells(sheet('<row r="1"><c r="A1"><v>1</v></c></row>', BEFORE, '<<< not xml & at all'))).toEqual([[1, 1, 1]]);
  });

  it('reads namespace-prefixed sheets (x:worksheet) the same as plain ones', () => {
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c r="C1" s="1"><f>1</f><v>45000</v></c><c r="D1" t="e"><v>#REF!</v></c></row>' +
      '<row><c><v>1</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c></row>';
    const o = { sharedStrings: ['s'], isDateStyle: (s: number) => s === 1 };
    const plain = scan(sheet(data), o);
    const xml = prefixed(sheet(data));
    expect(xml).toContain('<x:worksheet xmlns:x=');
    expect(xml).toContain('<x:c r="A1" t="s"><x:v>0</x:v></x:c>');
    expect(scan(xml, o)).toEqual(plain);
    expect(plain.count).toBe(6);
    // Strict OOXML: other namespace URIs, the same local names.
    const strict = sheet(data).replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main');
    expect(scan(strict, o)).toEqual(plain);
    // The root's prefix need not be its children's.
    const mixed = sheet(data).replace(/<worksheet xmlns=/, '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns=').replace('</worksheet>', '</x:worksheet>');
    expect(scan(mixed, o)).toEqual(plain);
    const mixed2 = prefixed(sheet(data)).replace('<x:worksheet xmlns:x=', '<worksheet xmlns:x=').replace('</x:worksheet>', '</worksheet>');
    expect(scan(mixed2, o)).toEqual(plain);
    // A prefixed sheet's unprefixed lookalikes are not its cells.
    expect(cells(prefixed(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')).replace('<x:c r="A1">', '<c r="A1">').replace('</x:c>', '</c>'))).toEqual([]);
  });
});

describe('sheet scanner: limits and errors', () => {
  it('refuses a text longer than maxCellText (formula string, inline, rich inline, any <v>)', () => {
    const limits: Limits = { ...DEFAULT_LIMITS, maxCellText: 5 };
    expect(cells(sheet('<row r="1"><c r="A1" t="str"><v>12345</v></c><c r="B1" t="inlineStr"><is><r><t>12</t></r><r><t>345</t></r></is></c></row>'), { limits })).toHaveLength(2);
    for (const c of [
      '<c r="A1" t="str"><v>123456</v></c>',
      '<c r="A1" t="inlineStr"><is><t>123456</t></is></c>',
      '<c r="A1" t="inlineStr"><is><r><t>123</t></r><r><t>456</t></r></is></c>',
      '<c r="A1"><v>1234567</v></c>',
    ]) {
      const e = thrown(() => scanSheet(sheet(`<row r="1">${c}</row>`), options({ limits })));
      expect(e).toBeInstanceOf(LimitError);
      // It names the cell: the package layer turns the part into the sheet's name.
      expect(e).toMatchObject({ limit: 'cellText', where: `${PART}!A1`, allowed: 5 });
    }
    // While it streams: a huge text is refused before it is whole.
    const s = new SheetScanner(options({ limits }));
    const open = sheet('<row r="1"><c r="A1" t="str"><v>X</v></c></row>');
    s.push(open.slice(0, open.indexOf('X')));
    expect(() => {
      for (let i = 0; i < 100; i++) s.push('x');
    }).toThrow(LimitError);
  });

  it('refuses more value cells than maxCells, a row costing 16; empty cells do not count', () => {
    const limits: Limits = { ...DEFAULT_LIMITS, maxCells: 3 + 3 * 16 };
    const row = (n: number) => `<row r="${n}"><c r="A${n}"><v>1</v></c><c r="B${n}" s="1"/><c r="C${n}" s="1"/></row>`;
    expect(scan(sheet(row(1) + row(2) + row(3)), { limits }).count).toBe(3);
    const e = thrown(() => scanSheet(sheet(row(1) + row(2) + row(3) + row(4)), options({ limits })));
    expect(e).toBeInstanceOf(LimitError);
    expect(e).toMatchObject({ limit: 'cells', where: PART, actual: 4 + 4 * 16, allowed: 3 + 3 * 16 });
  });

  it('refuses a shared string cell when the package has no shared strings, or an index outside the table', () => {
    const xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(thrown(() => scanSheet(xml, options({ sharedStrings: null })))).toMatchObject({ name: 'PackageError', reason: 'missingPart', part: 'xl/sharedStrings.xml' });
    for (const v of ['1', '-1', 'x']) {
      const e = thrown(() => scanSheet(xml.replace('<v>0</v>', `<v>${v}</v>`), options({ sharedStrings: ['a'] })));
      expect(e).toMatchObject({ name: 'PackageError', reason: 'xml', part: PART });
    }
  });

  it('refuses malformed or truncated XML with PackageError("xml")', () => {
    const good = sheet('<row r="1"><c r="A1" t="str"><v>a</v></c></row>');
    const bad = [
      good.replace('</v>', '</t>'),
      good.replace('</c>', ''),
      good.replace('<v>a</v>', '<v>a &nbsp; b</v>'),
      good.replace('<v>a</v>', '<v>a & b</v>'),
      good.replace('<v>a</v>', '<v>&#xD800;</v>'),
      good.replace('r="A1"', 'r'),
      good.replace('<v>a</v>', '<v>a</v><v>b</v>'),
      good.replace('<v>a</v>', '<v/><v>b</v>'),
      good.replace('<c r="A1"', '<c ="A1"'),
      good.replace('r="A1"', 'r=A1'),
      good.slice(0, good.indexOf('</sheetData>')),
      good.slice(0, good.indexOf('<sheetData>') + 5),
      '',
      '<?xml version="1.0"?>',
    ];
    for (const xml of bad) {
      const e = thrown(() => scanSheet(xml, options()));
      expect(e).toBeInstanceOf(PackageError);
      expect(e).toMatchObject({ reason: 'xml', part: PART });
      for (const size of [1, 7]) expect(thrown(() => chunked(xml, size, options()))).toMatchObject({ reason: 'xml' });
    }
  });

  it('refuses markup that never ends instead of holding it', () => {
    const s = new SheetScanner(options());
    const open = sheet('<row r="1"><c r="A1" x="X"/></row>');
    s.push(open.slice(0, open.indexOf('X')));
    const piece = 'y'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 8; i++) s.push(piece);
    }).toThrow(new PackageError('xml', PART, 'markup too long'));
  });
});

describe('sheet scanner: chunking', () => {
  it('gives the same cells for a large mixed sheet however it is cut', () => {
    const rows: string[] = [];
    const want: Cell[] = [];
    for (let r = 1; r <= 400; r++) {
      const cs: string[] = [];
      cs.push(`<c r="A${r}" s="2"><v>${r * 1.5}</v></c>`);
      want.push([r, 1, r * 1.5]);
      cs.push(`<c r="B${r}" t="s"><v>${r % 3}</v></c>`);
      want.push([r, 2, ['zero', 'one &', 'two'][r % 3]]);
      cs.push(`<c r="C${r}" t="inlineStr"><is><r><t>r&#${20000 + r};</t></r><r><t>&amp;${r}</t></r></is></c>`);
      want.push([r, 3, `r${String.fromCharCode(20000 + r)}&${r}`]);
      cs.push(`<c r="D${r}" s="3"><f>A${r}</f><v>${45000 + r}</v></c>`);
      want.push([r, 4, new Date(Math.round((45000 + r - 25569) * 86400000))]);
      cs.push(`<c r="E${r}" s="1"/>`);
      if (r % 10 === 0) {
        cs.push(`<c r="F${r}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`);
        want.push([r, 6, '#DIV/0!']);
      }
      cs.push(`<c t="b"><v>${r % 2}</v></c>`);
      want.push([r, r % 10 === 0 ? 7 : 6, r % 2 === 1]);
      rows.push(`<row r="${r}" spans="1:7">${cs.join('')}</row>`);
    }
    const xml = sheet(rows.join('\n'));
    const o = { sharedStrings: ['zero', 'one &', 'two'], isDateStyle: (s: number) => s === 3 };
    expect(cells(xml, o)).toEqual(want);
    const r = scanSheet(xml, options(o));
    expect(r.errors).toHaveLength(40);
    for (const size of [2, 3, 5, 13, 100, 65536]) expect(chunked(xml, size, options(o))).toEqual(r);
  });
});

// -------------------------------------------------------------------------------------------------
// Differential: the scanners against ExcelJS as our current reader sees cells (plainValue).
// -------------------------------------------------------------------------------------------------

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : undefined;
}

/** Which cell styles ExcelJS reads as dates: xf numFmtId → format code → isDateFmt; never style 0. */
function dateStyles(stylesXml: string | null): (s: number) => boolean {
  if (stylesXml === null) return () => false;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) custom.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const ids = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => Number(attr(m[0], 'numFmtId') ?? 0));
  return (s) => {
    const id = ids[s];
    if (!s || !id) return false; // ExcelJS: `model.styleId && …`, `if (style.numFmtId)`
    return excelUtils.isDateFmt(custom.get(id) ?? builtInFormats[id]?.f);
  };
}

/** What the current reader sees: plainValue of row.values, merged cells but their master left out. */
function excelJsCells(ws: ExcelJS.Worksheet): { cells: Cell[]; errors: SheetCells['errors'] } {
  const out: Cell[] = [];
  const errors: SheetCells['errors'] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values = row.values as ExcelJS.CellValue[];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // the scanner leaves merges to its caller
      const raw = values[c];
      const v = plainValue(raw);
      if (v === null || v === undefined) return;
      out.push([r, c, v]);
      const x = raw as { error?: string; result?: { error?: string } };
      const code = x?.error ?? x?.result?.error;
      if (code !== undefined) errors.push({ row: r, col: c, code });
    });
  });
  return { cells: out, errors };
}

/** Every sheet of the package through the scanners, against `wb` (ExcelJS's load of it); the cell count compared. */
async function differential(data: Buffer, wb: ExcelJS.Workbook): Promise<number> {
  const zip = await JSZip.loadAsync(data);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? null;
  const workbookXml = (await text('xl/workbook.xml'))!;
  const rels = (await text('xl/_rels/workbook.xml.rels'))!;
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  const ssXml = await text('xl/sharedStrings.xml');
  let sharedStrings: string[] | null = null;
  if (ssXml !== null) {
    const s = new SharedStringsScanner(DEFAULT_LIMITS, 'xl/sharedStrings.xml');
    for (let i = 0; i < ssXml.length; i += 61) s.push(ssXml.slice(i, i + 61));
    sharedStrings = s.end();
  }
  const isDateStyle = dateStyles(await text('xl/styles.xml'));
  let compared = 0;
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)];
  expect(sheets.length).toBe(wb.worksheets.length);
  for (const m of sheets) {
    const name = attr(m[0], 'name')!;
    const rid = attr(m[0], 'r:id')!;
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((x) => attr(x[0], 'Id') === rid)![0];
    const target = attr(rel, 'Target')!;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const got = scan((await text(part))!, { sharedStrings, isDateStyle, date1904, part });
    const want = excelJsCells(wb.getWorksheet(name)!);
    expect({ name, cells: cellsOf(got) }).toEqual({ name, cells: want.cells });
    expect(got.errors).toEqual(want.errors);
    expect(got.count).toBe(want.cells.length);
    expect(got.maxRow).toBe(Math.max(0, ...want.cells.map((c) => c[0])));
    expect(got.maxCol).toBe(Math.max(0, ...want.cells.map((c) => c[1])));
    compared += got.count;
  }
  return compared;
}

/** Writes `wb` with ExcelJS and loads it back, as our reader would. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<[Buffer, ExcelJS.Workbook]> {
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(data as unknown as ExcelJS.Buffer);
  return [data, back];
}

/** An ExcelJS package whose first sheet's <sheetData> (and shared strings) are replaced by hand-written XML. */
async function handWritten(sheetData: string, sharedStrings?: string): Promise<[Buffer, ExcelJS.Workbook]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hand');
  ws.getCell('A1').value = 'x';
  ws.getCell('B1').value = 1;
  ws.getCell('B1').numFmt = 'yyyy-mm-dd';
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const orig = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file(
    'xl/worksheets/sheet1.xml',
    orig.slice(0, orig.indexOf('<sheetData>')) + `<sheetData>${sheetData}</sheetData>` + orig.slice(orig.indexOf('</sheetData>') + '</sheetData>'.length),
  );
  if (sharedStrings !== undefined) {
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings}</sst>`,
    );
  }
  const data = await zip.generateAsync({ type: 'nodebuffer' });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(data as unknown as ExcelJS.Buffer);
  return [data, back];
}

describe('sheet scanner: differential against ExcelJS', () => {
  it('reads a workbook ExcelJS wrote as ExcelJS reads it back: every kind of value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Values');
    const set = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
      const c = ws.getCell(ref);
      c.value = value;
      if (numFmt) c.numFmt = numFmt;
    };
    set('A1', 'text');
    set('B1', `<tag> & "quotes" 'apos'`);
    set('C1', '中文 😀 ﬁ');
    set('D1', 'line1\nline2\r\nline3');
    set('E1', '  padded  ');
    set('F1', '');
    set('G1', 'text'); // a repeated shared string
    set('A2', 42);
    set('B2', -3.5);
    set('C2', 1e-10);
    set('D2', 12345678901234);
    set('E2', 0);
    set('F2', 0.1 + 0.2);
    set('A3', true);
    set('B3', false);
    set('A4', utc(2024, 2, 29), 'yyyy-mm-dd');
    set('B4', utc(2024, 2, 29, 13, 45, 30), 'yyyy-mm-dd hh:mm:ss');
    set('C4', 0.25, '0.00%');
    set('D4', 45000, '[$-409]d-mmm-yy;@');
    set('E4', 45000, '"days "0');
    set('F4', utc(1900, 1, 1), 'd/m/yyyy');
    set('G4', 45000.5, 'h:mm');
    set('A5', { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' plain' }, { text: '', font: { italic: true } }] });
    set('B5', { richText: [{ text: '甲' }, { text: '乙', font: { color: { argb: 'FFFF0000' } } }] });
    set('A6', { formula: 'A2*2', result: 84 });
    set('B6', { formula: 'A1&"x"', result: 'textx' });
    set('C6', { formula: 'A3', result: true });
    set('D6', { formula: 'NA()', result: { error: '#N/A' } });
    set('E6', { formula: 'TODAY()', result: utc(2025, 1, 1) }, 'yyyy-mm-dd');
    set('F6', { formula: 'A2' } as ExcelJS.CellValue);
    set('G6', { formula: 'A1&""', result: '' });
    set('A7', { formula: 'A2+1', result: 43 });
    set('A8', { sharedFormula: 'A7', result: 44 } as ExcelJS.CellValue);
    set('A9', { sharedFormula: 'A7', result: 45 } as ExcelJS.CellValue);
    set('B7', { formula: 'A2', shareType: 'array', ref: 'B7', result: 42 } as ExcelJS.CellValue);
    set('A10', { error: '#DIV/0!' });
    set('B10', { error: '#REF!' });
    set('C10', { error: '#VALUE!' });
    set('A11', { text: 'link', hyperlink: 'https://example.com/?a=1&b=2' });
    set('B11', { text: 'mail', hyperlink: 'mailto:a@b.c', tooltip: 'tip' });
    ws.getCell('A12').style = { font: { bold: true } };
    ws.getCell('B12').numFmt = 'yyyy-mm-dd';
    set('A13', 'merged');
    ws.mergeCells('A13:B14');
    set('C13', 1);
    set('XFD20', 'far');
    set('C1000', 'after a gap');
    const other = wb.addWorksheet('Sheet & <two>');
    other.getCell('B2').value = 'second';
    other.getCell('C3').value = 3;
    wb.addWorksheet('Empty');
    const [data, back] = await roundTrip(wb);
    expect(await differential(data, back)).toBe(44);
  });

  it('reads dates of a 1904 workbook as ExcelJS does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('D');
    ws.getCell('A1').value = utc(2024, 5, 17);
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('A2').value = utc(1904, 1, 1, 6);
    ws.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('A3').value = { formula: 'A1+1', result: utc(2024, 5, 18) };
    ws.getCell('A3').numFmt = 'mm/dd/yy';
    ws.getCell('A4').value = 100;
    const [data, back] = await roundTrip(wb);
    expect((await JSZip.loadAsync(data)).file('xl/workbook.xml')).toBeTruthy();
    expect(await differential(data, back)).toBe(4);
    expect(back.worksheets[0].getCell('A1').value).toEqual(utc(2024, 5, 17));
  });

  it('reads hand-written XML (inline strings, entities, white space, shared strings with phonetics) as ExcelJS does', async () => {
    const sst =
      '<si><t>plain</t></si><si><r><rPr><b/></rPr><t>ri</t></r><r><t>ch</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>a_x000D_b</t></si><si><t>x\r\ny</t></si><si><t/></si><si><t>&#60;&amp;&#x3E;</t></si>';
    const data =
      '<row r="1" spans="1:9"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>' +
      '<c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>\n' +
      '<row r="2">\n  <c r="A2" t="inlineStr"><is><t>&#21592;&#24037;</t></is></c>\n  <c r="B2" t="inlineStr"><is><r><t>x</t></r><r><rPr><i/></rPr><t xml:space="preserve"> y_x000A_</t></r></is></c>\n' +
      '  <c r="C2" t="str"><v>s &amp; t</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#NAME?</v></c><c r="F2" s="1"><v>45000.25</v></c><c r="G2" s="1"/><c r="H2"><v> 1.5E3 </v></c>\n</row>\n' +
      '<!-- c --><row r="4"><c r="A4" t="e"><f>A1/0</f><v>#DIV/0!</v></c><c r="B4" s="1"><f>B2</f><v>45001</v></c><c r="C4" t="str"><f>C2</f><v>s &amp; t</v></c><c r="D4"><f>NOW()</f></c>' +
      '<c r="E4" t="b"><f>TRUE()</f><v>1</v></c><c r="F4"><f t="shared" ref="F4:F5" si="0">1+1</f><v>2</v></c></row><row r="5"><c r="F5"><f t="shared" si="0"/><v>3</v></c></row>';
    const [buf, back] = await handWritten(data, sst);
    expect(dateStyles(await (await JSZip.loadAsync(buf)).file('xl/styles.xml')!.async('string'))(1)).toBe(true);
    expect(await differential(buf, back)).toBe(20);
  });

  it('reads the real fixture (another library’s writer, inline strings) as ExcelJS does, every cell of every sheet', async () => {
    const data = readFileSync(FIXTURE);
    const n = await differential(data, await loadWorkbook(FIXTURE));
    expect(n).toBeGreaterThan(200);
  });
});
