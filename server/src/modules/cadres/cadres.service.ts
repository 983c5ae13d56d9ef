// Use-cases of the cadre registry: list/filter, profile, create/edit/delete, stats and xlsx export.
import { localToday } from '@duibiao/core/idcard/index';
import type {
  CadreDetail,
  CadreFilter,
  CadreInput,
  CadrePatch,
  CadreSensitive,
  CadreStats,
  CadreSummary,
  ListCadresQuery,
  Page,
  Rank,
  TrainingFile,
} from '@duibiao/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation, nowIso } from '../../db/dialect.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { writeXlsx } from '../../lib/xlsx-writer.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { hasPermission } from '../auth/permissions.ts';
import { createPathNames, findOrgInScope } from '../orgs/orgs.repo.ts';
import { loadTrainingFile } from '../hours/training-file.ts';
import { toCadreRecord } from './cadre-input.rules.ts';
import { CADRE_EXPORT_COLUMNS } from './cadre-export.ts';
import { applyFilter, countCadres, createCadreRepo, iterateCadres, listCadres, scopedCadres, type ResolvedFilter } from './cadres.repo.ts';
import {
  bornAfterForAgeAtMost,
  fromCadreRow,
  presentDetail,
  presentSummary,
  revealSensitive,
  toCadreRow,
  type CadreRecord,
  type Presenter,
} from './cadres.rules.ts';

const AGE_BANDS = [
  { band: '30岁及以下', max: 30 },
  { band: '31–35岁', max: 35 },
  { band: '36–40岁', max: 40 },
  { band: '41–45岁', max: 45 },
  { band: '46–50岁', max: 50 },
  { band: '51岁及以上', max: 200 },
];

const EXPORT_LIMIT = 200_000;

