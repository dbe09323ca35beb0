/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { completionBars } from '../../../src/taskpane/panels/KpiPanel';
import { renderPane, simulatedWorkbook } from './setup';

describe('KPI panel', () => {
  it('recalculates the last completed quarter by default and shows the scorecards', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    renderPane(services, 'kpi');
    const period = screen.getByLabelText('期间') as HTMLInputElement;
    expect(period.value).toBe('2026Q3');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新计算' })));
    await screen.findByText('已写入 2026Q3 的考核结果（76 行）。');
    const table = screen.getByTestId('scorecards');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 6);
    expect(within(table).getByText('王建国')).toBeTruthy();
    expect(screen.getByTestId('completion-chart').getAttribute('aria-label')).toBe('2026Q3 各员工销售计划完成率');
    expect(store.workbook.activeSheet?.name).toBe('KPI结果');
    // The link brings the scorecards sheet to the front.
    fireEvent.click(screen.getByRole('button', { name: '打开考核汇总表' }));
    await waitFor(() => expect(store.workbook.activeSheet?.name).toBe('考核汇总'));
  });

  it('marks 警告 below the warning score', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    const settings = store.workbook.values('设置');
    const row = settings.findIndex((r) => r[0] === 'warning_score');
    store.workbook.setCells('设置', `C${row + 1}`, [['80']]);
    renderPane(services, 'kpi');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新计算' })));
    const table = await screen.findByTestId('scorecards');
    const warned = within(table).getAllByText('警告').map((b) => b.closest('tr')!.getAttribute('data-staff'));
    expect(warned.length).toBeGreaterThan(0);
    for (const id of warned) expect(Number(within(table.querySelector(`[data-staff=${id}]`) as HTMLElement).getByTestId('total').textContent)).toBeLessThan(80);
  });

  it('refuses a period that is not one', async () => {
    const { services } = await simulatedWorkbook('demo');
    renderPane(services, 'kpi');
    fireEvent.change(screen.getByLabelText('期间'), { target: { value: '2026Q5' } });
    expect(screen.getByText('不是有效的期间（应为 2026、2026Q3 或 2026-07）')).toBeTruthy();
    expect((screen.getByRole('button', { name: '重新计算' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('charts sales completion of each scored employee and the department', () => {
    const report = {
      results: [
        { staffId: 'S01', kpi: 'sales_completion', value: 0.9 },
        { staffId: 'S03', kpi: 'sales_completion', value: null },
        { staffId: null, kpi: 'sales_completion', value: 1.1 },
      ],
      scores: [
        { staffId: 'S01', warning: false, items: [{ kpi: 'sales_completion' }] },
        { staffId: 'S02', warning: false, items: [{ kpi: '专业技能' }] },
        { staffId: 'S03', warning: true, items: [{ kpi: 'sales_completion' }] },
      ],
    } as unknown as Parameters<typeof completionBars>[0];
    expect(completionBars(report, new Map([['S01', '王建国']]), '大客户部')).toEqual([
      { label: '王建国', value: 0.9, warning: false },
      { label: 'S03', value: null, warning: true },
      { label: '大客户部', value: 1.1 },
    ]);
  });
});
