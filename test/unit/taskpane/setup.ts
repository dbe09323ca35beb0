/**
 * What the task pane's component tests share: the browser APIs jsdom lacks that Fluent UI v9
 * uses (ResizeObserver, matchMedia, scrollIntoView), and a pane wired to the Excel simulator
 * through the Office.js adapter, as the preview host wires it.
 */
import { configure, render } from '@testing-library/react';
import { createElement } from 'react';
import { serialFromUtc } from '../../../src/domain/dates';
import { loadDemo } from '../../../src/preview/host/demo';
import { PreviewStore } from '../../../src/preview/host/store';
import { App, PanelName } from '../../../src/taskpane/App';
import type { Lang } from '../../../src/taskpane/i18n';
import type { Services } from '../../../src/taskpane/services';
import { sheetUi } from '../../../src/taskpane/sheetUi';
import { officePort } from '../../../src/workbook/excel';

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function installDomStubs(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.ResizeObserver ??= ResizeObserverStub;
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false }) as MediaQueryList;
  }
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}
installDomStubs();

// A demo workbook and a rendered pane take seconds when the whole suite runs in parallel, and a
// save reads and validates the whole workbook first: under CI load that outlasts the library's
// default one-second wait for findBy…/waitFor (a CI run failed on exactly that).
configure({ asyncUtilTimeout: 10_000 });

/** The as-of date of the tests: 2026-10-10, whose last completed quarter is 2026Q3. */
export const AS_OF = serialFromUtc(2026, 10, 10);

export interface Pane {
  store: PreviewStore;
  services: Services;
}

/** A simulator with a demo workbook (or a blank one), and the services the pane gets. */
export async function simulatedWorkbook(kind: 'demo' | 'blank' = 'demo', lang: Lang = 'zh'): Promise<Pane> {
  const store = new PreviewStore();
  if (kind === 'demo') await loadDemo(store.run, { lang, asOf: AS_OF });
  else store.workbook.addSheet('Sheet1');
  const services: Services = { port: officePort(store.run), sheets: sheetUi(store.run, store.highlighter), today: () => AS_OF };
  return { store, services };
}

export function renderPane(services: Services, initialPanel: PanelName = 'home', lang: Lang = 'zh') {
  return render(createElement(App, { services, initialLang: lang, initialPanel }));
}
