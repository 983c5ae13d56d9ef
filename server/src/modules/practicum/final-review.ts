// 期满考核: one transaction records the final review, completes the placement and writes (or updates) the single
// hours_entries row that carries the placement into the cadre's training file and ledger.
//
// The entry: source 'placement' (the attendance ledger recompute deletes only source 'program' rows, so it survives),
// category offline, title `<program>（实训）`, provider the host unit, date the end date, days the calendar days of the
// placement (≤ 366) and hours by `placementCredit` (8 学时 per working day; a fail credits 0).
import type { FinalReviewInput } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { cadreUserIds, notifyUsers } from '../attendance/notifications.repo.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { findReview, type PlacementContextRow } from './practicum.repo.ts';
import { placementCredit } from './practicum.rules.ts';

const RESULT_ZH = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;

export async function writeFinalReview(trx: Kysely<Database>, actor: Actor, row: PlacementContextRow, input: FinalReviewInput): Promise<void> {
  const at = nowIso();
  const credit = placementCredit(input.result, row.start_date!, row.end_date!);
  const before = await findReview(trx, row.id, 'final');
  const entry = {
    cadre_id: row.cadre_id,
    program_id: row.program_id,
    source: 'placement',
    category: 'offline',
    title: `${row.program_name}（实训）`,
    provider: row.host_name,
    date: row.end_date!,
    hours: credit.hours,
    days: credit.days,
    updated_at: at,
  };
  // The entry the review points at, if it still exists (an admin may have removed it by hand).
  const linked =
    before?.hours_entry_id != null
      ? await trx.selectFrom('hours_entries').select('id').where('id', '=', before.hours_entry_id).where('source', '=', 'placement').executeTakeFirst()
      : undefined;
  let entryId: number;
  if (linked) {
    await trx.updateTable('hours_entries').set(entry).where('id', '=', linked.id).execute();
    entryId = linked.id;
  } else {
    const inserted = await trx
      .insertInto('hours_entries')
      .values({ ...entry, evidence_name: null, evidence_path: null, note: null, created_by: actor.userId || null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    entryId = inserted.id;
  }

  const review = {
    host_feedback: input.hostFeedback,
    score: input.score,
    result: input.result,
    hours: credit.hours,
    hours_entry_id: entryId,
    reviewer_id: actor.userId || null,
    updated_at: at,
  };
  if (before) await trx.updateTable('placement_reviews').set(review).where('id', '=', before.id).execute();
  else
    await trx
      .insertInto('placement_reviews')
      .values({ ...review, placement_id: row.id, kind: 'final', self_summary: null, created_at: at })
      .execute();
  await trx.updateTable('placements').set({ status: 'completed', updated_at: at }).where('id', '=', row.id).execute();

  await recordAudit(trx, actor, {
    action: 'placement_review.save',
    entityType: 'placement_review',
    entityId: row.id,
    scopePath: row.organizer_path,
    summary: `记录 ${row.cadre_name} 的期满考核：${RESULT_ZH[input.result]}，${input.score} 分，计 ${credit.hours} 学时`,
    before: before ? { hostFeedback: before.host_feedback, score: before.score, result: before.result, hours: before.hours } : { status: row.status },
    after: { kind: 'final', ...input, hours: credit.hours, days: credit.days, hoursEntryId: entryId },
  });
  await notifyUsers(trx, await cadreUserIds(trx, row.cadre_id), {
    kind: 'placement_review.final',
    title: `${row.program_name} 期满考核结果：${RESULT_ZH[input.result]}`,
    body: `计入培训档案 ${credit.hours} 学时`,
    link: '/m/placement',
  });
}
