// What happened in the finished demo programs: attendance (mostly present, a few late, left early, absent),
// approved leave that excused sessions, and session ratings. Deterministic for a seed; written with plain inserts
// because it is history, not new actions (no audit entries, no notifications).
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { sessionIsFor } from '../../modules/programs/audience.ts';
import { Rng } from '../prng.ts';

const LEAVE_REASONS = ['参加区委常委会会议汇报工作', '家中老人住院需陪护', '单位防汛值班', '参加上级专项督查迎检'];
const COMMENTS = [
  '案例鲜活，贴近基层实际，回去就能用。',
  '现场讲解很有启发，希望多留互动交流时间。',
  '理论联系实际，对我们招商引资工作很有帮助。',
  '节奏稍快，建议提前发放讲义。',
  '看到了差距，也找到了方向。',
];

type Trx = Kysely<Database>;

/** Attendance, leave and ratings for every session of the program that ended before `now`. */
export async function seedProgramActivity(
  trx: Trx,
  programId: number,
  seed: number,
  now = new Date(),
): Promise<{ attendance: number; leave: number; ratings: number }> {
  const rng = new Rng(seed);
  const at = nowIso();
  const sessions = (await trx.selectFrom('program_sessions').selectAll().where('program_id', '=', programId).orderBy('starts_at').execute()).filter(
    (s) => Date.parse(s.ends_at) <= now.getTime(),
  );
  const enrolments = await trx.selectFrom('enrolments').selectAll().where('program_id', '=', programId).orderBy('id').execute();
  let attendance = 0;
  let leave = 0;
  let ratings = 0;
  for (const e of enrolments) {
    const mine = sessions.filter((s) => sessionIsFor(s, e) && s.type !== 'ceremony');
    // About one trainee in twenty asked for leave from one session; their tutor approved it.
    const excused = rng.chance(0.05) && mine.length > 4 ? mine[rng.int(1, mine.length - 2)] : undefined;
    if (excused) {
      const asked = new Date(Date.parse(excused.starts_at) - 86_400_000).toISOString();
      const { id } = await trx
        .insertInto('leave_requests')
        .values({
          program_id: programId,
          enrolment_id: e.id,
          cadre_id: e.cadre_id,
          reason: rng.pick(LEAVE_REASONS),
          hours: excused.credited_hours,
          attachment_name: null,
          attachment_path: null,
          status: 'approved',
          decided_by: null,
          decided_at: asked,
          decision_note: '同意，请做好补学。',
          created_by: null,
          created_at: asked,
          updated_at: asked,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('leave_request_sessions').values({ leave_id: id, session_id: excused.id }).execute();
      leave++;
    }
    const rows = mine.map((s) => {
      const roll = rng.next();
      const status = s === excused ? 'excused' : roll < 0.93 ? 'present' : roll < 0.97 ? 'late' : roll < 0.99 ? 'left_early' : 'absent';
      const minutes = status === 'late' || status === 'left_early' ? rng.int(5, 40) : 0;
      const checkedIn =
        status === 'present' || status === 'late'
          ? new Date(Date.parse(s.starts_at) + (status === 'late' ? minutes : -rng.int(1, 15)) * 60_000).toISOString()
          : null;
      return {
        session_id: s.id,
        stop_seq: 0,
        cadre_id: e.cadre_id,
        enrolment_id: e.id,
        status,
        minutes_missed: minutes,
        method: status === 'excused' ? 'leave' : checkedIn ? 'qr' : 'manual',
        checked_in_at: checkedIn,
        lat: null,
        lng: null,
        accuracy_m: null,
        distance_m: null,
        remarks: status === 'absent' ? '未到，未请假' : null,
        recorded_by: null,
        created_at: at,
        updated_at: at,
      };
    });
    if (rows.length > 0) await trx.insertInto('attendance').values(rows).execute();
    attendance += rows.length;
    const rated = mine.filter((s) => s !== excused && rng.chance(0.8));
    const ratingRows = rated.map((s) => {
      const base = rng.chance(0.7) ? 5 : 4;
      return {
        session_id: s.id,
        cadre_id: e.cadre_id,
        content: base,
        delivery: Math.max(3, base - (rng.chance(0.2) ? 1 : 0)),
        usefulness: Math.max(3, base - (rng.chance(0.3) ? 1 : 0)),
        comment: rng.chance(0.15) ? rng.pick(COMMENTS) : null,
        created_at: new Date(Date.parse(s.ends_at)).toISOString(),
      };
    });
    for (let i = 0; i < ratingRows.length; i += 200)
      await trx
        .insertInto('session_ratings')
        .values(ratingRows.slice(i, i + 200))
        .execute();
    ratings += ratingRows.length;
  }
  return { attendance, leave, ratings };
}
