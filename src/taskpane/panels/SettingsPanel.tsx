import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CellValue, isBlank, normalizeWord } from '../../domain/cells';
import { analyse } from '../../domain/engine';
import type { Finding } from '../../domain/findings';
import { KPI_CODES, KPI_LABELS } from '../../domain/kpi';
import { matchHeaders } from '../../domain/parse';
import { SETTING_DEFAULTS, SettingKey } from '../../domain/settings';
import type { TableSnapshot, WorkbookSnapshot } from '../../domain/snapshot';
import { ColumnDef, InputTableDef, ScoringScheme, Settings } from '../../domain/tables';
import { columnLettersOfIndex as columnLetter } from '../../domain/columnLetters';
import { detectLang } from '../../workbook/operations';
import { appendRow } from '../appendRow';
import { ColumnField } from '../components/ColumnField';
import { Draft, PickOption, checkDraft, recordOf } from '../draft';
import { useLang, usePaneState, useServices } from '../services';
import { errorText, useWorkbookRead } from '../useWorkbook';
import { Section, Status, StatusMessage, TableMissing, usePanelStyles } from './common';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
  },
  // minmax(0, …): a grid column may be narrower than a dropdown's own minimum width.
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '6px' },
  triple: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.3fr)', gap: '6px' },
});

/** An edited cell: which table row (index into the snapshot's rows) and column. */
type Edits = Readonly<Record<string, string>>;
const editKey = (table: string, index: number, key: string) => `${table}|${index}|${key}`;

/** A cell as the text of its input: enum words become their canonical (Chinese) word. */
function textOf(c: ColumnDef, v: CellValue): string {
  if (isBlank(v)) return '';
  if (c.type === 'enum') {
    const n = normalizeWord(String(v));
    return c.enum!.members.find((m) => normalizeWord(m.zh) === n || normalizeWord(m.en) === n)?.zh ?? String(v);
  }
  return String(v);
}

/** The table's snapshot with the edits in their cells (as appendRows would write them). */
function withEdits(def: InputTableDef, snap: TableSnapshot, edits: Edits): TableSnapshot {
  const { positions } = matchHeaders(def, snap.headers);
  const rows = snap.rows.map((r) => [...r]);
  for (const [k, text] of Object.entries(edits)) {
    const [table, index, key] = k.split('|');
    if (table !== def.name || positions[key] === undefined) continue;
    const record = recordOf(def, { [key]: text });
    rows[+index][positions[key]] = record[key] ?? null;
  }
  return { ...snap, rows };
}

/** Rows of a table that hold something, with their index in the snapshot. */
function filledRows(snap: TableSnapshot | undefined): { index: number; cells: CellValue[] }[] {
  if (!snap) return [];
  return snap.rows.map((cells, index) => ({ index, cells })).filter((r) => !r.cells.every(isBlank));
}

