/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPane, simulatedWorkbook } from './setup';

describe('Settings panel', () => {
  it('edits a setting with the engine’s validation: a bad value is never written', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    const value = () => store.workbook.values('设置').find((r) => r[0] === 'warning_score')![2];
    renderPane(services, 'settings');
    const field = (await screen.findByLabelText('考核得分低于此分者口头警告')) as HTMLInputElement;
    expect(field.value).toBe('60');

    fireEvent.change(field, { target: { value: '八十' } });
    await screen.findByText(/“八十”/);
    fireEvent.click(screen.getByRole('button', { name: '保存更改' }));
    await screen.findByText(/未写入任何内容/);
    expect(value()).toBe('60');

    fireEvent.change(field, { target: { value: '80' } });
    await waitFor(() => expect(screen.queryByText(/“八十”/)).toBeNull());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存更改' })));
    await screen.findByText('已保存 1 处更改。');
    expect(value()).toBe('80');
  });

  it('refuses a bad value saved at once, before its message has appeared', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    const value = () => store.workbook.values('设置').find((r) => r[0] === 'warning_score')![2];
    renderPane(services, 'settings');
    const field = (await screen.findByLabelText('考核得分低于此分者口头警告')) as HTMLInputElement;
    fireEvent.change(field, { target: { value: '八十' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存更改' })));
    await screen.findByText(/未写入任何内容/);
    expect(value()).toBe('60');
  });

  it('edits the scoring scheme in the workbook’s words and adds a line', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    renderPane(services, 'settings');
    const first = (await screen.findAllByText('权重', { exact: false }))[0].closest('[data-scheme-row]') as HTMLElement;
    const weight = within(first).getByLabelText(/^权重/) as HTMLInputElement;
    expect(weight.value).toBe('40');
    fireEvent.change(weight, { target: { value: '-1' } });
    await within(first).findByText(/“-1”/);
    fireEvent.change(weight, { target: { value: '50' } });
    await waitFor(() => expect(within(first).queryByText(/“-1”/)).toBeNull());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存更改' })));
    await screen.findByText('已保存 1 处更改。');
    expect(store.workbook.values('考核方案')[1].slice(0, 3)).toEqual(['经理', 'sales_completion', 50]);

    const rows = store.workbook.values('考核方案').length;
    fireEvent.click(await screen.findByRole('button', { name: '添加指标' }));
    const add = document.querySelector('[data-scheme-row=new]') as HTMLElement;
    // Save on the empty line at once: refused, with the messages beside the fields, nothing written.
    await act(async () => fireEvent.click(within(add).getByRole('button', { name: '保存' })));
    await screen.findByText(/未写入任何内容/);
    expect(within(add).getAllByText(/必填|不能为空/).length).toBeGreaterThan(0);
    expect(store.workbook.values('考核方案').length).toBe(rows);
    fireEvent.click(within(add).getByLabelText(/^岗位/));
    fireEvent.click(await screen.findByRole('option', { name: '专员' }));
    fireEvent.change(within(add).getByLabelText(/^指标代码/), { target: { value: 'satisfaction' } });
    fireEvent.change(within(add).getByLabelText(/^权重/), { target: { value: '10' } });
    fireEvent.change(within(add).getByLabelText(/^目标值/), { target: { value: '90' } });
    await act(async () => fireEvent.click(within(add).getByRole('button', { name: '保存' })));
    await screen.findByText(`已保存到「考核方案」第 ${rows + 1} 行。`);
    expect(store.workbook.values('考核方案').at(-1)).toEqual(['专员', 'satisfaction', 10, 90, '越高越好']);
  });
});
