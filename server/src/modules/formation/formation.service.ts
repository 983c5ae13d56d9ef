// Formation service (issue 4): class and group formation (分班建组): the instance and feasibility report, solver proposal,
// live evaluation of hand edits, saving the draft with locks, and applying it to the enrolments.
import type {
  FieldError,
  FormationApplyResult,
  FormationDraft,
  FormationDraftInput,
  FormationEvaluateInput,
  FormationEvaluation,
  FormationLock,
  FormationSolveInput,
  FormationView,
} from '@duibiao/contracts';
import { evaluate, feasibilityReport, parseInstance, solveGrouping, type GroupingInstance, type GroupSize } from '@duibiao/core/grouping/index';
import type { AppContext } from '../../context.ts';
import { invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope, type ScopedProgram } from '../programs/program-access.ts';
import { applyDraft } from './formation.apply.ts';
import { loadRoster, rawInstance, type Roster } from './formation.instance.ts';
import { findDraft, upsertDraft, type StoredDraft } from './formation.repo.ts';
import { labelsFor, readableFeasibility, readableViolations, rosterIssues, solutionStats, structuralErrors } from './formation.rules.ts';

const DEFAULT_GROUP_SIZE: GroupSize = { min: 6, max: 10 };

/** Locks must name trainees and classes of this program, each trainee once. */
function lockErrors(roster: Roster, locks: readonly FormationLock[]): FieldError[] {
  const people = new Set(roster.people.map((p) => p.id));
  const classes = new Set(roster.classes.map((c) => c.id));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  locks.forEach((l, i) => {
    if (!people.has(l.person)) errors.push({ field: `locks.${i}.person`, message: '不是本项目的在册学员' });
    else if (seen.has(l.person)) errors.push({ field: `locks.${i}.person`, message: '同一学员锁定了两次' });
    if (!classes.has(l.class)) errors.push({ field: `locks.${i}.class`, message: '不是本项目的班级' });
    seen.add(l.person);
  });
  return errors;
}

/** The validated core instance, or a 400 listing why the roster cannot be formed (no classes, too little capacity …). */
function instanceOf(roster: Roster, groupSize: GroupSize, seed: number, locks: readonly FormationLock[]): GroupingInstance {
  const issues = rosterIssues(roster);
  if (issues.length)
    throw invalid(
      issues.map((i) => ({ field: 'roster', message: i.message })),
      '无法分班',
    );
  const parsed = parseInstance(rawInstance(roster, groupSize, seed, locks));
  if (!parsed.ok)
    throw invalid(
      parsed.errors.map((e) => ({ field: e.path || 'roster', message: e.message })),
      '无法分班',
    );
  return parsed.value;
}

