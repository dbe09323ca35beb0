import { serialFromUtc } from '../../../src/domain/dates';
import { loadDemo } from '../../../src/preview/host/demo';
import { PreviewStore } from '../../../src/preview/host/store';
import { recalculateCommand } from '../../../src/commands/recalculateCommand';
import type { ExcelRun } from '../../../src/workbook/excel';

const AS_OF = serialFromUtc(2026, 10, 10);

describe('the ribbon’s Recalculate KPIs', () => {
  it('recalculates the last completed quarter, brings the KPI sheet to the front and completes the event', async () => {
    const store = new PreviewStore();
    await loadDemo(store.run, { lang: 'zh', asOf: AS_OF });
    store.workbook.activeSheet = store.workbook.sheet('客户档案')!;
    const completed = jest.fn();
    const result = await recalculateCommand({ run: store.run, today: () => AS_OF })({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(result.kind).toBe('done');
    if (result.kind !== 'done' || result.outcome.kind !== 'written') throw new Error('not written');
    expect(result.period).toBe('2026Q3');
    expect(result.outcome.report.period).toBe('2026Q3');
    expect(store.workbook.activeSheet?.name).toBe('KPI结果');
    // Input tables untouched: only the three output sheets are new.
    expect(store.workbook.sheets.slice(-3).map((s) => s.name)).toEqual(['KPI结果', '考核汇总', '商机漏斗']);
  });

  it('starts nothing on a second click while one runs, and completes both events', async () => {
    const store = new PreviewStore();
    await loadDemo(store.run, { lang: 'zh', asOf: AS_OF });
    let batches = 0;
    const run: ExcelRun = (batch) => {
      batches++;
      return store.run(batch);
    };
    const click = recalculateCommand({ run, today: () => AS_OF });
    const first = { completed: jest.fn() };
    const second = { completed: jest.fn() };
    const [a, b] = await Promise.all([click(first), click(second)]);
    expect([a.kind, b.kind]).toEqual(['done', 'busy']);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(first.completed).toHaveBeenCalledTimes(1);
    const once = batches;
    // Once finished, a click runs again.
    expect((await click({ completed: jest.fn() })).kind).toBe('done');
    expect(batches).toBe(once * 2);
  });

  it('completes the event when the workbook refuses, and reports the failure', async () => {
    const failing: ExcelRun = async () => {
      throw new Error('GeneralException');
    };
    const completed = jest.fn();
    const report = jest.fn();
    const result = await recalculateCommand({ run: failing, today: () => AS_OF, report })({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ kind: 'failed', period: '2026Q3' });
    expect(report).toHaveBeenCalledWith(result);
    // …and the next click is not blocked.
    expect((await recalculateCommand({ run: failing, today: () => AS_OF })({ completed })).kind).toBe('failed');
  });

  it('is in January the fourth quarter of the year before', async () => {
    const store = new PreviewStore();
    await loadDemo(store.run, { lang: 'en', asOf: serialFromUtc(2027, 1, 15) });
    const result = await recalculateCommand({ run: store.run, today: () => serialFromUtc(2027, 1, 15) })({ completed: () => undefined });
    expect(result.kind === 'done' && result.period).toBe('2026Q4');
    expect(store.workbook.activeSheet?.name).toBe('KpiResults');
  });
});
