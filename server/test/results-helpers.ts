// Test records for reports and landing, inserted directly: a program with enrolled cadres, a topic with its task force
// (and optionally an attached external account), a report, a recommendation in any status with or without evidence,
// and reflections with action items.
import { nowIso } from '../src/db/dialect.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';
import type { TestApp } from './support.ts';
import { newTopicRow, newTaskForceMemberRow } from '../src/modules/topics/topic-row.ts';

let counter = 0;
const next = () => ++counter;

/** A running program organised by `orgId` with `cadreIds` enrolled (no class or group). */
export async function freshResultsProgram(t: TestApp, orgId: number, cadreIds: number[] = []): Promise<number> {
  const at = nowIso();
  const n = next();
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `RS-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name: `对标学习成果班${n}`,
          type: 'embedded_practicum',
          status: 'running',
          organizerOrgId: orgId,
          startDate: '2026-09-01',
          endDate: '2026-12-10',
          places: ['深圳'],
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const cadreId of cadreIds) {
    await t.db.kysely
      .insertInto('enrolments')
      .values(newEnrolmentRow({ programId: id, cadreId, classId: null, groupId: null }, at))
      .execute();
  }
  return id;
}

/** A topic of `programId` whose task force holds `memberCadreIds`; `externalUserId` is attached as an external member. */
export async function freshTopic(t: TestApp, programId: number, memberCadreIds: number[], externalUserId?: number): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('research_topics')
    .values(newTopicRow({ programId, title: `如何提升招商引资质效${next()}`, field: 'investment', status: 'in_progress', teamMin: 1, teamMax: 5 }, at))
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, cadreId] of memberCadreIds.entries()) {
    await t.db.kysely
      .insertInto('task_force_members')
      .values(newTaskForceMemberRow({ topicId: id, cadreId, name: `成员${i}`, role: i === 0 ? 'lead' : 'member', assignedRank: 1 }, at))
      .execute();
  }
  if (externalUserId !== undefined) {
    await t.db.kysely
      .insertInto('external_members')
      .values({
        topic_id: id,
        kind: 'expert',
        name: '外挂专家',
        organization: null,
        contact: null,
        user_id: externalUserId,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return id;
}

export interface ReportOptions {
  programId: number;
  topicId?: number;
  groupId?: number;
  cadreId?: number;
  status?: 'draft' | 'submitted';
  body?: string | null;
}

export const REPORT_BODY = [
  '一、深圳招商引资的主要做法',
  '深圳以产业链招商为主线，基金招商与场景招商并举。',
  '二、对策建议',
  '一是建立市级产业引导基金，撬动社会资本投向重点产业链。',
  '二是推行"链长制"，由市领导牵头服务重点产业链企业。',
  '（三）优化营商环境，推广"秒批"政务服务。',
  '1. 建立招商项目全周期跟踪台账。',
].join('\n');

export async function freshReport(t: TestApp, o: ReportOptions): Promise<number> {
  const at = nowIso();
  const status = o.status ?? 'draft';
  const { id } = await t.db.kysely
    .insertInto('research_reports')
    .values({
      program_id: o.programId,
      topic_id: o.topicId ?? null,
      group_id: o.groupId ?? null,
      cadre_id: o.cadreId ?? null,
      title: `关于深圳招商引资经验的调研报告${next()}`,
      summary: '学习深圳产业链招商经验',
      body: o.body === undefined ? REPORT_BODY : o.body,
      file_name: null,
      file_path: null,
      size_bytes: null,
      mime: null,
      status,
      author_user_id: null,
      submitted_at: status === 'submitted' ? at : null,
      search_terms: ' 招商 ',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface RecommendationOptions {
  programId: number;
  ownerOrgId: number | null;
  status?: 'proposed' | 'accepted' | 'in_progress' | 'landed' | 'rejected';
  deadline?: string | null;
  reportId?: number;
  /** Adds one figure of evidence. */
  withEvidence?: boolean;
  remindedFor?: string | null;
}

export async function freshRecommendation(t: TestApp, o: RecommendationOptions): Promise<number> {
  const at = nowIso();
  const status = o.status ?? 'proposed';
  const { id } = await t.db.kysely
    .insertInto('recommendations')
    .values({
      program_id: o.programId,
      source: o.reportId ? 'report' : 'manual',
      report_id: o.reportId ?? null,
      topic_id: null,
      action_item_id: null,
      title: `建立产业引导基金${next()}`,
      content: '设立市级产业引导基金',
      owner_org_id: o.ownerOrgId,
      owner_name: null,
      deadline: o.deadline === undefined ? '2027-06-30' : o.deadline,
      expected_effect: '撬动社会资本 10 亿元',
      status,
      reject_reason: status === 'rejected' ? '条件不成熟' : null,
      landed_at: status === 'landed' ? at.slice(0, 10) : null,
      last_update_at: at,
      reminded_for: o.remindedFor ?? null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.withEvidence) {
    await t.db.kysely
      .insertInto('recommendation_evidence')
      .values({
        recommendation_id: id,
        update_id: null,
        kind: 'figure',
        label: '签约项目',
        value: 20,
        unit: '个',
        file_name: null,
        file_path: null,
        size_bytes: null,
        mime: null,
        created_by: null,
        created_at: at,
      })
      .execute();
  }
  return id;
}

/** A reflection of `cadreId` with the given action items. */
export async function freshActionItems(
  t: TestApp,
  programId: number,
  cadreId: number,
  items: { content: string; owner: string; deadline: string | null; status: 'planned' | 'in_progress' | 'done' }[],
): Promise<number[]> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('reflections')
    .values({
      program_id: programId,
      cadre_id: cadreId,
      title: `赴深圳学习心得${next()}`,
      learned: '学到了',
      body: null,
      status: 'submitted',
      search_terms: '||',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const item of items) {
    const row = await t.db.kysely
      .insertInto('action_items')
      .values({ reflection_id: id, ...item, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** Minimal files whose first bytes match their extension. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n%%EOF\n');
export const DOCX_BYTES = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
