// The authenticated caller as services see it.
import type { Permission, Role } from '@duibiao/contracts';
import { forbidden } from '../../http/errors.ts';
import { hasPermission } from './permissions.ts';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  /** Org path of the actor's node; every scoped query keeps rows `inSubtree` of it. */
  scopePath: string;
  cadreId: number | null;
  ip: string | null;
  requestId: string | null;
}

/** Path prefix of the actor's subtree (see `inSubtree`); the system admin's '/' matches every path. */
export const scopePrefix = (actor: Actor): string => (actor.role === 'sys_admin' ? '/' : actor.scopePath);

/** Whether an org path lies inside the actor's subtree. */
export const isInScope = (actor: Actor, path: string): boolean => actor.role === 'sys_admin' || path.startsWith(actor.scopePath);

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor.role, permission)) throw forbidden();
}

/** A system actor for CLI tools and seeding. */
export function systemActor(scopePath = '/'): Actor {
  return { userId: 0, username: 'system', displayName: '系统', role: 'sys_admin', orgId: 0, orgName: '', scopePath, cadreId: null, ip: null, requestId: null };
}
