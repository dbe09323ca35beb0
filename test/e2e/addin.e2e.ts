/**
 * The add-in people use, in a real browser: the built task pane (dist/addin, `npm run build`)
 * opened outside Office, where the real office.js reports host null and the preview host runs the
 * same pane against the Excel simulator. Chromium from Debian (/usr/bin/chromium), driven by
 * playwright-core. Every step leaves a screenshot in test-artifacts/e2e/.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { serialFromUtc } from '../../src/domain/dates';
import { kpiReport } from '../../src/domain/engine';
import { parsePeriod } from '../../src/domain/periods';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/read';
import { StaticServer, serveStatic } from './server';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist/addin');
const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TODAY = '2026-10-10';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Requests to anywhere but the local server (there must be none). */
const external: string[] = [];
const pageErrors: string[] = [];
const metrics: Record<string, number> = {};

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function open(query: string): Promise<void> {
  await page.goto(`${server.url}/taskpane.html?${query}`);
  await page.waitForFunction(() => !!window.kamPreview, null, { timeout: 30_000 });
  await page.evaluate(() => window.kamPreview!.ready);
  await page.getByRole('tab').first().waitFor();
}

const pane = () => page.getByTestId('task-pane');
/** A field by its label (a required field's label ends with Fluent's asterisk). */
const label = (name: string) => new RegExp(`^${name}\\s*\\*?$`);

/**
 * Runs axe-core in the page; returns the serious and critical violations. Tabster's focus
 * sentinels (`<i data-tabster-dummy tabindex=0 aria-hidden=true>` around Fluent's TabList and
 * Toolbar) are left out of aria-hidden-focus: they hand focus on at once and must stay hidden
 * from screen readers — a known false positive that Microsoft's Accessibility Insights suppresses
 * too (microsoft/tabster#288, microsoft/accessibility-insights-web#7605).
 */
