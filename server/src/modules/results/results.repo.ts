// Kysely queries of reports and recommendations: one function per query, explicit columns, scope in the where-clause.
import { sql, type Kysely, type Transaction } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface ReportListFilter {
  programId?: number;
  ids?: number[];
  topicId?: number;
  groupId?: number;
  cadreId?: number;
  status?: string;
}

export function listReportRows(db: Q, f: ReportListFilter) {
  return db
    .selectFrom('research_reports as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .leftJoin('research_topics as t', 't.id', 'r.topic_id')
    .leftJoin('class_groups as g', 'g.id', 'r.group_id')
    .leftJoin('cadres as c', 'c.id', 'r.cadre_id')
    .leftJoin('users as u', 'u.id', 'r.author_user_id')
    .select([
      'r.id',
      'r.program_id',
      'r.topic_id',
      'r.group_id',
      'r.cadre_id',
      'r.title',
      'r.summary',
      'r.status',
      'r.file_name',
      'r.size_bytes',
      'r.submitted_at',
      'r.created_at',
      'r.updated_at',
      'p.name as program_name',
      't.title as topic_title',
      'g.name as group_name',
      'c.name as cadre_name',
      'u.display_name as author_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('recommendations as x')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('x.report_id', '=', 'r.id')
        .as('recommendation_count'),
    )
    .$if(f.programId !== undefined, (b) => b.where('r.program_id', '=', f.programId!))
    .$if(f.ids !== undefined, (b) => b.where('r.id', 'in', f.ids!.length > 0 ? f.ids! : [0]))
    .$if(f.topicId !== undefined, (b) => b.where('r.topic_id', '=', f.topicId!))
    .$if(f.groupId !== undefined, (b) => b.where('r.group_id', '=', f.groupId!))
    .$if(f.cadreId !== undefined, (b) => b.where('r.cadre_id', '=', f.cadreId!))
    .$if(f.status !== undefined, (b) => b.where('r.status', '=', f.status!))
    .orderBy('r.id', 'desc')
    .execute();
}
export type ReportListRow = Awaited<ReturnType<typeof listReportRows>>[number];

/** Reports a trainee writes: own (S4), their study groups', their task forces'. */
export async function myReportIds(db: Q, cadreId: number, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('research_reports as r')
    .select('r.id')
    .where((eb) =>
      eb.or([
        eb('r.cadre_id', '=', cadreId),
        eb(
          'r.topic_id',
          'in',
          eb
            .selectFrom('task_force_members')
            .select('topic_id')
            .where((m) => m.or([m('cadre_id', '=', cadreId), m('user_id', '=', userId)])),
        ),
        eb.and([
          eb('r.group_id', 'is not', null),
          eb.exists(
            eb
              .selectFrom('enrolments as e')
              .select('e.id')
              .whereRef('e.program_id', '=', 'r.program_id')
              .whereRef('e.group_id', '=', 'r.group_id')
              .where('e.cadre_id', '=', cadreId)
              .where('e.status', '=', 'enrolled'),
          ),
        ]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export interface RecommendationListFilter {
  programId?: number;
  reportId?: number;
  ids?: number[];
  status?: string;
  source?: string;
  /** true: overdue only; false: not overdue. */
  overdue?: boolean;
  today: string;
  /** Owner-unit view: owner unit or organizer inside this subtree. */
  landingPrefix?: string;
}

function recommendationQuery(db: Q, f: RecommendationListFilter) {
  return db
    .selectFrom('recommendations as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('organizations as po', 'po.id', 'p.organizer_org_id')
    .leftJoin('organizations as oo', 'oo.id', 'r.owner_org_id')
    .$if(f.programId !== undefined, (b) => b.where('r.program_id', '=', f.programId!))
    .$if(f.reportId !== undefined, (b) => b.where('r.report_id', '=', f.reportId!))
    .$if(f.ids !== undefined, (b) => b.where('r.id', 'in', f.ids!.length > 0 ? f.ids! : [0]))
    .$if(f.status !== undefined, (b) => b.where('r.status', '=', f.status!))
    .$if(f.source !== undefined, (b) => b.where('r.source', '=', f.source!))
    .$if(f.overdue === true, (b) => b.where('r.deadline', '<', f.today).where('r.status', 'not in', ['landed', 'rejected']))
    .$if(f.overdue === false, (b) =>
      b.where((eb) => eb.or([eb('r.deadline', 'is', null), eb('r.deadline', '>=', f.today), eb('r.status', 'in', ['landed', 'rejected'])])),
    )
    .$if(f.landingPrefix !== undefined, (b) => b.where((eb) => eb.or([inSubtree('oo.path', f.landingPrefix!), inSubtree('po.path', f.landingPrefix!)])));
}

export async function countRecommendations(db: Q, f: RecommendationListFilter): Promise<number> {
  const row = await recommendationQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listRecommendationRows(db: Q, f: RecommendationListFilter, page?: { limit: number; offset: number }) {
  return (
    recommendationQuery(db, f)
      .leftJoin('research_reports as rr', 'rr.id', 'r.report_id')
      .leftJoin('research_topics as t', 't.id', 'r.topic_id')
      .select([
        'r.id',
        'r.program_id',
        'r.source',
        'r.report_id',
        'r.topic_id',
        'r.action_item_id',
        'r.title',
        'r.content',
        'r.owner_org_id',
        'r.owner_name',
        'r.deadline',
        'r.expected_effect',
        'r.status',
        'r.reject_reason',
        'r.landed_at',
        'r.last_update_at',
        'r.created_at',
        'p.name as program_name',
        'po.path as organizer_path',
        'oo.name as owner_org_name',
        'oo.path as owner_path',
        'rr.title as report_title',
        't.title as topic_title',
      ])
      .select((eb) =>
        eb
          .selectFrom('recommendation_evidence as e')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('e.recommendation_id', '=', 'r.id')
          .as('evidence_count'),
      )
      // Nearest deadline first and undated last, the same on both databases (they disagree where NULLs sort).
      .orderBy(sql`case when r.deadline is null then 1 else 0 end`)
      .orderBy('r.deadline', 'asc')
      .orderBy('r.id', 'asc')
      .$if(page !== undefined, (b) => b.limit(page!.limit).offset(page!.offset))
      .execute()
  );
}
export type RecommendationListRow = Awaited<ReturnType<typeof listRecommendationRows>>[number];

export function updatesOf(db: Q, recommendationId: number) {
  return db
    .selectFrom('recommendation_updates as u')
    .leftJoin('users as a', 'a.id', 'u.author_user_id')
    .select(['u.id', 'u.from_status', 'u.to_status', 'u.note', 'u.created_at', 'a.display_name as author_name'])
    .where('u.recommendation_id', '=', recommendationId)
    .orderBy('u.id', 'asc')
    .execute();
}

export function evidenceOf(db: Q, recommendationIds: number[]) {
  return db
    .selectFrom('recommendation_evidence')
    .select(['id', 'recommendation_id', 'kind', 'label', 'value', 'unit', 'file_name', 'size_bytes', 'created_at'])
    .where('recommendation_id', 'in', recommendationIds.length > 0 ? recommendationIds : [0])
    .orderBy('id', 'asc')
    .execute();
}

/** The latest update (status change or progress note) of each recommendation, for the ledger. */
export async function lastUpdatesOf(db: Q, recommendationIds: number[]) {
  const rows = await db
    .selectFrom('recommendation_updates')
    .select(['id', 'recommendation_id', 'to_status', 'note', 'created_at'])
    .where('recommendation_id', 'in', recommendationIds.length > 0 ? recommendationIds : [0])
    .orderBy('id', 'asc')
    .execute();
  const last = new Map<number, (typeof rows)[number]>();
  for (const r of rows) last.set(r.recommendation_id, r);
  return last;
}

export function programStatusRows(db: Q, programId: number) {
  return db.selectFrom('recommendations').select(['status', 'deadline']).where('program_id', '=', programId).execute();
}

/** Whether an org lies inside a subtree (for the owner-unit rule). */
export async function orgInSubtree(db: Q, orgId: number, prefix: string): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').where('id', '=', orgId).where(inSubtree('path', prefix)).executeTakeFirst();
  return row !== undefined;
}
