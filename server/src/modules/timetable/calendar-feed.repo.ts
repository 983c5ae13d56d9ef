// The sessions one cadre must attend across all their enrolments (the audience rule of programs/audience.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sessionIsForEnrolment } from '../programs/audience.ts';
import { SESSION_COLUMNS } from './timetable.repo.ts';
import { presentSessions, type SessionRow } from './timetable.rules.ts';
import type { TimetableSession } from '@duibiao/contracts';

export interface TraineeFeed {
  cadreName: string | null;
  sessions: (TimetableSession & { programName: string })[];
}

export async function loadTraineeFeed(db: Kysely<Database>, cadreId: number): Promise<TraineeFeed> {
  const cadre = await db.selectFrom('cadres').select('name').where('id', '=', cadreId).executeTakeFirst();
  if (!cadre) return { cadreName: null, sessions: [] };
  const rows = await db
    .selectFrom('enrolments as e')
    .innerJoin('program_sessions as s', 's.program_id', 'e.program_id')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select([...SESSION_COLUMNS, 'p.name as program_name'])
    .where('e.cadre_id', '=', cadreId)
    .where('e.status', '=', 'enrolled')
    .where('p.status', '!=', 'draft')
    .where((eb) => sessionIsForEnrolment(eb))
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const instructors = ids.length
    ? await db
        .selectFrom('session_instructors as si')
        .innerJoin('instructors as i', 'i.id', 'si.instructor_id')
        .select(['si.session_id', 'si.instructor_id', 'i.name', 'i.title', 'i.unit'])
        .where('si.session_id', 'in', ids)
        .execute()
    : [];
  const programNames = new Map(rows.map((r) => [r.id, r.program_name]));
  const sessions = presentSessions({ sessions: rows as SessionRow[], instructors, stops: [] }, new Map(), new Map());
  return { cadreName: cadre.name, sessions: sessions.map((s) => ({ ...s, programName: programNames.get(s.id) ?? '' })) };
}
