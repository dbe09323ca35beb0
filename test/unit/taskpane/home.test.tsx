/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPane, simulatedWorkbook } from './setup';

describe('Home panel', () => {
  it('lists the missing tables of a blank workbook and sets it up, touching nothing twice', async () => {
    const { store, services } = await simulatedWorkbook('blank');
    renderPane(services);
    await screen.findByText(/这个工作簿中还没有大客户管理的表/);
    expect(screen.getAllByText('缺少', { exact: true })).toHaveLength(13);

    fireEvent.click(screen.getByRole('button', { name: '建立工作簿' }));
    await screen.findByText('已创建 13 张表。');
    await waitFor(() => expect(screen.queryAllByText('缺少', { exact: true })).toHaveLength(0));
    expect(store.workbook.sheets.map((s) => s.name)).toContain('客户档案');
    const scheme = screen.getByText('考核方案').closest('tr')!;
    expect(within(scheme).getByText('12')).toBeTruthy();

    const before = JSON.stringify(store.workbook.dump());
    fireEvent.click(screen.getByRole('button', { name: '建立工作簿' }));
    await screen.findByText('所有表都已存在，未作任何更改。');
    expect(JSON.stringify(store.workbook.dump())).toBe(before);
  });

  it('sets up an empty workbook in the language the pane shows', async () => {
    const { store, services } = await simulatedWorkbook('blank');
    renderPane(services, 'home', 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Set up workbook' }));
    await screen.findByText('Created 13 tables.');
    expect(store.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Staff', 'Customers', 'Visits', 'Contracts', 'Plans', 'Opportunities', 'Complaints', 'Feedback', 'Expenses', 'Surveys', 'Assessments', 'Settings', 'ScoringScheme']);
  });

  it('shows the row counts and the findings of a demo workbook', async () => {
    const { services } = await simulatedWorkbook('demo');
    renderPane(services);
    const customers = (await screen.findByText('客户档案')).closest('tr')!;
    expect(within(customers).getByText('120')).toBeTruthy();
    expect(screen.getByTestId('findings-summary').textContent).toBe('校验：0 个错误，0 个警告');
    expect(screen.getByText('尚未计算考核结果。')).toBeTruthy();
  });

  it('switches the language', async () => {
    const { services } = await simulatedWorkbook('blank');
    renderPane(services);
    fireEvent.click(screen.getByTestId('language-switch'));
    await screen.findByRole('heading', { name: 'Key Accounts' });
    expect(screen.getByRole('tab', { name: 'Validate' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en-US');
  });
});
