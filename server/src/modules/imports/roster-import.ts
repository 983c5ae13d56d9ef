// The roster import, shared by the web job and the CLI. The prepare stage (roster-prepare.ts, possibly in a
// worker thread) streams, validates and hashes every row; here each batch is classified as create / update /
// unchanged against the database, and — only when the whole file has no error — written in one transaction.
import type { ImportError, ImportSummary, Rank } from '@duibiao/contracts';
import { localToday, maskIdNumber } from '@duibiao/core/idcard/index';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inSubtree, nowIso } from '../../db/dialect.ts';
import type { Database, OrgRow } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import type { Actor } from '../auth/actor.ts';
import { insertCadresBulk } from '../cadres/cadres.repo.ts';
import { fromCadreRow, toCadreRow } from '../cadres/cadres.rules.ts';
import { preparedBatches } from './prepared-batches.ts';
import type { PreparedRow } from './roster-prepare.ts';

export type RowAction = 'create' | 'update' | 'unchanged';

export interface PreviewRow {
  row: number;
  action: RowAction;
  name: string;
  idNumber: string;
  unitName: string;
  position: string | null;
  rank: Rank | null;
}

export interface AnalyseResult {
  summary: ImportSummary;
  preview: PreviewRow[];
  rowsRead: number;
}

export interface ImportHooks {
  onProgress?: (fraction: number, rowsRead: number) => void;
}

const PREVIEW_ROWS = 50;

interface ClassifiedRow extends PreparedRow {
  existingId: number | null;
  action: RowAction;
}

const OUT_OF_SCOPE = '该身份证号的干部已登记在本次导入范围以外的单位，请联系其所在单位调整';

/**
 * Streams the prepared file through `onBatch` in classified batches and returns every error. The caller
 * decides whether to write (commit, inside its transaction) or only count (dry run).
 */
async function walk(
  ctx: AppContext,
  executor: Kysely<Database>,
  actor: Actor,
  org: OrgRow,
  filePath: string,
  hooks: ImportHooks,
  onBatch: (rows: ClassifiedRow[]) => Promise<void>,
) {
  const units = await executor.selectFrom('organizations').select(['id', 'name']).where(inSubtree('path', org.path)).execute();
  const errors: ImportError[] = [];
  let rowsRead = 0;
  const batches = preparedBatches({ filePath, today: localToday(), units, rootName: org.name, dataKey: ctx.config.DATA_KEY });
  for await (const batch of batches) {
    errors.push(...batch.errors);
    rowsRead = batch.rowsRead;
    hooks.onProgress?.(batch.progress, rowsRead);
    if (batch.rows.length === 0) continue;
    const existing = await executor
      .selectFrom('cadres as c')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.id_number_hash', 'c.content_hash', 'o.path'])
      .where(
        'c.id_number_hash',
        'in',
        batch.rows.map((r) => r.idHash),
      )
      .execute();
    const byHash = new Map(existing.map((e) => [e.id_number_hash, e]));
    const classified: ClassifiedRow[] = [];
    for (const r of batch.rows) {
      const found = byHash.get(r.idHash);
      if (found && !(actor.role === 'sys_admin' || found.path.startsWith(org.path))) {
        errors.push({ row: r.rowNumber, column: '身份证号', message: OUT_OF_SCOPE });
        continue;
      }
      classified.push({ ...r, existingId: found?.id ?? null, action: !found ? 'create' : found.content_hash === r.hash ? 'unchanged' : 'update' });
    }
    await onBatch(classified);
    // Queued batches would otherwise run back to back in microtasks and starve other requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, rowsRead };
}

const counter = () => ({ created: 0, updated: 0, unchanged: 0 });
const countKey = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

/** Dry run: counts and every error, nothing written. */
export async function analyseRoster(ctx: AppContext, actor: Actor, org: OrgRow, filePath: string, hooks: ImportHooks = {}): Promise<AnalyseResult> {
  const counts = counter();
  const preview: PreviewRow[] = [];
  const { errors, rowsRead } = await walk(ctx, ctx.db.read, actor, org, filePath, hooks, async (rows) => {
    for (const r of rows) {
      counts[countKey[r.action]]++;
      if (preview.length < PREVIEW_ROWS)
        preview.push({
          row: r.rowNumber,
          action: r.action,
          name: r.record.name,
          idNumber: maskIdNumber(r.record.idNumber),
          unitName: r.unitName,
          position: r.record.position,
          rank: r.record.rank,
        });
    }
  });
  return { summary: { ...counts, errors }, preview, rowsRead };
}

export class ImportHasErrors extends Error {
  constructor(readonly summary: ImportSummary) {
    super(`导入文件有 ${summary.errors.length} 处错误，未写入任何数据`);
  }
}

/** Writes the file all-or-nothing: any error anywhere rolls back everything (ImportHasErrors). */
export async function commitRoster(
  ctx: AppContext,
  actor: Actor,
  org: OrgRow,
  filePath: string,
  fileName: string,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const counts = counter();
    const at = nowIso();
    const { errors } = await walk(ctx, trx, actor, org, filePath, hooks, async (rows) => {
      const inserts = [];
      const updates = rows.filter((r) => r.action === 'update');
      // Updated cadres get their own before/after audit entry; creations are summarised below.
      const before = new Map(
        (updates.length
          ? await trx
              .selectFrom('cadres as c')
              .innerJoin('organizations as o', 'o.id', 'c.org_id')
              .selectAll('c')
              .select('o.path')
              .where(
                'c.id',
                'in',
                updates.map((u) => u.existingId!),
              )
              .execute()
          : []
        ).map((b) => [b.id, b]),
      );
      for (const r of rows) {
        counts[countKey[r.action]]++;
        if (r.action === 'unchanged') continue;
        const stored = toCadreRow(r.record, ctx.cipher, at, r.idHash, r.hash);
        if (r.action === 'create') {
          inserts.push({ ...stored, created_at: at });
          continue;
        }
        const old = before.get(r.existingId!)!;
        await trx.updateTable('cadres').set(stored).where('id', '=', r.existingId!).execute();
        await recordAudit(trx, actor, {
          action: 'cadre.update',
          entityType: 'cadre',
          entityId: r.existingId,
          scopePath: old.path,
          summary: `导入更新干部 ${r.record.name}（${fileName} 第${r.rowNumber}行）`,
          before: fromCadreRow(old, ctx.cipher),
          after: r.record,
        });
      }
      await insertCadresBulk(ctx.db, trx, inserts);
    });
    const summary = { ...counts, errors };
    if (errors.length) throw new ImportHasErrors(summary);
    await recordAudit(trx, actor, {
      action: 'cadre.import',
      entityType: 'cadre',
      entityId: null,
      scopePath: org.path,
      summary: `导入干部名册 ${fileName}：新增 ${counts.created}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
      after: { fileName, unit: org.name, ...counts },
    });
    return summary;
  });
}
