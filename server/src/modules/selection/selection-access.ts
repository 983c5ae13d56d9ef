// Who may act on a selection. The ORGANIZER is whoever has the program in scope with `program:write`; a NOMINATING
// UNIT is a `nomination:write` user whose node lies inside a quota's subtree or contains it (a district admin can
// nominate into a city program that has a quota for that district). Everything else answers 404.
import type { Kysely } from 'kysely';
import { GRASSROOTS_LEVELS, LABELS, UNIT_CATEGORY_GRASSROOTS_LABEL, type OrgKind, type OrgLevel } from '@duibiao/contracts';
import type { Database } from '../../db/schema.ts';
import { hasPermission } from '../auth/permissions.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { programInScope, type ScopedProgram } from '../programs/program-access.ts';
import type { QuotaRow } from './selection.repo.ts';

/** The subtree a quota covers: its unit's, or for a category quota the organizer's whole tree. */
export const quotaPath = (q: Pick<QuotaRow, 'org_path' | 'organizer_path'>): string => q.org_path ?? q.organizer_path;

/** Whether the caller's unit may nominate into the quota (its node inside the quota's subtree or containing it). */
export function reachesQuota(actor: Actor, q: Pick<QuotaRow, 'org_path' | 'organizer_path'>): boolean {
  if (!hasPermission(actor.role, 'nomination:write')) return false;
  const prefix = scopePrefix(actor);
  const path = quotaPath(q);
  return path.startsWith(prefix) || prefix.startsWith(path);
}

/**
 * The unit a nomination is made for: the deeper of the caller's node and the quota's node, so a city admin
 * nominating into a district's quota files it under that district (the district then sees it as its own).
 */
export function nominatingOrgId(actor: Actor, q: Pick<QuotaRow, 'org_id' | 'org_path' | 'organizer_path' | 'organizer_org_id'>): number {
  const path = quotaPath(q);
  const prefix = scopePrefix(actor);
  if (path.startsWith(prefix)) return q.org_id ?? q.organizer_org_id;
  return actor.orgId;
}

/** Whether a cadre's unit fits a quota's category ('grassroots' = township/village level; otherwise the org kind). */
export function fitsCategory(category: string | null, org: { level: string; kind: string }): boolean {
  if (category === null) return true;
  if (category === 'grassroots') return GRASSROOTS_LEVELS.includes(org.level as OrgLevel);
  return org.kind === category;
}

export function quotaLabel(q: { org_name: string | null; unit_category: string | null }): string {
  if (q.org_name) return q.org_name;
  if (q.unit_category === 'grassroots') return UNIT_CATEGORY_GRASSROOTS_LABEL.zh;
  if (q.unit_category && q.unit_category in LABELS.orgKind) return `${LABELS.orgKind[q.unit_category as OrgKind].zh}（类别）`;
  return q.unit_category ?? '';
}

/** The program if the caller organizes it (in scope, program:write), else undefined. */
export async function organizedProgram(db: Kysely<Database>, actor: Actor, programId: number): Promise<ScopedProgram | undefined> {
  if (!hasPermission(actor.role, 'program:write')) return undefined;
  try {
    return await programInScope(db, actor, programId);
  } catch {
    return undefined;
  }
}

/** The organizer's view of the program: 403 without program:write, 404 when the program is out of scope. */
export async function requireOrganizer(db: Kysely<Database>, actor: Actor, programId: number): Promise<ScopedProgram> {
  requirePermission(actor, 'program:write');
  return programInScope(db, actor, programId);
}
