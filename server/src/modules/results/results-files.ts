// Report and evidence files under UPLOAD_DIR/reports and UPLOAD_DIR/landing-evidence, stored with random names. Type
// and size are checked while streaming, so a wrong or oversized file is refused (400 naming `file`) and removed.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../../http/errors.ts';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const REPORT_TYPES: Record<string, string> = { '.pdf': PDF, '.docx': DOCX };
const EVIDENCE_TYPES: Record<string, string> = {
  ...REPORT_TYPES,
  '.doc': 'application/msword',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

// First bytes per type: a renamed executable is not a PDF.
const MAGIC: Record<string, number[]> = {
  [PDF]: [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/msword': [0xd0, 0xcf, 0x11, 0xe0],
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

export function createResultsFileStore(uploadDir: string, maxBytes: number) {
  const folders = { reports: resolve(uploadDir, 'reports'), evidence: resolve(uploadDir, 'landing-evidence') };

  async function save(kind: keyof typeof folders, fileName: string, file: NodeJS.ReadableStream): Promise<StoredFile> {
    const ext = extname(fileName).toLowerCase();
    const types = kind === 'reports' ? REPORT_TYPES : EVIDENCE_TYPES;
    const mime = types[ext];
    if (!mime) {
      file.resume();
      throw invalid([{ field: 'file', message: kind === 'reports' ? '调研报告只能上传 Word（.docx）或 PDF 文件' : '佐证材料只能是 PDF、Word、Excel 或图片' }]);
    }
    await mkdir(folders[kind], { recursive: true });
    const stored = `${randomUUID()}${ext}`;
    const path = join(folders[kind], stored);
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(bytes > maxBytes ? invalid([{ field: 'file', message: `文件不能超过 ${Math.round(maxBytes / 1_048_576)} MB` }]) : null, chunk);
      },
    });
    try {
      await pipeline(file, limit, createWriteStream(path));
      if ((file as { truncated?: boolean }).truncated) throw invalid([{ field: 'file', message: '文件过大' }]);
      if (bytes === 0) throw invalid([{ field: 'file', message: '文件是空的' }]);
      const head = Buffer.alloc(4);
      const handle = await open(path, 'r');
      try {
        await handle.read(head, 0, 4, 0);
      } finally {
        await handle.close();
      }
      const magic = MAGIC[mime] ?? ZIP;
      if (!magic.every((b, i) => head[i] === b)) throw invalid([{ field: 'file', message: '文件内容与扩展名不符' }]);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { fileName: basename(fileName).slice(-300), path: stored, sizeBytes: bytes, mime };
  }

  const absolute = (kind: keyof typeof folders, stored: string) => join(folders[kind], basename(stored));

  return {
    save,
    download: (kind: keyof typeof folders, row: { file_name: string | null; file_path: string | null; mime: string | null }): FileDownload | null =>
      row.file_path && row.file_name
        ? {
            fileName: row.file_name,
            mime: row.mime ?? 'application/octet-stream',
            write: (out) => pipeline(createReadStream(absolute(kind, row.file_path!)), out),
          }
        : null,
    remove: async (kind: keyof typeof folders, stored: string | null) => {
      if (stored) await rm(absolute(kind, stored), { force: true });
    },
  };
}
export type ResultsFileStore = ReturnType<typeof createResultsFileStore>;
