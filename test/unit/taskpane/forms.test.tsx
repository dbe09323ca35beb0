/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPane, simulatedWorkbook } from './setup';

const field = (name: string) => screen.getByLabelText(new RegExp(`^${name}\\s*\\*?$`));

describe('Forms panel', () => {
  it('generates the quarterly assessment of a specialist on a new sheet, brought to the front', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    renderPane(services, 'forms');
    fireEvent.click(screen.getByLabelText('表格'));
    fireEvent.click(await screen.findByRole('option', { name: '季度绩效考核表' }));
    expect((screen.getByLabelText('期间') as HTMLInputElement).value).toBe('2026Q3');
    await waitFor(() => expect(field('员工')).toBeTruthy());
    fireEvent.change(field('员工'), { target: { value: 'S03' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '生成' })));
    const done = await screen.findByText(/^已生成工作表「.+」。$/);
    const sheet = /「(.+)」/.exec(done.textContent!)![1];
    expect(store.workbook.activeSheet?.name).toBe(sheet);
    const cells = Object.values(store.workbook.toCells()[sheet]).map((c) => String(c.value));
    expect(cells).toContain('季度绩效考核表');
    expect(cells.some((v) => v.includes('张伟'))).toBe(true);
  });

  it('says when the subject is not in the workbook, and writes nothing', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    const sheets = store.workbook.sheets.length;
    renderPane(services, 'forms');
    await waitFor(() => expect(field('客户')).toBeTruthy());
    expect((screen.getByRole('button', { name: '生成' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field('客户'), { target: { value: 'C9999' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '生成' })));
    await screen.findByText(/C9999/, { selector: '.fui-MessageBarBody' });
    expect(store.workbook.sheets.length).toBe(sheets);
  });
});
