// Dashboards: one program (attendance, curriculum, evaluations, leave, hours, assessments) and the organization
// department's view of its subtree for a year (programs by type/status, trainees, hours compliance, what is next).
import { evaluateCompliance, summariseUnit, type HoursEntry, type HoursRule } from '@duibiao/core/hours/index';
import { MIN_RATINGS_TO_SHOW, PROGRAM_STATUSES, PROGRAM_TYPES, type OrgDashboard, type ProgramDashboard, type Rank } from '@duibiao/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inSubtree } from '../../db/dialect.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { loadAllRules } from '../hours/hours-rules.repo.ts';
import { createRuleResolver } from '../hours/hours-rules.rules.ts';
import { programInScope } from '../programs/program-access.ts';
import { loadStanding } from './assessments.ts';
import { beijingDate } from './certificate-pdf.ts';
import { leaveCountsByStatus, listAttendance, ratingsBySession } from './closeout.repo.ts';
import { createTimetableService } from '../timetable/timetable.service.ts';
import { attendanceBySession, hoursHistogram, round } from './dashboard.rules.ts';

/** An average, or null under the anonymity threshold (a handful of ratings would expose who gave which). */
const avg = (sum: number, n: number, of = n) => (of >= MIN_RATINGS_TO_SHOW ? round(sum / n, 2) : null);

