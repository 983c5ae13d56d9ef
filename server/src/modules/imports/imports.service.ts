// Import jobs for the web: upload → background dry run → commit, with live progress for polling.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ImportJob, ImportStatus, ImportSummary } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { findOrgInScope } from '../orgs/orgs.repo.ts';
import { failUnfinishedJobs, findJobInScope, insertJob, listStaleUploads, updateJob } from './imports.repo.ts';
import { writeXlsx, type XlsxColumn } from '../../lib/xlsx-writer.ts';
import { writeRosterTemplate } from './roster-template.ts';
import { analyseRoster, commitRoster, ImportHasErrors, type PreviewRow } from './roster-import.ts';

const ERRORS_SHOWN = 1_000;
const EMPTY_SUMMARY: ImportSummary = { created: 0, updated: 0, unchanged: 0, errors: [] };

const ERROR_COLUMNS: XlsxColumn<ImportSummary['errors'][number]>[] = [
  { header: '行号', width: 8, value: (e) => e.row },
  { header: '列', width: 14, value: (e) => e.column },
  { header: '问题', width: 80, value: (e) => e.message },
];

interface Live {
  progress: number;
  rowsRead: number;
}

export function createImportService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const live = new Map<string, Live>();
  const uploadDir = resolve(ctx.config.UPLOAD_DIR);
  const running = new Set<Promise<unknown>>();

  const track = (p: Promise<unknown>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };

  // Every error is stored (the errors export lists them all); the job view carries the first ERRORS_SHOWN.
  const keep = (summary: ImportSummary) => JSON.stringify(summary);

  const present = (row: Awaited<ReturnType<typeof findJobInScope>> & object): ImportJob => {
    const stored = JSON.parse(row.summary_json) as ImportSummary;
    const summary = { ...stored, errors: stored.errors.slice(0, ERRORS_SHOWN) };
    const state = live.get(row.id);
    return {
      id: row.id,
      status: row.status as ImportStatus,
      fileName: row.file_name,
      orgId: row.org_id,
      progress: state?.progress ?? row.progress,
      rowsRead: state?.rowsRead ?? row.rows_read,
      summary,
      errorCount: row.error_count,
      preview: JSON.parse(row.preview_json) as PreviewRow[],
      message: row.message,
      createdAt: row.created_at,
    };
  };

  async function loadJob(actor: Actor, id: string) {
    requirePermission(actor, 'cadre:import');
    const row = await findJobInScope(read, scopePrefix(actor), id);
    if (!row) throw notFound('导入任务');
    return row;
  }

  async function runAnalysis(actor: Actor, jobId: string, orgId: number, filePath: string) {
    const state: Live = { progress: 0, rowsRead: 0 };
    live.set(jobId, state);
    try {
      const org = (await findOrgInScope(read, scopePrefix(actor), orgId))!;
      const result = await analyseRoster(ctx, actor, org, filePath, { onProgress: (f, n) => Object.assign(state, { progress: f, rowsRead: n }) });
      const status: ImportStatus = result.summary.errors.length ? 'invalid' : 'validated';
      await updateJob(db, jobId, {
        status,
        progress: 1,
        rows_read: result.rowsRead,
        summary_json: keep(result.summary),
        error_count: result.summary.errors.length,
        preview_json: JSON.stringify(result.preview),
        updated_at: nowIso(),
      });
    } catch (error) {
      await updateJob(db, jobId, { status: 'failed', message: `校验失败：${String((error as Error).message ?? error)}`, updated_at: nowIso() });
    } finally {
      live.delete(jobId);
    }
  }

  async function runCommit(actor: Actor, jobId: string, orgId: number, filePath: string, fileName: string) {
    const state: Live = { progress: 0, rowsRead: 0 };
    live.set(jobId, state);
    try {
      const org = (await findOrgInScope(read, scopePrefix(actor), orgId))!;
      const summary = await commitRoster(ctx, actor, org, filePath, fileName, { onProgress: (f, n) => Object.assign(state, { progress: f, rowsRead: n }) });
      await updateJob(db, jobId, { status: 'committed', progress: 1, summary_json: keep(summary), error_count: 0, updated_at: nowIso() });
      await rm(filePath, { force: true });
    } catch (error) {
      if (error instanceof ImportHasErrors) {
        await updateJob(db, jobId, {
          status: 'invalid',
          summary_json: keep(error.summary),
          error_count: error.summary.errors.length,
          message: error.message,
          updated_at: nowIso(),
        });
      } else {
        await updateJob(db, jobId, {
          status: 'failed',
          message: `导入失败，未写入任何数据：${String((error as Error).message ?? error)}`,
          updated_at: nowIso(),
        });
      }
    } finally {
      live.delete(jobId);
    }
  }

  return {
    /** After a restart nothing is running: unfinished jobs are marked failed (commits are transactional). */
    recoverAfterRestart: () => failUnfinishedJobs(db, nowIso()),

    /** Deletes uploads untouched for a day; their jobs stay for the record but can no longer be committed. */
    async purgeStaleUploads(maxAgeMs = 24 * 3_600_000): Promise<number> {
      const stale = await listStaleUploads(db, new Date(Date.now() - maxAgeMs).toISOString());
      for (const job of stale) {
        await rm(job.file_path, { force: true });
        await updateJob(db, job.id, {
          file_path: '',
          ...(job.status === 'validated' ? { status: 'failed', message: '上传文件已超过一天未提交，已清理，请重新上传' } : {}),
        });
      }
      return stale.length;
    },

    /** Saves the upload to disk as it streams in, then starts the dry run in the background. */
    async start(actor: Actor, orgId: number | undefined, fileName: string, file: NodeJS.ReadableStream): Promise<ImportJob> {
      requirePermission(actor, 'cadre:import');
      if (!orgId) throw invalid([{ field: 'orgId', message: '请选择导入到哪个单位（orgId 应在 file 之前提交）' }]);
      const org = await findOrgInScope(read, scopePrefix(actor), orgId);
      if (!org) throw invalid([{ field: 'orgId', message: '单位不存在或不在管理范围内' }]);
      if (!/\.(xlsx|csv)$/i.test(fileName)) throw invalid([{ field: 'file', message: '只支持 .xlsx 或 .csv 文件' }]);
      const id = randomUUID();
      await mkdir(uploadDir, { recursive: true });
      const filePath = join(uploadDir, `${id}.upload`);
      await pipeline(file, createWriteStream(filePath));
      if ((file as { truncated?: boolean }).truncated) {
        await rm(filePath, { force: true });
        throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${ctx.config.UPLOAD_MAX_MB} MB`);
      }
      const at = nowIso();
      await insertJob(db, {
        id,
        user_id: actor.userId,
        org_id: org.id,
        file_name: fileName.slice(0, 300),
        file_path: filePath,
        status: 'parsing',
        progress: 0,
        rows_read: 0,
        summary_json: JSON.stringify(EMPTY_SUMMARY),
        error_count: 0,
        preview_json: '[]',
        message: null,
        created_at: at,
        updated_at: at,
      });
      track(runAnalysis(actor, id, org.id, filePath));
      return present((await findJobInScope(read, scopePrefix(actor), id))!);
    },

    /** Every error of a dry run or refused commit, as xlsx (the job view shows the first 1,000). */
    async errorsXlsx(actor: Actor, id: string): Promise<(out: NodeJS.WritableStream) => Promise<void>> {
      const row = await loadJob(actor, id);
      const { errors } = JSON.parse(row.summary_json) as ImportSummary;
      return (out) => writeXlsx(out, '导入问题', ERROR_COLUMNS, errors);
    },

    template(actor: Actor): (out: NodeJS.WritableStream) => Promise<void> {
      requirePermission(actor, 'cadre:import');
      return writeRosterTemplate;
    },

    async get(actor: Actor, id: string): Promise<ImportJob> {
      return present(await loadJob(actor, id));
    },

    async commit(actor: Actor, id: string): Promise<ImportJob> {
      const row = await loadJob(actor, id);
      if (row.status !== 'validated') throw conflict(row.status === 'committed' ? '该文件已导入' : '只有校验通过的导入任务才能提交');
      await updateJob(db, id, { status: 'committing', progress: 0, updated_at: nowIso() });
      track(runCommit(actor, id, row.org_id, row.file_path, row.file_name));
      return present((await findJobInScope(read, scopePrefix(actor), id))!);
    },

    /** Resolves when background work has finished (tests and graceful shutdown). */
    async idle(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
