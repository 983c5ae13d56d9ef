// The nominating unit's side of a selection: the calls open to it, candidates with their eligibility, nominating
// (all-or-nothing: every cadre in scope, eligible, not yet nominated, within the quota), and the nomination lists.
import type { Candidate, CandidateQuery, Nomination, NominationCall, NominationChange, NominationInput, NominationStatus, Page } from '@duibiao/contracts';
import { checkEligibility, type EligibilityContext } from '@duibiao/core/selection/index';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { lockProgramRoster } from '../programs/enrolments.repo.ts';
import { presentQuotas } from './quotas.service.ts';
import { nominatingOrgId, organizedProgram, quotaLabel, quotaPath, reachesQuota } from './selection-access.ts';
import { assertNominationsOpen, loadSelectionProgram, nominationsOpenToday, type SelectionProgram } from './selection-program.ts';
import { nomineeOf, presentNominations, specialtiesOf } from './selection.presenter.ts';
import {
  candidateCadres,
  countCandidateCadres,
  enrolledInProgram,
  enrolledProgramsOf,
  eventsOf,
  findQuota,
  insertEvent,
  listNominations,
  listOpenQuotas,
  listProgramQuotas,
  nominatedCadreIds,
  type CandidateRow,
  type QuotaRow,
} from './selection.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Eligibility of each cadre against the program's rules (one query for everyone's enrolled programs). */
async function eligibilityOf(db: Q, program: SelectionProgram, cadres: readonly CandidateRow[]) {
  const enrolled = await enrolledProgramsOf(
    db,
    cadres.map((c) => c.id),
  );
  const base: EligibilityContext['program'] = { id: program.id, name: program.name, startDate: program.startDate, endDate: program.endDate };
  return new Map(
    cadres.map((c) => {
      const enrolledPrograms = enrolled
        .filter((e) => e.cadre_id === c.id)
        .map((e) => ({ id: e.id, name: e.name, startDate: e.start_date, endDate: e.end_date }));
      const cadre = { birthDate: c.birth_date, workStartDate: c.work_start_date, rank: c.rank as never, specialties: specialtiesOf(c.specialties) };
      return [c.id, checkEligibility(cadre, program.rules, { program: base, enrolledPrograms })];
    }),
  );
}

export async function presentNominationRows(db: Q, programId: number, ids: number[]): Promise<Nomination[]> {
  const program = await loadSelectionProgram(db, programId);
  const rows = await listNominations(db, programId, { ids });
  return presentNominations(rows, await eventsOf(db, ids), program.referenceDay);
}

export function createNominationService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;

  /** A quota of the program the caller's unit reaches, else 404. */
  async function reachableQuota(actor: Actor, programId: number, quotaId: number): Promise<QuotaRow> {
    requirePermission(actor, 'nomination:write');
    const quota = await findQuota(read, quotaId);
    if (!quota || quota.program_id !== programId || !reachesQuota(actor, quota)) throw notFound('推荐名额');
    return quota;
  }

  const scopeOf = (actor: Actor, quota: QuotaRow) => ({ prefixes: [scopePrefix(actor), quotaPath(quota)], category: quota.unit_category });

  return {
    /** Programs open for nomination (报名中) with a quota the caller's unit reaches, and those quotas' usage. */
    async calls(actor: Actor): Promise<NominationCall[]> {
      requirePermission(actor, 'nomination:write');
      const quotas = (await listOpenQuotas(read)).filter((q) => reachesQuota(actor, q));
      const presented = await presentQuotas(read, quotas);
      const calls: NominationCall[] = [];
      for (const programId of [...new Set(quotas.map((q) => q.program_id))]) {
        const p = await loadSelectionProgram(read, programId);
        calls.push({
          programId,
          programName: p.name,
          programType: p.type,
          organizerName: p.organizerName,
          startDate: p.startDate,
          endDate: p.endDate,
          quotas: presented.filter((q) => q.programId === programId),
          rules: p.rules,
          deadline: p.rules.nominationDeadline ?? null,
          open: nominationsOpenToday(p),
        });
      }
      return calls;
    },

    async candidates(actor: Actor, programId: number, query: CandidateQuery): Promise<Page<Candidate>> {
      const quota = await reachableQuota(actor, programId, query.quotaId);
      const program = await loadSelectionProgram(read, programId);
      const filter = { ...scopeOf(actor, quota), q: query.q };
      const [rows, total] = await Promise.all([
        candidateCadres(read, filter, query.pageSize, (query.page - 1) * query.pageSize),
        countCandidateCadres(read, filter),
      ]);
      const failures = await eligibilityOf(read, program, rows);
      const nominated = await nominatedCadreIds(
        read,
        programId,
        rows.map((r) => r.id),
      );
      const enrolled = await enrolledInProgram(
        read,
        programId,
        rows.map((r) => r.id),
      );
      const items = rows.map((r) => {
        const f = failures.get(r.id)!;
        return {
          cadre: nomineeOf(r, program.referenceDay),
          eligible: f.length === 0,
          failures: f,
          nominated: nominated.has(r.id),
          enrolled: enrolled.has(r.id),
        };
      });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async nominate(actor: Actor, programId: number, input: NominationInput): Promise<NominationChange> {
      const quota = await reachableQuota(actor, programId, input.quotaId);
      const program = await loadSelectionProgram(read, programId);
      const dup = input.cadreIds.findIndex((id, i) => input.cadreIds.indexOf(id) !== i);
      if (dup >= 0) throw invalid([{ field: `cadreIds.${dup}`, message: '重复的干部' }]);
      if (program.status !== 'enrolling') throw conflict('该项目当前不在报名阶段，不能推荐');
      assertNominationsOpen(program);
      // Cadres outside the caller's subtree or the quota's unit/category do not exist for this call.
      const cadres = await candidateCadres(read, { ...scopeOf(actor, quota), ids: input.cadreIds }, input.cadreIds.length, 0);
      if (cadres.length !== input.cadreIds.length) throw notFound('干部');
      const byId = new Map(cadres.map((c) => [c.id, c]));
      const failures = await eligibilityOf(read, program, cadres);
      const problems = input.cadreIds.flatMap((id, i) =>
        failures.get(id)!.map((f) => ({ field: `cadreIds.${i}.${f.rule}`, message: `${byId.get(id)!.name}：${f.zh}` })),
      );
      if (problems.length) throw invalid(problems, '不符合选调条件');
      const label = quotaLabel(quota);
      const orgId = nominatingOrgId(actor, quota);
      try {
        const ids = await db.transaction().execute(async (trx) => {
          // Serialises nominations into one program, so two units cannot both take the last place of a quota.
          await lockProgramRoster(trx, programId);
          const already = await nominatedCadreIds(trx, programId, input.cadreIds);
          const enrolled = await enrolledInProgram(trx, programId, input.cadreIds);
          const inProgram = input.cadreIds.map((id, i) => ({ id, i })).filter((x) => enrolled.has(x.id));
          if (inProgram.length)
            throw conflict(
              `${inProgram.map((x) => byId.get(x.id)!.name).join('、')} 已是本项目学员`,
              inProgram.map((x) => ({ field: `cadreIds.${x.i}`, message: `${byId.get(x.id)!.name} 已是本项目学员` })),
            );
          const taken = input.cadreIds.map((id, i) => ({ id, i })).filter((x) => already.has(x.id));
          if (taken.length)
            throw conflict(
              `${taken.map((x) => byId.get(x.id)!.name).join('、')} 已被推荐`,
              taken.map((x) => ({ field: `cadreIds.${x.i}`, message: `${byId.get(x.id)!.name} 已被推荐` })),
            );
          const [usage] = await presentQuotas(trx, [quota]);
          if (usage!.used + input.cadreIds.length > quota.quota)
            throw conflict(`超出推荐名额：${label} 名额 ${quota.quota} 人，已推荐 ${usage!.used} 人，本次 ${input.cadreIds.length} 人`, [
              { field: 'cadreIds', message: `剩余名额 ${usage!.remaining} 人` },
            ]);
          const at = nowIso();
          const inserted = await trx
            .insertInto('nominations')
            .values(
              input.cadreIds.map((cadreId) => ({
                program_id: programId,
                cadre_id: cadreId,
                quota_id: quota.id,
                nominating_org_id: orgId,
                status: 'submitted',
                waitlist_position: null,
                statement: input.statement ?? null,
                decision_reason: null,
                nominated_by: actor.userId || null,
                unit_approved_by: null,
                unit_approved_at: null,
                decided_by: null,
                decided_at: null,
                enrolment_id: null,
                created_at: at,
                updated_at: at,
              })),
            )
            .returning('id')
            .execute();
          for (const row of inserted)
            await insertEvent(trx, {
              nominationId: row.id,
              action: 'nominate',
              from: null,
              to: 'submitted',
              reason: input.statement ?? null,
              actorId: actor.userId || null,
              actorName: actor.displayName,
              at,
            });
          await recordAudit(trx, actor, {
            action: 'nomination.create',
            entityType: 'program',
            entityId: programId,
            scopePath: program.organizerPath,
            summary: `${program.name}：${label} 推荐 ${input.cadreIds.map((id) => byId.get(id)!.name).join('、')}`,
            after: { quotaId: quota.id, cadreIds: input.cadreIds, nominatingOrgId: orgId, statement: input.statement ?? null },
          });
          return inserted.map((r) => r.id);
        });
        return { items: await presentNominationRows(read, programId, ids), messages: [`已推荐 ${ids.length} 人，待单位审核`] };
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('部分干部已被推荐');
        throw error;
      }
    },

    /** The organizer sees every nomination; a nominating unit only those of its own subtree. */
    async list(actor: Actor, programId: number, status?: NominationStatus): Promise<Nomination[]> {
      if (!hasPermission(actor.role, 'program:write')) requirePermission(actor, 'nomination:write');
      const organized = await organizedProgram(read, actor, programId);
      let nominatorPrefix: string | undefined;
      if (!organized) {
        const reachable = hasPermission(actor.role, 'nomination:write') && (await listProgramQuotas(read, programId)).some((q) => reachesQuota(actor, q));
        if (!reachable) throw notFound('培训项目');
        nominatorPrefix = scopePrefix(actor);
      }
      const program = await loadSelectionProgram(read, programId);
      const rows = await listNominations(read, programId, { status, nominatorPrefix });
      return presentNominations(
        rows,
        await eventsOf(
          read,
          rows.map((r) => r.id),
        ),
        program.referenceDay,
      );
    },
  };
}
