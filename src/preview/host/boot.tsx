/**
 * The preview host: the task pane opened in a browser outside Office (`Office.onReady` gave host
 * null). The same App runs with the Office.js adapter on the Excel simulator, which holds a demo
 * workbook made by initWorkbook + the demo rows, or an .xlsx the user opens.
 *
 * URL parameters (for people and the browser tests): `lang=zh|en`, `today=YYYY-MM-DD` (the
 * as-of date), `workbook=demo|empty|blank` (demo data; the tables without data; one blank sheet,
 * as a new Excel workbook is).
 */
import { createRoot } from 'react-dom/client';
import { recalculateCommand, type CommandResult } from '../../commands/recalculateCommand';
import { Serial, serialFromUtc, serialToday } from '../../domain/dates';
import { SimWorkbook } from '../simulator';
import { langOf, type Lang } from '../../taskpane/i18n';
import type { Services } from '../../taskpane/services';
import { sheetUi } from '../../taskpane/sheetUi';
import { officePort } from '../../workbook/excel';
import { loadDemo } from './demo';
import { keepOffline } from './offline';
import { PreviewApp, PreviewActions } from './PreviewApp';
import { PreviewStore } from './store';
import { workbookFromXlsx, xlsxFromWorkbook } from './xlsxFile';

export interface PreviewHandle {
  store: PreviewStore;
  /** Resolves when the first workbook is in the simulator and the pane is rendered. */
  ready: Promise<void>;
  lang: Lang;
  asOf: Serial;
  /** The ribbon's Recalculate KPIs, as Excel would call it. */
  ribbon(): Promise<CommandResult>;
}

declare global {
  interface Window {
    kamPreview?: PreviewHandle;
  }
}

function asOfFrom(text: string | null): Serial {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  return m ? serialFromUtc(+m[1], +m[2], +m[3]) : serialToday(new Date());
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function bootPreview(root: HTMLElement): PreviewHandle {
  keepOffline();
  const params = new URLSearchParams(window.location.search);
  const lang = langOf(params.get('lang') ?? (typeof Office !== 'undefined' ? Office.context?.displayLanguage : null) ?? navigator.language);
  const asOf = asOfFrom(params.get('today'));
  const store = new PreviewStore();
  let fileName = lang === 'zh' ? '大客户管理-预览.xlsx' : 'key-accounts-preview.xlsx';

  const services: Services = {
    port: officePort(store.run),
    sheets: sheetUi(store.run, store.highlighter),
    today: () => asOf,
  };
  const ribbonCommand = recalculateCommand({ run: store.run, today: () => asOf });
  const ribbon = () => ribbonCommand({ completed: () => undefined });

  const actions: PreviewActions = {
    async openFile(file) {
      const { workbook, warnings } = await workbookFromXlsx(await file.arrayBuffer());
      store.replace(workbook);
      fileName = file.name;
      return warnings;
    },
    async download() {
      save(await xlsxFromWorkbook(store.workbook), fileName);
    },
    async newWorkbook(kind) {
      store.replace(new SimWorkbook());
      await loadDemo(store.run, { lang, asOf, empty: kind === 'empty' });
      store.generation++;
      store.changed();
    },
    ribbon,
  };

  root.textContent = lang === 'zh' ? '正在准备演示工作簿…' : 'Preparing the demo workbook…';
  const kind = params.get('workbook');
  const first = kind === 'blank' ? Promise.resolve(void store.workbook.addSheet('Sheet1')) : loadDemo(store.run, { lang, asOf, empty: kind === 'empty' });
  const ready = first.then(() => {
    createRoot(root).render(<PreviewApp store={store} services={services} initialLang={lang} actions={actions} />);
    performance.mark('kam-preview-ready');
  });
  const handle: PreviewHandle = { store, ready, lang, asOf, ribbon };
  window.kamPreview = handle;
  return handle;
}
