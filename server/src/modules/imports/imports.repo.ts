// Import-job rows: the durable record of each upload, its dry-run result and its commit.
import { inSubtree } from '../../db/dialect.ts';
import type { Kysely } from 'kysely';
import type { Database, ImportJobRow, ImportJobsTable } from '../../db/schema.ts';

export async function insertJob(db: Kysely<Database>, row: ImportJobsTable): Promise<void> {
  await db.insertInto('import_jobs').values(row).execute();
}

export function findJobInScope(db: Kysely<Database>, scope: string, id: string): Promise<(ImportJobRow & { org_path: string }) | undefined> {
  return db
    .selectFrom('import_jobs as j')
    .innerJoin('organizations as o', 'o.id', 'j.org_id')
    .selectAll('j')
    .select('o.path as org_path')
    .where('j.id', '=', id)
    .where(inSubtree('o.path', scope))
    .executeTakeFirst();
}

export async function updateJob(db: Kysely<Database>, id: string, patch: Partial<ImportJobsTable>): Promise<void> {
  await db.updateTable('import_jobs').set(patch).where('id', '=', id).execute();
}

/** After a restart nothing is running: unfinished jobs are marked failed (commits are transactional). */
export async function failUnfinishedJobs(db: Kysely<Database>, at: string): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ status: 'failed', message: '服务已重启，本次导入未完成且未写入任何数据，请重新上传', updated_at: at })
    .where('status', 'in', ['parsing', 'committing'])
    .execute();
}

/** Jobs whose upload is still on disk and that nobody touched since `before` (never committed, or finished). */
export function listStaleUploads(db: Kysely<Database>, before: string): Promise<{ id: string; file_path: string; status: string }[]> {
  return db
    .selectFrom('import_jobs')
    .select(['id', 'file_path', 'status'])
    .where('file_path', '!=', '')
    .where('updated_at', '<', before)
    .where('status', 'not in', ['parsing', 'committing'])
    .execute();
}
