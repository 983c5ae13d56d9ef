// The shared half of every "check, then import all or nothing" spreadsheet upload: only .xlsx/.csv, streamed to a
// temporary file under the upload dir (size limit enforced by multipart), checked — and committed unless a dry run —
// by the caller's `check`; a commit with problems answers 400 naming `rows.<row>.<column>`; the file never outlives the call.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, invalid } from '../http/errors.ts';

export interface SheetProblem {
  row: number;
  column: string | null;
  message: string;
}

export interface SheetUpload<R extends { errors: readonly SheetProblem[] }> {
  uploadDir: string;
  maxMb: number;
  fileName: string;
  file: NodeJS.ReadableStream;
  dryRun: boolean;
  /** Reads the saved file; writes only when `commit` and there are no problems. */
  check: (path: string, commit: boolean) => Promise<R>;
}

export async function checkSheetUpload<R extends { errors: readonly SheetProblem[] }>(u: SheetUpload<R>): Promise<R> {
  if (!/\.(xlsx|csv)$/i.test(u.fileName)) throw invalid([{ field: 'file', message: '只支持 .xlsx 或 .csv 文件' }]);
  await mkdir(u.uploadDir, { recursive: true });
  const path = join(u.uploadDir, `sheet-${randomUUID()}.upload`);
  try {
    await pipeline(u.file, createWriteStream(path));
    if ((u.file as { truncated?: boolean }).truncated) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${u.maxMb} MB`);
    const result = await u.check(path, !u.dryRun);
    if (!u.dryRun && result.errors.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `导入未执行，文件中有 ${result.errors.length} 处问题，请先预检并修改`,
        result.errors.map((e) => ({ field: `rows.${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message })),
      );
    return result;
  } finally {
    await rm(path, { force: true });
  }
}