export function createFormationService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  function draftView(roster: Roster, instance: GroupingInstance | null, d: Omit<StoredDraft, 'id'>): FormationDraft {
    const labels = labelsFor(roster, d.solution);
    const violations = instance ? readableViolations(evaluate(instance, d.solution), labels, instance) : [];
    const stats = instance
      ? solutionStats(instance, d.solution, d.stats.ms)
      : { people: 0, totalFit: 0, fitUpperBound: 0, sameUnitPairs: 0, sameUnitPairsLowerBound: 0, classes: [] };
    return { seed: d.seed, groupSize: d.groupSize, solution: d.solution, locks: d.locks, stats, violations, appliedAt: d.appliedAt, updatedAt: d.updatedAt };
  }

  /** Stores the draft with its audit entry in one transaction and returns it as the board sees it. */
  async function saveAndView(
    actor: Actor,
    program: ScopedProgram,
    roster: Roster,
    instance: GroupingInstance,
    write: Omit<StoredDraft, 'id' | 'updatedAt' | 'stats'> & { ms?: number },
    action: 'formation.solve' | 'formation.save',
  ) {
    const stats = solutionStats(instance, write.solution, write.ms);
    const draft = draftView(roster, instance, { ...write, stats, updatedAt: '' });
    await db.transaction().execute(async (trx) => {
      await upsertDraft(trx, program.id, actor.userId, { ...write, stats });
      const errors = draft.violations.filter((v) => v.severity === 'error').length;
      await recordAudit(trx, actor, {
        action,
        entityType: 'formation',
        entityId: program.id,
        scopePath: program.organizer_path,
        summary: `${program.name}：${action === 'formation.solve' ? '生成' : '保存'}分班建组方案（${roster.people.length} 人，${errors} 项违规）`,
        after: { seed: write.seed, groupSize: write.groupSize, locks: write.locks.length, stats: { ...stats, classes: undefined } },
      });
    });
    const stored = await findDraft(db, program.id);
    return stored ? draftView(roster, instance, stored) : draft;
  }

  return {
    async view(actor: Actor, programId: number): Promise<FormationView> {
      requirePermission(actor, 'program:read');
      const program = await programInScope(read, actor, programId);
      const roster = await loadRoster(read, programId, program.start_date);
      const stored = await findDraft(read, programId);
      const base = { classes: roster.classes.map(({ dbId: _id, groups: _g, ...c }) => c), people: roster.people, current: roster.current };
      const issues = rosterIssues(roster);
      const parsed = issues.length ? null : parseInstance(rawInstance(roster, stored?.groupSize ?? DEFAULT_GROUP_SIZE, stored?.seed ?? 1, stored?.locks ?? []));
      const instance = parsed?.ok ? parsed.value : null;
      const labels = labelsFor(roster, stored?.solution ?? roster.current);
      const feasibility = instance
        ? readableFeasibility(feasibilityReport(instance), labels)
        : [...issues, ...(parsed && !parsed.ok ? parsed.errors.map((e) => ({ code: 'INPUT', message: `${e.path} ${e.message}` })) : [])];
      return { ...base, feasibility, draft: stored ? draftView(roster, instance, stored) : null };
    },

    /** Proposes classes and groups; an infeasible instance is a 400 listing the plain-Chinese reasons and writes nothing. */
    async solve(actor: Actor, programId: number, input: FormationSolveInput): Promise<FormationDraft> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const roster = await loadRoster(read, programId, program.start_date);
      const stored = await findDraft(read, programId);
      const seed = input.seed ?? stored?.seed ?? 1;
      const locks = input.keepLocks ? (stored?.locks ?? []) : [];
      const instance = instanceOf(roster, input.groupSize, seed, locks);
      const issues = readableFeasibility(feasibilityReport(instance), labelsFor(roster, stored?.solution ?? null));
      if (issues.length)
        throw invalid(
          issues.map((i) => ({ field: i.classId ? `classes.${i.classId}` : 'feasibility', message: i.message })),
          '方案不可行',
        );
      const result = solveGrouping(instance);
      return saveAndView(
        actor,
        program,
        roster,
        instance,
        { seed, groupSize: input.groupSize, solution: { classes: result.classes }, locks: instance.locked, appliedAt: null, ms: result.stats.ms },
        'formation.solve',
      );
    },

    /** Violations and statistics of a hand-edited solution; writes nothing (called after every drag). */
    async evaluate(actor: Actor, programId: number, input: FormationEvaluateInput): Promise<FormationEvaluation> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const roster = await loadRoster(read, programId, program.start_date);
      const stored = await findDraft(read, programId);
      const locks = input.locks ?? stored?.locks ?? [];
      if (input.locks) {
        const errors = lockErrors(roster, input.locks);
        if (errors.length) throw invalid(errors);
      }
      const instance = instanceOf(roster, input.groupSize ?? stored?.groupSize ?? DEFAULT_GROUP_SIZE, stored?.seed ?? 1, locks);
      const labels = labelsFor(roster, input.solution);
      return { violations: readableViolations(evaluate(instance, input.solution), labels, instance), stats: solutionStats(instance, input.solution) };
    },

    /** Saves a hand-edited solution and its locks: every trainee exactly once in a known class; rule violations are kept and returned. */
    async saveDraft(actor: Actor, programId: number, input: FormationDraftInput): Promise<FormationDraft> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const roster = await loadRoster(read, programId, program.start_date);
      const stored = await findDraft(read, programId);
      const lockProblems = lockErrors(roster, input.locks);
      if (lockProblems.length) throw invalid(lockProblems);
      const groupSize = input.groupSize ?? stored?.groupSize ?? DEFAULT_GROUP_SIZE;
      const seed = stored?.seed ?? 1;
      const instance = instanceOf(roster, groupSize, seed, input.locks);
      const violations = readableViolations(evaluate(instance, input.solution), labelsFor(roster, input.solution), instance);
      const structural = structuralErrors(input.solution, violations);
      if (structural.length) throw invalid(structural, '方案不完整');
      return saveAndView(
        actor,
        program,
        roster,
        instance,
        { seed, groupSize, solution: input.solution, locks: input.locks, appliedAt: null },
        'formation.save',
      );
    },

    /** Writes the draft to the enrolments (classes, 第k组 groups); 409 while any error-severity violation remains. */
    async apply(actor: Actor, programId: number): Promise<FormationApplyResult> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const outcome = await db.transaction().execute((trx) => applyDraft(trx, actor, program, instanceOf));
      const roster = await loadRoster(read, programId, program.start_date);
      const stored = (await findDraft(read, programId))!;
      const instance = instanceOf(roster, stored.groupSize, stored.seed, stored.locks);
      return { ...outcome, draft: draftView(roster, instance, stored) };
    },
  };
}
export type FormationService = ReturnType<typeof createFormationService>;
