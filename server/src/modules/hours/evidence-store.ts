// Evidence files of manual hours entries, kept under UPLOAD_DIR/hours-evidence with random names.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, invalid } from '../../http/errors.ts';

/** Certificates, scans and photos; anything else is refused before a byte is stored. */
export const EVIDENCE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.ofd': 'application/ofd',
};
export const EVIDENCE_MAX_BYTES = 20 * 1_048_576;

export function createEvidenceStore(uploadDir: string) {
  const dir = resolve(uploadDir, 'hours-evidence');
  return {
    /** Checks the name, then streams the file to disk; a file above the limit is removed and answered 413. */
    async save(fileName: string, file: NodeJS.ReadableStream): Promise<{ name: string; path: string }> {
      const ext = extname(fileName).toLowerCase();
      if (!EVIDENCE_TYPES[ext]) throw invalid([{ field: 'file', message: '证明材料只能是 PDF、图片（JPG/PNG）、Word 或 OFD 文件' }]);
      await mkdir(dir, { recursive: true });
      const stored = `${randomUUID()}${ext}`;
      const path = join(dir, stored);
      let bytes = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(bytes > EVIDENCE_MAX_BYTES ? new AppError('PAYLOAD_TOO_LARGE', '证明材料不能超过20MB') : null, chunk);
        },
      });
      try {
        await pipeline(file, limit, createWriteStream(path));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      if (bytes === 0) {
        await rm(path, { force: true });
        throw invalid([{ field: 'file', message: '文件是空的' }]);
      }
      // Stored relative to the evidence folder, so moving UPLOAD_DIR keeps every link working.
      return { name: fileName.slice(-300), path: stored };
    },
    /** Absolute path of a stored file name (never outside the evidence folder). */
    absolute: (stored: string) => join(dir, basename(stored)),
    async remove(stored: string | null): Promise<void> {
      if (stored) await rm(join(dir, basename(stored)), { force: true });
    },
    contentType: (fileName: string) => EVIDENCE_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream',
  };
}
