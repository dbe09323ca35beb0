/**
 * What the panels are given (the `yo office` way: components receive functions, Office.js stays
 * in one module): the workbook port — Excel's or the simulator's — the sheet helpers, the clock,
 * and nothing else. The host (src/taskpane/excelHost.tsx, src/preview/host) builds it.
 */
import { createContext, useContext } from 'react';
import type { Serial } from '../domain/dates';
import type { WorkbookPort } from '../workbook/port';
import { STRINGS, Strings, type Lang } from './i18n';
import type { SheetUi } from './sheetUi';

export interface Services {
  port: WorkbookPort;
  sheets: SheetUi;
  /** Today as an Excel serial (the as-of date of validation and KPIs). */
  today(): Serial;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesContext');
  return s;
}

export interface LangState {
  lang: Lang;
  t: Strings;
  setLang(lang: Lang): void;
}

export const LangContext = createContext<LangState>({ lang: 'zh', t: STRINGS.zh, setLang: () => undefined });

export function useLang(): LangState {
  return useContext(LangContext);
}

/** What the panels share: the last recalculation, and a counter that says the workbook changed. */
export interface PaneState {
  lastRecalc: { period: string; at: Date } | null;
  setLastRecalc(value: { period: string; at: Date }): void;
  /** Bumped after every write the pane makes; panels re-read when it changes. */
  revision: number;
  bump(): void;
}

export const PaneStateContext = createContext<PaneState>({ lastRecalc: null, setLastRecalc: () => undefined, revision: 0, bump: () => undefined });

export function usePaneState(): PaneState {
  return useContext(PaneStateContext);
}
