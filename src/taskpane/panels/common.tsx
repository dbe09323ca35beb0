import { MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLang } from '../services';

export const usePanelStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '16px', padding: '12px', minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px' },
  numberCell: { textAlign: 'right', width: '64px' },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
  form: { display: 'flex', flexDirection: 'column', gap: '10px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A titled part of a panel. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = usePanelStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children}
    </section>
  );
}

/** What became of the panel's last action: a line, and details under it. */
export type Status = { intent: 'success' | 'error' | 'warning' | 'info'; text: string; details?: string[] } | null;

/** The panel's last outcome, announced to screen readers (role status). */
export function StatusMessage({ status }: { status: Status }) {
  const styles = usePanelStyles();
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} layout="multiline" role="status">
      <MessageBarBody>
        {status.text}
        {status.details && status.details.length > 0 && (
          <ul className={styles.list}>
            {status.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The table a panel works on is not in the workbook. */
export function TableMissing({ sheet }: { sheet: string }) {
  const { t } = useLang();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{t.tableMissing(sheet)}</MessageBarBody>
    </MessageBar>
  );
}
