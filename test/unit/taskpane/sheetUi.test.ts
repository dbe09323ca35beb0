import { SimWorkbook, Simulator } from '../../../src/preview/simulator';
import { FillRange, FillRun, HIGHLIGHT_COLOR, excelHighlighter, selectCell, setCells } from '../../../src/taskpane/sheetUi';

/** Excel's fill colours, as much as the highlighter sees of them: load, sync, set, clear. */
function fakeExcel(initial: Record<string, string>) {
  const colors = new Map(Object.entries(initial));
  let syncs = 0;
  const run: FillRun = async (batch) => {
    const pending: (() => void)[] = [];
    const loaded: (() => void)[] = [];
    const context = {
      workbook: {
        worksheets: {
          getItem: (sheet: string) => ({
            getRange: (address: string): FillRange => {
              const key = `${sheet}!${address}`;
              let color: string | undefined;
              const range: FillRange = {
                format: {
                  fill: {
                    get color() {
                      if (color === undefined) throw new Error('PropertyNotLoaded');
                      return color;
                    },
                    set color(c: string) {
                      pending.push(() => colors.set(key, c));
                    },
                    clear: () => pending.push(() => colors.set(key, '#FFFFFF')),
                  },
                },
                load: () => {
                  loaded.push(() => (color = colors.get(key) ?? '#FFFFFF'));
                  return range;
                },
              };
              return range;
            },
          }),
        },
      },
      sync: async () => {
        syncs++;
        for (const f of pending.splice(0)) f();
        for (const f of loaded.splice(0)) f();
      },
    };
    return batch(context);
  };
  return { run, colors, syncs: () => syncs };
}

describe('excelHighlighter', () => {
  it('fills the cells and puts back each cell’s own colour, in two syncs each way', async () => {
    const excel = fakeExcel({ '客户档案!Q5': '#FFFF00' });
    const h = excelHighlighter(excel.run);
    expect(await h.highlight([{ sheet: '客户档案', address: 'Q5' }, { sheet: '合同', address: 'E3' }, { sheet: '合同', address: 'E3' }])).toBe(2);
    expect(excel.syncs()).toBe(2);
    expect(excel.colors.get('客户档案!Q5')).toBe(HIGHLIGHT_COLOR);
    expect(excel.colors.get('合同!E3')).toBe(HIGHLIGHT_COLOR);
    expect(h.count()).toBe(2);
    expect(await h.highlight([{ sheet: '合同', address: 'E3' }])).toBe(0);

    expect(await h.clear()).toBe(2);
    expect(excel.syncs()).toBe(4);
    expect(excel.colors.get('客户档案!Q5')).toBe('#FFFF00');
    expect(excel.colors.get('合同!E3')).toBe('#FFFFFF');
    expect(h.count()).toBe(0);
  });

  it('leaves a cell alone whose colour the user changed since', async () => {
    const excel = fakeExcel({});
    const h = excelHighlighter(excel.run);
    await h.highlight([{ sheet: 'S', address: 'A1' }, { sheet: 'S', address: 'B2' }]);
    excel.colors.set('S!A1', '#00B050');
    expect(await h.clear()).toBe(1);
    expect(excel.colors.get('S!A1')).toBe('#00B050');
    expect(excel.colors.get('S!B2')).toBe('#FFFFFF');
  });
});

describe('selectCell and setCells on the simulator', () => {
  it('brings the sheet to the front with the cell selected', async () => {
    const wb = new SimWorkbook();
    wb.addSheet('员工');
    wb.addSheet('客户档案');
    const sim = new Simulator(wb);
    await selectCell(sim.run, '客户档案', 'Q5');
    expect(wb.activeSheet?.name).toBe('客户档案');
    expect(wb.sheet('客户档案')!.selection).toEqual({ r0: 4, r1: 4, c0: 16, c1: 16 });
  });

  it('writes what a person typed as data: text that looks like a formula stays text', async () => {
    const wb = new SimWorkbook();
    wb.addSheet('设置');
    const sim = new Simulator(wb);
    await setCells(sim.run, '设置', [
      { address: 'C2', value: '=1+1' },
      { address: 'C3', value: '80' },
      { address: 'C4', value: 12 },
    ]);
    expect(wb.values('设置').slice(1).map((r) => r[2])).toEqual(['=1+1', '80', 12]);
    expect(wb.sheet('设置')!.cell(1, 2)!.formula).toBeUndefined();
    expect(sim.stats.syncs).toBe(1);
  });
});
