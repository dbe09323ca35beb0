import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../domain/findings';
import { problemMessage } from '../../domain/i18n/messages';
import { ColumnDef, INPUT_TABLES, InputTableDef, TABLES_BY_NAME } from '../../domain/tables';
import { appendRow } from '../appendRow';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import { ColumnField } from '../components/ColumnField';
import { Draft, PickOption, checkDraft, dateInputValue, findingDetail, nextId, pickOptions, recordOf } from '../draft';
import { useLang, usePaneState, useServices } from '../services';
import { useWorkbookRead } from '../useWorkbook';
import { Section, Status, StatusMessage, TableMissing, usePanelStyles } from './common';

/** The tables people type rows into (Settings and the scheme have their own panel). */
export const ENTRY_TABLES: readonly InputTableDef[] = INPUT_TABLES.filter((d) => d.name !== 'Settings' && d.name !== 'ScoringScheme');

/** A new row's starting values: the next ID, today in required date columns. */
function freshDraft(def: InputTableDef, snapshot: WorkbookSnapshot | null, today: number): Draft {
  const d: Record<string, string> = {};
  const id = snapshot ? nextId(snapshot.tables[def.name], def) : null;
  if (def.idKey && id) d[def.idKey] = id;
  for (const c of def.columns as readonly ColumnDef[]) if (c.required && c.type === 'date') d[c.key] = dateInputValue(today);
  return d;
}


export function EntryPanel({ active }: { active: boolean }) {
  const styles = usePanelStyles();
  const { port, today } = useServices();
  const { t, lang } = useLang();
  const { bump } = usePaneState();
  const read = useWorkbookRead({ inputs: true }, active);
  const snapshot = read.data?.snapshot ?? null;
  const [tableName, setTableName] = useState<string>('Customers');
  const def = TABLES_BY_NAME.get(tableName)!;
  const [draft, setDraft] = useState<Draft>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  /** The table and snapshot the draft was started on; `fresh`: start anew on the next snapshot (after a save). */
  const started = useRef<{ table: string; snapshot: WorkbookSnapshot; fresh: boolean } | null>(null);

  // Another table, or the workbook re-read after a save: start a fresh row.
  useEffect(() => {
    if (!snapshot) return;
    const s = started.current;
    if (s && s.table === tableName && !(s.fresh && s.snapshot !== snapshot)) return;
    started.current = { table: tableName, snapshot, fresh: false };
    setDraft(freshDraft(def, snapshot, today()));
    setTouched(new Set());
    setSubmitted(false);
  }, [snapshot, tableName, def, today]);

  const options = useMemo(() => {
    const staff: PickOption[] = snapshot ? pickOptions(snapshot, 'Staff') : [];
    const customers: PickOption[] = snapshot ? pickOptions(snapshot, 'Customers') : [];
    return { Staff: staff, Customers: customers } as Record<string, PickOption[]>;
  }, [snapshot]);

  // Validated as typed: the engine's rules on the draft, in place, a moment after the last key.
  useEffect(() => {
    if (!snapshot || !snapshot.tables[def.name]) {
      setFindings([]);
      return;
    }
    const timer = setTimeout(() => setFindings(checkDraft(snapshot, def.name, recordOf(def, draft), today()).findings), 120);
    return () => clearTimeout(timer);
  }, [snapshot, def, draft, today]);

  const change = (key: string, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((s) => new Set(s).add(key));
    setStatus(null);
  };

  const visible = (f: Finding) => submitted || touched.has(f.key);
  const columns = def.columns as readonly ColumnDef[];

  const save = async () => {
    if (!snapshot) return;
    setSubmitted(true);
    const record = recordOf(def, draft);
    const check = checkDraft(snapshot, def.name, record, today());
    setFindings(check.findings);
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (check.problems.length > 0) {
      setStatus({ intent: 'error', text: check.problems.map((p) => problemMessage(p, lang)).join(' ') });
      return;
    }
    if (errors.length > 0) {
      setStatus({ intent: 'error', text: t.notSaved(errors.length), details: orphanMessages(errors, columns, lang) });
      return;
    }
    setSaving(true);
    const result = await appendRow(port, def.name, record, today(), t, lang);
    setSaving(false);
    if (result.kind === 'appended') {
      const warnings = result.warnings.map((f) => findingDetail(f, lang));
      setStatus({ intent: warnings.length > 0 ? 'warning' : 'success', text: result.text, details: warnings });
      if (started.current) started.current = { ...started.current, fresh: true }; // a fresh row once re-read
      bump();
    } else {
      if (result.kind === 'refused') setFindings(result.findings);
      setStatus({ intent: 'error', text: result.text });
    }
  };

  const clear = () => {
    setDraft(freshDraft(def, snapshot, today()));
    setTouched(new Set());
    setSubmitted(false);
    setStatus(null);
  };

  const missing = snapshot && !snapshot.tables[def.name];

  return (
    <div className={styles.panel}>
      <Section title={t.entryTitle}>
        <Field label={t.chooseTable}>
          <Dropdown
            size="small"
            value={def.sheet[lang]}
            selectedOptions={[def.name]}
            onOptionSelect={(_, d) => {
              if (d.optionValue && d.optionValue !== tableName) {
                setTableName(d.optionValue);
                setStatus(null);
              }
            }}
          >
            {ENTRY_TABLES.map((d) => (
              <Option key={d.name} value={d.name} text={d.sheet[lang]}>
                {d.sheet[lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {read.error && (
          <MessageBar intent="error">
            <MessageBarBody>{t.error + read.error}</MessageBarBody>
          </MessageBar>
        )}
        {!snapshot && read.loading && <Spinner size="tiny" label={t.loading} />}
        {missing && <TableMissing sheet={def.sheet[lang]} />}
        {snapshot && !missing && (
          <form
            className={styles.form}
            aria-label={def.sheet[lang]}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {columns.map((c) => (
              <ColumnField
                key={`${def.name}.${c.key}`}
                column={c}
                value={draft[c.key] ?? ''}
                onChange={(v) => change(c.key, v)}
                findings={findings.filter((f) => f.key === c.key && visible(f))}
                options={c.ref ? options[c.ref] : undefined}
              />
            ))}
            <div className={styles.actions}>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? t.saving : t.save}
              </Button>
              <Button type="button" onClick={clear} disabled={saving}>
                {t.clear}
              </Button>
              {saving && <Spinner size="tiny" />}
            </div>
          </form>
        )}
        <StatusMessage status={status} />
      </Section>
    </div>
  );
}

/** Errors on columns without a field of their own (none today; kept for user-added rules). */
function orphanMessages(errors: readonly Finding[], columns: readonly ColumnDef[], lang: 'zh' | 'en'): string[] {
  return errors.filter((f) => !columns.some((c) => c.key === f.key)).map((f) => findingDetail(f, lang));
}
