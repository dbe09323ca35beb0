/* The task pane's entry. The full pane (Home, Entry, Validate, KPIs, Forms, Settings) comes with
   the add-in issue; until then it tells which host it runs in and how to use the `kam` CLI. */
function render(host: string | null): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.textContent =
    host === null
      ? '大客户管理：请在 Excel 中打开此加载项。/ Key Accounts: open this add-in inside Excel.'
      : `大客户管理 / Key Accounts — ${host}`;
}

Office.onReady((info) => render(info.host ? String(info.host) : null));
