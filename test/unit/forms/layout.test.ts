import { layoutForm, wrappedLines } from '../../../src/domain/forms';
import type { FormSpec } from '../../../src/domain/forms';
import { bookOf, editCell, fieldValue, fixtureSnapshot, grid } from './helpers';

const spec = (sections: FormSpec['sections']): FormSpec => ({
  template: 'visit-report',
  lang: 'zh',
  title: '测试表',
  subject: 'X',
  number: 'KAM-T-1',
  executing: '大客户部',
  supervising: '市场营销部',
  meta: '数据截至：2026-01-10',
  sections,
});

describe('wrappedLines', () => {
  it('counts a CJK character as one em and breaks anywhere between them', () => {
    expect(wrappedLines('大客户', 40, 13)).toBe(1);
    expect(wrappedLines('大客户信息档案表', 40, 13)).toBe(3);
  });

  it('wraps Latin text at spaces, keeps explicit line breaks, and breaks a word longer than the line', () => {
    expect(wrappedLines('one two three', 1000, 13)).toBe(1);
    expect(wrappedLines('one two three', 40, 13)).toBe(3);
    expect(wrappedLines('a\nb\n\nc', 1000, 13)).toBe(4);
    expect(wrappedLines('x'.repeat(50), 100, 10)).toBe(3);
    expect(wrappedLines('', 100, 10)).toBe(1);
  });
});

describe('layoutForm', () => {
  it('grows a row for long text instead of cutting it off on paper', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C01', '备注', '长期合作客户，'.repeat(30));
    const g = grid(bookOf(snapshot), { template: 'customer-profile', customer: 'C01' });
    const notes = fieldValue(g, '备注')!;
    const short = fieldValue(g, '客户编号')!;
    expect(g.rowHeights[short.row - 1]).toBeLessThanOrEqual(20);
    expect(g.rowHeights[notes.row - 1]).toBeGreaterThan(60);
  });

  it('fills a table with ruled blank rows, or says it is empty', () => {
    const g = layoutForm(
      spec([
        { kind: 'table', columns: [{ header: '甲', span: 6 }, { header: '乙', span: 6 }], rows: [['a', 1]], minRows: 4 },
        { kind: 'table', columns: [{ header: '丙', span: 12 }], rows: [], emptyText: '（无）', minRows: 2 },
      ]),
    );
    const head = g.cells.find((c) => c.value === '甲')!;
    expect(g.cells.filter((c) => c.row > head.row && c.row <= head.row + 4 && c.col === 1).map((c) => c.value)).toEqual(['a', null, null, null]);
    expect(g.cells.find((c) => c.value === 1)?.style).toBe('number');
    const none = g.cells.find((c) => c.value === '（无）')!;
    expect(g.merges.find((m) => m.box.top === none.row)?.ref).toBe(`A${none.row}:L${none.row}`);
    expect(g.cells.some((c) => c.row === none.row + 1 && c.value === null)).toBe(true);
  });

  it('refuses a table whose columns do not cover the 12 grid columns', () => {
    expect(() => layoutForm(spec([{ kind: 'table', columns: [{ header: '甲', span: 5 }], rows: [] }]))).toThrow(/cover 5 grid columns/);
  });

  it('draws ruled blanks: dotted lines between the lines to write on', () => {
    const g = layoutForm(spec([{ kind: 'writeIn', label: '意见', lines: 3 }]));
    const label = g.cells.find((c) => c.value === '意见')!;
    expect(g.merges.find((m) => m.box.top === label.row && m.box.left === 1)?.box).toEqual({ top: label.row, left: 1, bottom: label.row + 2, right: 2 });
    expect(g.borders.find((b) => b.box.top === label.row)?.edges).toMatchObject({ insideHorizontal: 'dotted', top: 'thin', bottom: 'thin' });
    for (let r = label.row; r <= label.row + 2; r++) expect(g.merges.some((m) => m.ref === `C${r}:L${r}`)).toBe(true);
  });
});
