// The signed-in user: a small external store fed by /auth/me and /auth/login, read with useSession().
import { useSyncExternalStore } from 'react';
import type { LoginBody, Me, Permission, SessionResponse } from '@duibiao/contracts';
import { api, ApiError, setCsrfToken } from '../../api/client.ts';
import { resetOrgTree } from '../../hooks/useOrgTree.ts';

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';
export interface SessionState {
  status: SessionStatus;
  me: Me | null;
}

let state: SessionState = { status: 'unknown', me: null };
const listeners = new Set<() => void>();
const emit = (next: SessionState) => {
  state = next;
  for (const l of listeners) l();
};

const accept = (session: SessionResponse): Me => {
  setCsrfToken(session.csrfToken);
  emit({ status: 'signedIn', me: session.user });
  return session.user;
};

/** Forget the session locally (after logout or a 401). */
export function clearSession(): void {
  setCsrfToken(null);
  resetOrgTree();
  emit({ status: 'signedOut', me: null });
}

let loading: Promise<void> | null = null;
/** Ask the server who is signed in (once; later calls share the same promise). */
export function loadSession(): Promise<void> {
  loading ??= api.get<SessionResponse>('/auth/me').then(
    (s) => void accept(s),
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) clearSession();
      else emit({ status: 'signedOut', me: null });
    },
  );
  return loading;
}

export async function login(body: LoginBody): Promise<Me> {
  resetOrgTree();
  return accept(await api.post<SessionResponse>('/auth/login', body));
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } finally {
    loading = null;
    clearSession();
  }
}

export const changePassword = (body: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/password', body);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useSession = (): SessionState => useSyncExternalStore(subscribe, () => state);

/** Whether the signed-in user holds a permission (the server enforces it anyway). */
export function useCan(): (permission: Permission) => boolean {
  const { me } = useSession();
  return (permission) => me?.permissions.includes(permission) ?? false;
}

/** Signed-in user; only call below <RequireAuth>. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe() outside a signed-in area');
  return me;
}
