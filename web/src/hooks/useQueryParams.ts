// Page filters kept in the URL query string: shareable links, and the back button restores them.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../api/client.ts';

export interface QueryParams {
  params: URLSearchParams;
  /** Merge a patch into the URL (empty values removed); resets page to 1 unless the patch sets it. */
  update: (patch: Query) => void;
  /** Replace all filters. */
  replace: (next: Query) => void;
}

const write = (target: URLSearchParams, patch: Query) => {
  for (const [key, value] of Object.entries(patch)) {
    target.delete(key);
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) target.append(key, String(v));
    else target.set(key, String(value));
  }
};

export function useQueryParams(): QueryParams {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Query) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (!('page' in patch)) next.delete('page');
        write(next, patch);
        return next;
      }),
    [setParams],
  );
  const replace = useCallback(
    (all: Query) => {
      const next = new URLSearchParams();
      write(next, all);
      setParams(next);
    },
    [setParams],
  );
  return { params, update, replace };
}

/** Read helpers: absent or malformed values become undefined. */
export const readInt = (params: URLSearchParams, key: string): number | undefined => {
  const v = params.get(key);
  if (v === null || !/^\d+$/.test(v)) return undefined;
  return Number(v);
};
export const readBool = (params: URLSearchParams, key: string): boolean | undefined => {
  const v = params.get(key);
  return v === 'true' ? true : v === 'false' ? false : undefined;
};
export const readStr = (params: URLSearchParams, key: string): string | undefined => params.get(key) || undefined;
export const readEnum = <T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined => {
  const v = params.get(key);
  return allowed.includes(v as T) ? (v as T) : undefined;
};
