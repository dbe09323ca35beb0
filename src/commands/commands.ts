/**
 * The ribbon's function file (manifest FunctionFile → commands.html): registers the
 * ExecuteFunction command `recalculateKpis`. Loaded without the task pane.
 */
import { serialToday } from '../domain/dates';
import { CommandEvent, recalculateCommand } from './recalculateCommand';

const recalculateKpis = recalculateCommand({
  run: (batch) => Excel.run(batch),
  today: () => serialToday(new Date()),
});

function handler(event: CommandEvent): void {
  void recalculateKpis(event);
}

Office.onReady(() => {
  // Office.actions.associate where the host has it; the global name for hosts that look it up.
  Office.actions?.associate?.('recalculateKpis', handler);
});
(globalThis as unknown as Record<string, unknown>).recalculateKpis = handler;
