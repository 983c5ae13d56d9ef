// Test records for research topics, inserted directly: a program with enrolled trainees, extra cadres, topics in any
// status, bids and task-force rows.
import { nowIso } from '../src/db/dialect.ts';
import { addDays } from '../src/modules/practicum/practicum.rules.ts';
import { beijingToday } from '../src/modules/hours/time.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';
import type { TestApp } from './support.ts';
import { newTopicRow, newTaskForceMemberRow } from '../src/modules/topics/topic-row.ts';

let counter = 0;
export const today = () => beijingToday();
export const daysFromToday = (n: number) => addDays(beijingToday(), n);

export async function freshTopicProgram(t: TestApp, orgId: number, cadreIds: number[] = []): Promise<number> {
  const at = nowIso();
  const n = ++counter;
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `TP-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `课题研学班${n}`,
          type: 'embedded_practicum',
          status: 'running',
          organizerOrgId: orgId,
          startDate: daysFromToday(-10),
          endDate: daysFromToday(90),
          places: ['深圳'],
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const cadreId of cadreIds) await enrol(t, id, cadreId);
  return id;
}

export async function enrol(t: TestApp, programId: number, cadreId: number, groupId: number | null = null): Promise<void> {
  await t.db.kysely.insertInto('enrolments').values(newEnrolmentRow({ programId, cadreId, groupId }, nowIso())).execute();
}

/** A cadre with placeholder identity columns (the topics module never reads them). */
export async function freshCadre(t: TestApp, orgId: number, name = `学员${counter + 1}`, workStartDate: string | null = null): Promise<number> {
  const at = nowIso();
  const n = ++counter;
  const { id } = await t.db.kysely
    .insertInto('cadres')
    .values({
      org_id: orgId,
      name,
      gender: null,
      birth_date: null,
      ethnicity: null,
      political_status: null,
      id_number_enc: `enc-${n}-${Math.random()}`,
      id_number_hash: `hash-topics-${n}-${Math.random()}`,
      id_number_masked: '3702**********0000',
      mobile_enc: null,
      mobile_masked: null,
      position: null,
      rank: 'staff',
      education: null,
      specialties: '[]',
      specialties_index: '||',
      work_start_date: workStartDate,
      experiences: '[]',
      content_hash: `content-${n}-${Math.random()}`,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface TopicOptions {
  status?: 'draft' | 'bidding' | 'assigned' | 'in_progress' | 'completed';
  min?: number;
  max?: number;
  closesOn?: string | null;
  title?: string;
  groupId?: number | null;
}

export async function freshTopic(t: TestApp, programId: number, o: TopicOptions = {}): Promise<number> {
  const at = nowIso();
  const n = ++counter;
  const status = o.status ?? 'bidding';
  const { id } = await t.db.kysely
    .insertInto('research_topics')
    .values(
      newTopicRow(
        {
          programId,
          groupId: o.groupId ?? null,
          title: o.title ?? `课题${n}`,
          teamMin: o.min ?? 1,
          teamMax: o.max ?? 5,
          status,
          biddingClosesOn: o.closesOn !== undefined ? o.closesOn : status === 'bidding' ? daysFromToday(7) : null,
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function freshBid(t: TestApp, programId: number, topicId: number, cadreId: number, rank: number, proposal: string | null = null): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('topic_bids')
    .values({ program_id: programId, topic_id: topicId, cadre_id: cadreId, rank, proposal, status: 'active', created_at: at, updated_at: at })
    .execute();
}

export async function freshMember(t: TestApp, topicId: number, cadreId: number, role: 'lead' | 'member' = 'member'): Promise<number> {
  const c = await t.db.kysely.selectFrom('cadres').select(['name', 'org_id']).where('id', '=', cadreId).executeTakeFirstOrThrow();
  const { id } = await t.db.kysely
    .insertInto('task_force_members')
    .values(newTaskForceMemberRow({ topicId, cadreId, name: c.name, orgId: c.org_id, role }, nowIso()))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Attaches an external_expert account to a topic (外挂团队), as the milestones module does. */
export async function attachExternal(t: TestApp, topicId: number, userId: number): Promise<void> {
  const at = nowIso();
  await t.db.kysely
    .insertInto('external_members')
    .values({
      topic_id: topicId,
      kind: 'institute',
      name: '研究院专家',
      organization: '深圳市创新投资研究院',
      contact: null,
      user_id: userId,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** A stored, not yet adopted assignment run placing `cadreId` in `topicId` at rank 1. */
export async function freshRun(t: TestApp, programId: number, topicId: number, cadreId: number): Promise<number> {
  const instance = { topics: [{ id: topicId, min: 1, max: 5 }], trainees: [{ id: cadreId, ranks: [topicId] }], allowUnranked: true };
  const result = {
    status: 'ok',
    assignments: [{ traineeId: cadreId, topicId, rank: 1 }],
    worstRank: 1,
    profile: [1],
    reasons: [],
    labels: { topics: { [topicId]: { title: '课题', min: 1, max: 5 } }, cadres: { [cadreId]: { name: '学员', orgName: '单位' } } },
    allowUnranked: true,
  };
  const { id } = await t.db.kysely
    .insertInto('topic_assignment_runs')
    .values({
      program_id: programId,
      instance: JSON.stringify(instance),
      result: JSON.stringify(result),
      summary: JSON.stringify({ worstRank: 1, profile: [1], placed: 1, unranked: 0 }),
      adopted_at: null,
      created_by: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
