/**
 * The preview page: the workbook (read-only grid, sheet tabs) on the left, the task pane — the
 * very App that runs in Excel — in a 320-pixel column on the right, and above the grid what
 * Excel would give: open a file, save it, and the ribbon's Recalculate KPIs button.
 */
import { Button, FluentProvider, Text, Toolbar, ToolbarDivider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useRef, useState, useSyncExternalStore } from 'react';
import { messages } from '../../cli/messages';
import { packageRefusal } from '../../cli/refusal';
import { App } from '../../taskpane/App';
import { LimitError, PackageError } from '../../workbook/xlsx';
import type { Lang } from '../../taskpane/i18n';
import type { Services } from '../../taskpane/services';
import type { CommandResult } from '../../commands/recalculateCommand';
import { GridView } from './GridView';
import type { PreviewStore } from './store';

const useStyles = makeStyles({
  page: { display: 'flex', position: 'fixed', inset: 0, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground2 },
  book: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '4px', padding: '4px 8px', backgroundColor: '#217346', color: '#fff' },
  title: { color: '#fff', fontWeight: 'bold', marginRight: '8px' },
  toolbar: { backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  status: { padding: '0 8px', color: tokens.colorNeutralForeground2 },
  pane: { width: '320px', flexShrink: 0, overflowY: 'auto', overflowX: 'hidden', backgroundColor: tokens.colorNeutralBackground1 },
  hidden: { display: 'none' },
});

const WORDS = {
  zh: {
    title: '大客户管理 · 预览（Excel 模拟器）',
    open: '打开 .xlsx…',
    download: '下载 .xlsx',
    demo: '新建演示工作簿',
    empty: '新建空白工作簿',
    ribbon: '功能区：重新计算考核',
    ribbonBusy: '功能区命令运行中…',
    ribbonDone: (p: string) => `功能区命令已完成：${p} 已重新计算`,
    ribbonSkipped: '上一次命令仍在运行，本次点击未启动新的计算',
    ribbonFailed: (m: string) => `功能区命令失败：${m}`,
    syncs: (n: number) => `Excel 往返 ${n} 次`,
    workbook: '工作簿',
    opened: (name: string) => `已打开 ${name}`,
    openFailed: (m: string) => `无法打开文件：${m}`,
  },
  en: {
    title: 'Key Accounts · preview (Excel simulator)',
    open: 'Open .xlsx…',
    download: 'Download .xlsx',
    demo: 'New demo workbook',
    empty: 'New empty workbook',
    ribbon: 'Ribbon: Recalculate KPIs',
    ribbonBusy: 'Ribbon command running…',
    ribbonDone: (p: string) => `Ribbon command done: ${p} recalculated`,
    ribbonSkipped: 'The previous command is still running: this click started nothing',
    ribbonFailed: (m: string) => `Ribbon command failed: ${m}`,
    syncs: (n: number) => `${n} Excel round trips`,
    workbook: 'Workbook',
    opened: (name: string) => `Opened ${name}`,
    openFailed: (m: string) => `Cannot open the file: ${m}`,
  },
};

export interface PreviewActions {
  openFile(file: File): Promise<string[]>;
  download(): Promise<void>;
  newWorkbook(kind: 'demo' | 'empty'): Promise<void>;
  ribbon(): Promise<CommandResult>;
}

export function PreviewApp({ store, services, initialLang, actions }: { store: PreviewStore; services: Services; initialLang: Lang; actions: PreviewActions }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const w = WORDS[lang];
  const file = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string>('');
  const [ribbonBusy, setRibbonBusy] = useState(false);

  const ribbon = async () => {
    setRibbonBusy(true);
    setStatus(w.ribbonBusy);
    const result = await actions.ribbon();
    setRibbonBusy(false);
    if (result.kind === 'done') setStatus(result.outcome.kind === 'written' ? w.ribbonDone(result.period) : w.ribbonFailed(result.outcome.kind));
    else if (result.kind === 'busy') setStatus(w.ribbonSkipped);
    else setStatus(w.ribbonFailed(result.error instanceof Error ? result.error.message : String(result.error)));
  };

  const open = async (f: File | undefined) => {
    if (!f) return;
    try {
      const warnings = await actions.openFile(f);
      setStatus([w.opened(f.name), ...warnings].join(' · '));
    } catch (e) {
      // What the package reader refuses is said as `kam` says it (a zip bomb, a stray far cell…).
      if (e instanceof LimitError || e instanceof PackageError) setStatus(packageRefusal(f.name, e)(messages(lang)));
      else setStatus(w.openFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <section className={styles.book} aria-label={w.workbook}>
          <div className={styles.bar}>
            <span className={styles.title}>{w.title}</span>
          </div>
          <Toolbar size="small" className={styles.toolbar} aria-label={w.workbook}>
            <Button size="small" appearance="subtle" onClick={() => file.current?.click()}>
              {w.open}
            </Button>
            <input
              ref={file}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={styles.hidden}
              aria-label={w.open}
              data-testid="open-file"
              onChange={(e) => void open(e.target.files?.[0])}
            />
            <Button size="small" appearance="subtle" onClick={() => void actions.download()}>
              {w.download}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => void actions.newWorkbook('demo')}>
              {w.demo}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => void actions.newWorkbook('empty')}>
              {w.empty}
            </Button>
            <ToolbarDivider />
            <Button size="small" appearance="primary" onClick={() => void ribbon()} data-testid="ribbon-recalculate" aria-busy={ribbonBusy}>
              {w.ribbon}
            </Button>
            <Text size={200} className={styles.status} data-testid="syncs">
              {w.syncs(store.sim.stats.syncs)}
            </Text>
          </Toolbar>
          <Text size={200} className={styles.status} role="status" data-testid="preview-status">
            {status}
          </Text>
          <GridView store={store} label={w.workbook} />
        </section>
        <div className={styles.pane} data-testid="task-pane">
          <App key={store.generation} services={services} initialLang={lang} onLangChange={setLang} />
        </div>
      </div>
    </FluentProvider>
  );
}
