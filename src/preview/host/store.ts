/**
 * The preview's workbook: the Excel simulator holding it, what the grid shows beside the pane
 * (the active sheet, the selection, the highlighted cells), and a change signal for React.
 * Every batch the pane runs goes through `run`, so the grid repaints after each one, as Excel's
 * grid does after each sync.
 */
import { SimWorkbook, Simulator } from '../simulator';
import type { ExcelRun } from '../../workbook/excel';
import type { CellRef, Highlighter } from '../../taskpane/sheetUi';

export class PreviewStore {
  sim: Simulator;
  /** Bumped on every change; also the React key of the pane when the workbook is replaced. */
  version = 0;
  generation = 0;
  /** `Sheet!A1` keys of the cells the pane highlighted. */
  readonly highlights = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(workbook: SimWorkbook = new SimWorkbook()) {
    this.sim = new Simulator(workbook);
  }

  get workbook(): SimWorkbook {
    return this.sim.workbook;
  }

  readonly run: ExcelRun = async (batch) => {
    try {
      return await this.sim.run(batch);
    } finally {
      this.changed();
    }
  };

  /** A workbook opened from disk (or a new demo) replaces the current one. */
  replace(workbook: SimWorkbook): void {
    this.sim = new Simulator(workbook);
    this.highlights.clear();
    this.generation++;
    this.changed();
  }

  changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  /** The preview paints highlights in its grid (the simulator has no fill colours). */
  readonly highlighter: Highlighter = {
    highlight: async (cells: readonly CellRef[]) => {
      let n = 0;
      for (const c of cells) {
        const key = cellKey(c.sheet, c.address);
        if (this.highlights.has(key)) continue;
        this.highlights.add(key);
        n++;
      }
      this.changed();
      return n;
    },
    clear: async () => {
      const n = this.highlights.size;
      this.highlights.clear();
      this.changed();
      return n;
    },
    count: () => this.highlights.size,
  };
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}!${address.toUpperCase()}`;
}
