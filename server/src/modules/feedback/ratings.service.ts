// Session ratings: a trainee rates each session meant for them once it has ended; managers read anonymous results
// per session, instructor, venue and program.
import {
  MIN_RATINGS_TO_SHOW,
  type PendingRating,
  type ProgramEvaluation,
  type SessionRating,
  type SessionRatingInput,
  type SessionType,
} from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { sessionIsFor } from '../programs/audience.ts';
import { programInScope } from '../programs/program-access.ts';
import { findSessionForTrainee, insertRating, instructorsOf, listAnonymousRatings, listProgramSessions, listUnratedSessions } from './ratings.repo.ts';
import { anonymousComments, hasEnded, summarizeRatings, type AnonymousRating } from './ratings.rules.ts';

export function createRatingService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  return {
    /** Rates one session; 404 unless it is for the caller, 400 before it ends, 409 the second time. */
    async rate(actor: Actor, input: SessionRatingInput): Promise<SessionRating> {
      if (actor.cadreId === null) throw notFound('课程');
      const cadreId = actor.cadreId;
      const session = await findSessionForTrainee(read, input.sessionId, cadreId);
      if (!session || !sessionIsFor(session, session)) throw notFound('课程');
      if (!hasEnded(session.ends_at)) throw invalid([{ field: 'sessionId', message: '课程结束后才能评价' }]);
      const at = nowIso();
      const row = {
        session_id: session.id,
        cadre_id: cadreId,
        content: input.content,
        delivery: input.delivery,
        usefulness: input.usefulness,
        comment: input.comment ?? null,
        created_at: at,
      };
      try {
        const id = await db.transaction().execute(async (trx) => {
          const newId = await insertRating(trx, row);
          // The audit entry names the session, not the rating, and carries no scores: reports stay anonymous.
          await recordAudit(trx, actor, {
            action: 'rating.create',
            entityType: 'session',
            entityId: session.id,
            scopePath: session.organizer_path,
            summary: `评价课程 ${session.title}`,
          });
          return newId;
        });
        return { id, sessionId: session.id, content: row.content, delivery: row.delivery, usefulness: row.usefulness, comment: row.comment, createdAt: at };
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('已评价过该课程', [{ field: 'sessionId', message: '每门课程只能评价一次' }]);
        throw error;
      }
    },

    /** Ended sessions meant for the caller that they have not rated, newest first. */
    async pending(actor: Actor): Promise<PendingRating[]> {
      if (actor.cadreId === null) return [];
      const now = Date.now();
      const rows = (await listUnratedSessions(read, actor.cadreId)).filter((r) => hasEnded(r.ends_at, now));
      const names = groupNames(
        await instructorsOf(
          read,
          rows.map((r) => r.id),
        ),
      );
      return rows.map((r) => ({
        sessionId: r.id,
        programId: r.program_id,
        programName: r.program_name,
        title: r.title,
        type: r.type as SessionType,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        venueName: r.venue_name,
        instructorNames: names.get(r.id) ?? [],
      }));
    },

    /** Anonymous results of a program: per ended session, per instructor, per venue and overall. */
    async programEvaluation(actor: Actor, programId: number): Promise<ProgramEvaluation> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const now = Date.now();
      const sessions = (await listProgramSessions(read, programId)).filter((s) => hasEnded(s.ends_at, now));
      const teaching = await instructorsOf(
        read,
        sessions.map((s) => s.id),
      );
      const bySession = new Map<number, AnonymousRating[]>();
      for (const r of await listAnonymousRatings(read, programId)) bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), r]);
      const ratingsOf = (ids: Iterable<number>) => [...ids].flatMap((id) => bySession.get(id) ?? []);
      const names = groupNames(teaching);

      const instructors = new Map<number, { name: string; title: string | null; unit: string | null; sessions: Set<number> }>();
      for (const t of teaching) {
        const entry = instructors.get(t.id) ?? { name: t.name, title: t.title, unit: t.unit, sessions: new Set<number>() };
        entry.sessions.add(t.session_id);
        instructors.set(t.id, entry);
      }
      const venues = new Map<number, { name: string; address: string | null; sessions: Set<number> }>();
      for (const s of sessions) {
        if (s.venue_id === null || s.venue_name === null) continue;
        const entry = venues.get(s.venue_id) ?? { name: s.venue_name, address: s.venue_address, sessions: new Set<number>() };
        entry.sessions.add(s.id);
        venues.set(s.venue_id, entry);
      }

      return {
        programId,
        minRatingsToShow: MIN_RATINGS_TO_SHOW,
        overall: summarizeRatings(ratingsOf(sessions.map((s) => s.id))),
        sessions: sessions.map((s) => {
          const ratings = bySession.get(s.id) ?? [];
          return {
            sessionId: s.id,
            title: s.title,
            type: s.type as SessionType,
            startsAt: s.starts_at,
            venueName: s.venue_name,
            instructorNames: names.get(s.id) ?? [],
            ...summarizeRatings(ratings),
            comments: anonymousComments(ratings),
          };
        }),
        instructors: [...instructors].map(([id, i]) => ({
          instructorId: id,
          name: i.name,
          title: i.title,
          unit: i.unit,
          sessions: i.sessions.size,
          ...summarizeRatings(ratingsOf(i.sessions)),
        })),
        venues: [...venues].map(([id, v]) => ({
          venueId: id,
          name: v.name,
          address: v.address,
          sessions: v.sessions.size,
          ...summarizeRatings(ratingsOf(v.sessions)),
        })),
      };
    },
  };
}

function groupNames(rows: readonly { session_id: number; name: string }[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.session_id, [...(map.get(r.session_id) ?? []), r.name]);
  return map;
}
