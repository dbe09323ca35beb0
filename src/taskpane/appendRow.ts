/**
 * One row appended from the pane (a record in Entry, a new scoring line in Settings):
 * appendRows' three outcomes and a failure of Excel itself folded into one result, with the
 * message the panel shows.
 */
import type { Serial } from '../domain/dates';
import type { Finding } from '../domain/findings';
import { problemMessage, type Lang } from '../domain/i18n/messages';
import { appendRows, type RowRecord } from '../workbook/operations';
import type { WorkbookPort } from '../workbook/port';
import type { Strings } from './i18n';
import { errorText } from './useWorkbook';

export type AppendResult =
  | { kind: 'appended'; text: string; warnings: Finding[] }
  | { kind: 'refused'; text: string; findings: Finding[] }
  | { kind: 'failed'; text: string };

export async function appendRow(port: WorkbookPort, tableName: string, record: RowRecord, asOf: Serial, t: Strings, lang: Lang): Promise<AppendResult> {
  try {
    const outcome = await appendRows(port, tableName, [record], { asOf });
    if (outcome.kind === 'appended') return { kind: 'appended', text: t.saved(outcome.sheetName, outcome.firstRow), warnings: outcome.findings };
    if (outcome.kind === 'refused') return { kind: 'refused', text: t.notSaved(outcome.findings.filter((f) => f.severity === 'error').length), findings: outcome.findings };
    return { kind: 'failed', text: outcome.problems.map((p) => problemMessage(p, lang)).join(' ') };
  } catch (e) {
    return { kind: 'failed', text: t.error + errorText(e) };
  }
}
