// Writes audit entries inside the caller's transaction, so a write and its audit entry commit together.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Actor } from '../auth/actor.ts';
import { maskForAudit } from './audit.rules.ts';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | number | null;
  /** Org path of the record touched; decides who may read the entry. */
  scopePath: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(maskForAudit(v)));

export async function recordAudit(trx: Kysely<Database>, actor: Actor, event: AuditEvent): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: actor.userId || null,
      actor_username: actor.username,
      actor_name: actor.displayName,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId === null ? null : String(event.entityId),
      scope_path: event.scopePath,
      summary: event.summary,
      before_json: toJson(event.before),
      after_json: toJson(event.after),
      request_id: actor.requestId,
      ip: actor.ip,
    })
    .execute();
}
