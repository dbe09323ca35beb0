/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPane, simulatedWorkbook } from './setup';

const field = (name: string) => screen.getByLabelText(new RegExp(`^${name}\\s*\\*?$`));
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

async function pick(name: string, option: string) {
  fireEvent.click(field(name));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('Entry panel', () => {
  it('checks a new customer as it is typed, writes nothing while it has an error, then appends it', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    const rows = () => store.workbook.values('客户档案').length;
    const before = rows();
    renderPane(services, 'entry');

    await waitFor(() => expect((field('客户编号') as HTMLInputElement).value).toBe('C0121'));
    type('客户名称', '杭州测试科技有限公司');
    type('负责专员', 'S03');
    await pick('状态', '潜在');
    type('联系电话', '12345');
    await screen.findByText(/“12345” 不是有效的电话号码/);

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('有 1 个错误，未写入任何内容。');
    expect(rows()).toBe(before);

    type('联系电话', '13812345678');
    await waitFor(() => expect(screen.queryByText(/不是有效的电话号码/)).toBeNull());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
    await screen.findByText(`已保存到「客户档案」第 ${before + 1} 行。`);
    const last = store.workbook.values('客户档案').at(-1)!;
    expect(last.slice(0, 2)).toEqual(['C0121', '杭州测试科技有限公司']);
    expect(last).toContain('13812345678');
    expect(last).toContain('潜在');
    // A fresh row, with the next ID.
    await waitFor(() => expect((field('客户编号') as HTMLInputElement).value).toBe('C0122'));
  });

  it('warns about a duplicate customer name and refuses a duplicate ID and a dangling owner', async () => {
    const { store, services } = await simulatedWorkbook('demo');
    const existing = store.workbook.values('客户档案')[1];
    renderPane(services, 'entry');
    await waitFor(() => expect((field('客户编号') as HTMLInputElement).value).toBe('C0121'));
    type('客户编号', String(existing[0]));
    type('客户名称', String(existing[1]));
    type('负责专员', 'S99');
    await pick('状态', '潜在');
    // As typed: the duplicate name is a warning under its field.
    await screen.findByText(/与第2行相同，可能是重复建档/);
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('有 2 个错误，未写入任何内容。');
    expect(screen.getByText(/编号 “C0001” 与第2行重复，编号必须唯一/)).toBeTruthy();
    expect(screen.getByText(/“S99” 不是「员工」表中已有的编号/)).toBeTruthy();
    expect(store.workbook.values('客户档案')).toHaveLength(121);
  });

  it('offers the tables people type into, and dropdowns in the pane language', async () => {
    const { services } = await simulatedWorkbook('demo', 'en');
    renderPane(services, 'entry', 'en');
    await screen.findByRole('form', { name: 'Customers' });
    fireEvent.click(screen.getByLabelText('Table'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(['Staff', 'Customers', 'Visits', 'Contracts', 'Plans', 'Opportunities', 'Complaints', 'Feedback', 'Expenses', 'Surveys', 'Assessments']);
    fireEvent.click(screen.getByRole('option', { name: 'Visits' }));
    await screen.findByRole('form', { name: 'Visits' });
    fireEvent.click(field('Visit Type'));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['First Visit', 'Revisit', 'Reception', 'Call']);
  });
});
