// Load data for a component: re-runs when deps change, aborts stale requests, exposes reload().
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface RequestState<T> {
  /** The last loaded value (kept while a newer request is in flight). */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  request: string | null;
  data?: T;
  error?: ApiError;
}

const toApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', e instanceof Error ? e.message : String(e)));

/**
 * Run `load` on mount and whenever `key` changes (the key names everything `load` depends on,
 * e.g. the query string or an id); pass `enabled: false` to skip.
 */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>, key: string | number, enabled = true): RequestState<T> {
  const [tick, setTick] = useState(0);
  // Loading means "the last settled result is not for this request".
  const request = `${key}#${tick}`;
  const [settled, setSettled] = useState<Settled<T>>({ request: null });

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ request, data });
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setSettled((prev) => ({ request, data: prev.data, error: toApiError(e) }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `request` changes exactly when `load` must run again
  }, [request, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: settled.data, error: settled.error, loading: enabled && settled.request !== request, reload };
}
