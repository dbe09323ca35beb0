import { Combobox, Dropdown, Field, Input, Option, makeStyles } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Finding } from '../../domain/findings';
import type { ColumnDef } from '../../domain/tables';
import { findingDetail, type PickOption } from '../draft';
import { useLang } from '../services';

export interface ColumnFieldProps {
  column: ColumnDef;
  value: string;
  onChange(value: string): void;
  /** Findings on this field (shown once the field was touched). */
  findings: readonly Finding[];
  /** Staff or customers, for reference columns. */
  options?: readonly PickOption[];
}

const MAX_OPTIONS = 60;

/** Fluent's dropdowns ask for 250 px; in a 320-pixel pane, side by side, they take what there is. */
const useStyles = makeStyles({ control: { minWidth: 0, width: '100%' }, input: { minWidth: 0, width: '100%' } });

/** One input of a row, by the column's type: dropdowns for enums and yes/no, date inputs, pickers for references. */
export function ColumnField({ column: c, value, onChange, findings, options }: ColumnFieldProps) {
  const { t, lang } = useLang();
  const styles = useStyles();
  const errors = findings.filter((f) => f.severity === 'error');
  const shown = errors.length > 0 ? errors : findings;
  const validationState = errors.length > 0 ? 'error' : findings.length > 0 ? 'warning' : 'none';
  const validationMessage = shown.length > 0 ? shown.map((f) => findingDetail(f, lang)).join(' ') : undefined;
  const label = c[lang];

  const filtered = useMemo(() => {
    if (!options) return [];
    const q = value.trim().toLowerCase();
    const hits = q === '' ? options : options.filter((o) => o.label.toLowerCase().includes(q));
    return hits.slice(0, MAX_OPTIONS);
  }, [options, value]);

  let control;
  if (c.type === 'enum' || c.type === 'yesno') {
    const members = c.type === 'enum' ? c.enum!.members.map((m) => ({ value: m.zh, text: m[lang] })) : [
      { value: 'yes', text: t.yes },
      { value: 'no', text: t.no },
    ];
    const selected = members.find((m) => m.value === value);
    control = (
      <Dropdown
        className={styles.control}
        size="small"
        placeholder={t.pickOne}
        value={selected ? selected.text : ''}
        selectedOptions={selected ? [selected.value] : []}
        onOptionSelect={(_, d) => onChange(d.optionValue ?? '')}
      >
        {!c.required && (
          <Option value="" text={t.blankOption}>
            {t.blankOption}
          </Option>
        )}
        {members.map((m) => (
          <Option key={m.value} value={m.value} text={m.text}>
            {m.text}
          </Option>
        ))}
      </Dropdown>
    );
  } else if (options) {
    control = (
      <Combobox
        className={styles.control}
        input={{ className: styles.input }}
        size="small"
        freeform
        value={value}
        selectedOptions={options.some((o) => o.id === value) ? [value] : []}
        onChange={(e) => onChange((e.target as HTMLInputElement).value)}
        onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(d.optionValue)}
      >
        {filtered.map((o) => (
          <Option key={o.id} value={o.id} text={o.id}>
            {o.label}
          </Option>
        ))}
      </Combobox>
    );
  } else {
    const type = c.type === 'date' ? 'date' : c.type === 'datetime' ? 'datetime-local' : c.format === 'email' ? 'email' : c.format === 'phone' ? 'tel' : 'text';
    const numeric = c.type === 'number' || c.type === 'integer' || c.type === 'percent';
    control = (
      <Input
        className={styles.control}
        size="small"
        type={type}
        inputMode={numeric ? 'decimal' : undefined}
        placeholder={c.type === 'period' ? '2026Q3' : c.type === 'percent' ? '40%' : undefined}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      />
    );
  }

  return (
    <Field label={label} required={c.required} validationState={validationState} validationMessage={validationMessage} data-column={c.key}>
      {control}
    </Field>
  );
}
