// Who may see and act on one placement. Three doors, each 404 when closed so nothing leaks:
// - the trainee: their own placement once published (never a draft);
// - the host contact: placements at a unit whose contact account they are, whatever their org subtree;
// - the organizer: program:read (view) or program:write (comment, review on the host's behalf) on a program in scope.
import type { Permission } from '@duibiao/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { forbidden } from '../../http/errors.ts';
import { isInScope, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { findPlacement, type PlacementContextRow } from './practicum.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;
const NOT_FOUND = '实训安置';

export async function ownPlacement(db: Q, actor: Actor, id: number): Promise<PlacementContextRow> {
  const row = await findPlacement(db, id);
  if (!row || actor.cadreId === null || row.cadre_id !== actor.cadreId || row.status === 'draft') throw notFound(NOT_FOUND);
  return row;
}

/**
 * The placement for a host-side use: its unit's contact, or an organizer holding `organizerPermission` on the program.
 * Callers without either permission get 403 before any lookup.
 */
export async function hostSidePlacement(db: Q, actor: Actor, id: number, organizerPermission: Permission): Promise<PlacementContextRow> {
  const asHost = hasPermission(actor.role, 'placement:host');
  const asOrganizer = hasPermission(actor.role, organizerPermission);
  if (!asHost && !asOrganizer) throw forbidden();
  const row = await findPlacement(db, id);
  if (!row || row.status === 'draft') throw notFound(NOT_FOUND);
  if (asHost && row.contact_user_id === actor.userId) return row;
  if (asOrganizer && isInScope(actor, row.organizer_path)) return row;
  throw notFound(NOT_FOUND);
}
