// Follow-up of seeded placements (issue 4): remote check-in (远程报到), weekly logs with mentor comments, mid-term and
// final reviews, and the final review's hours_entries row (source 'placement', as the practicum module writes it).
import type { ReviewResult } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { placementCredit } from '../../modules/practicum/practicum.rules.ts';
import { addDays } from '../dates.ts';
import type { Rng } from '../prng.ts';
import type { SeededPlacement } from './placement-seed.ts';

type Trx = Kysely<Database>;

const LOGS: readonly (readonly [content: string, next: string])[] = [
  ['参加单位周例会，熟悉{field}业务流程，梳理岗位职责清单。', '跟随导师走访两家重点企业，整理问题清单。'],
  ['参与{field}项目尽调材料的整理，学习风险评估方法。', '完成一份项目分析报告初稿，请导师把关。'],
  ['随导师参加项目评审会，记录本单位在{field}方面的审批流程和时限。', '对照{home}做法，整理流程差异和可借鉴的做法。'],
  ['围绕本岗位认领的调研课题，访谈业务骨干 3 人。', '形成课题调研提纲，准备中期交流。'],
  ['参与{field}政策文件研读，学习配套细则和兑现机制。', '梳理可在{home}落地的三条政策建议。'],
  ['独立承担一项具体工作任务，按导师要求完成材料并汇报。', '总结本周体会，补齐业务短板。'],
];
const COMMENTS = [
  '进入角色快，问题意识强，继续保持。',
  '调研扎实，建议多和业务一线交流。',
  '材料质量较高，注意结合{home}实际提炼可复制经验。',
  '能主动承担任务，沟通协调能力好。',
];
const TASKS = '已与导师电话沟通，确认报到时间、岗位职责和首月工作任务；已阅读单位简介和近期重点工作材料。';

/** Marks placements as remotely checked in (status 'reported') two to nine days before the start, one update per day. */
export async function seedRemoteCheckins(trx: Trx, placements: readonly SeededPlacement[], startDate: string, rng: Rng): Promise<void> {
  const byDay = new Map<number, number[]>();
  for (const p of placements) {
    const before = rng.int(2, 9);
    byDay.set(before, [...(byDay.get(before) ?? []), p.id]);
  }
  for (const [before, ids] of [...byDay].sort((a, b) => a[0] - b[0])) {
    const at = `${addDays(startDate, -before)}T02:${10 + before}:00.000Z`;
    await trx
      .updateTable('placements')
      .set({ status: 'reported', remote_checkin_at: at, remote_checkin_contacted: 1, remote_checkin_tasks: TASKS, updated_at: at })
      .where('id', 'in', ids)
      .execute();
  }
}

export interface LogPlan {
  placement: SeededPlacement;
  field: string;
  /** The sending city, for "what {home} can learn" lines. */
  home: string;
  weeks: readonly string[];
  /** Share of the weeks with a log, and of logs the mentor commented on. */
  logShare: number;
  commentShare: number;
  /** The host contact account that comments, when the unit has one. */
  commentedBy: number | null;
}

/** Weekly logs (week_start = Monday) written on the Sunday, commented by the mentor the next Tuesday. */
export async function seedWeeklyLogs(trx: Trx, plans: readonly LogPlan[], rng: Rng): Promise<number> {
  const rows = plans.flatMap((plan) =>
    plan.weeks
      .filter(() => rng.chance(plan.logShare))
      .map((week, i) => {
        const [content, next] = LOGS[(i + plan.placement.id) % LOGS.length]!;
        const written = `${addDays(week, 6)}T12:${rng.int(10, 59)}:00.000Z`;
        const commented = rng.chance(plan.commentShare);
        return {
          placement_id: plan.placement.id,
          week_start: week,
          content: content.replace('{field}', plan.field).replace('{home}', plan.home),
          next_plan: next.replace('{home}', plan.home),
          mentor_comment: commented ? rng.pick(COMMENTS).replace('{home}', plan.home) : null,
          commented_by: commented ? plan.commentedBy : null,
          commented_at: commented ? `${addDays(week, 8)}T02:30:00.000Z` : null,
          created_at: written,
          updated_at: written,
        };
      }),
  );
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('placement_logs')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}

export interface ReviewPlan {
  placement: SeededPlacement;
  kind: 'midterm' | 'final';
  result: ReviewResult;
  score: number;
  selfSummary: string;
  hostFeedback: string;
  at: string;
  programName: string;
  startDate: string;
  endDate: string;
}

/** Reviews; a final one also writes the placement's hours entry and completes the placement. */
export async function seedReviews(trx: Trx, plans: readonly ReviewPlan[]): Promise<void> {
  for (const r of plans) {
    let hoursEntryId: number | null = null;
    let hours: number | null = null;
    if (r.kind === 'final') {
      const credit = placementCredit(r.result, r.startDate, r.endDate);
      hours = credit.hours;
      const entry = await trx
        .insertInto('hours_entries')
        .values({
          cadre_id: r.placement.cadreId,
          program_id: (await trx.selectFrom('placements').select('program_id').where('id', '=', r.placement.id).executeTakeFirstOrThrow()).program_id,
          source: 'placement',
          category: 'offline',
          title: `${r.programName}（实训）`,
          provider: r.placement.hostUnitName,
          date: r.endDate,
          hours: credit.hours,
          days: credit.days,
          evidence_name: null,
          evidence_path: null,
          note: null,
          created_by: null,
          created_at: r.at,
          updated_at: r.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      hoursEntryId = entry.id;
      await trx.updateTable('placements').set({ status: 'completed', updated_at: r.at }).where('id', '=', r.placement.id).execute();
    }
    await trx
      .insertInto('placement_reviews')
      .values({
        placement_id: r.placement.id,
        kind: r.kind,
        self_summary: r.selfSummary,
        host_feedback: r.hostFeedback,
        score: r.score,
        result: r.result,
        hours,
        hours_entry_id: hoursEntryId,
        reviewer_id: null,
        created_at: r.at,
        updated_at: r.at,
      })
      .execute();
  }
}
