import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

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
