/**
 * What the task pane does to the sheet in front of the user, beside the workbook operations:
 * select a cell, bring a sheet to the front, write the one cell a person edited, highlight error
 * cells and remove exactly those highlights. Not part of the WorkbookPort: the CLI has no sheet
 * in front of anyone.
 *
 * Written against the same Excel API subset as the adapter (ExcelRun), so the add-in passes
 * `Excel.run` and the preview host the simulator's `run`. Highlighting needs `format.fill`,
 * which the simulator does not model: it goes through a Highlighter (Excel's below; the preview
 * host paints its grid instead).
 */
import type { CellValue } from '../domain/cells';
import { ExcelRun, toExcel } from '../workbook/excel';

export interface CellRef {
  sheet: string;
  /** A1 address of one cell. */
  address: string;
}

export interface Highlighter {
  /** Fills the cells; returns how many were filled. */
  highlight(cells: readonly CellRef[]): Promise<number>;
  /** Restores the cells this highlighter filled; returns how many. */
  clear(): Promise<number>;
  /** How many cells are highlighted now. */
  count(): number;
}

export interface SheetUi extends Highlighter {
  selectCell(sheet: string, address: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
  /** Writes the cells a person edited (text that looks like a formula stays text). */
  setCells(sheet: string, cells: readonly { address: string; value: CellValue }[]): Promise<void>;
}

/** Selects one cell (its sheet comes to the front): "click a finding". */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

export async function activateSheet(run: ExcelRun, sheet: string): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).activate();
    await context.sync();
  });
}

export async function setCells(run: ExcelRun, sheet: string, cells: readonly { address: string; value: CellValue }[]): Promise<void> {
  if (cells.length === 0) return;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const c of cells) ws.getRange(c.address).values = [[toExcel(c.value)]];
    await context.sync();
  });
}

export function sheetUi(run: ExcelRun, highlighter: Highlighter): SheetUi {
  return {
    selectCell: (sheet, address) => selectCell(run, sheet, address),
    activateSheet: (sheet) => activateSheet(run, sheet),
    setCells: (sheet, cells) => setCells(run, sheet, cells),
    highlight: (cells) => highlighter.highlight(cells),
    clear: () => highlighter.clear(),
    count: () => highlighter.count(),
  };
}

// ---------------------------------------------------------------------------------------------
// Excel's fill colours

/** The light red of Excel's "Light Red Fill" conditional format. */
export const HIGHLIGHT_COLOR = '#FFC7CE';

/** The part of Excel's API the highlighter uses (Excel.run fits it). */
export interface FillRange {
  format: { fill: { color: string; clear(): void } };
  load(propertyNames: string): FillRange;
}
export interface FillContext {
  workbook: { worksheets: { getItem(name: string): { getRange(address: string): FillRange } } };
  sync(): Promise<void>;
}
export type FillRun = <T>(batch: (context: FillContext) => Promise<T>) => Promise<T>;

/**
 * Highlights with a fill colour, remembering each cell's own colour; `clear` puts the colour
 * back only where the cell still has the highlight (a colour the user set since is theirs).
 * Excel reports "no fill" as white: white comes back as no fill, which looks the same.
 * Two syncs each way, whatever the number of cells.
 */
export function excelHighlighter(run: FillRun): Highlighter {
  const saved = new Map<string, { ref: CellRef; color: string }>();
  const keyOf = (c: CellRef) => `${c.sheet}!${c.address}`;
  return {
    async highlight(cells) {
      const fresh = cells.filter((c, i) => !saved.has(keyOf(c)) && cells.findIndex((d) => keyOf(d) === keyOf(c)) === i);
      if (fresh.length === 0) return 0;
      await run(async (context) => {
        const ranges = fresh.map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(c.address).load('format/fill/color'));
        await context.sync();
        fresh.forEach((c, i) => saved.set(keyOf(c), { ref: c, color: ranges[i].format.fill.color }));
        for (const r of ranges) r.format.fill.color = HIGHLIGHT_COLOR;
        await context.sync();
      });
      return fresh.length;
    },
    async clear() {
      const entries = [...saved.values()];
      if (entries.length === 0) return 0;
      let restored = 0;
      await run(async (context) => {
        const ranges = entries.map((e) => context.workbook.worksheets.getItem(e.ref.sheet).getRange(e.ref.address).load('format/fill/color'));
        await context.sync();
        ranges.forEach((r, i) => {
          if (r.format.fill.color.toUpperCase() !== HIGHLIGHT_COLOR) return;
          const own = entries[i].color;
          if (!own || own.toUpperCase() === '#FFFFFF') r.format.fill.clear();
          else r.format.fill.color = own;
          restored++;
        });
        await context.sync();
      });
      saved.clear();
      return restored;
    },
    count: () => saved.size,
  };
}
