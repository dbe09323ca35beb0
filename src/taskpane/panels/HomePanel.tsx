import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { CellValue, isBlank, toPeriod } from '../../domain/cells';
import { analyse, errorCount } from '../../domain/engine';
import { problemMessage } from '../../domain/i18n/messages';
import { OUTPUT_TABLE_NAMES, periodColumn } from '../../domain/outputs';
import { INPUT_TABLES } from '../../domain/tables';
import { initWorkbook } from '../../workbook/operations';
import type { ReadReply } from '../../workbook/port';
import { useLang, usePaneState, useServices } from '../services';
import { errorText, useWorkbookRead } from '../useWorkbook';
import { Section, Status, StatusMessage, usePanelStyles } from './common';

export interface WorkbookSummary {
  tables: { name: string; sheetName: string | null; rows: number | null }[];
  errors: number;
  warnings: number;
  problems: string[];
  kpiPeriods: string[];
  hasAnyTable: boolean;
}

/** Which tables the workbook has, their rows, the findings, the periods already on the KPI sheet. */
export function summarize(reply: ReadReply, asOf: number, lang: 'zh' | 'en'): WorkbookSummary {
  const tables = INPUT_TABLES.map((def) => {
    const t = reply.snapshot.tables[def.name];
    return { name: def.name, sheetName: t ? t.sheetName : null, rows: t ? t.rows.filter((r) => !r.every(isBlank)).length : null };
  });
  const analysis = analyse(reply.snapshot, { asOf });
  const kpi = reply.owned.KpiResults;
  const periods = new Set<string>();
  if (kpi) {
    const at = periodColumn(kpi.headers);
    if (at >= 0) {
      for (const r of kpi.rows) {
        const p = toPeriod(r[at] as CellValue);
        if (p && typeof p === 'object') periods.add(p.label);
      }
    }
  }
  return {
    tables,
    errors: errorCount(analysis.findings),
    warnings: analysis.findings.length - errorCount(analysis.findings),
    problems: analysis.problems.map((p) => problemMessage(p, lang)),
    kpiPeriods: [...periods].sort(),
    hasAnyTable: tables.some((t) => t.sheetName !== null),
  };
}

export function HomePanel({ active }: { active: boolean }) {
  const styles = usePanelStyles();
  const { port, today } = useServices();
  const { t, lang } = useLang();
  const { lastRecalc, bump } = usePaneState();
  const read = useWorkbookRead({ inputs: true, owned: [...OUTPUT_TABLE_NAMES] }, active);
  const summary = useMemo(() => (read.data ? summarize(read.data, today(), lang) : null), [read.data, today, lang]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Status>(null);

  const setUp = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await initWorkbook(port, summary && !summary.hasAnyTable ? { lang } : {});
      setMessage({ intent: 'success', text: t.setUpDone(result.created.length) });
      bump();
    } catch (e) {
      setMessage({ intent: 'error', text: t.error + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel}>
      <Section title={t.homeTitle}>
        {read.error && (
          <MessageBar intent="error">
            <MessageBarBody>{t.error + read.error}</MessageBarBody>
          </MessageBar>
        )}
        {!summary && read.loading && <Spinner size="tiny" label={t.loading} />}
        {summary && (
          <>
            <Table size="extra-small" aria-label={t.homeTitle}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.tableColumn}</TableHeaderCell>
                  <TableHeaderCell className={styles.numberCell}>{t.rowsColumn}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {summary.tables.map((row) => {
                  const def = INPUT_TABLES.find((d) => d.name === row.name)!;
                  return (
                    <TableRow key={row.name} data-table={row.name}>
                      <TableCell>{row.sheetName ?? def.sheet[lang]}</TableCell>
                      <TableCell className={styles.numberCell}>
                        {row.rows === null ? (
                          <Badge appearance="tint" color="danger">
                            {t.missing}
                          </Badge>
                        ) : (
                          row.rows
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {!summary.hasAnyTable ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t.newWorkbook}</MessageBarBody>
              </MessageBar>
            ) : summary.problems.length > 0 ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {t.cannotCheck}
                  <ul className={styles.list}>
                    {summary.problems.slice(0, 5).map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                    {summary.problems.length > 5 && <li>{t.more(summary.problems.length - 5)}</li>}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            ) : (
              <Text data-testid="findings-summary">{t.findingsSummary(summary.errors, summary.warnings)}</Text>
            )}
            <Text>{summary.kpiPeriods.length > 0 ? t.kpiPeriods(summary.kpiPeriods.join('、')) : t.noKpiYet}</Text>
            {lastRecalc && <Text>{t.lastRecalc(lastRecalc.period, lastRecalc.at.toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-US'))}</Text>}
          </>
        )}
      </Section>
      <Section title={t.setUp}>
        <Text size={200}>{t.setUpHint}</Text>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={setUp} disabled={busy || !summary}>
            {t.setUp}
          </Button>
          <Button onClick={read.reload} disabled={read.loading}>
            {t.refresh}
          </Button>
          {busy && <Spinner size="tiny" />}
        </div>
        <StatusMessage status={message} />
      </Section>
    </div>
  );
}
