// Who may open a report or a recommendation, and as whom: the first line of every results method.
// Reports: organizers of the program (program:read in scope; program:write to manage), their authors (the task force of
// the topic, the members of the study group, the cadre of an S4 report) and, read-only, external accounts attached
// to the topic. Recommendations: organizers of the program, the owner unit (landing:write with the owner unit inside
// the caller's subtree, whatever program it came from) and, read-only, the authors of the report it came from.
// Anyone else gets 404.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RecommendationsTable, ResearchReportsTable } from '../../db/schema-results.ts';
import { notFound } from '../../http/errors.ts';
import { isInScope, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';

type Q = Kysely<Database> | Transaction<Database>;
export type ReportRow = Selectable<ResearchReportsTable>;
export type RecommendationRow = Selectable<RecommendationsTable>;

export interface ProgramRef {
  id: number;
  name: string;
  organizerOrgId: number;
  organizerPath: string;
}

export interface ReportAccess {
  report: ReportRow;
  program: ProgramRef;
  /** program:read on a program in the caller's subtree. */
  isOrganizer: boolean;
  /** program:write on a program in the caller's subtree. */
  canManage: boolean;
  isAuthor: boolean;
}

export async function programRef(db: Q, programId: number): Promise<ProgramRef | undefined> {
  const p = await db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select(['p.id', 'p.name', 'p.organizer_org_id', 'o.path'])
    .where('p.id', '=', programId)
    .executeTakeFirst();
  return p && { id: p.id, name: p.name, organizerOrgId: p.organizer_org_id, organizerPath: p.path };
}

export const organizerOf = (actor: Actor, program: ProgramRef) => {
  const inScope = isInScope(actor, program.organizerPath);
  return { isOrganizer: inScope && hasPermission(actor.role, 'program:read'), canManage: inScope && hasPermission(actor.role, 'program:write') };
};

/** Whether the actor writes this report: its task force, its study group, or its cadre. */
export async function isReportAuthor(
  db: Q,
  actor: Actor,
  r: { program_id: number; topic_id: number | null; group_id: number | null; cadre_id: number | null },
): Promise<boolean> {
  if (r.topic_id !== null) {
    const m = await db
      .selectFrom('task_force_members')
      .select('id')
      .where('topic_id', '=', r.topic_id)
      .where((eb) => eb.or([eb('user_id', '=', actor.userId), ...(actor.cadreId === null ? [] : [eb('cadre_id', '=', actor.cadreId)])]))
      .executeTakeFirst();
    return m !== undefined;
  }
  if (actor.cadreId === null) return false;
  if (r.group_id !== null) {
    const e = await db
      .selectFrom('enrolments')
      .select('id')
      .where('program_id', '=', r.program_id)
      .where('group_id', '=', r.group_id)
      .where('cadre_id', '=', actor.cadreId)
      .where('status', '=', 'enrolled')
      .executeTakeFirst();
    return e !== undefined;
  }
  return r.cadre_id === actor.cadreId;
}

async function isAttachedExternal(db: Q, actor: Actor, topicId: number | null): Promise<boolean> {
  if (topicId === null || actor.role !== 'external_expert') return false;
  const e = await db.selectFrom('external_members').select('id').where('topic_id', '=', topicId).where('user_id', '=', actor.userId).executeTakeFirst();
  return e !== undefined;
}

/** The report as the actor may see it, else NOT_FOUND. */
export async function reportAccess(db: Q, actor: Actor, reportId: number): Promise<ReportAccess> {
  const report = await db.selectFrom('research_reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  const program = report && (await programRef(db, report.program_id));
  if (!report || !program) throw notFound('调研报告');
  const organizer = organizerOf(actor, program);
  const isAuthor = await isReportAuthor(db, actor, report);
  if (!organizer.isOrganizer && !isAuthor && !(await isAttachedExternal(db, actor, report.topic_id))) throw notFound('调研报告');
  return { report, program, ...organizer, isAuthor };
}

export interface RecommendationAccess {
  rec: RecommendationRow;
  program: ProgramRef;
  isOrganizer: boolean;
  canManage: boolean;
  /** landing:write and the owner unit inside the caller's subtree. */
  isOwnerUnit: boolean;
  /** May change status, post progress and evidence. */
  canAct: boolean;
}

export async function ownerPathOf(db: Q, ownerOrgId: number | null): Promise<string | null> {
  if (ownerOrgId === null) return null;
  const o = await db.selectFrom('organizations').select('path').where('id', '=', ownerOrgId).executeTakeFirst();
  return o?.path ?? null;
}

/** The recommendation as the actor may see it, else NOT_FOUND. */
export async function recommendationAccess(db: Q, actor: Actor, id: number): Promise<RecommendationAccess> {
  const rec = await db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
  const program = rec && (await programRef(db, rec.program_id));
  if (!rec || !program) throw notFound('对策建议');
  const organizer = organizerOf(actor, program);
  const ownerPath = await ownerPathOf(db, rec.owner_org_id);
  const isOwnerUnit = ownerPath !== null && hasPermission(actor.role, 'landing:write') && isInScope(actor, ownerPath);
  if (!organizer.isOrganizer && !isOwnerUnit) {
    const report = rec.report_id === null ? undefined : await db.selectFrom('research_reports').selectAll().where('id', '=', rec.report_id).executeTakeFirst();
    if (!report || !(await isReportAuthor(db, actor, report))) throw notFound('对策建议');
  }
  return { rec, program, ...organizer, isOwnerUnit, canAct: organizer.canManage || isOwnerUnit };
}
