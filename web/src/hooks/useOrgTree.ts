// The caller's org subtree, fetched once and shared by every page (refresh after org edits).
import { useSyncExternalStore } from 'react';
import type { OrgNode } from '@duibiao/contracts';
import { api } from '../api/client.ts';

interface OrgTreeState {
  nodes: OrgNode[];
  loading: boolean;
  error: Error | undefined;
}

let state: OrgTreeState = { nodes: [], loading: false, error: undefined };
let started = false;
const listeners = new Set<() => void>();
const emit = (next: OrgTreeState) => {
  state = next;
  for (const l of listeners) l();
};

/** Fetch (again) the org tree; resolves when done. */
export async function refreshOrgTree(): Promise<void> {
  started = true;
  emit({ ...state, loading: true });
  try {
    const { nodes } = await api.get<{ nodes: OrgNode[] }>('/orgs/tree');
    emit({ nodes, loading: false, error: undefined });
  } catch (e) {
    emit({ ...state, loading: false, error: e instanceof Error ? e : new Error(String(e)) });
  }
}

/** Forget the cached tree (on sign-out, so the next user does not see it). */
export function resetOrgTree(): void {
  started = false;
  emit({ nodes: [], loading: false, error: undefined });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  if (!started) void refreshOrgTree();
  return () => listeners.delete(listener);
};

/** Flat org list (parents before children) of the signed-in user's subtree. */
export function useOrgTree(): OrgTreeState {
  return useSyncExternalStore(subscribe, () => state);
}