async function axeSerious(): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Node = { target: string[]; html: string };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`) }));
  });
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/addin is missing: run `npm run build` first (npm run test:e2e does)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  rmSync(ARTIFACTS, { recursive: true, force: true }); // this run's screenshots only
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveStatic(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  // Nothing leaves the machine: anything not served by the local server is recorded and refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'metrics.json'), JSON.stringify(metrics, null, 2));
  await browser?.close();
  await server?.close();
});

describe('the task pane in the preview host', () => {
  it('paints quickly and runs on the simulator once office.js reports no host', async () => {
    await open(`lang=zh&today=${TODAY}&workbook=blank`);
    const timing = await page.evaluate(() => {
      const entry = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return { firstPaint: entry('first-contentful-paint'), officeReady: entry('kam-office-ready'), previewReady: entry('kam-preview-ready') };
    });
    Object.assign(metrics, { firstContentfulPaintMs: Math.round(timing.firstPaint ?? -1), officeReadyMs: Math.round(timing.officeReady ?? -1) });
    expect(timing.firstPaint).not.toBeNull();
    expect(timing.firstPaint!).toBeLessThan(2000);
    expect(timing.officeReady).not.toBeNull();
    await expect(pane().getByRole('heading', { name: '大客户管理' }).isVisible()).resolves.toBe(true);
  });

  it('sets up a blank workbook: every table, settings and scheme filled', async () => {
    await pane().getByText('这个工作簿中还没有大客户管理的表', { exact: false }).waitFor();
    expect(await pane().getByText('缺少', { exact: true }).count()).toBe(13);
    await pane().getByRole('button', { name: '建立工作簿' }).click();
    await pane().getByText('已创建 13 张表。').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=task-pane] [data-table]').length === 13);
    await expect(pane().getByText('缺少', { exact: true }).count()).resolves.toBe(0);
    const sheets = await page.evaluate(() => window.kamPreview!.store.workbook.sheets.map((s) => s.name));
    expect(sheets).toEqual(['Sheet1', '员工', '客户档案', '拜访记录', '合同', '计划指标', '商机', '投诉', '意见反馈', '服务费用', '满意度调查', '定性评分', '设置', '考核方案']);
    expect(await page.locator('[data-table=ScoringScheme] td').nth(1).textContent()).toBe('12');
    await shot('01-set-up-workbook');
    // A second press creates nothing and touches nothing.
    const before = await page.evaluate(() => JSON.stringify(window.kamPreview!.store.workbook.dump()));
    await pane().getByRole('button', { name: '建立工作簿' }).click();
    await pane().getByText('所有表都已存在，未作任何更改。').waitFor();
    expect(await page.evaluate(() => JSON.stringify(window.kamPreview!.store.workbook.dump()))).toBe(before);
  });

  it('has no serious or critical accessibility violations (Home)', async () => {
    expect(await axeSerious()).toEqual([]);
  });

  it('adds a customer: a bad phone number is shown and nothing is written; fixed, the row is saved', async () => {
    await open(`lang=zh&today=${TODAY}`);
    const timing = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    metrics.demoFirstContentfulPaintMs = Math.round(timing);
    metrics.demoReadyMs = Math.round(await page.evaluate(() => performance.getEntriesByName('kam-preview-ready')[0]?.startTime ?? -1));
    const rowsBefore = await page.evaluate(() => window.kamPreview!.store.workbook.values('客户档案').length);

    await pane().getByRole('tab', { name: '录入' }).click();
    const form = pane().getByRole('form', { name: '客户档案' });
    await form.waitFor();
    expect(await form.getByLabel(label('客户编号')).inputValue()).toBe('C0121');
    await form.getByLabel(label('客户名称')).fill('杭州测试科技有限公司');
    await form.getByLabel(label('负责专员')).click();
    await form.getByLabel(label('负责专员')).pressSequentially('S03');
    await page.getByRole('option', { name: /^S03/ }).click();
    await form.getByLabel(label('状态')).click();
    await page.getByRole('option', { name: '潜在' }).click();
    await form.getByLabel(label('联系电话')).fill('12345');
    await form.getByText('不是有效的电话号码', { exact: false }).waitFor();
    await form.locator('[data-column=phone]').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot('02-entry-bad-phone');

    await form.getByRole('button', { name: '保存' }).click();
    await pane().getByText('有 1 个错误，未写入任何内容。').waitFor();
    expect(await page.evaluate(() => window.kamPreview!.store.workbook.values('客户档案').length)).toBe(rowsBefore);

    await form.getByLabel(label('联系电话')).fill('13812345678');
    await page.waitForFunction(() => !document.body.textContent!.includes('不是有效的电话号码'));
    await form.getByRole('button', { name: '保存' }).click();
    await pane().getByText(`已保存到「客户档案」第 ${rowsBefore + 1} 行。`).waitFor();
    const last = await page.evaluate(() => window.kamPreview!.store.workbook.values('客户档案').at(-1)!);
    expect(last.slice(0, 2)).toEqual(['C0121', '杭州测试科技有限公司']);
    expect(last).toContain('13812345678');
    expect(last).toContain('潜在');
    // The next row starts fresh, with the next ID.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid=task-pane] [data-column=customerId] input')?.value === 'C0122');
    await shot('03-entry-saved');
    expect(await axeSerious()).toEqual([]);
  });

  it('validates and a click on a finding selects its cell in the sheet', async () => {
    // Someone types into the sheets by hand: a bad phone number, a negative contract amount.
    await page.evaluate(() => {
      const wb = window.kamPreview!.store.workbook;
      wb.setCells('客户档案', 'Q5', [['0571-12']]);
      wb.setCells('合同', 'E3', [[-5]]);
      window.kamPreview!.store.changed();
    });
    await pane().getByRole('tab', { name: '校验' }).click();
    await pane().getByRole('button', { name: '校验' }).click();
    await pane().getByTestId('findings-count').waitFor();
    expect(await pane().getByTestId('findings-count').textContent()).toMatch(/^2 个错误/);
    const phone = pane().getByRole('button', { name: /客户档案 第5行「联系电话」/ });
    await phone.click();
    await page.locator('[data-testid=grid][data-sheet=客户档案] td[data-address=Q5][data-selected]').waitFor();
    await shot('04-validate-click-finding');

    await pane().getByRole('button', { name: '标记错误单元格' }).click();
    await pane().getByText('已为 2 个单元格加上底色。').waitFor();
    expect(await page.evaluate(() => [...window.kamPreview!.store.highlights].sort())).toEqual(['合同!E3', '客户档案!Q5']);
    await pane().getByRole('button', { name: '清除标记' }).click();
    await pane().getByText('已清除 2 个单元格的底色。').waitFor();
    expect(await page.evaluate(() => window.kamPreview!.store.highlights.size)).toBe(0);
    expect(await axeSerious()).toEqual([]);
  });

  it('edits a setting with validation: the warning score', async () => {
    await pane().getByRole('tab', { name: '设置' }).click();
    const field = pane().getByLabel('考核得分低于此分者口头警告');
    expect(await field.inputValue()).toBe('60');
    await field.fill('八十');
    await pane().getByText('“八十”', { exact: false }).waitFor();
    await pane().getByRole('button', { name: '保存更改' }).click();
    await pane().getByText('未写入任何内容', { exact: false }).waitFor();
    expect(await page.evaluate(() => window.kamPreview!.store.workbook.values('设置').find((r) => r[0] === 'warning_score')![2])).toBe('60');
    await field.fill('80');
    await page.waitForFunction(() => !document.body.textContent!.includes('“八十”'));
    await pane().getByRole('button', { name: '保存更改' }).click();
    await pane().getByText('已保存 1 处更改。').waitFor();
    expect(await page.evaluate(() => window.kamPreview!.store.workbook.values('设置').find((r) => r[0] === 'warning_score')![2])).toBe('80');
    await shot('05-settings');
    expect(await axeSerious()).toEqual([]);
  });

  let paneTotal = '';

  it('recalculates 2026Q3 and shows the scorecards, warnings and the completion chart', async () => {
    await pane().getByRole('tab', { name: '考核' }).click();
    const period = pane().getByLabel('期间');
    expect(await period.inputValue()).toBe('2026Q3');
    const started = Date.now();
    await pane().getByRole('button', { name: '重新计算' }).click();
    await pane().getByTestId('scorecards').waitFor();
    metrics.recalculateMs = Date.now() - started;
    const row = pane().locator('[data-testid=scorecards] [data-staff=S03]');
    paneTotal = (await row.getByTestId('total').textContent())!.trim();
    expect(paneTotal).toMatch(/^\d+\.\d$/);
    // Below the warning score (now 80): 警告.
    expect(Number(paneTotal)).toBeLessThan(80);
    await row.getByText('警告').waitFor();
    await pane().getByTestId('completion-chart').waitFor();
    // The KPI sheet is in front, with this period's rows.
    expect(await page.evaluate(() => window.kamPreview!.store.workbook.activeSheet!.name)).toBe('KPI结果');
    await pane().getByRole('button', { name: '打开考核汇总表' }).click();
    await page.locator('[data-testid=grid][data-sheet=考核汇总]').waitFor();
    await shot('06-kpi-scorecards');
    expect(await axeSerious()).toEqual([]);
  });

  it('generates the quarterly assessment form of a specialist and opens its sheet', async () => {
    await pane().getByRole('tab', { name: '表格' }).click();
    const forms = pane().locator('#panel-forms');
    await forms.getByRole('combobox', { name: '表格' }).click();
    await page.getByRole('option', { name: '季度绩效考核表' }).click();
    expect(await forms.getByLabel('期间').inputValue()).toBe('2026Q3');
    const staff = forms.getByLabel(label('员工'));
    await staff.click();
    await staff.pressSequentially('S03');
    await page.getByRole('option', { name: /^S03/ }).click();
    await forms.getByRole('button', { name: '生成' }).click();
    const done = forms.getByText(/^已生成工作表「.+」。$/);
    await done.waitFor();
    const sheet = /「(.+)」/.exec((await done.textContent())!)![1];
    await page.locator(`[data-testid=grid][data-sheet="${sheet}"]`).waitFor();
    expect(await page.evaluate(() => window.kamPreview!.store.workbook.activeSheet!.name)).toBe(sheet);
    await page.locator('[data-testid=grid]').getByText('季度绩效考核表').first().waitFor();
    await shot('07-assessment-form');
    expect(await axeSerious()).toEqual([]);
  });

  it('downloads the workbook, which the kam engine reads back with the same score', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .xlsx' }).click()]);
    const file = join(ARTIFACTS, 'preview-download.xlsx');
    await download.saveAs(file);
    const snapshot = await readXlsxSnapshot(file);
    const outcome = kpiReport(snapshot, parsePeriod('2026Q3')!, serialFromUtc(2026, 10, 10));
    if (outcome.kind !== 'report') throw new Error(`kpiReport: ${outcome.kind}`);
    const s03 = outcome.report.scores.find((s) => s.staffId === 'S03')!;
    expect(s03.total!.toFixed(1)).toBe(paneTotal);
    expect(outcome.analysis.findings.filter((f) => f.severity === 'error')).toHaveLength(2);

    // …and opens again in the preview: the same tables.
    await page.getByTestId('open-file').setInputFiles(file);
    await page.getByTestId('preview-status').getByText('已打开 preview-download.xlsx').waitFor();
    await pane().locator('[data-table=Customers] td').nth(1).waitFor();
    expect(await pane().locator('[data-table=Customers] td').nth(1).textContent()).toBe('121');
  });

  it('switches to English', async () => {
    await pane().getByTestId('language-switch').click();
    await pane().getByRole('heading', { name: 'Key Accounts' }).waitFor();
    for (const name of ['Home', 'Entry', 'Validate', 'KPIs', 'Forms', 'Settings']) await pane().getByRole('tab', { name }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    await pane().getByRole('tab', { name: 'KPIs' }).click();
    await pane().getByRole('button', { name: 'Recalculate' }).click();
    await pane().getByTestId('scorecards').waitFor();
    await pane().getByRole('tab', { name: 'Entry' }).click();
    await pane().getByLabel(label('Customer Name')).waitFor();
    await pane().getByRole('tab', { name: 'KPIs' }).click();
    await shot('08-english-kpis');
    expect(await axeSerious()).toEqual([]);
  });

  it('the ribbon command recalculates the last completed quarter through the same simulator, one run at a time', async () => {
    await page.evaluate(() => {
      const wb = window.kamPreview!.store.workbook;
      wb.activeSheet = wb.sheet('客户档案')!;
    });
    const kpiRows = () => page.evaluate(() => window.kamPreview!.store.workbook.values('KPI结果').length);
    const before = await kpiRows();
    const kinds = await page.evaluate(async () => {
      const [a, b] = await Promise.all([window.kamPreview!.ribbon(), window.kamPreview!.ribbon()]);
      return [a.kind, b.kind, a.kind === 'done' ? a.period : null];
    });
    expect(kinds).toEqual(['done', 'busy', '2026Q3']);
    expect(await kpiRows()).toBe(before); // the period's rows replaced, not added
    expect(await page.evaluate(() => window.kamPreview!.store.workbook.activeSheet!.name)).toBe('KPI结果');
    // The toolbar button is the ribbon button.
    await page.getByTestId('ribbon-recalculate').click();
    await page.getByTestId('preview-status').getByText('Ribbon command done: 2026Q3 recalculated').waitFor();
    await shot('09-ribbon-command');
  });

  it('serves every URL the manifest names (pages, function file, icons, help)', async () => {
    const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const paths = [...new Set([...xml.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map((m) => m[1]))];
    expect(paths).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html', 'help.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-80.png']));
    for (const path of paths) {
      const res = await fetch(`${server.url}/${path}`);
      expect([path, res.status]).toEqual([path, 200]);
    }
    // The function file loads office.js and its bundle, which registers the command.
    const commands = await fetch(`${server.url}/commands.html`).then((r) => r.text());
    expect(commands).toMatch(/office-js\/office\.js/);
    expect(commands).toMatch(/commands\.js/);
  });

  it('sent nothing off the machine and threw nothing', async () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
