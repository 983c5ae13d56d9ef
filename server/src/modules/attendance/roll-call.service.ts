// Roll call (点名): the marks of every trainee a session is for, edited by managers and the class's tutors, and
// the program's attendance summary per session.
import type { AttendanceMark, AttendanceStatus, AttendanceSummary, FieldError, RollCall, RollCallRow, SessionType } from '@duibiao/contracts';
import type { rollCallEntrySchema } from '@duibiao/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { recomputeProgramHours } from '../hours/ledger.ts';
import { sessionIsForEnrolment } from '../programs/audience.ts';
import { programInScope, sessionInScope } from '../programs/program-access.ts';
import { ATTENDED, attendanceRate, checkinState } from './attendance.rules.ts';
import { classReach, reachesAny, reachesClass, requireSomeClass, sessionClassId } from './tutor-access.ts';

type Entry = z.output<typeof rollCallEntrySchema>;

interface MarkRow {
  enrolment_id: number;
  stop_seq: number;
  status: string;
  method: string;
  checked_in_at: string | null;
  minutes_missed: number;
  remarks: string | null;
}

const toMark = (r: MarkRow): AttendanceMark => ({
  status: r.status as AttendanceStatus,
  method: r.method as AttendanceMark['method'],
  checkedInAt: r.checked_in_at,
  minutesMissed: r.minutes_missed,
  remarks: r.remarks,
});