export function createCadreService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const repo = createCadreRepo(ctx.db);
  const pathNames = createPathNames(ctx.db);

  const presenter = (actor: Actor): Presenter => ({ today: localToday(), canSeeSensitive: hasPermission(actor.role, 'cadre:sensitive'), cipher: ctx.cipher });

  /** Checks the org filter against the scope; an out-of-scope org answers 404 like any record. */
  async function resolveFilter(actor: Actor, filter: CadreFilter): Promise<ResolvedFilter> {
    const { orgId, ...rest } = filter;
    if (filter.ageMin !== undefined && filter.ageMax !== undefined && filter.ageMin > filter.ageMax) {
      throw invalid([{ field: 'ageMax', message: '最大年龄不能小于最小年龄' }]);
    }
    if (!orgId) return { ...rest, today: localToday() };
    const org = await findOrgInScope(read, scopePrefix(actor), orgId);
    if (!org) throw notFound('单位');
    return { ...rest, orgPath: org.path, today: localToday() };
  }

  async function getRow(actor: Actor, id: number) {
    const row = await repo.findInScope(id, scopePrefix(actor));
    // A trainee may read their own record and nothing else.
    if (!row || (!hasPermission(actor.role, 'cadre:read') && actor.cadreId !== id)) throw notFound('干部');
    return row;
  }

  async function checkTargetOrg(actor: Actor, orgId: number) {
    const org = await findOrgInScope(read, scopePrefix(actor), orgId);
    if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
    return org;
  }

  function validated(input: CadreInput): CadreRecord {
    const result = toCadreRecord(input, localToday());
    if ('errors' in result) throw invalid(result.errors);
    return result.record;
  }

  const duplicateId = () => conflict('该身份证号的干部已存在', [{ field: 'idNumber', message: '该身份证号的干部已存在' }]);

  return {
    async list(actor: Actor, query: ListCadresQuery): Promise<Page<CadreSummary>> {
      requirePermission(actor, 'cadre:read');
      const { page, pageSize, sort, order, ...filter } = query;
      const q = applyFilter(scopedCadres(read, scopePrefix(actor)), await resolveFilter(actor, filter));
      const rows = await listCadres(q, sort, order, pageSize, (page - 1) * pageSize);
      // A short first page is the whole result: no count query needed.
      const total = page === 1 && rows.length < pageSize ? rows.length : await countCadres(q);
      const p = presenter(actor);
      return { items: rows.map((r) => presentSummary(r, p)), total, page, pageSize };
    },

    async get(actor: Actor, id: number): Promise<CadreDetail> {
      const row = await getRow(actor, id);
      return presentDetail(row, await pathNames(row.org_path), presenter(actor));
    },

    async create(actor: Actor, input: CadreInput): Promise<CadreDetail> {
      requirePermission(actor, 'cadre:write');
      const org = await checkTargetOrg(actor, input.orgId);
      const record = validated(input);
      try {
        const id = await db.transaction().execute(async (trx) => {
          const at = nowIso();
          const newId = await repo.insert(trx, { ...toCadreRow(record, ctx.cipher, at), created_at: at });
          await recordAudit(trx, actor, {
            action: 'cadre.create',
            entityType: 'cadre',
            entityId: newId,
            scopePath: org.path,
            summary: `新增干部 ${record.name}`,
            after: record,
          });
          return newId;
        });
        return await this.get(actor, id);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateId();
        throw error;
      }
    },

    async update(actor: Actor, id: number, patch: CadrePatch): Promise<CadreDetail> {
      requirePermission(actor, 'cadre:write');
      const row = await getRow(actor, id);
      const before = fromCadreRow(row, ctx.cipher);
      const org = patch.orgId ? await checkTargetOrg(actor, patch.orgId) : { path: row.org_path };
      const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as CadreInput;
      const after = validated(merged);
      try {
        await db.transaction().execute(async (trx) => {
          await repo.update(trx, id, toCadreRow(after, ctx.cipher, nowIso()));
          await recordAudit(trx, actor, {
            action: 'cadre.update',
            entityType: 'cadre',
            entityId: id,
            scopePath: org.path,
            summary: `修改干部 ${after.name}`,
            before,
            after,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateId();
        throw error;
      }
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requirePermission(actor, 'cadre:write');
      const row = await getRow(actor, id);
      await db.transaction().execute(async (trx) => {
        await repo.remove(trx, id);
        await recordAudit(trx, actor, {
          action: 'cadre.delete',
          entityType: 'cadre',
          entityId: id,
          scopePath: row.org_path,
          summary: `删除干部 ${row.name}`,
          before: fromCadreRow(row, ctx.cipher),
        });
      });
    },

    async stats(actor: Actor, filter: CadreFilter): Promise<CadreStats> {
      requirePermission(actor, 'cadre:read');
      const resolved = await resolveFilter(actor, filter);
      const q = applyFilter(scopedCadres(read, scopePrefix(actor)), resolved);
      const youngAfter = bornAfterForAgeAtMost(40, resolved.today);
      const bandCase = sql<string>`case ${sql.join(
        AGE_BANDS.map((b) => sql`when c.birth_date > ${bornAfterForAgeAtMost(b.max, resolved.today)} then ${b.band}`),
        sql` `,
      )} else ${AGE_BANDS[AGE_BANDS.length - 1]!.band} end`;
      const [totals, byRank, byAge, byUnit] = await Promise.all([
        q
          .select((eb) => [
            eb.fn.countAll<number>().as('total'),
            eb.fn.sum<number>(sql`case when o.level in ('township','village') then 1 else 0 end`).as('grassroots'),
            eb.fn.sum<number>(sql`case when c.birth_date > ${youngAfter} then 1 else 0 end`).as('young'),
          ])
          .executeTakeFirstOrThrow(),
        q
          .select(['c.rank', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('c.rank')
          .execute(),
        // Grouping by the output name: PostgreSQL treats two parameterised copies of the CASE as different expressions.
        q
          .select([bandCase.as('band'), (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(sql.ref('band'))
          .execute(),
        q
          .select(['o.id', 'o.name', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(['o.id', 'o.name'])
          .orderBy('n', 'desc')
          .limit(10)
          .execute(),
      ]);
      const t = totals as unknown as { total: number; grassroots: number | null; young: number | null };
      const ageCounts = new Map((byAge as unknown as { band: string; n: number }[]).map((r) => [r.band, Number(r.n)]));
      return {
        total: Number(t.total),
        grassroots: Number(t.grassroots ?? 0),
        young: Number(t.young ?? 0),
        byRank: (byRank as unknown as { rank: Rank | null; n: number }[]).map((r) => ({ rank: r.rank, count: Number(r.n) })),
        byAgeBand: AGE_BANDS.map((b) => ({ band: b.band, count: ageCounts.get(b.band) ?? 0 })),
        byUnit: (byUnit as unknown as { id: number; name: string; n: number }[]).map((r) => ({ orgId: r.id, name: r.name, count: Number(r.n) })),
      };
    },

    /** Checks access and the filter first; the returned writer streams the workbook. */
    async exportXlsx(actor: Actor, filter: CadreFilter): Promise<(out: NodeJS.WritableStream) => Promise<void>> {
      requirePermission(actor, 'cadre:read');
      const resolved = await resolveFilter(actor, filter);
      const q = applyFilter(scopedCadres(read, scopePrefix(actor)), resolved);
      const p = presenter(actor);
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'cadre.export',
          entityType: 'cadre',
          entityId: null,
          scopePath: resolved.orgPath ?? actor.scopePath,
          summary: `导出干部名册${p.canSeeSensitive ? '（含完整身份证号和手机号）' : ''}`,
          after: { filter },
        }),
      );
      let index = 0;
      async function* rows() {
        for await (const row of iterateCadres(q)) {
          if (++index > EXPORT_LIMIT) return;
          yield { index, row, summary: presentSummary(row, p), sensitive: revealSensitive(row, p) };
        }
      }
      return (out) => writeXlsx(out, '干部名册', CADRE_EXPORT_COLUMNS, rows());
    },

    /** Full ID number and mobile of one cadre, for roles allowed to see them; every reveal is audited. */
    async revealSensitive(actor: Actor, id: number): Promise<CadreSensitive> {
      requirePermission(actor, 'cadre:sensitive');
      const row = await getRow(actor, id);
      const values = revealSensitive(row, presenter(actor));
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'cadre.view_sensitive',
          entityType: 'cadre',
          entityId: id,
          scopePath: row.org_path,
          summary: `查看 ${row.name} 的身份证号和手机号`,
        }),
      );
      return values;
    },

    /** 培训档案: programs with hours, assessment, absences and leave; manual entries; yearly totals; compliance. */
    async trainingFile(actor: Actor, id: number, year?: number): Promise<TrainingFile> {
      await getRow(actor, id);
      return loadTrainingFile(read, id, year);
    },
  };
}
export type CadreService = ReturnType<typeof createCadreService>;
