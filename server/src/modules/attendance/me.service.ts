// The signed-in trainee's own programs and day: the phone's home screen. The cadre always comes from the
// session (actor.cadreId), never from the request.
import type { AttendanceMark, AttendanceStatus, MyProgram, MySessions, ProgramType, SessionType } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../auth/actor.ts';
import { sessionIsForEnrolment } from '../programs/audience.ts';
import { beijingDate, checkinState, roundHours, windowDto, windowOf } from './attendance.rules.ts';

const parseRoles = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
};

export function createMeService(ctx: AppContext) {
  const read = ctx.db.read;
  return {
    async programs(actor: Actor): Promise<MyProgram[]> {
      if (actor.cadreId === null) return [];
      const rows = await read
        .selectFrom('enrolments as e')
        .innerJoin('programs as p', 'p.id', 'e.program_id')
        .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
        .leftJoin('class_groups as g', 'g.id', 'e.group_id')
        .select([
          'p.id',
          'e.id as enrolment_id',
          'p.code',
          'p.name',
          'p.type',
          'p.status',
          'p.start_date',
          'p.end_date',
          'pc.name as class_name',
          'g.name as group_name',
          'e.roles',
          'e.withdrawal_flagged_at',
        ])
        .where('e.cadre_id', '=', actor.cadreId)
        .where('e.status', '=', 'enrolled')
        .where('p.status', '!=', 'draft')
        .orderBy('p.start_date', 'desc')
        .orderBy('p.id', 'desc')
        .execute();
      return rows.map((r) => ({
        programId: r.id,
        enrolmentId: r.enrolment_id,
        code: r.code,
        name: r.name,
        type: r.type as ProgramType,
        status: r.status,
        startDate: r.start_date,
        endDate: r.end_date,
        className: r.class_name,
        groupName: r.group_name,
        roles: parseRoles(r.roles),
        withdrawalFlagged: r.withdrawal_flagged_at !== null,
      }));
    },

    /** My sessions on one Beijing date (default today), with my marks and where check-in stands now. */
    async sessions(actor: Actor, date?: string): Promise<MySessions> {
      const now = Date.now();
      const day = date ?? beijingDate(now);
      if (actor.cadreId === null) return { date: day, sessions: [] };
      const sessions = await read
        .selectFrom('enrolments as e')
        .innerJoin('program_sessions as s', 's.program_id', 'e.program_id')
        .innerJoin('programs as p', 'p.id', 's.program_id')
        .leftJoin('venues as v', 'v.id', 's.venue_id')
        .select([
          's.id',
          's.program_id',
          'p.name as program_name',
          's.title',
          's.type',
          's.starts_at',
          's.ends_at',
          's.credited_hours',
          's.checkin_enabled',
          's.geofence_m',
          'v.name as venue_name',
          'v.address as venue_address',
          'v.lat as venue_lat',
          'e.id as enrolment_id',
        ])
        .where('e.cadre_id', '=', actor.cadreId)
        .where('e.status', '=', 'enrolled')
        .where('p.status', '!=', 'draft')
        .where((eb) => sessionIsForEnrolment(eb))
        // Instants are stored in Beijing time (+08:00), so the first ten characters are the Beijing date.
        .where((eb) => eb(eb.fn('substr', ['s.starts_at', eb.val(1), eb.val(10)]), '=', day))
        .orderBy('s.starts_at')
        .orderBy('s.id')
        .execute();
      const ids = sessions.map((s) => s.id);
      const [marks, stops] =
        ids.length === 0
          ? [[], []]
          : await Promise.all([
              read
                .selectFrom('attendance')
                .select(['session_id', 'status', 'method', 'checked_in_at', 'minutes_missed', 'remarks'])
                .where('cadre_id', '=', actor.cadreId)
                .where('stop_seq', '=', 0)
                .where('session_id', 'in', ids)
                .execute(),
              read.selectFrom('session_stops').select(['session_id', 'seq', 'name']).where('session_id', 'in', ids).orderBy('seq').execute(),
            ]);
      return {
        date: day,
        sessions: sessions.map((s) => {
          const m = marks.find((x) => x.session_id === s.id);
          const mark: AttendanceMark | null = m
            ? {
                status: m.status as AttendanceStatus,
                method: m.method as AttendanceMark['method'],
                checkedInAt: m.checked_in_at,
                minutesMissed: m.minutes_missed,
                remarks: m.remarks,
              }
            : null;
          return {
            id: s.id,
            programId: s.program_id,
            programName: s.program_name,
            title: s.title,
            type: s.type as SessionType,
            startsAt: s.starts_at,
            endsAt: s.ends_at,
            creditedHours: roundHours(s.credited_hours),
            venue: s.venue_name === null ? null : { name: s.venue_name, address: s.venue_address },
            stops: stops.filter((st) => st.session_id === s.id).map((st) => ({ seq: st.seq, name: st.name })),
            mark,
            checkinEnabled: s.checkin_enabled === 1,
            needsLocation: s.geofence_m !== null && s.venue_lat !== null,
            state: checkinState(s, now),
            window: windowDto(windowOf(s)),
          };
        }),
      };
    },
  };
}
export type MeService = ReturnType<typeof createMeService>;
