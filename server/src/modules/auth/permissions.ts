// Who may do what: one table from role to permissions. Scope (which records) is separate: every user sees
// only their org node's subtree, except the system admin who sees the whole tree.
import { PERMISSIONS, type Permission, type Role } from '@duibiao/contracts';

const ALL: readonly Permission[] = PERMISSIONS;

export const PERMISSIONS_BY_ROLE: Record<Role, readonly Permission[]> = {
  sys_admin: ALL,
  org_admin: ALL,
  program_manager: [
    'org:read',
    'user:read',
    'cadre:read',
    'program:read',
    'program:write',
    'attendance:write',
    'hours:read',
    'hours:write',
    'practice:write',
    'nomination:write',
    'landing:write',
  ],
  // Tutors (带班) run classes day to day: roll call and leave, but do not edit programs or the ledger.
  tutor: ['org:read', 'cadre:read', 'program:read', 'attendance:write', 'hours:read'],
  // Host contacts see only cadres placed with them (issue 4); trainees only their own record and programs (/me routes).
  host_contact: ['placement:host'],
  // External-team accounts (外挂团队) see only the topics they are attached to, scoped by assignment (issue 5).
  external_expert: [],
  trainee: [],
};

/** Roles an org admin may hand out; only a system admin creates system admins. */
export function assignableRoles(role: Role): readonly Role[] {
  if (role === 'sys_admin') return ['sys_admin', 'org_admin', 'program_manager', 'tutor', 'host_contact', 'external_expert', 'trainee'];
  if (role === 'org_admin') return ['org_admin', 'program_manager', 'tutor', 'host_contact', 'external_expert', 'trainee'];
  return [];
}

export const hasPermission = (role: Role, permission: Permission): boolean => PERMISSIONS_BY_ROLE[role].includes(permission);
