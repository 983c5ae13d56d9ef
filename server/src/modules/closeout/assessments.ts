// Use-cases of the close-out assessment (结业考核): each trainee's standing with a suggested result, and saving results.
import type { AssessmentList, AssessmentRow, Assessment, SaveAssessments } from '@duibiao/contracts';
import { ATTENDANCE_PASS_MIN } from '@duibiao/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from '../programs/program-access.ts';
import { standingOf, suggestResult, verifyPath } from './assessment.rules.ts';
import {
  approvedLeaveHours,
  listAttendance,
  listRoster,
  listSessions,
  programLedger,
  updateAssessment,
  type RosterRow,
  type SessionRow,
} from './closeout.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface ProgramStanding {
  sessions: SessionRow[];
  roster: RosterRow[];
  rows: AssessmentRow[];
}

/** Everything the close-out screens need about one program, computed from the tables in five queries. */
export async function loadStanding(db: Q, programId: number, nowMs = Date.now()): Promise<ProgramStanding> {
  const [roster, sessions, marks, leave, ledger] = await Promise.all([
    listRoster(db, programId),
    listSessions(db, programId),
    listAttendance(db, programId),
    approvedLeaveHours(db, programId),
    programLedger(db, programId),
  ]);
  const recorded = new Set(marks.map((m) => m.session_id));
  const marksByEnrolment = new Map<number, Map<number, string>>();
  for (const m of marks) {
    let map = marksByEnrolment.get(m.enrolment_id);
    if (!map) marksByEnrolment.set(m.enrolment_id, (map = new Map<number, string>()));
    map.set(m.session_id, m.status);
  }
  const rows = roster.map((r): AssessmentRow => {
    const standing = standingOf(sessions, r, marksByEnrolment.get(r.id) ?? new Map<number, string>(), recorded, nowMs);
    const withdrawn = r.status === 'withdrawn';
    const flagged = r.withdrawal_flagged_at !== null;
    const suggestion = suggestResult({ withdrawn, flagged, attendanceRate: standing.attendanceRate });
    const hours = ledger.get(r.cadre_id);
    return {
      enrolmentId: r.id,
      cadreId: r.cadre_id,
      name: r.name,
      unit: r.unit,
      position: r.position,
      className: r.class_name,
      groupName: r.group_name,
      withdrawn,
      ...standing,
      creditedHours: hours?.hours ?? 0,
      creditedDays: hours?.days ?? 0,
      approvedLeaveHours: leave.get(r.id) ?? 0,
      withdrawalFlagged: flagged,
      suggestion: suggestion.result,
      suggestionReason: suggestion.reason,
      result: r.assessment as Assessment | null,
      reason: r.assessment_reason,
      assessedAt: r.assessed_at,
      certificate:
        r.cert_id === null
          ? null
          : {
              id: r.cert_id,
              serial: r.cert_serial!,
              issuedAt: r.cert_issued_at!,
              revoked: r.cert_revoked_at !== null,
              verifyPath: verifyPath(r.cert_verify_code!),
            },
    };
  });
  return { sessions, roster, rows };
}

export function createAssessmentService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function listAssessments(actor: Actor, programId: number): Promise<AssessmentList> {
    requirePermission(actor, 'program:read');
    await programInScope(read, actor, programId);
    const { rows } = await loadStanding(read, programId);
    return { programId, passThreshold: ATTENDANCE_PASS_MIN, items: rows };
  }

  return {
    listAssessments,

    /** Saves every given result or none: an enrolment of another program fails the whole request. */
    async saveAssessments(actor: Actor, programId: number, input: SaveAssessments): Promise<AssessmentList> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      await db.transaction().execute(async (trx) => {
        const ids = new Set((await trx.selectFrom('enrolments').select('id').where('program_id', '=', programId).execute()).map((r) => r.id));
        const unknown = input.flatMap((item, i) => (ids.has(item.enrolmentId) ? [] : [{ field: `${i}.enrolmentId`, message: '不是本项目的学员' }]));
        if (unknown.length > 0) throw invalid(unknown);
        const at = nowIso();
        for (const item of input) {
          await updateAssessment(trx, item.enrolmentId, { assessment: item.result, reason: item.reason || null, by: actor.userId || null, at });
        }
        await recordAudit(trx, actor, {
          action: 'assessment.save',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `评定「${program.name}」${input.length} 名学员的结业考核`,
          after: input,
        });
      });
      return listAssessments(actor, programId);
    },
  };
}
