/**
 * The ribbon's Recalculate KPIs: the last completed quarter, recalculated through the workbook
 * port without opening the task pane; recalculate() itself brings the KPI sheet to the front.
 * A second click while one runs starts nothing; `event.completed()` is always called (Excel
 * shows the command as busy, and stops accepting clicks of it, until then).
 */
import type { Serial } from '../domain/dates';
import { lastCompletedQuarter } from '../domain/periods';
import type { ExcelRun } from '../workbook/excel';
import { officePort } from '../workbook/excel';
import { RecalculateOutcome, recalculate } from '../workbook/operations';

/** What Excel passes to an ExecuteFunction command (Office.AddinCommands.Event). */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export type CommandResult =
  | { kind: 'done'; period: string; outcome: RecalculateOutcome }
  | { kind: 'busy' }
  | { kind: 'failed'; period: string; error: unknown };

export interface RecalculateCommandDeps {
  run: ExcelRun;
  /** Today as an Excel serial. */
  today(): Serial;
  /** Told how each click ended (the preview shows it; Excel has no pane open to show it in). */
  report?(result: CommandResult): void;
}

export function recalculateCommand(deps: RecalculateCommandDeps): (event: CommandEvent) => Promise<CommandResult> {
  let running = false;
  return async (event) => {
    if (running) {
      const busy: CommandResult = { kind: 'busy' };
      event.completed();
      deps.report?.(busy);
      return busy;
    }
    running = true;
    const asOf = deps.today();
    const period = lastCompletedQuarter(asOf).label;
    let result: CommandResult;
    try {
      const outcome = await recalculate(officePort(deps.run), { period, asOf });
      result = { kind: 'done', period, outcome };
    } catch (error) {
      result = { kind: 'failed', period, error };
    } finally {
      running = false;
      event.completed();
    }
    deps.report?.(result);
    return result;
  };
}
