// Results funnel (转化漏斗): questions → key problems → topics → submitted reports → recommendations → landed, for
// one program (its tab) or every program the caller organizes (the department dashboard, with a monthly series).
import type { FunnelCounts, FunnelDashboard, FunnelQuery, ProgramFunnel } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/errors.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { beijingToday } from '../hours/time.ts';
import { programInScope } from '../programs/program-access.ts';
import * as funnelRepo from './funnel.repo.ts';
import { presentRecommendationSummary } from './trace.present.ts';
import { listRecommendationsOfProgram } from './trace.repo.ts';
import {
  addMonths,
  beijingMonthOf,
  beijingMonthStart,
  funnelOf,
  monthWindow,
  monthsBetween,
  snapshotStage,
  sumFunnels,
  type KeyProblemStage,
} from './trace.rules.ts';

/** Funnels of these programs in seven grouped queries, whatever their number. */
async function funnelsOf(db: Kysely<Database>, ids: number[], today: string): Promise<Map<number, FunnelCounts>> {
  const out = new Map<number, FunnelCounts>();
  if (ids.length === 0) return out;
  const [questions, topics, reports, active, versions, recs] = await Promise.all([
    funnelRepo.countQuestions(db, ids),
    funnelRepo.countTopics(db, ids),
    funnelRepo.countSubmittedReports(db, ids),
    funnelRepo.countActiveKeyProblems(db, ids),
    funnelRepo.latestVersions(db, ids),
    funnelRepo.countRecommendations(db, ids, today),
  ]);
  for (const id of ids) {
    const version = versions.get(id);
    const working = active.filter((a) => a.programId === id);
    const keyProblems: KeyProblemStage = version
      ? snapshotStage(version.snapshot, version.version)
      : {
          total: working.reduce((s, a) => s + a.count, 0),
          fixed: working.filter((a) => a.kind === 'fixed').reduce((s, a) => s + a.count, 0),
          open: working.filter((a) => a.kind === 'open').reduce((s, a) => s + a.count, 0),
          version: null,
        };
    const byStatus: Record<string, number> = {};
    for (const r of recs.byStatus) if (r.programId === id) byStatus[r.status] = r.count;
    out.set(
      id,
      funnelOf({
        questions: questions.get(id) ?? 0,
        keyProblems,
        topics: topics.get(id) ?? 0,
        reports: reports.get(id) ?? 0,
        byStatus,
        overdue: recs.overdue.get(id) ?? 0,
      }),
    );
  }
  return out;
}

const hasResults = (f: FunnelCounts) => f.questions + f.keyProblems + f.topics + f.reports + f.recommendations > 0;

export function createFunnelService(ctx: AppContext) {
  const db = ctx.db.kysely;

  return {
    /** One program's funnel and its recommendations (for the list beside the chart). */
    async program(actor: Actor, programId: number): Promise<ProgramFunnel> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(db, actor, programId);
      const today = beijingToday();
      const [funnels, recommendations] = await Promise.all([funnelsOf(db, [program.id], today), listRecommendationsOfProgram(db, program.id)]);
      return {
        programId: program.id,
        programName: program.name,
        funnel: funnels.get(program.id)!,
        recommendations: recommendations.map((r) => presentRecommendationSummary(r, today)),
      };
    },

    /**
     * Every program of the subtree that has results (or the one asked for), their totals, and a monthly series in
     * [from, to] (Beijing months). Stage counts are all-time; only the series is windowed.
     */
    async dashboard(actor: Actor, query: FunnelQuery): Promise<FunnelDashboard> {
      requirePermission(actor, 'program:read');
      const today = beijingToday();
      const window = monthWindow(query.from, query.to, today.slice(0, 7));
      if (!window.ok) throw invalid(window.errors);
      if (query.programId !== undefined) await programInScope(db, actor, query.programId);
      const programs = await funnelRepo.listProgramsInSubtree(db, scopePrefix(actor), query.programId);
      const funnels = await funnelsOf(
        db,
        programs.map((p) => p.id),
        today,
      );
      const shown = programs.filter((p) => query.programId !== undefined || hasResults(funnels.get(p.id)!));
      const ids = shown.map((p) => p.id);
      const fromInstant = beijingMonthStart(window.from);
      const beforeInstant = beijingMonthStart(addMonths(window.to, 1));
      const series =
        ids.length === 0
          ? []
          : await Promise.all([
              funnelRepo.countByHour(db, 'problem_questions', 'created_at', ids, fromInstant, beforeInstant),
              funnelRepo.countByHour(db, 'research_topics', 'created_at', ids, fromInstant, beforeInstant),
              funnelRepo.countByHour(db, 'research_reports', 'submitted_at', ids, fromInstant, beforeInstant),
              funnelRepo.countByHour(db, 'recommendations', 'created_at', ids, fromInstant, beforeInstant),
              funnelRepo.countByHour(db, 'recommendations', 'landed_at', ids, fromInstant, beforeInstant),
            ]);
      const perMonth = series.map((hours) => {
        const byMonth = new Map<string, number>();
        for (const h of hours) {
          const month = beijingMonthOf(h.hour);
          byMonth.set(month, (byMonth.get(month) ?? 0) + h.count);
        }
        return byMonth;
      });
      const at = (i: number, month: string) => perMonth[i]?.get(month) ?? 0;
      return {
        from: window.from,
        to: window.to,
        programs: shown.map((p) => ({ programId: p.id, programName: p.name, programStatus: p.status, funnel: funnels.get(p.id)! })),
        totals: sumFunnels(shown.map((p) => funnels.get(p.id)!)),
        months: monthsBetween(window.from, window.to).map((month) => ({
          month,
          questions: at(0, month),
          topics: at(1, month),
          reports: at(2, month),
          recommendations: at(3, month),
          landed: at(4, month),
        })),
      };
    },
  };
}
