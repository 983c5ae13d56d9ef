// Instructor (师资) and venue (教学点) registries, kept per org node and shared by that node's programs.
import { gcj02ToWgs84 } from '@duibiao/core/checkin/index';
import type { Instructor, InstructorInput, InstructorPatch, InstructorRole, RegistryQuery, Venue, VenueInput, VenuePatch } from '@duibiao/contracts';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AppContext } from '../../context.ts';
import { containsText, fromBool, inSubtree, nowIso, toBool } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';

const LIST_LIMIT = 1_000;
type Table = 'instructors' | 'venues';

/** Stored coordinates are WGS-84; GCJ-02 input (Amap/Tencent) is converted once, here. */
function toWgs84(lat: number | null | undefined, lng: number | null | undefined, system: 'wgs84' | 'gcj02') {
  if (lat === undefined || lng === undefined) return {};
  if (lat === null || lng === null) return { lat: null, lng: null };
  if (system === 'wgs84') return { lat, lng };
  const p = gcj02ToWgs84({ lat, lng });
  return { lat: Math.round(p.lat * 1e7) / 1e7, lng: Math.round(p.lng * 1e7) / 1e7 };
}

export function createRegistryService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  /**
   * Rows of the caller's subtree; with orgId, those at that node, below it, and at its ancestors the caller may
   * see (a district program may use the city's instructors).
   */
  async function scoped(actor: Actor, table: Table, query: RegistryQuery) {
    let orgPath: string | undefined;
    if (query.orgId) {
      const org = await findOrgInScope(read, scopePrefix(actor), query.orgId);
      if (!org) throw notFound('单位');
      orgPath = org.path;
    }
    return read
      .selectFrom(`${table} as r` as 'instructors as r')
      .innerJoin('organizations as o', 'o.id', 'r.org_id')
      .where(inSubtree('o.path', scopePrefix(actor)))
      .$if(!!orgPath, (b) => b.where((eb) => eb.or([inSubtree('o.path', orgPath!), sql<SqlBool>`substr(${orgPath!}, 1, length(o.path)) = o.path`])))
      .$if(!!query.q, (b) => b.where(containsText('r.name', query.q!)))
      .select(['o.name as org_name'])
      .orderBy('r.name')
      .orderBy('r.id')
      .limit(LIST_LIMIT);
  }

  async function inScope(actor: Actor, table: Table, id: number) {
    const row = await read
      .selectFrom(`${table} as r` as 'instructors as r')
      .innerJoin('organizations as o', 'o.id', 'r.org_id')
      .select(['r.id', 'r.name', 'r.org_id', 'o.path'])
      .where('r.id', '=', id)
      .where(inSubtree('o.path', scopePrefix(actor)))
      .executeTakeFirst();
    if (!row) throw notFound(table === 'instructors' ? '师资' : '教学点');
    return row;
  }

  async function targetOrg(actor: Actor, orgId: number) {
    const org = await findOrgInScope(read, scopePrefix(actor), orgId);
    if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
    return org;
  }

  const presentInstructor = (r: {
    id: number;
    org_id: number;
    org_name: string;
    name: string;
    title: string | null;
    unit: string | null;
    external: number;
    role: string;
  }): Instructor => ({
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    name: r.name,
    title: r.title,
    unit: r.unit,
    external: toBool(r.external),
    role: r.role as InstructorRole,
  });
  const presentVenue = (r: {
    id: number;
    org_id: number;
    org_name: string;
    name: string;
    address: string | null;
    lat: number | null;
    lng: number | null;
    offsite: number;
  }): Venue => ({
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    name: r.name,
    address: r.address,
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    offsite: toBool(r.offsite),
  });

  const getInstructor = async (db0: Kysely<Database>, id: number) =>
    presentInstructor(
      await db0
        .selectFrom('instructors as r')
        .innerJoin('organizations as o', 'o.id', 'r.org_id')
        .selectAll('r')
        .select('o.name as org_name')
        .where('r.id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  const getVenue = async (db0: Kysely<Database>, id: number) =>
    presentVenue(
      await db0
        .selectFrom('venues as r')
        .innerJoin('organizations as o', 'o.id', 'r.org_id')
        .selectAll('r')
        .select('o.name as org_name')
        .where('r.id', '=', id)
        .executeTakeFirstOrThrow(),
    );

  /** A registry entry still used by a class or a session stays: removing it would rewrite history. */
  async function assertUnused(table: Table, id: number) {
    const uses =
      table === 'instructors'
        ? await read
            .selectNoFrom([
              sql<number>`(select count(*) from session_instructors where instructor_id = ${id}) + (select count(*) from program_classes where tutor_instructor_id = ${id})`.as(
                'n',
              ),
            ])
            .executeTakeFirstOrThrow()
        : await read
            .selectNoFrom([
              sql<number>`(select count(*) from program_sessions where venue_id = ${id}) + (select count(*) from session_stops where venue_id = ${id})`.as('n'),
            ])
            .executeTakeFirstOrThrow();
    if (Number(uses.n) > 0) throw conflict(table === 'instructors' ? '该师资已被课程或班级使用，不能删除' : '该教学点已被课程使用，不能删除');
  }

  return {
    instructors: {
      async list(actor: Actor, query: RegistryQuery): Promise<Instructor[]> {
        requirePermission(actor, 'program:read');
        const rows = await (await scoped(actor, 'instructors', query)).selectAll('r').execute();
        return rows.map(presentInstructor);
      },
      async create(actor: Actor, input: InstructorInput): Promise<Instructor> {
        requirePermission(actor, 'program:write');
        const org = await targetOrg(actor, input.orgId);
        return db.transaction().execute(async (trx) => {
          const at = nowIso();
          const { id } = await trx
            .insertInto('instructors')
            .values({
              org_id: org.id,
              code: null,
              name: input.name,
              title: input.title ?? null,
              unit: input.unit ?? null,
              external: fromBool(input.external),
              role: input.role,
              created_at: at,
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(trx, actor, {
            action: 'instructor.create',
            entityType: 'instructor',
            entityId: id,
            scopePath: org.path,
            summary: `新增师资 ${input.name}`,
            after: input,
          });
          return getInstructor(trx, id);
        });
      },
      async update(actor: Actor, id: number, patch: InstructorPatch): Promise<Instructor> {
        requirePermission(actor, 'program:write');
        const row = await inScope(actor, 'instructors', id);
        const org = patch.orgId ? await targetOrg(actor, patch.orgId) : { path: row.path };
        return db.transaction().execute(async (trx) => {
          const before = await getInstructor(trx, id);
          await trx
            .updateTable('instructors')
            .set({
              ...(patch.orgId !== undefined && { org_id: patch.orgId }),
              ...(patch.name !== undefined && { name: patch.name }),
              ...(patch.title !== undefined && { title: patch.title }),
              ...(patch.unit !== undefined && { unit: patch.unit }),
              ...(patch.external !== undefined && { external: fromBool(patch.external) }),
              ...(patch.role !== undefined && { role: patch.role }),
              updated_at: nowIso(),
            })
            .where('id', '=', id)
            .execute();
          const after = await getInstructor(trx, id);
          await recordAudit(trx, actor, {
            action: 'instructor.update',
            entityType: 'instructor',
            entityId: id,
            scopePath: org.path,
            summary: `修改师资 ${after.name}`,
            before,
            after,
          });
          return after;
        });
      },
      async remove(actor: Actor, id: number): Promise<void> {
        requirePermission(actor, 'program:write');
        const row = await inScope(actor, 'instructors', id);
        await assertUnused('instructors', id);
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('instructors').where('id', '=', id).execute();
          await recordAudit(trx, actor, {
            action: 'instructor.delete',
            entityType: 'instructor',
            entityId: id,
            scopePath: row.path,
            summary: `删除师资 ${row.name}`,
          });
        });
      },
    },

    venues: {
      async list(actor: Actor, query: RegistryQuery): Promise<Venue[]> {
        requirePermission(actor, 'program:read');
        const rows = await (await scoped(actor, 'venues', query)).selectAll('r').execute();
        return (rows as unknown as Parameters<typeof presentVenue>[0][]).map(presentVenue);
      },
      async create(actor: Actor, input: VenueInput): Promise<Venue> {
        requirePermission(actor, 'program:write');
        const org = await targetOrg(actor, input.orgId);
        const coords = toWgs84(input.lat, input.lng, input.coordSystem);
        return db.transaction().execute(async (trx) => {
          const at = nowIso();
          const { id } = await trx
            .insertInto('venues')
            .values({
              org_id: org.id,
              code: null,
              name: input.name,
              address: input.address ?? null,
              lat: coords.lat ?? null,
              lng: coords.lng ?? null,
              offsite: fromBool(input.offsite),
              created_at: at,
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const after = await getVenue(trx, id);
          await recordAudit(trx, actor, {
            action: 'venue.create',
            entityType: 'venue',
            entityId: id,
            scopePath: org.path,
            summary: `新增教学点 ${input.name}`,
            after,
          });
          return after;
        });
      },
      async update(actor: Actor, id: number, patch: VenuePatch): Promise<Venue> {
        requirePermission(actor, 'program:write');
        const row = await inScope(actor, 'venues', id);
        const org = patch.orgId ? await targetOrg(actor, patch.orgId) : { path: row.path };
        const coords = toWgs84(patch.lat, patch.lng, patch.coordSystem);
        return db.transaction().execute(async (trx) => {
          const before = await getVenue(trx, id);
          await trx
            .updateTable('venues')
            .set({
              ...(patch.orgId !== undefined && { org_id: patch.orgId }),
              ...(patch.name !== undefined && { name: patch.name }),
              ...(patch.address !== undefined && { address: patch.address }),
              ...coords,
              ...(patch.offsite !== undefined && { offsite: fromBool(patch.offsite) }),
              updated_at: nowIso(),
            })
            .where('id', '=', id)
            .execute();
          const after = await getVenue(trx, id);
          await recordAudit(trx, actor, {
            action: 'venue.update',
            entityType: 'venue',
            entityId: id,
            scopePath: org.path,
            summary: `修改教学点 ${after.name}`,
            before,
            after,
          });
          return after;
        });
      },
      async remove(actor: Actor, id: number): Promise<void> {
        requirePermission(actor, 'program:write');
        const row = await inScope(actor, 'venues', id);
        await assertUnused('venues', id);
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('venues').where('id', '=', id).execute();
          await recordAudit(trx, actor, { action: 'venue.delete', entityType: 'venue', entityId: id, scopePath: row.path, summary: `删除教学点 ${row.name}` });
        });
      },
    },
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
