// Test records for long placements, inserted directly (task C's solver and publishing are not needed here): an
// embedded-practicum program, a host unit whose contact is a given host_contact account, a post, the enrolment and
// the placement itself in the status asked for.
import { nowIso } from '../src/db/dialect.ts';
import { newEnrolmentRow } from '../src/modules/programs/enrolment-row.ts';
import { beijingToday } from '../src/modules/hours/time.ts';
import { addDays, mondayOf } from '../src/modules/practicum/practicum.rules.ts';
import type { TestApp } from './support.ts';
import { newProgramRow } from '../src/modules/programs/program-row.ts';

let counter = 0;

export interface PlacementOptions {
  /** Organizer node of the program. */
  orgId: number;
  cadreId: number;
  /** Contact account of the host unit (null: a unit without one). */
  contactUserId: number | null;
  status?: 'draft' | 'published' | 'reported' | 'completed';
  startDate?: string;
  endDate?: string;
  programId?: number;
}

export interface FreshPlacement {
  placementId: number;
  programId: number;
  hostUnitId: number;
  postId: number;
  programName: string;
  hostName: string;
}

/** Today in Beijing and the Monday weeks around it, for building periods relative to now. */
export const today = () => beijingToday();
export const thisMonday = () => mondayOf(beijingToday());
export const mondaysAgo = (n: number) => addDays(thisMonday(), -7 * n);

export async function freshPracticumProgram(t: TestApp, orgId: number, start: string, end: string): Promise<{ id: number; name: string }> {
  const at = nowIso();
  const n = ++counter;
  const name = `体悟实训班${n}`;
  const { id } = await t.db.kysely
    .insertInto('programs')
    .values(
      newProgramRow(
        {
          code: `PR-${n}-${Math.random().toString(36).slice(2, 8)}`,
          name,
          type: 'embedded_practicum',
          status: 'running',
          organizerOrgId: orgId,
          startDate: start,
          endDate: end,
          places: ['深圳'],
        },
        at,
      ),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, name };
}

/** A placement of `cadreId`; by default published, running from 3 weeks ago for 100 days. */
export async function freshPlacement(t: TestApp, o: PlacementOptions): Promise<FreshPlacement> {
  const db = t.db.kysely;
  const at = nowIso();
  const n = ++counter;
  const startDate = o.startDate ?? addDays(mondaysAgo(3), 2);
  const endDate = o.endDate ?? addDays(startDate, 99);
  const program = o.programId
    ? await db.selectFrom('programs').select(['id', 'name']).where('id', '=', o.programId).executeTakeFirstOrThrow()
    : await freshPracticumProgram(t, o.orgId, startDate, endDate);
  const hostName = `深圳实训企业${n}`;
  const unit = await db
    .insertInto('host_units')
    .values({
      org_id: o.orgId,
      code: null,
      name: hostName,
      kind: 'enterprise',
      city: '深圳',
      field: '金融',
      address: '深圳市福田区深南大道1号',
      capacity: 3,
      contact_user_id: o.contactUserId,
      contact_name: '周联络',
      contact_phone: '0755-88880000',
      mentor_name: '吴导师',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const post = await db
    .insertInto('host_posts')
    .values({
      program_id: program.id,
      host_unit_id: unit.id,
      title: '投资研究岗',
      seats: 2,
      requirements: null,
      mentor_name: '吴导师',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const existing = await db.selectFrom('enrolments').select('id').where('program_id', '=', program.id).where('cadre_id', '=', o.cadreId).executeTakeFirst();
  const enrolmentId =
    existing?.id ??
    (
      await db
        .insertInto('enrolments')
        .values(newEnrolmentRow({ programId: program.id, cadreId: o.cadreId, classId: null, groupId: null }, at))
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const status = o.status ?? 'published';
  const placement = await db
    .insertInto('placements')
    .values({
      program_id: program.id,
      enrolment_id: enrolmentId,
      cadre_id: o.cadreId,
      post_id: post.id,
      host_unit_id: unit.id,
      run_id: null,
      status,
      choice: 1,
      explanation: '您的第一志愿岗位与您的招商引资专长最匹配，单位也将您排在首位。',
      start_date: startDate,
      end_date: endDate,
      published_at: status === 'draft' ? null : at,
      remote_checkin_at: status === 'reported' || status === 'completed' ? at : null,
      remote_checkin_tasks: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { placementId: placement.id, programId: program.id, hostUnitId: unit.id, postId: post.id, programName: program.name, hostName };
}

/** A weekly log written straight into the table (for comment and lock tests). */
export async function freshLog(t: TestApp, placementId: number, weekStart: string, comment: string | null = null): Promise<number> {
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('placement_logs')
    .values({
      placement_id: placementId,
      week_start: weekStart,
      content: '本周参与了企业投资项目尽调，学习了项目评估方法和风险控制流程。',
      next_plan: null,
      mentor_comment: comment,
      commented_by: null,
      commented_at: comment ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
