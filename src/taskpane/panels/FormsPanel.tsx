import { Button, Dropdown, Field, Input, Option, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { isBlank } from '../../domain/cells';
import { FORM_CODES, FORM_TEMPLATES, FormCode, SubjectKind, defaultFormPeriod } from '../../domain/forms';
import { problemMessage } from '../../domain/i18n/messages';
import { matchHeaders } from '../../domain/parse';
import { parsePeriod } from '../../domain/periods';
import type { WorkbookSnapshot } from '../../domain/snapshot';
import { Complaints, Visits } from '../../domain/tables';
import { generateForm } from '../../workbook/operations';
import { ColumnField } from '../components/ColumnField';
import { PickOption, pickOptions } from '../draft';
import { useLang, usePaneState, useServices } from '../services';
import { errorText, useWorkbookRead } from '../useWorkbook';
import { Section, Status, StatusMessage, usePanelStyles } from './common';

/** IDs of visits or complaints to pick from, newest first: `V0001 C0003`. */
function idOptions(snapshot: WorkbookSnapshot, kind: 'visit' | 'complaint'): PickOption[] {
  const def = kind === 'visit' ? Visits : Complaints;
  const snap = snapshot.tables[def.name];
  if (!snap) return [];
  const { positions } = matchHeaders(def, snap.headers);
  const idAt = positions[kind === 'visit' ? 'visitId' : 'complaintId'];
  const customerAt = positions.customerId;
  if (idAt === undefined) return [];
  const out: PickOption[] = [];
  for (let i = snap.rows.length - 1; i >= 0 && out.length < 500; i--) {
    const r = snap.rows[i];
    if (isBlank(r[idAt])) continue;
    const id = String(r[idAt]).trim();
    out.push({ id, label: customerAt !== undefined && !isBlank(r[customerAt]) ? `${id} ${String(r[customerAt])}` : id });
  }
  return out;
}

const SUBJECT_LABEL: Record<SubjectKind, { zh: string; en: string }> = {
  customer: { zh: '客户', en: 'Customer' },
  visit: { zh: '拜访', en: 'Visit' },
  complaint: { zh: '投诉', en: 'Complaint' },
  staff: { zh: '员工', en: 'Staff member' },
};

/**
 * The seven forms of SPEC §5: a template, its subject (a customer, a visit, a complaint, a staff
 * member) and period; Generate writes the form on a new sheet and brings it to the front.
 */
export function FormsPanel({ active }: { active: boolean }) {
  const styles = usePanelStyles();
  const { port, today } = useServices();
  const { t, lang } = useLang();
  const { bump } = usePaneState();
  const read = useWorkbookRead({ inputs: true }, active);
  const snapshot = read.data?.snapshot ?? null;
  const [code, setCode] = useState<FormCode>('customer-profile');
  const [subject, setSubject] = useState('');
  const [period, setPeriod] = useState(() => defaultFormPeriod('customer-profile', today()).label);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const template = FORM_TEMPLATES[code];

  const options = useMemo(() => {
    if (!snapshot) return null;
    return {
      customer: pickOptions(snapshot, 'Customers'),
      staff: pickOptions(snapshot, 'Staff'),
      visit: idOptions(snapshot, 'visit'),
      complaint: idOptions(snapshot, 'complaint'),
    } satisfies Record<SubjectKind, PickOption[]>;
  }, [snapshot]);

  const choose = (next: FormCode) => {
    setCode(next);
    if (FORM_TEMPLATES[next].subject !== template.subject) setSubject('');
    setPeriod(defaultFormPeriod(next, today()).label);
    setStatus(null);
  };

  const periodOk = !template.period || parsePeriod(period) !== null;
  const subjectOk = !template.subjectRequired || subject.trim() !== '';

  const generate = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const outcome = await generateForm(port, {
        template: code,
        ...(template.subject && subject.trim() ? { [template.subject]: subject.trim() } : {}),
        ...(template.period ? { period } : {}),
        asOf: today(),
      });
      if (outcome.kind === 'generated') {
        setStatus({ intent: 'success', text: t.generated(outcome.sheetName) });
        bump();
      } else if (outcome.kind === 'error') {
        setStatus({ intent: 'error', text: outcome.error.message[lang] });
      } else {
        setStatus({ intent: 'error', text: outcome.problems.map((p) => problemMessage(p, lang)).join(' ') });
      }
    } catch (e) {
      setStatus({ intent: 'error', text: t.error + errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel}>
      <Section title={t.formsTitle}>
        <Field label={t.template}>
          <Dropdown size="small" value={template.title[lang]} selectedOptions={[code]} onOptionSelect={(_, d) => d.optionValue && choose(d.optionValue as FormCode)}>
            {FORM_CODES.map((c) => (
              <Option key={c} value={c} text={FORM_TEMPLATES[c].title[lang]}>
                {FORM_TEMPLATES[c].title[lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {!options && read.loading && <Spinner size="tiny" label={t.loading} />}
        {read.error && <Text>{t.error + read.error}</Text>}
        {options && template.subject && (
          <ColumnField
            key={template.subject}
            column={{ key: template.subject, type: 'text', required: template.subjectRequired, ...SUBJECT_LABEL[template.subject] }}
            value={subject}
            onChange={(v) => {
              setSubject(v);
              setStatus(null);
            }}
            findings={[]}
            options={options[template.subject]}
          />
        )}
        {template.period && (
          <Field label={t.period} hint={t.periodHint} validationState={periodOk ? 'none' : 'error'} validationMessage={periodOk ? undefined : t.badPeriod}>
            <Input size="small" value={period} onChange={(_, d) => setPeriod(d.value)} />
          </Field>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={generate} disabled={busy || !periodOk || !subjectOk || !snapshot}>
            {busy ? t.generating : t.generate}
          </Button>
          {busy && <Spinner size="tiny" />}
        </div>
        <StatusMessage status={status} />
      </Section>
    </div>
  );
}
