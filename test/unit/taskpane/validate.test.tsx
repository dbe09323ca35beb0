/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SheetUi } from '../../../src/taskpane/sheetUi';
import { renderPane, simulatedWorkbook } from './setup';

describe('Validate panel', () => {
  async function withErrors() {
    const pane = await simulatedWorkbook('demo');
    // Typed by hand into the sheets: a bad phone number, a negative contract amount.
    pane.store.workbook.setCells('客户档案', 'Q5', [['0571-12']]);
    pane.store.workbook.setCells('合同', 'E3', [[-5]]);
    return pane;
  }

  it('groups the findings by table; a click selects the cell in its sheet', async () => {
    const { store, services } = await withErrors();
    renderPane(services, 'validate');
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    expect((await screen.findByTestId('findings-count')).textContent).toBe('2 个错误，0 个警告');
    expect(screen.getByRole('button', { name: /^客户档案\s*1$/ }).getAttribute('aria-expanded')).toBe('true'); // the group's header
    expect(screen.getByRole('button', { name: /^合同\s*1$/ }).getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: /客户档案 第5行「联系电话」：“0571-12” 不是有效的电话号码/ }));
    await waitFor(() => expect(store.workbook.activeSheet?.name).toBe('客户档案'));
    expect(store.workbook.sheet('客户档案')!.selection).toEqual({ r0: 4, r1: 4, c0: 16, c1: 16 });
  });

  it('highlights the error cells and removes exactly those highlights', async () => {
    const { services } = await withErrors();
    const calls: string[] = [];
    const sheets: SheetUi = {
      ...services.sheets,
      highlight: async (cells) => {
        calls.push(`highlight ${cells.map((c) => `${c.sheet}!${c.address}`).join(' ')}`);
        return services.sheets.highlight(cells);
      },
    };
    renderPane({ ...services, sheets }, 'validate');
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    fireEvent.click(await screen.findByRole('button', { name: '标记错误单元格' }));
    await screen.findByText('已为 2 个单元格加上底色。');
    expect(calls).toEqual(['highlight 客户档案!Q5 合同!E3']);
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await screen.findByText('已清除 2 个单元格的底色。');
    expect(services.sheets.count()).toBe(0);
  });

  it('says what is missing when the workbook cannot be checked', async () => {
    const { services } = await simulatedWorkbook('blank');
    renderPane(services, 'validate');
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
    await screen.findByText('工作簿缺少表或列，暂时无法校验：');
    expect(screen.getByText(/缺少表「客户档案」/)).toBeTruthy();
  });
});
