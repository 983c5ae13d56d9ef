// 培训档案: a cadre's programs (with hours, assessment, absences, leave), manual entries, yearly totals and compliance.
// Access is the caller's business (cadres.service checks scope; /me uses the trainee's own cadre).
import { evaluateCompliance, sumHours, type HoursEntry } from '@duibiao/core/hours/index';
import type { Assessment, ProgramStatus, ProgramType, Rank, ReviewResult, TrainingFile } from '@duibiao/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { presentEntry, type EntryRow } from './hours-entries.repo.ts';
import { loadAllRules } from './hours-rules.repo.ts';
import { createRuleResolver } from './hours-rules.rules.ts';
import { approvedLeaveOf, groupBy, marksOf, sessionsOfPrograms } from './program-hours.repo.ts';
import { progressOf } from './progress.rules.ts';
import { beijingYear } from './time.ts';

export async function loadTrainingFile(db: Kysely<Database>, cadreId: number, year = beijingYear()): Promise<TrainingFile> {
  const cadre = await db
    .selectFrom('cadres as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.rank', 'o.id as org_id', 'o.name as org_name', 'o.path as org_path'])
    .where('c.id', '=', cadreId)
    .executeTakeFirst();
  if (!cadre) throw notFound('干部');
  const [enrolments, entries, stored, evaluations] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .innerJoin('programs as p', 'p.id', 'e.program_id')
      .innerJoin('organizations as org', 'org.id', 'p.organizer_org_id')
      .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
      .select([
        'e.id',
        'e.program_id',
        'e.class_id',
        'e.group_id',
        'e.status',
        'e.assessment',
        'e.assessment_reason',
        'e.withdrawal_flagged_at',
        'p.name',
        'p.type',
        'p.status as program_status',
        'p.start_date',
        'p.end_date',
        'org.name as organizer',
        'pc.name as class_name',
      ])
      .where('e.cadre_id', '=', cadreId)
      .orderBy('p.start_date', 'desc')
      .execute(),
    db.selectFrom('hours_entries').selectAll().where('cadre_id', '=', cadreId).orderBy('date', 'desc').orderBy('id', 'desc').execute(),
    loadAllRules(db),
    // Published final evaluations (综合评价, issue 5).
    db.selectFrom('evaluation_results').select(['program_id', 'score', 'grade', 'published_at']).where('cadre_id', '=', cadreId).execute(),
  ]);
  const evaluationBy = new Map(evaluations.map((r) => [r.program_id, { score: Number(r.score), grade: r.grade as ReviewResult, publishedAt: r.published_at }]));
  const enrolmentIds = enrolments.map((e) => e.id);
  const [sessions, marks, leave] = await Promise.all([
    sessionsOfPrograms(
      db,
      enrolments.map((e) => e.program_id),
    ),
    marksOf(db, enrolmentIds),
    approvedLeaveOf(db, enrolmentIds),
  ]);
  const sessionsBy = groupBy(sessions, (s) => s.program_id);
  const marksBy = groupBy(marks, (m) => m.enrolment_id);
  const leaveBy = groupBy(leave, (l) => l.enrolment_id);
  // A program's hours: attendance-derived rows plus, for long placements, the final assessment's row (issue 4).
  const ledgerBy = groupBy(
    entries.filter((e) => e.source === 'program' || e.source === 'placement'),
    (e) => e.program_id,
  );

  const programs = enrolments.map((e) => {
    const progress = progressOf(
      sessionsBy.get(e.program_id) ?? [],
      e,
      new Map((marksBy.get(e.id) ?? []).map((m) => [m.session_id, m.status])),
      new Set((leaveBy.get(e.id) ?? []).map((l) => l.session_id)),
    );
    const rows = ledgerBy.get(e.program_id) ?? [];
    return {
      programId: e.program_id,
      name: e.name,
      type: e.type as ProgramType,
      status: e.program_status as ProgramStatus,
      organizer: e.organizer,
      startDate: e.start_date,
      endDate: e.end_date,
      className: e.class_name,
      enrolmentStatus: e.status,
      hours: sumHours(rows.map((r) => Number(r.hours))),
      onlineHours: sumHours(rows.filter((r) => r.category === 'online').map((r) => Number(r.hours))),
      days: rows.reduce((n, r) => n + Number(r.days), 0),
      assessment: (e.assessment as Assessment | null) ?? null,
      assessmentReason: e.assessment_reason,
      absences: progress.absences,
      leaveHours: progress.leaveHours,
      withdrawalFlagged: e.withdrawal_flagged_at !== null,
      evaluation: evaluationBy.get(e.program_id) ?? null,
    };
  });

  const ledger: HoursEntry[] = entries.map((e) => ({
    date: e.date,
    hours: Number(e.hours),
    days: Number(e.days),
    category: e.category === 'online' ? 'online' : 'offline',
  }));
  const rules = createRuleResolver(stored)(cadre.org_path);
  const rank = (cadre.rank as Rank | null) ?? null;
  const results = evaluateCompliance({ rank, entries: ledger, year, rules });
  return {
    cadreId: cadre.id,
    name: cadre.name,
    rank,
    org: { id: cadre.org_id, name: cadre.org_name },
    programs,
    manualEntries: entries.filter((e) => e.source === 'manual').map((e) => presentEntry(e as EntryRow)),
    years: yearTotals(ledger),
    totalHours: sumHours(ledger.map((e) => e.hours)),
    compliance: {
      year,
      rules: rules.filter((r) => results.some((x) => x.ruleId === r.id)).map((r) => ({ id: r.id, name: r.name })),
      results,
      compliant: results.every((r) => r.compliant),
    },
  };
}

function yearTotals(ledger: readonly HoursEntry[]): TrainingFile['years'] {
  const byYear = groupBy(ledger, (e) => Number(e.date.slice(0, 4)));
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({
      year,
      hours: sumHours(list.map((e) => e.hours)),
      onlineHours: sumHours(list.filter((e) => e.category === 'online').map((e) => e.hours)),
      days: list.reduce((n, e) => n + e.days, 0),
    }));
}
