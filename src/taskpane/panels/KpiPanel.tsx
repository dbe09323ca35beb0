import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { problemMessage } from '../../domain/i18n/messages';
import { KPI_LABELS, KpiReport } from '../../domain/kpi';
import { lastCompletedQuarter, parsePeriod } from '../../domain/periods';
import { ROLE, TABLES_BY_NAME } from '../../domain/tables';
import { RecalculateOutcome, recalculate } from '../../workbook/operations';
import { CompletionChart, type ChartBar } from '../components/CompletionChart';
import { useLang, usePaneState, useServices } from '../services';
import { errorText } from '../useWorkbook';
import { Section, usePanelStyles } from './common';

type Written = Extract<RecalculateOutcome, { kind: 'written' }>;

/** Staff ID → name, from the Staff rows the recalculation read. */
function staffNames(outcome: Written): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of outcome.analysis.read.book.Staff.rows) if (r.v.staffId) names.set(r.v.staffId, r.v.name ?? r.v.staffId);
  return names;
}

/** The chart's bars: sales-plan completion of each scored employee, then the department. */
export function completionBars(report: KpiReport, names: Map<string, string>, departmentLabel: string): ChartBar[] {
  const value = (staffId: string | null) => report.results.find((r) => r.staffId === staffId && r.kpi === 'sales_completion')?.value ?? null;
  const bars: ChartBar[] = report.scores
    .filter((s) => s.items.some((i) => i.kpi === 'sales_completion'))
    .map((s) => ({ label: names.get(s.staffId) ?? s.staffId, value: value(s.staffId), warning: s.warning }));
  bars.push({ label: departmentLabel, value: value(null) });
  return bars;
}

export function KpiPanel() {
  const styles = usePanelStyles();
  const { port, sheets, today } = useServices();
  const { t, lang } = useLang();
  const { bump, setLastRecalc } = usePaneState();
  const [periodText, setPeriodText] = useState(() => lastCompletedQuarter(today()).label);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RecalculateOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const period = parsePeriod(periodText);

  const run = async () => {
    if (!period) return;
    setBusy(true);
    setError(null);
    try {
      const result = await recalculate(port, { period, asOf: today() });
      setOutcome(result);
      if (result.kind === 'written') {
        setLastRecalc({ period: period.label, at: new Date() });
        bump();
      }
    } catch (e) {
      setError(t.error + errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const written = outcome?.kind === 'written' ? outcome : null;
  const names = useMemo(() => (written ? staffNames(written) : new Map<string, string>()), [written]);
  const roleWord = (zh: string) => ROLE.members.find((m) => m.zh === zh)?.[lang] ?? zh;
  const excluded = written ? Object.entries(written.report.excluded).filter(([, n]) => n > 0) : [];

  const open = async (sheet: string) => {
    try {
      await sheets.activateSheet(sheet);
    } catch (e) {
      setError(t.error + errorText(e));
    }
  };

  return (
    <div className={styles.panel}>
      <Section title={t.kpiTitle}>
        <Field label={t.period} hint={t.periodHint} validationState={period ? 'none' : 'error'} validationMessage={period ? undefined : t.badPeriod}>
          <Input size="small" value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={run} disabled={busy || !period}>
            {t.recalculate}
          </Button>
        </div>
        {busy && (
          <Field validationMessage={t.recalculating} validationState="none">
            <ProgressBar aria-label={t.recalculating} />
          </Field>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {outcome && outcome.kind === 'problems' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <ul className={styles.list}>
                {outcome.problems.map((p, i) => (
                  <li key={i}>{problemMessage(p, lang)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {written && (
          <>
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t.recalculated(written.report.period, written.tables.KpiResults.rows)}</MessageBarBody>
            </MessageBar>
            <div className={styles.actions}>
              <Link as="button" onClick={() => void open(written.tables.KpiResults.sheetName)}>
                {t.openKpiSheet}
              </Link>
              <Link as="button" onClick={() => void open(written.tables.Scorecards.sheetName)}>
                {t.openScorecards}
              </Link>
            </div>
            <Table size="extra-small" aria-label={t.kpiTitle} data-testid="scorecards">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.employee}</TableHeaderCell>
                  <TableHeaderCell>{t.role}</TableHeaderCell>
                  <TableHeaderCell className={styles.numberCell}>{t.total}</TableHeaderCell>
                  <TableHeaderCell>{t.result}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {written.report.scores.map((s) => (
                  <TableRow key={s.staffId} data-staff={s.staffId} title={s.items.map((i) => `${i.kpi in KPI_LABELS ? KPI_LABELS[i.kpi as keyof typeof KPI_LABELS][lang] : i.kpi}: ${i.score === null ? t.notAvailable : i.score.toFixed(1)}`).join('\n')}>
                    <TableCell>{names.get(s.staffId) ?? s.staffId}</TableCell>
                    <TableCell>{roleWord(s.role)}</TableCell>
                    <TableCell className={styles.numberCell} data-testid="total">
                      {s.total === null ? t.notAvailable : s.total.toFixed(1)}
                    </TableCell>
                    <TableCell>
                      {s.total === null ? null : s.warning ? (
                        <Badge color="danger" appearance="filled">
                          {t.warning}
                        </Badge>
                      ) : (
                        <Badge color="success" appearance="tint">
                          {t.pass}
                        </Badge>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Text weight="semibold">{t.chartTitle}</Text>
            <CompletionChart bars={completionBars(written.report, names, t.department)} title={t.chartLabel(written.report.period)} notAvailable={t.notAvailable} />
            {excluded.length > 0 && (
              <Text size={200} className={styles.muted}>
                {t.excludedNote(excluded.map(([table, n]) => `${TABLES_BY_NAME.get(table)?.sheet[lang] ?? table} ${n}`).join('，'))}
              </Text>
            )}
          </>
        )}
      </Section>
    </div>
  );
}
