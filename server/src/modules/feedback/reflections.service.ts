// Reflections (心得体会): a trainee writes what they learned and what they will do at home (action items with owner
// and deadline); managers read them per program, signed, and track the action items' status.
import type { ActionItemStatus, Reflection, ReflectionInput, ReflectionPatch } from '@duibiao/contracts';
import { searchTerms } from '@duibiao/core/text/index';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { ownEnrolment, programInScope } from '../programs/program-access.ts';
import {
  actionItemsOf,
  findActionItem,
  findReflection,
  insertReflection,
  listCadreReflections,
  listProgramReflections,
  practiceIdsOf,
  replaceActionItems,
  type ReflectionRow,
} from './reflections.repo.ts';
import { toSearchColumn } from './search.rules.ts';

type Items = ReflectionInput['actionItems'];

const searchColumn = (r: { title: string; learned: string; body?: string | null | undefined }, items: Items) =>
  toSearchColumn(r.title, r.learned, r.body, ...items.map((i) => i.content));

export function createReflectionService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function present(rows: ReflectionRow[]): Promise<Reflection[]> {
    const ids = rows.map((r) => r.id);
    const [items, practices] = await Promise.all([actionItemsOf(read, ids), practiceIdsOf(read, ids)]);
    return rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      programName: r.program_name,
      cadre: { id: r.cadre_id, name: r.cadre_name, orgName: r.cadre_org_name, position: r.cadre_position },
      title: r.title,
      learned: r.learned,
      body: r.body,
      actionItems: items
        .filter((i) => i.reflection_id === r.id)
        .map((i) => ({ id: i.id, content: i.content, owner: i.owner, deadline: i.deadline, status: i.status as ActionItemStatus, updatedAt: i.updated_at })),
      practiceIds: practices.filter((p) => p.reflection_id === r.id).map((p) => p.id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async function getOne(id: number): Promise<Reflection> {
    const row = await findReflection(read, id);
    if (!row) throw notFound('心得体会');
    return (await present([row]))[0]!;
  }

  /** The caller's own reflection, else 404 (another trainee's reflection does not exist for them). */
  async function ownReflection(actor: Actor, id: number): Promise<ReflectionRow> {
    const row = await findReflection(read, id);
    if (!row || actor.cadreId === null || row.cadre_id !== actor.cadreId) throw notFound('心得体会');
    return row;
  }

  return {
    async mine(actor: Actor): Promise<Reflection[]> {
      if (actor.cadreId === null) return [];
      return present(await listCadreReflections(read, actor.cadreId));
    },

    async create(actor: Actor, input: ReflectionInput): Promise<Reflection> {
      const enrolment = await ownEnrolment(read, actor, input.programId);
      const program = await programOf(input.programId);
      const id = await db.transaction().execute(async (trx) => {
        const at = nowIso();
        const newId = await insertReflection(trx, {
          program_id: input.programId,
          cadre_id: enrolment.cadre_id,
          title: input.title,
          learned: input.learned,
          body: input.body ?? null,
          search_terms: searchColumn(input, input.actionItems),
          created_at: at,
          updated_at: at,
        });
        await replaceActionItems(trx, newId, input.actionItems, at);
        await recordAudit(trx, actor, {
          action: 'reflection.create',
          entityType: 'reflection',
          entityId: newId,
          scopePath: program.organizer_path,
          summary: `提交心得体会 ${input.title}`,
          after: input,
        });
        return newId;
      });
      return getOne(id);
    },

    async update(actor: Actor, id: number, patch: ReflectionPatch): Promise<Reflection> {
      const row = await ownReflection(actor, id);
      const program = await programOf(row.program_id);
      const before = await getOne(id);
      const merged = {
        title: patch.title ?? row.title,
        learned: patch.learned ?? row.learned,
        body: patch.body === undefined ? row.body : patch.body,
      };
      const items: Items = patch.actionItems ?? before.actionItems.map((i) => ({ id: i.id, content: i.content, owner: i.owner, deadline: i.deadline }));
      await db.transaction().execute(async (trx) => {
        const at = nowIso();
        await trx
          .updateTable('reflections')
          .set({ ...merged, search_terms: searchColumn(merged, items), updated_at: at })
          .where('id', '=', id)
          .execute();
        if (patch.actionItems) await replaceActionItems(trx, id, patch.actionItems, at);
        await recordAudit(trx, actor, {
          action: 'reflection.update',
          entityType: 'reflection',
          entityId: id,
          scopePath: program.organizer_path,
          summary: `修改心得体会 ${merged.title}`,
          before: { title: before.title, learned: before.learned, body: before.body, actionItems: before.actionItems },
          after: patch,
        });
      });
      return getOne(id);
    },

    /** Signed reflections of a program; `q` keeps those containing every jieba term of it (as the library search). */
    async listForProgram(actor: Actor, programId: number, q?: string): Promise<Reflection[]> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const terms = q ? searchTerms(q) : [];
      if (q && terms.length === 0) return [];
      return present(await listProgramReflections(read, programId, terms));
    },

    /** A manager moves an action item along (planned → in progress → done). */
    async setActionItemStatus(actor: Actor, itemId: number, status: ActionItemStatus): Promise<Reflection> {
      requirePermission(actor, 'program:write');
      const item = await findActionItem(read, itemId);
      if (!item) throw notFound('行动事项');
      let program;
      try {
        program = await programInScope(read, actor, item.program_id);
      } catch {
        throw notFound('行动事项');
      }
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('action_items').set({ status, updated_at: nowIso() }).where('id', '=', itemId).execute();
        await recordAudit(trx, actor, {
          action: 'action_item.status',
          entityType: 'action_item',
          entityId: itemId,
          scopePath: program.organizer_path,
          summary: `行动事项「${item.content.slice(0, 40)}」状态改为 ${status}`,
          before: { status: item.status },
          after: { status },
        });
      });
      return getOne(item.reflection_id);
    },
  };

  async function programOf(programId: number) {
    const p = await read
      .selectFrom('programs as p')
      .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
      .select(['p.id', 'p.name', 'o.path as organizer_path'])
      .where('p.id', '=', programId)
      .executeTakeFirst();
    if (!p) throw notFound('培训项目');
    return p;
  }
}
