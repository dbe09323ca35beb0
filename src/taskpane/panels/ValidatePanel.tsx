import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { errorCount } from '../../domain/engine';
import type { Finding } from '../../domain/findings';
import { findingMessage, problemMessage } from '../../domain/i18n/messages';
import { INPUT_TABLES } from '../../domain/tables';
import { ValidateWorkbookResult, validateWorkbook } from '../../workbook/operations';
import { findingCell } from '../draft';
import type { CellRef } from '../sheetUi';
import { useLang, usePaneState, useServices } from '../services';
import { errorText } from '../useWorkbook';
import { Section, Status, StatusMessage, usePanelStyles } from './common';

const SHOWN_PER_TABLE = 200;

const useStyles = makeStyles({
  finding: { display: 'block', textAlign: 'left', padding: '2px 0', lineHeight: '18px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  header: { display: 'flex', gap: '6px', alignItems: 'center' },
});

export interface FindingGroup {
  table: string;
  sheetName: string;
  findings: Finding[];
  errors: number;
}

/** Findings by table, in workbook order. */
export function groupFindings(result: ValidateWorkbookResult, showWarnings: boolean): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const def of INPUT_TABLES) {
    const findings = result.findings.filter((f) => f.table === def.name && (showWarnings || f.severity === 'error'));
    if (findings.length === 0) continue;
    groups.push({ table: def.name, sheetName: result.sheets[def.name] ?? def.sheet[result.lang], findings, errors: errorCount(findings) });
  }
  return groups;
}

export function ValidatePanel() {
  const styles = usePanelStyles();
  const own = useStyles();
  const { port, sheets, today } = useServices();
  const { t, lang } = useLang();
  const { revision } = usePaneState();
  const [result, setResult] = useState<ValidateWorkbookResult | null>(null);
  const [checkedAt, setCheckedAt] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [showWarnings, setShowWarnings] = useState(true);
  const [message, setMessage] = useState<Status>(null);
  const [highlights, setHighlights] = useState(sheets.count());

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      setResult(await validateWorkbook(port, { asOf: today() }));
      setCheckedAt(revision);
    } catch (e) {
      setMessage({ intent: 'error', text: t.error + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const groups = useMemo(() => (result ? groupFindings(result, showWarnings) : []), [result, showWarnings]);
  const errors = result ? errorCount(result.findings) : 0;

  const go = async (f: Finding) => {
    if (!result) return;
    const cell = findingCell(result.read, f);
    if (!cell) return;
    try {
      await sheets.selectCell(cell.sheet, cell.address);
    } catch (e) {
      setMessage({ intent: 'error', text: t.error + errorText(e) });
    }
  };

  const highlight = async () => {
    if (!result) return;
    const cells: CellRef[] = [];
    for (const f of result.findings) {
      if (f.severity !== 'error') continue;
      const cell = findingCell(result.read, f);
      if (cell) cells.push(cell);
    }
    try {
      const n = await sheets.highlight(cells);
      setHighlights(sheets.count());
      setMessage({ intent: 'info', text: t.highlighted(n) });
    } catch (e) {
      setMessage({ intent: 'error', text: t.error + errorText(e) });
    }
  };

  const unhighlight = async () => {
    try {
      const n = await sheets.clear();
      setHighlights(sheets.count());
      setMessage({ intent: 'info', text: t.unhighlighted(n) });
    } catch (e) {
      setMessage({ intent: 'error', text: t.error + errorText(e) });
    }
  };

  return (
    <div className={styles.panel}>
      <Section title={t.validateTitle}>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={run} disabled={busy}>
            {t.runValidation}
          </Button>
          <Switch checked={showWarnings} onChange={(_, d) => setShowWarnings(d.checked)} label={t.showWarnings} />
          {busy && <Spinner size="tiny" label={t.validating} />}
        </div>
        {result && checkedAt !== revision && (
          <Text size={200} className={styles.muted}>
            {t.stale}
          </Text>
        )}
        {result && result.problems.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {t.cannotCheck}
              <ul className={styles.list}>
                {result.problems.map((p, i) => (
                  <li key={i}>{problemMessage(p, lang)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.problems.length === 0 && (
          <Text data-testid="findings-count">
            {result.findings.length === 0 ? t.noFindings : t.findingsCount(errors, result.findings.length - errors)}
          </Text>
        )}
        {result && (errors > 0 || highlights > 0) && (
          <div className={styles.actions}>
            <Button size="small" onClick={highlight} disabled={errors === 0}>
              {t.highlight}
            </Button>
            <Button size="small" onClick={unhighlight} disabled={highlights === 0}>
              {t.removeHighlights}
            </Button>
          </div>
        )}
        <StatusMessage status={message} />
        {groups.length > 0 && (
          <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 1).map((g) => g.table)}>
            {groups.map((g) => (
              <AccordionItem key={g.table} value={g.table} data-table={g.table}>
                <AccordionHeader size="small">
                  <span className={own.header}>
                    {g.sheetName}
                    <Badge size="small" appearance="filled" color={g.errors > 0 ? 'danger' : 'warning'}>
                      {g.findings.length}
                    </Badge>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={own.items}>
                    {g.findings.slice(0, SHOWN_PER_TABLE).map((f, i) => {
                      const cell = findingCell(result!.read, f);
                      return (
                        <li key={i}>
                          <Link
                            as="button"
                            className={mergeClasses(own.finding, f.severity === 'error' ? own.error : own.warning)}
                            onClick={() => void go(f)}
                            title={cell ? t.goToCell(`${cell.sheet}!${cell.address}`) : undefined}
                            data-severity={f.severity}
                          >
                            {findingMessage(f, lang, g.sheetName)}
                          </Link>
                        </li>
                      );
                    })}
                  </ul>
                  {g.findings.length > SHOWN_PER_TABLE && <Text size={200}>{t.more(g.findings.length - SHOWN_PER_TABLE)}</Text>}
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        )}
      </Section>
    </div>
  );
}
