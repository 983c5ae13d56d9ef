// Test records for topic process control, inserted directly (the topics module's routes are built in parallel): a
// topic in a fixture program, its task force, its external team and a default four-milestone plan.
import { DEFAULT_DEFENCE_RUBRIC, MILESTONE_KINDS, type MilestoneKind } from '@duibiao/contracts';
import { nowIso } from '../src/db/dialect.ts';
import { beijingToday } from '../src/modules/hours/time.ts';
import { addDays } from '../src/modules/practicum/practicum.rules.ts';
import type { TestApp } from './support.ts';
import { newTopicRow, newTaskForceMemberRow } from '../src/modules/topics/topic-row.ts';

let counter = 0;
export const today = () => beijingToday();
export const daysFromToday = (n: number) => addDays(beijingToday(), n);

/** A topic in `programId` (a fixture program key's id), in progress by default. */
export async function freshTopic(t: TestApp, programId: number, status = 'in_progress'): Promise<number> {
  const at = nowIso();
  const n = ++counter;
  const { id } = await t.db.kysely
    .insertInto('research_topics')
    .values(
      newTopicRow({ programId, code: `KT-${n}`, title: `营商环境对标研究${n}`, goals: '对标深圳，提出可落地的改进举措', teamMin: 2, teamMax: 6, status }, at),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function addTaskForce(t: TestApp, topicId: number, cadreId: number, role: 'lead' | 'member' | 'liaison' = 'member'): Promise<number> {
  const cadre = await t.db.kysely.selectFrom('cadres').select(['name', 'org_id']).where('id', '=', cadreId).executeTakeFirstOrThrow();
  const { id } = await t.db.kysely
    .insertInto('task_force_members')
    .values(newTaskForceMemberRow({ topicId, cadreId, name: cadre.name, orgId: cadre.org_id, role, assignedRank: 1 }, nowIso()))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function attachExternal(t: TestApp, topicId: number, userId: number | null, name = '深圳市营商环境研究会'): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('external_members')
    .values({ topic_id: topicId, kind: 'society', name, organization: name, contact: null, user_id: userId, created_by: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The default plan: due in 10, 20, 30, 40 days (or the dates given), every milestone with the defence rubric. */
export async function freshPlan(t: TestApp, topicId: number, dueDates?: string[], status = 'pending'): Promise<Record<MilestoneKind, number>> {
  const at = nowIso();
  const ids = {} as Record<MilestoneKind, number>;
  for (const [i, kind] of MILESTONE_KINDS.entries()) {
    const { id } = await t.db.kysely
      .insertInto('topic_milestones')
      .values({
        topic_id: topicId,
        kind,
        title: `${kind}节点`,
        due_date: dueDates?.[i] ?? daysFromToday(10 * (i + 1)),
        status,
        rubric: JSON.stringify(DEFAULT_DEFENCE_RUBRIC),
        decision_note: null,
        decided_by: null,
        decided_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[kind] = id;
  }
  return ids;
}

export async function invite(t: TestApp, milestoneId: number, userId: number): Promise<void> {
  await t.db.kysely.insertInto('milestone_reviewers').values({ milestone_id: milestoneId, user_id: userId, invited_by: null, invited_at: nowIso() }).execute();
}

/** A topic of the level's program with the level's trainee as lead, the level's expert attached, and a submitted plan. */
export async function readyTopic(t: TestApp, o: { programId: number; leadCadreId: number; expertUserId: number | null; status?: string }) {
  const topicId = await freshTopic(t, o.programId);
  await addTaskForce(t, topicId, o.leadCadreId, 'lead');
  const externalId = o.expertUserId === null ? null : await attachExternal(t, topicId, o.expertUserId);
  const milestones = await freshPlan(t, topicId, undefined, o.status ?? 'pending');
  return { topicId, externalId, milestones };
}

export const fullScores = { problem: 18, research: 22, feasibility: 27, prospect: 12, presentation: 9 };

/** A document body behind the first bytes its extension needs: %PDF for .pdf, a zip header for the Office formats. */
export const withHeader = (name: string, text: string): Buffer =>
  Buffer.concat([Buffer.from(name.toLowerCase().endsWith('.pdf') ? '%PDF-1.4\n' : 'PK\u0003\u0004'), Buffer.from(text)]);
