import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadReply, ReadRequest } from '../workbook/port';
import { usePaneState, useServices } from './services';

export interface WorkbookRead {
  data: ReadReply | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

/**
 * One port read for a panel: when it becomes active, and again when the pane has written since
 * (PaneState.revision). A hidden panel does not read (each read costs Excel round trips).
 */
export function useWorkbookRead(request: ReadRequest, active: boolean): WorkbookRead {
  const { port } = useServices();
  const { revision } = usePaneState();
  const [data, setData] = useState<ReadReply | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [forced, setForced] = useState(0);
  const loaded = useRef<string | null>(null);
  const requestKey = JSON.stringify(request);

  useEffect(() => {
    const key = `${revision}/${forced}/${requestKey}`;
    if (!active || loaded.current === key) return;
    loaded.current = key;
    let cancelled = false;
    setLoading(true);
    port
      .read(JSON.parse(requestKey) as ReadRequest)
      .then((reply) => {
        if (cancelled) return;
        setData(reply);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorText(e));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
      loaded.current = null;
    };
  }, [active, revision, forced, requestKey, port]);

  const reload = useCallback(() => setForced((n) => n + 1), []);
  return { data, loading, error, reload };
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
