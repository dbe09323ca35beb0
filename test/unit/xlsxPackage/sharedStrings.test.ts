import { DEFAULT_LIMITS, LimitError, Limits, PackageError } from '../../../src/workbook/xlsx/package/limits';
import { SharedStringsScanner, scanSharedStrings } from '../../../src/workbook/xlsx/package/sharedStrings';
import { thrown } from '../../helpers/thrown';

const PART = 'xl/sharedStrings.xml';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function sst(body: string, root = 'sst', attrs = NS): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${root} ${attrs} count="9" uniqueCount="9">${body}</${root}>`;
}

/** The strings, checked to be the same whatever the chunking. */
function scan(xml: string, limits: Limits = DEFAULT_LIMITS): string[] {
  const whole = scanSharedStrings(xml, limits, PART);
  for (const size of [1, 2, 3, 7, 64, 4096]) {
    const s = new SharedStringsScanner(limits, PART);
    for (let i = 0; i < xml.length; i += size) s.push(xml.slice(i, i + size));
    expect(s.end()).toEqual(whole);
  }
  return whole;
}


describe('shared strings scanner', () => {
  it('reads plain strings in order, with Excel’s empty forms as ""', () => {
    expect(scan(sst('<si><t>a</t></si><si><t xml:space="preserve"> b c </t></si><si><t/></si><si><t></t></si><si/><si></si><si><t>z</t></si>'))).toEqual([
      'a',
      ' b c ',
      '',
      '',
      '',
      '',
      'z',
    ]);
  });

  it('joins rich runs and leaves phonetic runs and their properties out', () => {
    const xml = sst(
      '<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r></si>' +
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>' +
        '<si><r><t>x</t></r><r><rPr/></r></si>',
    );
    expect(scan(xml)).toEqual(['Bold and plain', '東京', 'x']);
  });

  it('decodes entities, numeric character references and surrogate pairs', () => {
    const xml = sst('<si><t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;</t></si><si><t>&#20013;&#x6587;&#x1F600;&#10;😀</t></si><si><t>&amp;lt;</t></si>');
    expect(scan(xml)).toEqual([`<a> & "b" 'c'`, '中文😀\n😀', '&lt;']);
  });

  it("decodes Excel's _xHHHH_ escapes per <t>, as ExcelJS (upper-case hex; _x005F_ escapes the underscore)", () => {
    const xml = sst(
      '<si><t>a_x000D_b_x0009_c</t></si><si><t>_x005F_x000D_</t></si><si><t>_x000d_</t></si>' +
        '<si><r><t>r_x000A_</t></r><r><t>s</t></r></si><si><r><t>_x00</t></r><r><t>41_</t></r></si>',
    );
    expect(scan(xml)).toEqual(['a\rb\tc', '_x000D_', '_x000d_', 'r\ns', '_x0041_']);
  });

  it('normalises line ends as an XML parser does (a literal CR LF or CR is LF, &#13; stays)', () => {
    expect(scan(sst('<si><t>a\r\nb\rc\nd&#13;e&#13;&#10;f</t></si>'))).toEqual(['a\nb\nc\nd\re\r\nf']);
  });

  it('takes CDATA sections as text and skips comments and processing instructions', () => {
    expect(scan(sst('<!-- c --><si><t>a<![CDATA[<b> & ]]>c<!-- x --><?pi y?>d</t></si>'))).toEqual(['a<b> & cd']);
  });

  it('reads namespace-prefixed parts (x:sst) and skips what is not a string item', () => {
    const xml = sst(
      '<x:si><x:t>one</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>t</x:t></x:r><x:r><x:t>wo</x:t></x:r></x:si><x:extLst><x:ext uri="u"><x:si><x:t>no</x:t></x:si></x:ext></x:extLst>',
      'x:sst',
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    );
    expect(scan(xml)).toEqual(['one', 'two']);
    // The root's prefix need not be its children's.
    expect(scan(sst('<si><t>a</t></si><si><r><t>b</t></r></si>', 'x:sst', `xmlns:x="m" ${NS}`))).toEqual(['a', 'b']);
    expect(scan(sst('<x:si><x:t>a</x:t></x:si>', 'sst', 'xmlns:x="m"'))).toEqual(['a']);
  });

  it('handles attributes with ">" and single quotes, and white space in tags', () => {
    expect(scan(sst(`<si ><t  xml:space = 'preserve' a=">" >v</t ></si >`))).toEqual(['v']);
  });

  it('refuses a string longer than maxCellText', () => {
    const limits = { ...DEFAULT_LIMITS, maxCellText: 5 };
    expect(scan(sst('<si><t>12345</t></si><si><r><t>12</t></r><r><t>345</t></r></si>'), limits)).toEqual(['12345', '12345']);
    const e = thrown(() => scanSharedStrings(sst('<si><r><t>123</t></r><r><t>456</t></r></si>'), limits, PART));
    expect(e).toBeInstanceOf(LimitError);
    expect(e).toMatchObject({ limit: 'cellText', where: PART, actual: 6, allowed: 5 });
    // A huge text is refused while it streams, not after it is whole.
    const s = new SharedStringsScanner(limits, PART);
    s.push(sst('').replace('</sst>', '<si><t>'));
    expect(() => {
      for (let i = 0; i < 100; i++) s.push('x');
    }).toThrow(LimitError);
    // Escapes are decoded before the length is checked.
    expect(scan(sst('<si><t>_x0041__x0042__x0043_</t></si>'), { ...DEFAULT_LIMITS, maxCellText: 3 })).toEqual(['ABC']);
  });

  it('refuses malformed XML with PackageError("xml")', () => {
    for (const xml of [
      sst('<si><t>a</si>'),
      sst('<si><t>a</t>').replace('</sst>', ''),
      sst('<si><t>a &nbsp; b</t></si>'),
      sst('<si><t>a & b</t></si>'),
      sst('<si><t>&#0;</t></si>'),
      '',
      '   ',
    ]) {
      const e = thrown(() => scanSharedStrings(xml, DEFAULT_LIMITS, PART));
      expect(e).toBeInstanceOf(PackageError);
      expect(e).toMatchObject({ reason: 'xml', part: PART });
    }
  });

  it('ignores what follows the root', () => {
    expect(scan(sst('<si><t>a</t></si>') + '\n<!-- trailing -->\n')).toEqual(['a']);
  });

  it('reads a large table the same in 64K chunks', () => {
    const items: string[] = [];
    const want: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const text = `s${i} &amp; ${'é'.repeat(i % 7)}`;
      items.push(i % 3 === 0 ? `<si><r><t>${text}</t></r><r><t>!</t></r></si>` : `<si><t>${text}</t></si>`);
      want.push(`s${i} & ${'é'.repeat(i % 7)}${i % 3 === 0 ? '!' : ''}`);
    }
    const xml = sst(items.join(''));
    const s = new SharedStringsScanner(DEFAULT_LIMITS, PART);
    for (let i = 0; i < xml.length; i += 65536) s.push(xml.slice(i, i + 65536));
    expect(s.end()).toEqual(want);
  });
});
