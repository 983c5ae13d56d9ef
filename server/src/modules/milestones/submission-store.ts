// Milestone documents (开题报告、中期报告、结题报告…), kept under UPLOAD_DIR/milestones with random names.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../../http/errors.ts';

export const SUBMISSION_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
export const SUBMISSION_MAX_BYTES = 20 * 1_048_576;

class TooLarge extends Error {}

export function createSubmissionStore(uploadDir: string) {
  const dir = resolve(uploadDir, 'milestones');
  return {
    /** Checks the name, then streams to disk; wrong types and files over 20 MB are 400s naming `file`, nothing kept. */
    async save(fileName: string, file: NodeJS.ReadableStream): Promise<{ name: string; path: string; size: number; mime: string }> {
      const ext = extname(fileName).toLowerCase();
      const mime = SUBMISSION_TYPES[ext];
      if (!mime) {
        file.resume();
        throw invalid([{ field: 'file', message: '只能上传 Word（docx）、PDF、Excel（xlsx）或 PPT（pptx）文件' }]);
      }
      await mkdir(dir, { recursive: true });
      const stored = `${randomUUID()}${ext}`;
      const path = join(dir, stored);
      let bytes = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(bytes > SUBMISSION_MAX_BYTES ? new TooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(file, limit, createWriteStream(path));
      } catch (error) {
        await rm(path, { force: true });
        if (error instanceof TooLarge) throw invalid([{ field: 'file', message: '文件不能超过20MB' }]);
        throw error;
      }
      // The multipart parser may truncate at its own limit instead of failing the stream.
      if ((file as NodeJS.ReadableStream & { truncated?: boolean }).truncated) {
        await rm(path, { force: true });
        throw invalid([{ field: 'file', message: '文件不能超过20MB' }]);
      }
      if (bytes === 0) {
        await rm(path, { force: true });
        throw invalid([{ field: 'file', message: '文件是空的' }]);
      }
      return { name: fileName.slice(-300), path: stored, size: bytes, mime };
    },
    absolute: (stored: string) => join(dir, basename(stored)),
    remove: (stored: string) => rm(join(dir, basename(stored)), { force: true }),
  };
}
