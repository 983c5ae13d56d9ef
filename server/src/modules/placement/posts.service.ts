// Posts a host unit offers in one program (the solver's "host", with seats).
import type { HostPost, HostPostInput, HostPostPatch } from '@duibiao/contracts';
import { hostPostInputSchema, hostPostPatchSchema } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import type { HostUnitService } from './host-units.service.ts';
import { organizerProgram, postInScope, requirePlacementProgram } from './placement-access.ts';
import { listProgramPosts, type PostRow } from './placement.repo.ts';

export function presentPost(r: PostRow): HostPost {
  return {
    id: r.id,
    programId: r.program_id,
    hostUnit: { id: r.host_unit_id, name: r.unit_name, city: r.unit_city, field: r.unit_field },
    title: r.title,
    seats: r.seats,
    specialtyTags: JSON.parse(r.specialty_tags) as string[],
    requirements: r.requirements,
    mentorName: r.mentor_name,
  };
}

export function createPostService(ctx: AppContext, units: HostUnitService) {
  const db = ctx.db.kysely;

  async function one(programId: number, id: number): Promise<HostPost> {
    return presentPost((await listProgramPosts(db, programId)).find((p) => p.id === id)!);
  }

  return {
    async list(actor: Actor, programId: number): Promise<HostPost[]> {
      await organizerProgram(db, actor, programId, false);
      return (await listProgramPosts(db, programId)).map(presentPost);
    },

    async create(actor: Actor, programId: number, raw: HostPostInput): Promise<HostPost> {
      const program = await organizerProgram(db, actor, programId, true);
      requirePlacementProgram(program);
      const input = hostPostInputSchema.parse(raw);
      const unit = await units.usable(actor, input.hostUnitId, 'hostUnitId');
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const { id: newId } = await trx
          .insertInto('host_posts')
          .values({
            program_id: programId,
            host_unit_id: unit.id,
            title: input.title,
            seats: input.seats,
            specialty_tags: JSON.stringify(input.specialtyTags),
            requirements: input.requirements,
            mentor_name: input.mentorName,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'host_post.create',
          entityType: 'host_post',
          entityId: newId,
          scopePath: program.organizer_path,
          summary: `${program.name}：新增岗位 ${unit.name} · ${input.title}`,
          after: input,
        });
        return newId;
      });
      return one(programId, id);
    },

    async update(actor: Actor, id: number, raw: HostPostPatch): Promise<HostPost> {
      const { post, program } = await postInScope(db, actor, id, true);
      const patch = hostPostPatchSchema.parse(raw);
      if (patch.hostUnitId !== undefined && patch.hostUnitId !== post.host_unit_id) {
        await units.usable(actor, patch.hostUnitId, 'hostUnitId');
        const placed = await db.selectFrom('placements').select('id').where('post_id', '=', id).limit(1).executeTakeFirst();
        if (placed) throw conflict('岗位已有安置记录，不能更换单位');
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('host_posts')
          .set({
            ...(patch.hostUnitId !== undefined && { host_unit_id: patch.hostUnitId }),
            ...(patch.title !== undefined && { title: patch.title }),
            ...(patch.seats !== undefined && { seats: patch.seats }),
            ...(patch.specialtyTags !== undefined && { specialty_tags: JSON.stringify(patch.specialtyTags) }),
            ...('requirements' in raw && { requirements: patch.requirements ?? null }),
            ...('mentorName' in raw && { mentor_name: patch.mentorName ?? null }),
            updated_at: nowIso(),
          })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, actor, {
          action: 'host_post.update',
          entityType: 'host_post',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${program.name}：修改岗位 ${patch.title ?? post.title}`,
          before: { title: post.title, seats: post.seats, hostUnitId: post.host_unit_id },
          after: patch,
        });
      });
      return one(program.id, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      const { post, program } = await postInScope(db, actor, id, true);
      const placed = await db.selectFrom('placements').select('id').where('post_id', '=', id).limit(1).executeTakeFirst();
      if (placed) throw conflict('岗位已有安置记录，不能删除');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('placement_preferences').where('post_id', '=', id).execute();
        await trx.deleteFrom('host_posts').where('id', '=', id).execute();
        await recordAudit(trx, actor, {
          action: 'host_post.delete',
          entityType: 'host_post',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `${program.name}：删除岗位 ${post.title}`,
          before: { title: post.title, seats: post.seats, hostUnitId: post.host_unit_id },
        });
      });
    },
  };
}