/** The current instant as stored session times are written: Beijing wall time with +08:00. */
const beijingNow = () => `${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

export function createDashboardService(ctx: AppContext) {
  const read = ctx.db.read;
  // Curriculum figures come from the timetable module, so the dashboard and the timetable tab never disagree.
  const timetable = createTimetableService(ctx);

  /**
   * Hours compliance of every cadre in the subtree for the year, under the rules in force at each cadre's unit.
   * The ledger is summed per cadre, calendar year and category in SQL; every rule window is whole calendar years,
   * so a per-year total dated mid-year stands in for that year's entries.
   */
  async function compliance(prefix: string, year: number): Promise<OrgDashboard['compliance']> {
    const ruleFor = createRuleResolver(await loadAllRules(read));
    const cadres = await read
      .selectFrom('cadres as c')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.rank', 'o.path'])
      .where(inSubtree('o.path', prefix))
      .execute();
    const yearOf = sql<string>`substr(h.date, 1, 4)`;
    const sums = await read
      .selectFrom('hours_entries as h')
      .innerJoin('cadres as c', 'c.id', 'h.cadre_id')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select([
        'h.cadre_id',
        'h.category',
        yearOf.as('y'),
        sql<number>`sum(cast(h.hours as double precision))`.as('hours'),
        (eb) => eb.fn.sum<number>('h.days').as('days'),
      ])
      .where(inSubtree('o.path', prefix))
      // Five-year windows reach back at most four years before the year asked for.
      .where('h.date', '>=', `${year - 4}-01-01`)
      .where('h.date', '<=', `${year}-12-31`)
      .groupBy(['h.cadre_id', 'h.category', sql.ref('y')])
      .execute();
    const entries = new Map<number, HoursEntry[]>();
    for (const s of sums) {
      const list = entries.get(s.cadre_id) ?? [];
      list.push({ date: `${s.y}-07-01`, hours: Number(s.hours ?? 0), days: Number(s.days ?? 0), category: s.category === 'online' ? 'online' : 'offline' });
      entries.set(s.cadre_id, list);
    }
    const names = new Map<string, HoursRule['name']>();
    const results = cadres.map((c) => {
      const rules = ruleFor(c.path);
      for (const r of rules) names.set(r.id, r.name);
      return evaluateCompliance({ rank: c.rank as Rank | null, entries: entries.get(c.id) ?? [], year, rules });
    });
    const unit = summariseUnit(results);
    return {
      cadres: unit.cadres.total,
      compliant: unit.cadres.compliant,
      nonCompliant: unit.cadres.nonCompliant,
      rate: unit.cadres.rate,
      rules: unit.rules.map((r) => ({
        ruleId: r.ruleId,
        name: names.get(r.ruleId) ?? { zh: r.ruleId, en: r.ruleId },
        evaluated: r.evaluated,
        compliant: r.compliant,
        rate: r.rate,
      })),
    };
  }

  /** The next ten sessions of programs in the subtree. */
  async function upcoming(prefix: string): Promise<OrgDashboard['upcomingSessions']> {
    const rows = await read
      .selectFrom('program_sessions as s')
      .innerJoin('programs as p', 'p.id', 's.program_id')
      .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
      .leftJoin('venues as v', 'v.id', 's.venue_id')
      .select(['s.id', 's.program_id', 'p.name as program_name', 's.title', 's.type', 's.starts_at', 's.ends_at', 'v.name as venue_name'])
      .where(inSubtree('o.path', prefix))
      .where('s.starts_at', '>=', beijingNow())
      .orderBy('s.starts_at')
      .orderBy('s.id')
      .limit(10)
      .execute();
    return rows.map((r) => ({
      sessionId: r.id,
      programId: r.program_id,
      programName: r.program_name,
      title: r.title,
      type: r.type,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      venue: r.venue_name,
    }));
  }

  return {
    async programDashboard(actor: Actor, programId: number): Promise<ProgramDashboard> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      const now = Date.now();
      const [standing, marks, ratings, leave] = await Promise.all([
        loadStanding(read, programId, now),
        listAttendance(read, programId),
        ratingsBySession(read, programId),
        leaveCountsByStatus(read, programId),
      ]);
      const { sessions, roster, rows } = standing;
      const bySession = attendanceBySession(sessions, roster, marks, now);
      const recorded = bySession.filter((r) => r.rate !== null);
      const expected = recorded.reduce((s, r) => s + r.expected, 0);
      const attended = recorded.reduce((s, r) => s + r.attended, 0);
      const metrics = await timetable.metrics(actor, programId, {});
      const responses = ratings.reduce((s, r) => s + r.n, 0);
      const active = rows.filter((r) => !r.withdrawn);
      const hours = active.map((r) => r.creditedHours);
      const totalHours = round(
        hours.reduce((a, b) => a + b, 0),
        2,
      );
      const resultCounts = new Map<string, number>();
      for (const r of rows) resultCounts.set(r.result ?? 'none', (resultCounts.get(r.result ?? 'none') ?? 0) + 1);
      return {
        programId,
        trainees: active.length,
        sessions: sessions.length,
        endedSessions: bySession.length,
        attendanceBySession: bySession,
        overallAttendanceRate: expected > 0 ? round(attended / expected) : null,
        curriculum: {
          totalHours: metrics.totalHours,
          onsiteShare: round(metrics.onsiteShare),
          seminarHours: metrics.seminarHours,
          hoursByType: Object.fromEntries(metrics.hoursByType.map((h) => [h.type, h.hours])),
          checks: metrics.checks,
        },
        evaluations: {
          responses,
          content: avg(
            ratings.reduce((s, r) => s + r.content, 0),
            responses,
          ),
          delivery: avg(
            ratings.reduce((s, r) => s + r.delivery, 0),
            responses,
          ),
          usefulness: avg(
            ratings.reduce((s, r) => s + r.usefulness, 0),
            responses,
          ),
          bySession: ratings.map((r) => ({
            sessionId: r.sessionId,
            title: r.title,
            responses: r.n,
            average: avg(r.content + r.delivery + r.usefulness, 3 * r.n, r.n),
          })),
        },
        leaveByStatus: leave,
        hours: { total: totalHours, average: active.length > 0 ? round(totalHours / active.length, 2) : null, distribution: hoursHistogram(hours) },
        assessments: [...resultCounts].map(([key, count]) => ({ key, count })),
      };
    },

    async orgDashboard(actor: Actor, query: { year?: number | undefined }): Promise<OrgDashboard> {
      requirePermission(actor, 'program:read');
      const year = query.year ?? Number(beijingDate(new Date().toISOString()).slice(0, 4));
      const prefix = scopePrefix(actor);
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      // Programs running at any time in the year, organized inside the caller's subtree.
      const programs = await read
        .selectFrom('programs as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
        .select([
          'p.id',
          'p.name',
          'p.type',
          'p.status',
          (eb) =>
            eb
              .selectFrom('enrolments as e')
              .select(eb.fn.countAll<number>().as('n'))
              .whereRef('e.program_id', '=', 'p.id')
              .where('e.status', '<>', 'withdrawn')
              .as('trainees'),
          (eb) => eb.selectFrom('program_sessions as s').select(eb.fn.countAll<number>().as('n')).whereRef('s.program_id', '=', 'p.id').as('sessions'),
        ])
        .where(inSubtree('o.path', prefix))
        .where('p.start_date', '<=', to)
        .where('p.end_date', '>=', from)
        .orderBy('p.start_date')
        .orderBy('p.id')
        .execute();
      const perProgram = programs.map((p) => ({
        programId: p.id,
        name: p.name,
        trainees: Number(p.trainees ?? 0),
        sessions: Number(p.sessions ?? 0),
        type: p.type,
        status: p.status,
      }));

      const [hoursCompliance, nextSessions] = await Promise.all([compliance(prefix, year), upcoming(prefix)]);
      return {
        year,
        programs: programs.length,
        byType: PROGRAM_TYPES.map((type) => ({ type, count: perProgram.filter((p) => p.type === type).length })),
        byStatus: PROGRAM_STATUSES.map((status) => ({ status, count: perProgram.filter((p) => p.status === status).length })),
        traineesPerProgram: [...perProgram]
          .sort((a, b) => b.trainees - a.trainees || a.programId - b.programId)
          .map(({ programId, name, trainees, sessions }) => ({ programId, name, trainees, sessions })),
        trainees: perProgram.reduce((s, p) => s + p.trainees, 0),
        sessions: perProgram.reduce((s, p) => s + p.sessions, 0),
        compliance: hoursCompliance,
        upcomingSessions: nextSessions,
      };
    },
  };
}
