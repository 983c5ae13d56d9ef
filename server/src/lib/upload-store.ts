// Uploaded documents kept under UPLOAD_DIR/<folder> with random names. The extension must be one the caller allows, the
// size stays under its limit while streaming, and the first bytes must match the type (a renamed executable is not a
// PDF); anything refused answers 400 naming `file` and leaves nothing on disk. Stored paths are relative to the
// folder, so moving UPLOAD_DIR keeps every link working.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../http/errors.ts';

export const MIME = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;

// First bytes per type; the Office Open XML formats are zip files.
const MAGIC: Record<string, number[]> = {
  [MIME.pdf]: [0x25, 0x50, 0x44, 0x46],
  [MIME.png]: [0x89, 0x50, 0x4e, 0x47],
  [MIME.jpeg]: [0xff, 0xd8, 0xff],
  [MIME.doc]: [0xd0, 0xcf, 0x11, 0xe0],
};
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export interface StoredFile {
  fileName: string;
  path: string;
  sizeBytes: number;
  mime: string;
}

export interface FileDownload {
  fileName: string;
  mime: string;
  write: (out: NodeJS.WritableStream) => Promise<void>;
}

export interface UploadStoreOptions {
  uploadDir: string;
  folder: string;
  /** Allowed extensions (with the dot) and their MIME types. */
  types: Record<string, string>;
  maxBytes: number;
  /** Said when the extension is not allowed, e.g. 只能上传 Word（docx）或 PDF 文件. */
  typeMessage: string;
}

export function createUploadStore(o: UploadStoreOptions) {
  const dir = resolve(o.uploadDir, o.folder);
  const absolute = (stored: string) => join(dir, basename(stored));
  const tooLarge = () => invalid([{ field: 'file', message: `文件不能超过 ${Math.round(o.maxBytes / 1_048_576)} MB` }]);

  async function startsWith(path: string, magic: number[]): Promise<boolean> {
    const head = Buffer.alloc(magic.length);
    const handle = await open(path, 'r');
    try {
      await handle.read(head, 0, magic.length, 0);
    } finally {
      await handle.close();
    }
    return magic.every((b, i) => head[i] === b);
  }

  return {
    absolute,

    async save(fileName: string, file: NodeJS.ReadableStream): Promise<StoredFile> {
      const ext = extname(fileName).toLowerCase();
      const mime = o.types[ext];
      if (!mime) {
        file.resume();
        throw invalid([{ field: 'file', message: o.typeMessage }]);
      }
      await mkdir(dir, { recursive: true });
      const stored = `${randomUUID()}${ext}`;
      const path = join(dir, stored);
      let bytes = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(bytes > o.maxBytes ? tooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(file, limit, createWriteStream(path));
        // The multipart parser may truncate at its own limit instead of failing the stream.
        if ((file as { truncated?: boolean }).truncated) throw tooLarge();
        if (bytes === 0) throw invalid([{ field: 'file', message: '文件是空的' }]);
        if (!(await startsWith(path, MAGIC[mime] ?? ZIP))) throw invalid([{ field: 'file', message: '文件内容与扩展名不符' }]);
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return { fileName: basename(fileName).slice(-300), path: stored, sizeBytes: bytes, mime };
    },

    download: (row: { file_name: string | null; file_path: string | null; mime: string | null }): FileDownload | null =>
      row.file_path && row.file_name
        ? { fileName: row.file_name, mime: row.mime ?? 'application/octet-stream', write: (out) => pipeline(createReadStream(absolute(row.file_path!)), out) }
        : null,

    async remove(stored: string | null): Promise<void> {
      if (stored) await rm(absolute(stored), { force: true });
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
