// Audit-log queries; the actor's subtree is in every where-clause.
import type { AuditQuery } from '@duibiao/contracts';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { AuditRow, Database } from '../../db/schema.ts';
import { containsText, inSubtree } from '../../db/dialect.ts';

type Filter = Omit<AuditQuery, 'page' | 'pageSize'>;

function filtered(db: Kysely<Database>, scope: string, f: Filter): SelectQueryBuilder<Database, 'audit_log', object> {
  return db
    .selectFrom('audit_log')
    .where(inSubtree('scope_path', scope))
    .$if(!!f.actor, (q) => q.where((eb) => eb.or([containsText('actor_username', f.actor!), containsText('actor_name', f.actor!)])))
    .$if(!!f.action, (q) => q.where('action', '=', f.action!))
    .$if(!!f.entityType, (q) => q.where('entity_type', '=', f.entityType!))
    .$if(!!f.entityId, (q) => q.where('entity_id', '=', f.entityId!))
    .$if(!!f.from, (q) => q.where('at', '>=', new Date(f.from!).toISOString()))
    .$if(!!f.to, (q) => q.where('at', '<', endOf(f.to!)));
}

/** A date-only upper bound includes that whole day. */
const endOf = (to: string) => (to.length === 10 ? new Date(Date.parse(to) + 86_400_000).toISOString() : new Date(to).toISOString());

export async function listAudit(db: Kysely<Database>, scope: string, f: Filter, page: number, pageSize: number) {
  const base = filtered(db, scope, f);
  const [items, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Streams entries for export in id order, in bounded batches. */
export async function* iterateAudit(db: Kysely<Database>, scope: string, f: Filter, limit: number): AsyncGenerator<AuditRow> {
  let beforeId: number | undefined;
  let left = limit;
  while (left > 0) {
    const batch = await filtered(db, scope, f)
      .selectAll()
      .$if(beforeId !== undefined, (q) => q.where('id', '<', beforeId!))
      .orderBy('id', 'desc')
      .limit(Math.min(1000, left))
      .execute();
    if (batch.length === 0) return;
    yield* batch;
    left -= batch.length;
    beforeId = batch[batch.length - 1]!.id;
  }
}