export function SettingsPanel({ active }: { active: boolean }) {
  const styles = usePanelStyles();
  const own = useStyles();
  const { port, sheets, today } = useServices();
  const { t, lang } = useLang();
  const { bump } = usePaneState();
  const read = useWorkbookRead({ inputs: true }, active);
  const snapshot = read.data?.snapshot ?? null;
  const [edits, setEdits] = useState<Edits>({});
  const [findings, setFindings] = useState<Finding[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [newRow, setNewRow] = useState<Draft | null>(null);
  const [newFindings, setNewFindings] = useState<Finding[]>([]);

  useEffect(() => setEdits({}), [snapshot]);

  const trial: WorkbookSnapshot | null = useMemo(() => {
    if (!snapshot) return null;
    const tables = { ...snapshot.tables };
    for (const def of [Settings, ScoringScheme] as InputTableDef[]) {
      const snap = snapshot.tables[def.name];
      if (snap) tables[def.name] = withEdits(def, snap, edits);
    }
    return { tables };
  }, [snapshot, edits]);

  // The engine's findings on the edited tables, a moment after the last key.
  const settingsFindings = useCallback(
    (book: WorkbookSnapshot) => analyse(book, { asOf: today() }).findings.filter((f) => f.table === 'Settings' || f.table === 'ScoringScheme'),
    [today],
  );
  useEffect(() => {
    if (!trial) return;
    const timer = setTimeout(() => setFindings(settingsFindings(trial)), 120);
    return () => clearTimeout(timer);
  }, [trial, settingsFindings]);

  useEffect(() => {
    if (!snapshot || !newRow) return;
    const timer = setTimeout(() => setNewFindings(checkDraft(snapshot, ScoringScheme.name, recordOf(ScoringScheme, newRow), today()).findings), 120);
    return () => clearTimeout(timer);
  }, [snapshot, newRow, today]);

  const kpiOptions: PickOption[] = useMemo(() => {
    const items = new Set<string>(KPI_CODES);
    const snap = snapshot?.tables.ScoringScheme;
    if (snap) {
      const at = matchHeaders(ScoringScheme, snap.headers).positions.kpi;
      if (at !== undefined) for (const r of snap.rows) if (!isBlank(r[at])) items.add(String(r[at]).trim());
    }
    return [...items].map((id) => ({ id, label: id in KPI_LABELS ? `${id} ${KPI_LABELS[id as keyof typeof KPI_LABELS][lang]}` : id }));
  }, [snapshot, lang]);

  if (!snapshot) {
    return <div className={styles.panel}>{read.error ? <Text>{t.error + read.error}</Text> : <Spinner size="tiny" label={t.loading} />}</div>;
  }
  const wbLang = detectLang(snapshot);

  const value = (def: InputTableDef, index: number, c: ColumnDef, cells: CellValue[], positions: Record<string, number>) =>
    edits[editKey(def.name, index, c.key)] ?? (positions[c.key] === undefined ? '' : textOf(c, cells[positions[c.key]]));
  const setValue = (def: InputTableDef, index: number, key: string, v: string) => {
    setEdits((e) => ({ ...e, [editKey(def.name, index, key)]: v }));
    setStatus(null);
  };
  const rowFindings = (def: InputTableDef, snap: TableSnapshot, index: number, key: string) =>
    findings.filter((f) => f.table === def.name && f.row === snap.headerRow + 1 + index && f.key === key && edits[editKey(def.name, index, key)] !== undefined);

  const save = async () => {
    const changed = Object.keys(edits);
    if (changed.length === 0) {
      setStatus({ intent: 'info', text: t.noChanges });
      return;
    }
    // Checked afresh: the findings on screen lag the last key by a moment.
    const current = trial ? settingsFindings(trial) : findings;
    setFindings(current);
    const blocking = changed.some((k) => {
      const [table, index, key] = k.split('|');
      const snap = snapshot.tables[table]!;
      return current.some((f) => f.table === table && f.row === snap.headerRow + 1 + +index && f.key === key && f.severity === 'error');
    });
    if (blocking) {
      setStatus({ intent: 'error', text: t.notSaved(current.filter((f) => f.severity === 'error').length) });
      return;
    }
    setBusy(true);
    try {
      for (const def of [Settings, ScoringScheme] as InputTableDef[]) {
        const snap = snapshot.tables[def.name];
        if (!snap) continue;
        const { positions } = matchHeaders(def, snap.headers);
        const cells: { address: string; value: CellValue }[] = [];
        for (const [k, text] of Object.entries(edits)) {
          const [table, index, key] = k.split('|');
          if (table !== def.name || positions[key] === undefined) continue;
          const c = (def.columns as readonly ColumnDef[]).find((x) => x.key === key)!;
          let v = recordOf(def, { [key]: text })[key] ?? null;
          if (c.type === 'enum' && typeof v === 'string') v = c.enum!.members.find((m) => m.zh === v)?.[wbLang] ?? v;
          cells.push({ address: `${columnLetter(snap.firstColumn - 1 + positions[key])}${snap.headerRow + 1 + +index}`, value: v });
        }
        await sheets.setCells(snap.sheetName, cells);
      }
      setStatus({ intent: 'success', text: t.savedChanges(changed.length) });
      bump();
    } catch (e) {
      setStatus({ intent: 'error', text: t.error + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  // Checked afresh on click, as the Entry panel does: the findings shown while typing lag the
  // last key by a moment, and a button disabled on stale findings swallowed quick clicks.
  const addRow = async () => {
    if (!newRow) return;
    const record = recordOf(ScoringScheme, newRow);
    const { findings: found } = checkDraft(snapshot, ScoringScheme.name, record, today());
    const errors = found.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      setNewFindings(found);
      // Untouched fields show their messages too once Save was tried.
      setNewRow((d) => ({ ...Object.fromEntries(ScoringScheme.columns.map((c) => [c.key, ''])), ...d }));
      setStatus({ intent: 'error', text: t.notSaved(errors.length) });
      return;
    }
    setBusy(true);
    const result = await appendRow(port, ScoringScheme.name, record, today(), t, lang);
    setBusy(false);
    if (result.kind === 'appended') {
      setNewRow(null);
      bump();
    } else if (result.kind === 'refused') setNewFindings(result.findings);
    setStatus({ intent: result.kind === 'appended' ? 'success' : 'error', text: result.text });
  };

  const settingsSnap = snapshot.tables.Settings;
  const schemeSnap = snapshot.tables.ScoringScheme;
  const valueColumn = (Settings.columns as readonly ColumnDef[]).find((c) => c.key === 'value')!;
  const schemeColumns = ScoringScheme.columns as readonly ColumnDef[];
  const col = (key: string) => schemeColumns.find((c) => c.key === key)!;

  return (
    <div className={styles.panel}>
      <Section title={t.settingsTitle}>
        {!settingsSnap ? (
          <TableMissing sheet={Settings.sheet[lang]} />
        ) : (
          (() => {
            const { positions } = matchHeaders(Settings, settingsSnap.headers);
            return filledRows(settingsSnap).map(({ index, cells }) => {
              const key = positions.key === undefined ? '' : String(cells[positions.key] ?? '').trim();
              const known = Object.prototype.hasOwnProperty.call(SETTING_DEFAULTS, key) ? SETTING_DEFAULTS[key as SettingKey] : null;
              const column: ColumnDef = { ...valueColumn, zh: known ? known.zh : key, en: known ? known.en : key };
              return (
                <ColumnField
                  key={`s${index}`}
                  column={column}
                  value={value(Settings, index, valueColumn, cells, positions)}
                  onChange={(v) => setValue(Settings, index, 'value', v)}
                  findings={rowFindings(Settings, settingsSnap, index, 'value')}
                />
              );
            });
          })()
        )}
      </Section>
      <Section title={t.schemeTitle}>
        {!schemeSnap ? (
          <TableMissing sheet={ScoringScheme.sheet[lang]} />
        ) : (
          (() => {
            const { positions } = matchHeaders(ScoringScheme, schemeSnap.headers);
            return filledRows(schemeSnap).map(({ index, cells }) => {
              const field = (key: string, options?: PickOption[]) => (
                <ColumnField
                  column={col(key)}
                  value={value(ScoringScheme, index, col(key), cells, positions)}
                  onChange={(v) => setValue(ScoringScheme, index, key, v)}
                  findings={rowFindings(ScoringScheme, schemeSnap, index, key)}
                  options={options}
                />
              );
              return (
                <div key={`r${index}`} className={own.card} data-scheme-row={index}>
                  <div className={own.pair}>
                    {field('role')}
                    {field('kpi', kpiOptions)}
                  </div>
                  <div className={own.triple}>
                    {field('weight')}
                    {field('target')}
                    {field('direction')}
                  </div>
                </div>
              );
            });
          })()
        )}
        {schemeSnap && newRow && (
          <div className={own.card} data-scheme-row="new">
            <div className={own.pair}>
              {['role', 'kpi'].map((key) => (
                <ColumnField
                  key={key}
                  column={col(key)}
                  value={newRow[key] ?? ''}
                  onChange={(v) => setNewRow((d) => ({ ...d, [key]: v }))}
                  findings={newFindings.filter((f) => f.key === key && newRow[key] !== undefined)}
                  options={key === 'kpi' ? kpiOptions : undefined}
                />
              ))}
            </div>
            <div className={own.triple}>
              {['weight', 'target', 'direction'].map((key) => (
                <ColumnField
                  key={key}
                  column={col(key)}
                  value={newRow[key] ?? ''}
                  onChange={(v) => setNewRow((d) => ({ ...d, [key]: v }))}
                  findings={newFindings.filter((f) => f.key === key && newRow[key] !== undefined)}
                />
              ))}
            </div>
            <div className={styles.actions}>
              <Button size="small" appearance="primary" onClick={addRow} disabled={busy}>
                {t.save}
              </Button>
              <Button size="small" onClick={() => setNewRow(null)}>
                {t.clear}
              </Button>
            </div>
          </div>
        )}
        {schemeSnap && !newRow && (
          <div className={styles.actions}>
            <Button size="small" onClick={() => setNewRow({ direction: '越高越好' })}>
              {t.addSchemeRow}
            </Button>
          </div>
        )}
      </Section>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={save} disabled={busy || Object.keys(edits).length === 0}>
          {t.saveChanges}
        </Button>
        {busy && <Spinner size="tiny" />}
      </div>
      <StatusMessage status={status} />
    </div>
  );
}