export function createRollCallService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  async function loadSession(sessionId: number) {
    return read
      .selectFrom('program_sessions')
      .select(['id', 'program_id', 'title', 'type', 'starts_at', 'ends_at', 'checkin_enabled', 'audience_kind', 'audience_class_id', 'audience_group_id'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
  }

  /** Enrolled trainees the session is for, in class/group order. */
  function trainees(sessionId: number) {
    return read
      .selectFrom('program_sessions as s')
      .innerJoin('enrolments as e', 'e.program_id', 's.program_id')
      .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
      .leftJoin('class_groups as g', 'g.id', 'e.group_id')
      .select(['e.id as enrolment_id', 'e.cadre_id', 'e.class_id', 'c.name', 'o.name as org_name', 'pc.name as class_name', 'g.name as group_name'])
      .where('s.id', '=', sessionId)
      .where('e.status', '=', 'enrolled')
      .where((eb) => sessionIsForEnrolment(eb))
      .orderBy('pc.sort_order')
      .orderBy('g.sort_order')
      .orderBy('e.id')
      .execute();
  }

  return {
    async get(actor: Actor, sessionId: number): Promise<RollCall> {
      requirePermission(actor, 'program:read');
      await sessionInScope(read, actor, sessionId);
      const session = await loadSession(sessionId);
      const [people, stops, marks, reach, ownClass] = await Promise.all([
        trainees(sessionId),
        read.selectFrom('session_stops').select(['seq', 'name']).where('session_id', '=', sessionId).orderBy('seq').execute(),
        read
          .selectFrom('attendance')
          .select(['enrolment_id', 'stop_seq', 'status', 'method', 'checked_in_at', 'minutes_missed', 'remarks'])
          .where('session_id', '=', sessionId)
          .execute(),
        classReach(read, actor, session.program_id),
        sessionClassId(read, session),
      ]);
      const byKey = new Map(marks.map((m) => [`${m.enrolment_id}:${m.stop_seq}`, m]));
      const markOf = (enrolmentId: number, seq: number) => {
        const m = byKey.get(`${enrolmentId}:${seq}`);
        return m ? toMark(m) : null;
      };
      const rows: RollCallRow[] = people.map((p) => ({
        enrolmentId: p.enrolment_id,
        cadreId: p.cadre_id,
        name: p.name,
        orgName: p.org_name,
        className: p.class_name,
        groupName: p.group_name,
        mark: markOf(p.enrolment_id, 0),
        stops: stops.map((s) => ({ seq: s.seq, mark: markOf(p.enrolment_id, s.seq) })),
      }));
      const canEdit = hasPermission(actor.role, 'attendance:write') && (ownClass === null ? reachesAny(reach) : reachesClass(reach, ownClass));
      return {
        session: {
          id: session.id,
          programId: session.program_id,
          title: session.title,
          type: session.type as SessionType,
          startsAt: session.starts_at,
          endsAt: session.ends_at,
          checkinEnabled: session.checkin_enabled === 1,
          state: checkinState(session, Date.now()),
        },
        stops,
        rows,
        canEdit,
      };
    },

    /** Sets marks in one transaction, audited, then recomputes the changed trainees' hours. */
    async update(actor: Actor, sessionId: number, entries: Entry[]): Promise<RollCall> {
      requirePermission(actor, 'attendance:write');
      const scoped = await sessionInScope(read, actor, sessionId);
      const session = await loadSession(sessionId);
      const reach = await classReach(read, actor, session.program_id);
      requireSomeClass(reach);
      const ownClass = await sessionClassId(read, session);
      if (ownClass !== null && !reachesClass(reach, ownClass)) throw forbidden('只有本班带班老师可以为该课程点名');

      const [people, stops] = await Promise.all([
        trainees(sessionId),
        read.selectFrom('session_stops').select('seq').where('session_id', '=', sessionId).execute(),
      ]);
      const byEnrolment = new Map(people.map((p) => [p.enrolment_id, p]));
      const seqs = new Set([0, ...stops.map((s) => s.seq)]);
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        const person = byEnrolment.get(e.enrolmentId);
        if (!person) errors.push({ field: `${i}.enrolmentId`, message: '该学员不在本课程的参训名单中' });
        if (!seqs.has(e.stopSeq)) errors.push({ field: `${i}.stopSeq`, message: '本课程没有该考察点' });
        const key = `${e.enrolmentId}:${e.stopSeq}`;
        if (seen.has(key)) errors.push({ field: `${i}.enrolmentId`, message: '同一学员重复提交' });
        seen.add(key);
      });
      if (errors.length > 0) throw invalid(errors);
      if (entries.some((e) => !reachesClass(reach, byEnrolment.get(e.enrolmentId)!.class_id))) throw forbidden('只能为本人带班的学员点名');

      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('attendance')
          .select(['enrolment_id', 'stop_seq', 'status', 'minutes_missed', 'remarks'])
          .where('session_id', '=', sessionId)
          .where(
            'enrolment_id',
            'in',
            entries.map((e) => e.enrolmentId),
          )
          .execute();
        const at = nowIso();
        for (const e of entries) {
          const person = byEnrolment.get(e.enrolmentId)!;
          const values = { status: e.status, minutes_missed: e.minutesMissed, remarks: e.remarks ?? null, recorded_by: actor.userId || null, updated_at: at };
          await trx
            .insertInto('attendance')
            .values({
              session_id: sessionId,
              stop_seq: e.stopSeq,
              cadre_id: person.cadre_id,
              enrolment_id: e.enrolmentId,
              method: 'manual',
              checked_in_at: null,
              lat: null,
              lng: null,
              accuracy_m: null,
              distance_m: null,
              created_at: at,
              ...values,
            })
            .onConflict((oc) => oc.columns(['session_id', 'stop_seq', 'cadre_id']).doUpdateSet(values))
            .execute();
        }
        await recordAudit(trx, actor, {
          action: 'attendance.roll_call',
          entityType: 'session',
          entityId: sessionId,
          scopePath: scoped.organizer_path,
          summary: `「${session.title}」点名：${entries.length} 条`,
          before: before.filter((b) => seen.has(`${b.enrolment_id}:${b.stop_seq}`)),
          after: entries,
        });
        await recomputeProgramHours(trx, session.program_id, [...new Set(entries.map((e) => byEnrolment.get(e.enrolmentId)!.cadre_id))]);
      });
      return this.get(actor, sessionId);
    },

    /** Per session: expected trainees and how their marks (the session itself, not stops) stand. */
    async summary(actor: Actor, programId: number): Promise<AttendanceSummary> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const [sessions, marks] = await Promise.all([
        read
          .selectFrom('program_sessions')
          .select(['id', 'title', 'type', 'starts_at', 'ends_at'])
          .where('program_id', '=', programId)
          .orderBy('starts_at')
          .orderBy('id')
          .execute(),
        read
          .selectFrom('program_sessions as s')
          .innerJoin('enrolments as e', 'e.program_id', 's.program_id')
          .leftJoin('attendance as a', (j) => j.onRef('a.session_id', '=', 's.id').onRef('a.enrolment_id', '=', 'e.id').on('a.stop_seq', '=', 0))
          .select(['s.id as session_id', 'a.status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('s.program_id', '=', programId)
          .where('e.status', '=', 'enrolled')
          .where((eb) => sessionIsForEnrolment(eb))
          .groupBy(['s.id', 'a.status'])
          .execute(),
      ]);
      const tally = new Map<number, Record<string, number>>();
      for (const m of marks) {
        const t = tally.get(m.session_id) ?? {};
        t[m.status ?? 'none'] = (t[m.status ?? 'none'] ?? 0) + Number(m.n);
        tally.set(m.session_id, t);
      }
      return {
        sessions: sessions.map((s) => {
          const t = tally.get(s.id) ?? {};
          const expected = Object.values(t).reduce((a, b) => a + b, 0);
          const attended = ATTENDED.reduce((a, st) => a + (t[st] ?? 0), 0);
          return {
            sessionId: s.id,
            title: s.title,
            type: s.type as SessionType,
            startsAt: s.starts_at,
            endsAt: s.ends_at,
            expected,
            present: t['present'] ?? 0,
            late: t['late'] ?? 0,
            leftEarly: t['left_early'] ?? 0,
            absent: t['absent'] ?? 0,
            excused: t['excused'] ?? 0,
            notRecorded: t['none'] ?? 0,
            rate: attendanceRate(attended, expected),
          };
        }),
      };
    },
  };
}

export type RollCallService = ReturnType<typeof createRollCallService>;
