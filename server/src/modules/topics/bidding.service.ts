// Bidding (招拍挂): trainees rank the topics open for bids with a short proposal; organizers read the bids per topic
// and may pick the winners by hand, which forms the task force (工作专班) from the chosen bidders.
import {
  myBidsInputSchema,
  topicWinnersInputSchema,
  type BidStatus,
  type FieldError,
  type MyBidsInput,
  type MyProgramTopics,
  type ProblemField,
  type TaskForceRole,
  type TopicBid,
  type TopicDetail,
  type TopicStatus,
  type TopicWinnersInput,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { topicAccess } from './topic-access.ts';
import { requireManage } from './topic-crud.service.ts';
import { presentMember } from './topics.present.ts';
import { cadresInOtherTaskForces, taskForceRows } from './topics.repo.ts';
import { biddingOpen, chooseLead } from './topics.rules.ts';
import { newTaskForceMemberRow } from './topic-row.ts';

export function createBiddingService(ctx: AppContext) {
  const db = ctx.db.kysely;

  /** The caller's enrolment (enrolled, not withdrawn) and the program's name, else 404. */
  async function myEnrolment(actor: Actor, programId: number) {
    if (actor.cadreId === null) throw notFound('报名记录');
    const row = await db
      .selectFrom('enrolments as e')
      .innerJoin('programs as p', 'p.id', 'e.program_id')
      .select(['p.id', 'p.name', 'p.organizer_org_id'])
      .where('e.program_id', '=', programId)
      .where('e.cadre_id', '=', actor.cadreId)
      .where('e.status', '=', 'enrolled')
      .executeTakeFirst();
    if (!row) throw notFound('报名记录');
    const org = await db.selectFrom('organizations').select('path').where('id', '=', row.organizer_org_id).executeTakeFirstOrThrow();
    return { ...row, organizerPath: org.path, cadreId: actor.cadreId };
  }

  async function programView(cadreId: number, program: { id: number; name: string }): Promise<MyProgramTopics> {
    const today = beijingToday();
    const [topics, bids, membership] = await Promise.all([
      db
        .selectFrom('research_topics as t')
        .leftJoin('organizations as o', 'o.id', 't.owner_org_id')
        .select([
          't.id',
          't.code',
          't.title',
          't.field',
          't.goals',
          't.expected_outputs',
          't.team_min',
          't.team_max',
          'o.name as owner_org_name',
          't.status',
          't.bidding_closes_on',
        ])
        .select((eb) =>
          eb
            .selectFrom('topic_bids as b')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('b.topic_id', '=', 't.id')
            .where('b.status', '!=', 'withdrawn')
            .as('bid_count'),
        )
        .where('t.program_id', '=', program.id)
        .where('t.status', '!=', 'draft')
        .orderBy('t.code')
        .orderBy('t.id')
        .execute(),
      db
        .selectFrom('topic_bids')
        .select(['topic_id', 'rank', 'proposal', 'status'])
        .where('program_id', '=', program.id)
        .where('cadre_id', '=', cadreId)
        .where('status', '!=', 'withdrawn')
        .execute(),
      db
        .selectFrom('task_force_members as m')
        .innerJoin('research_topics as t', 't.id', 'm.topic_id')
        .select(['t.id', 't.title', 'm.assigned_rank', 'm.role'])
        .where('t.program_id', '=', program.id)
        .where('m.cadre_id', '=', cadreId)
        .where('m.role', 'in', ['lead', 'member'])
        .executeTakeFirst(),
    ]);
    const myBids = new Map(bids.map((b) => [b.topic_id, b]));
    return {
      program: { id: program.id, name: program.name },
      topics: topics
        .filter((t) => t.status === 'bidding' || myBids.has(t.id) || membership?.id === t.id)
        .map((t) => {
          const bid = myBids.get(t.id);
          return {
            id: t.id,
            code: t.code,
            title: t.title,
            field: t.field as ProblemField | null,
            goals: t.goals,
            expectedOutputs: t.expected_outputs,
            teamMin: t.team_min,
            teamMax: t.team_max,
            ownerOrgName: t.owner_org_name,
            status: t.status as TopicStatus,
            biddingClosesOn: t.bidding_closes_on,
            biddingOpen: biddingOpen(t.status, t.bidding_closes_on, today),
            bidCount: Number(t.bid_count ?? 0),
            myBid: bid ? { rank: bid.rank, proposal: bid.proposal, status: bid.status as BidStatus } : null,
          };
        })
        .sort((a, b) => (a.myBid?.rank ?? 1e9) - (b.myBid?.rank ?? 1e9) || a.id - b.id),
      assignment: membership
        ? { topicId: membership.id, title: membership.title, assignedRank: membership.assigned_rank, role: membership.role as TaskForceRole }
        : null,
    };
  }

  return {
    async myProgram(actor: Actor, programId: number): Promise<MyProgramTopics> {
      const enrolment = await myEnrolment(actor, programId);
      return programView(enrolment.cadreId, enrolment);
    },

    /** Every program I am enrolled in that has topics past the draft stage. */
    async myPrograms(actor: Actor): Promise<MyProgramTopics[]> {
      if (actor.cadreId === null) return [];
      const programs = await db
        .selectFrom('enrolments as e')
        .innerJoin('programs as p', 'p.id', 'e.program_id')
        .select(['p.id', 'p.name'])
        .where('e.cadre_id', '=', actor.cadreId)
        .where('e.status', '=', 'enrolled')
        .where((eb) => eb.exists(eb.selectFrom('research_topics as t').select('t.id').whereRef('t.program_id', '=', 'p.id').where('t.status', '!=', 'draft')))
        .orderBy('p.start_date', 'desc')
        .execute();
      return Promise.all(programs.map((p) => programView(actor.cadreId!, p)));
    },

    /** Replaces my active bids on open topics with the ordered list (rank = position). */
    async saveMine(actor: Actor, programId: number, raw: MyBidsInput): Promise<MyProgramTopics> {
      const enrolment = await myEnrolment(actor, programId);
      const input = myBidsInputSchema.parse(raw);
      const ids = input.bids.map((b) => b.topicId);
      const topics = ids.length
        ? await db
            .selectFrom('research_topics')
            .select(['id', 'title', 'status', 'bidding_closes_on'])
            .where('program_id', '=', programId)
            .where('id', 'in', ids)
            .execute()
        : [];
      const byId = new Map(topics.map((t) => [t.id, t]));
      const errors: FieldError[] = [];
      input.bids.forEach((b, i) => {
        if (!byId.has(b.topicId)) errors.push({ field: `bids.${i}.topicId`, message: '课题不存在或不属于本项目' });
        else if (ids.indexOf(b.topicId) !== i) errors.push({ field: `bids.${i}.topicId`, message: '同一课题只能填报一次' });
      });
      if (errors.length > 0) throw invalid(errors);
      const today = beijingToday();
      for (const t of topics) {
        if (t.status !== 'bidding') throw conflict(`课题《${t.title}》未开放投标`);
        if (!biddingOpen(t.status, t.bidding_closes_on, today)) throw conflict(`课题《${t.title}》投标已于 ${t.bidding_closes_on} 截止`);
      }
      const at = nowIso();
      await db.transaction().execute(async (trx) => {
        const open = await trx
          .selectFrom('research_topics')
          .select(['id', 'status', 'bidding_closes_on'])
          .where('program_id', '=', programId)
          .where('status', '=', 'bidding')
          .execute();
        const openIds = open.filter((t) => biddingOpen(t.status, t.bidding_closes_on, today)).map((t) => t.id);
        if (openIds.length > 0)
          await trx
            .deleteFrom('topic_bids')
            .where('program_id', '=', programId)
            .where('cadre_id', '=', enrolment.cadreId)
            .where('status', '=', 'active')
            .where('topic_id', 'in', openIds)
            .execute();
        if (input.bids.length > 0)
          await trx
            .insertInto('topic_bids')
            .values(
              input.bids.map((b, i) => ({
                program_id: programId,
                topic_id: b.topicId,
                cadre_id: enrolment.cadreId,
                rank: i + 1,
                proposal: b.proposal,
                status: 'active',
                created_at: at,
                updated_at: at,
              })),
            )
            .execute();
        await recordAudit(trx, actor, {
          action: 'topic.bids',
          entityType: 'program',
          entityId: programId,
          scopePath: enrolment.organizerPath,
          summary: `${enrolment.name}：提交课题投标 ${input.bids.length} 项`,
          after: { topicIds: ids },
        });
      });
      return programView(enrolment.cadreId, enrolment);
    },

    /** Bids on a topic with the bidders' proposals and units: organizers only. */
    async listForTopic(actor: Actor, topicId: number): Promise<TopicBid[]> {
      const access = await topicAccess(db, actor, topicId);
      if (access.as !== 'organizer') throw forbidden();
      const rows = await db
        .selectFrom('topic_bids as b')
        .innerJoin('cadres as c', 'c.id', 'b.cadre_id')
        .innerJoin('organizations as o', 'o.id', 'c.org_id')
        .select(['b.id', 'b.cadre_id', 'c.name', 'o.name as org_name', 'b.rank', 'b.proposal', 'b.status', 'b.created_at'])
        .where('b.topic_id', '=', topicId)
        .where('b.status', '!=', 'withdrawn')
        .orderBy('b.rank')
        .orderBy('b.created_at')
        .orderBy('b.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        cadreId: r.cadre_id,
        cadreName: r.name,
        orgName: r.org_name,
        rank: r.rank,
        proposal: r.proposal,
        status: r.status as BidStatus,
        createdAt: r.created_at,
      }));
    },

    /** Hand-picked winners form the task force (replacing its trainees); their bids win, the topic's others lose. */
    async pickWinners(actor: Actor, topicId: number, raw: TopicWinnersInput): Promise<TopicDetail['members']> {
      const access = await topicAccess(db, actor, topicId);
      requireManage(access);
      const input = topicWinnersInputSchema.parse(raw);
      const t = access.topic;
      if (t.status !== 'bidding' && t.status !== 'assigned') throw conflict('只有招标中或已揭榜的课题可以选定揭榜人');
      const bids = await db
        .selectFrom('topic_bids as b')
        .innerJoin('cadres as c', 'c.id', 'b.cadre_id')
        .select(['b.cadre_id', 'b.rank', 'c.name', 'c.org_id', 'c.work_start_date'])
        .where('b.topic_id', '=', topicId)
        .where('b.status', '!=', 'withdrawn')
        .execute();
      const bidOf = new Map(bids.map((b) => [b.cadre_id, b]));
      const errors: FieldError[] = [];
      input.cadreIds.forEach((id, i) => {
        if (!bidOf.has(id)) errors.push({ field: `cadreIds.${i}`, message: '该学员没有投标本课题' });
        else if (input.cadreIds.indexOf(id) !== i) errors.push({ field: `cadreIds.${i}`, message: '重复选择' });
      });
      if (input.cadreIds.length < t.team_min || input.cadreIds.length > t.team_max)
        errors.push({ field: 'cadreIds', message: `专班人数应在 ${t.team_min}–${t.team_max} 人之间` });
      if (input.leadCadreId && !input.cadreIds.includes(input.leadCadreId)) errors.push({ field: 'leadCadreId', message: '负责人须为选定的揭榜人' });
      if (errors.length > 0) throw invalid(errors);
      const taken = await cadresInOtherTaskForces(db, t.program_id, topicId, input.cadreIds);
      if (taken.size > 0) throw conflict(`${[...taken].map((id) => bidOf.get(id)!.name).join('、')} 已在本项目其他课题专班中`);
      const winners = input.cadreIds.map((id) => bidOf.get(id)!);
      const leadId = input.leadCadreId ?? chooseLead(winners.map((w) => ({ cadreId: w.cadre_id, rank: w.rank, workStart: w.work_start_date })))!.cadreId;
      const at = nowIso();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('task_force_members').where('topic_id', '=', topicId).where('role', 'in', ['lead', 'member']).execute();
        await trx
          .insertInto('task_force_members')
          .values(
            winners.map((w) =>
              newTaskForceMemberRow(
                { topicId, cadreId: w.cadre_id, name: w.name, orgId: w.org_id, role: w.cadre_id === leadId ? 'lead' : 'member', assignedRank: w.rank },
                at,
              ),
            ),
          )
          .execute();
        await trx
          .updateTable('topic_bids')
          .set({ status: 'won', updated_at: at })
          .where('topic_id', '=', topicId)
          .where('cadre_id', 'in', input.cadreIds)
          .where('status', '!=', 'withdrawn')
          .execute();
        await trx
          .updateTable('topic_bids')
          .set({ status: 'lost', updated_at: at })
          .where('topic_id', '=', topicId)
          .where('cadre_id', 'not in', input.cadreIds)
          .where('status', '!=', 'withdrawn')
          .execute();
        await trx.updateTable('research_topics').set({ status: 'assigned', updated_at: at }).where('id', '=', topicId).execute();
        await recordAudit(trx, actor, {
          action: 'topic.pick',
          entityType: 'research_topic',
          entityId: topicId,
          scopePath: access.program.organizerPath,
          summary: `课题《${t.title}》选定揭榜人：${winners.map((w) => w.name).join('、')}`,
          after: input,
        });
      });
      return (await taskForceRows(db, [topicId])).map(presentMember);
    },
  };
}
export type BiddingService = ReturnType<typeof createBiddingService>;
