/**
 * The styles part of a patched save (src/workbook/xlsx/package/styles.ts): dates decided as
 * ExcelJS decides them, entries appended and never renumbered, the rest of the text kept.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StylesPart } from '../../../src/workbook/xlsx/package/styles';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'example-2025Q4.xlsx');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

async function fixtureStyles(): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
  return zip.file('xl/styles.xml')!.async('string');
}

/** A package ExcelJS wrote, with one sheet: the shell the agreement tests fill. */
async function excelJsShell(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('a').getCell('A1').value = 1;
  return JSZip.loadAsync(await wb.xlsx.writeBuffer());
}

/** Which of the styles 0…count-1 make ExcelJS load the number 45000 as a Date. */
async function excelJsDates(stylesXml: string, count: number): Promise<boolean[]> {
  const zip = await excelJsShell();
  const rows = Array.from({ length: count }, (_, s) => `<row r="${s + 1}"><c r="A${s + 1}" s="${s}"><v>45000</v></c></row>`);
  zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  zip.file('xl/styles.xml', stylesXml);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  return Array.from({ length: count }, (_, s) => ws.getCell(s + 1, 1).value instanceof Date);
}

/** A stylesheet whose cellXfs point at the given numFmtIds, with these custom formats. */
function stylesheet(numFmtIds: (number | null)[], numFmts: string[] = []): string {
  const xfs = numFmtIds.map((id) => `<xf${id === null ? '' : ` numFmtId="${id}"`} fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

const numFmt = (id: number, code: string) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`;

/** Custom codes (XML-escaped as in the part) and what ExcelJS makes of them. */
const CUSTOM: [string, boolean][] = [
  ['yyyy-mm-dd', true],
  ['0.0%', false],
  ['#,##0.00', false],
  ['[Red]0.00', false],
  ['[h]:mm', true],
  ['[h]', false],
  ['&quot;h&quot;0', false], // quoted text: "h"0
  ['0 &quot;days&quot;', false],
  ['&quot;d&quot;yyyy', true],
  ['yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;', true],
  ['0\\h', true], // ExcelJS drops the backslash: 0h
  ['YYYY', false], // ExcelJS's test is case-sensitive…
  ['YYYY-MM', true], // …but M is in it
  ['bbbb', true],
  ['General', false],
  ['@', false],
  ['[$-409]0.00', false],
  ['', false],
];

function expectSplice(original: string, out: string, lists: string[]): void {
  // The original text, list by list, with only children added before each list's end tag.
  const norm = (s: string) => s.replace(/(<(?:\w+:)?(?:numFmts|fonts|fills|borders|cellXfs)\b[^>]*?)\scount="\d+"/g, '$1');
  const a = norm(original);
  const b = norm(out);
  const cuts = lists.map((l) => a.indexOf(`</${l}>`)).filter((i) => i >= 0).sort((x, y) => x - y);
  let pos = 0;
  let prev = 0;
  for (const cut of [...cuts, a.length]) {
    const piece = a.slice(prev, cut);
    const at = b.indexOf(piece, pos);
    expect(at).toBeGreaterThanOrEqual(pos);
    if (prev === 0) expect(at).toBe(0);
    else expect(b.slice(pos, at)).toMatch(/^(<(?:\w+:)?(numFmt|font|fill|border|xf)\b[\s\S]*?(\/>|<\/(?:\w+:)?\2>))*$/);
    pos = at + piece.length;
    prev = cut;
  }
  expect(pos).toBe(b.length);
}

describe('isDateStyle', () => {
  it('agrees with ExcelJS on the built-in ids 0–58 (and s=0 is never a date)', async () => {
    // xf 0 has a date format: ExcelJS still ignores s="0".
    const ids = [14, ...Array.from({ length: 59 }, (_, i) => i), null];
    const xml = stylesheet(ids);
    const styles = StylesPart.parse(xml);
    const expected = await excelJsDates(xml, ids.length);
    expect(ids.map((_, s) => styles.isDateStyle(s))).toEqual(expected);
    // Spot checks of what that means.
    expect(styles.isDateStyle(0)).toBe(false);
    expect(styles.isDateStyle(1 + 14)).toBe(true);
    expect(styles.isDateStyle(1 + 22)).toBe(true);
    expect(styles.isDateStyle(1 + 47)).toBe(true);
    expect(styles.isDateStyle(1 + 31)).toBe(false); // locale-dependent: ExcelJS knows no code
    expect(styles.isDateStyle(1 + 49)).toBe(false);
    expect(styles.isDateStyle(ids.length - 1)).toBe(false); // no numFmtId
  });

  it('agrees with ExcelJS on custom formats', async () => {
    const formats = CUSTOM.map(([code], i) => numFmt(164 + i, code));
    const xml = stylesheet([0, ...CUSTOM.map((_, i) => 164 + i)], formats);
    const styles = StylesPart.parse(xml);
    const expected = await excelJsDates(xml, CUSTOM.length + 1);
    expect(CUSTOM.map((_, i) => styles.isDateStyle(i + 1))).toEqual(expected.slice(1));
    expect(expected.slice(1)).toEqual(CUSTOM.map(([, date]) => date));
  });

  it('agrees with ExcelJS when custom formats redefine built-in ids', async () => {
    const formats = [numFmt(14, '0.00'), numFmt(2, 'yyyy'), numFmt(15, ''), numFmt(170, 'General'), numFmt(170, 'd')];
    const ids = [0, 14, 2, 15, 170, 4];
    const xml = stylesheet(ids, formats);
    const styles = StylesPart.parse(xml);
    const expected = await excelJsDates(xml, ids.length);
    expect(ids.map((_, s) => styles.isDateStyle(s))).toEqual(expected);
    expect(expected).toEqual([false, false, true, true, true, false]);
  });

  it('is false out of range', () => {
    const styles = StylesPart.parse(stylesheet([0, 14]));
    for (const s of [-1, 2, 1000, 1.5, NaN]) expect(styles.isDateStyle(s)).toBe(false);
  });

  it('reads the fixture and a workbook ExcelJS writes as ExcelJS does', async () => {
    const fixture = StylesPart.parse(await fixtureStyles());
    expect([0, 1, 2, 3].map((s) => fixture.isDateStyle(s))).toEqual([false, true, true, false]);
    expect(fixture.xfCount).toBe(3);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    const formats = ['yyyy-mm-dd', '0.0%', 'mm-dd-yy', '#,##0.00', 'h:mm', '@', 'yyyy"年"m"月"'];
    formats.forEach((f, i) => {
      ws.getCell(i + 1, 1).value = 45000;
      ws.getCell(i + 1, 1).numFmt = f;
    });
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file('xl/styles.xml')!.async('string');
    const styles = StylesPart.parse(xml);
    const expected = await excelJsDates(xml, styles.xfCount);
    expect(Array.from({ length: styles.xfCount }, (_, s) => styles.isDateStyle(s))).toEqual(expected);
    expect(expected.filter(Boolean)).toHaveLength(4);
  });
});

describe('numFmtStyle', () => {
  it('appends xfs (and numFmts) at the end, reusing built-in, existing and its own entries', async () => {
    const original = await fixtureStyles();
    const styles = StylesPart.parse(original);
    expect(styles.changed).toBe(false);
    expect(styles.toXml()).toBe(original);

    expect(styles.numFmtStyle('General')).toBe(0);
    expect(styles.changed).toBe(false);
    const date = styles.numFmtStyle('yyyy-mm-dd');
    const percent = styles.numFmtStyle('0.0%');
    const amount = styles.numFmtStyle('#,##0.00');
    const text = styles.numFmtStyle('@');
    expect([date, percent, amount, text]).toEqual([3, 4, 5, 6]);
    expect(styles.numFmtStyle('0.0%')).toBe(percent);
    expect(styles.numFmtStyle('yyyy-mm-dd')).toBe(date);
    expect(styles.changed).toBe(true);
    expect(styles.isDateStyle(date)).toBe(true);
    expect(styles.isDateStyle(percent)).toBe(false);

    const out = styles.toXml();
    expectSplice(original, out, ['numFmts', 'cellXfs']);
    // yyyy-mm-dd is the fixture's 164; 0.0% is new, after the highest custom id (166).
    expect(out).toContain('<numFmts count="4">');
    expect(out).toContain('<numFmt numFmtId="167" formatCode="0.0%"/></numFmts>');
    expect(out).toContain('<cellXfs count="7">');
    expect(out).toContain(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
    );
    const again = StylesPart.parse(out);
    expect(again.xfCount).toBe(7);
    expect([0, 1, 2, 3, 4, 5, 6].map((s) => again.isDateStyle(s))).toEqual([false, true, true, true, false, false, false]);
  });

  it('escapes codes, and starts custom ids at 164', () => {
    const styles = StylesPart.parse(stylesheet([0]));
    const s = styles.numFmtStyle('0.0 "<kg>" & more');
    expect(styles.toXml()).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0 &quot;&lt;kg&gt;&quot; &amp; more"/></numFmts><fonts');
    expect(StylesPart.parse(styles.toXml()).numFmtStyle('0.0 "<kg>" & more')).toBe(s + 1); // a new part has no own xfs yet
  });

  it('reuses a custom format the part has, even one holding a raw ">"', () => {
    const styles = StylesPart.parse(stylesheet([0], ['<numFmt numFmtId="170" formatCode="[>=100]0;0"/>']));
    const s = styles.numFmtStyle('[>=100]0;0');
    expect(styles.toXml()).toContain(`<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
    expect(s).toBe(1);
    expect(styles.toXml()).toContain('<numFmts count="1">');
  });

  it('does not use a built-in id that the part redefines', () => {
    const styles = StylesPart.parse(stylesheet([0], [numFmt(4, '0.000')]));
    styles.numFmtStyle('#,##0.00');
    expect(styles.toXml()).toContain('<numFmt numFmtId="164" formatCode="#,##0.00"/>');
  });

  it('handles prefixes, self-closing lists, strict OOXML and comments', () => {
    const original =
      `<?xml version="1.0"?><!-- <cellXfs> in a comment --><x:styleSheet xmlns:x="${STRICT}"><x:numFmts count="0"/>` +
      '<x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts><x:fills count="2"><x:fill/><x:fill/></x:fills>' +
      '<x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs>' +
      '<x:dxfs count="0"/></x:styleSheet>';
    const styles = StylesPart.parse(original);
    expect(styles.numFmtStyle('yyyy-mm-dd')).toBe(1);
    const out = styles.toXml();
    expect(out).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></x:numFmts>');
    expect(out).toContain('<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="164"');
    expect(out.startsWith(`<?xml version="1.0"?><!-- <cellXfs> in a comment --><x:styleSheet xmlns:x="${STRICT}">`)).toBe(true);
    expect(out.endsWith('</x:cellXfs><x:dxfs count="0"/></x:styleSheet>')).toBe(true);
    expect(StylesPart.parse(out).isDateStyle(1)).toBe(true);
  });

  it('creates numFmts before fonts, and a whole part when there is none', async () => {
    const original = stylesheet([0]);
    const styles = StylesPart.parse(original);
    styles.numFmtStyle('0.0%');
    expect(styles.toXml()).toBe(
      original
        .replace('<fonts', '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts')
        .replace('<cellXfs count="1">', '<cellXfs count="2">')
        .replace('</cellXfs>', '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'),
    );

    const empty = StylesPart.parse('');
    expect(empty.changed).toBe(true);
    expect(empty.numFmtStyle('General')).toBe(0);
    expect(empty.numFmtStyle('yyyy-mm-dd')).toBe(1);
    const xml = empty.toXml();
    expect(await excelJsDates(xml, 2)).toEqual([false, true]);
    // <styleSheet/> is reopened.
    const bare = StylesPart.parse(`<styleSheet xmlns="${MAIN}"/>`);
    expect(bare.changed).toBe(false);
    bare.numFmtStyle('0.0%');
    expect(bare.toXml()).toBe(
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
        '<cellXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    );
  });

  it('refuses what is not a stylesheet', () => {
    expect(() => StylesPart.parse('<worksheet/>')).toThrow(/styleSheet/);
    expect(() => StylesPart.parse(`<styleSheet xmlns="${MAIN}"><fonts></styleSheet>`)).toThrow(/xml/);
    expect(() => StylesPart.parse(`<styleSheet xmlns="${MAIN}"><fonts>`)).toThrow(/xml/);
  });
});

describe('importXfs', () => {
  /** The styles of a workbook ExcelJS writes with a few styled cells. */
  async function excelJsStyles(): Promise<StylesPart> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    ws.getCell('A1').style = { font: { name: '等线', size: 18, bold: true }, numFmt: '@' };
    ws.getCell('A2').style = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }, border: { top: { style: 'thin' } }, numFmt: 'yyyy-mm-dd' };
    ws.getCell('A3').style = { numFmt: '0.0%', alignment: { horizontal: 'right', indent: 1 } };
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    return StylesPart.parse(await zip.file('xl/styles.xml')!.async('string'));
  }

  it('appends the xfs with their fonts, fills, borders and numFmts; the originals stay', async () => {
    const original = await fixtureStyles();
    const styles = StylesPart.parse(original);
    const other = await excelJsStyles();
    const map = styles.importXfs(other, [1, 2, 3]);
    expect([...map.entries()]).toEqual([
      [1, 3],
      [2, 4],
      [3, 5],
    ]);
    expect(styles.isDateStyle(4)).toBe(true);
    expect(styles.isDateStyle(3)).toBe(false);
    const out = styles.toXml();
    expectSplice(original, out, ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']);
    expect(out).toContain('<fonts count="2">');
    expect(out).toContain('<font><b/><sz val="18"/><name val="等线"/></font></fonts>');
    expect(out).toContain('<fills count="3">');
    expect(out).toContain('<borders count="2">');
    // yyyy-mm-dd is the fixture's 164; 0.0% a new 167.
    expect(out).toContain('<numFmt numFmtId="167" formatCode="0.0%"/></numFmts>');
    expect(out).toMatch(/<xf numFmtId="164" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1"\/>/);
    expect(out).toMatch(/<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="right" indent="1"\/><\/xf><\/cellXfs>/);

    // Importing again reuses what the first import appended.
    expect([...styles.importXfs(other, [3, 1]).entries()]).toEqual([
      [3, 5],
      [1, 3],
    ]);
    expect(styles.toXml()).toBe(out);
  });

  it('writes imported entries with the target prefix', async () => {
    const styles = StylesPart.parse(
      `<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font/></x:fonts><x:fills count="2"><x:fill/><x:fill/></x:fills>` +
        '<x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>',
    );
    styles.importXfs(await excelJsStyles(), [1, 2, 3]);
    const out = styles.toXml();
    // Every element is in the x: prefix.
    expect(out.match(/<\/?(?!x:)[A-Za-z]/g)).toBeNull();
    expect(out).toContain('<x:font><x:b/><x:sz val="18"/><x:name val="等线"/></x:font></x:fonts>');
    expect(StylesPart.parse(out).isDateStyle(2)).toBe(true);
  });

  it('refuses an index the other part does not have', async () => {
    expect(() => StylesPart.parse('').importXfs(StylesPart.parse(''), [1])).toThrow(RangeError);
  });
});
