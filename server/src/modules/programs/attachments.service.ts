// Management-rules documents (管理制度) of a program: upload (streamed to UPLOAD_DIR), list, download, delete.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Attachment } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.recorder.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { programInScope } from './program-access.ts';
import { attachmentMime, magicMatches } from './programs.rules.ts';

export interface AttachmentStore {
  discardFiles(paths: string[]): Promise<void>;
}

export interface AttachmentDownload {
  fileName: string;
  mime: string;
  write: (out: NodeJS.WritableStream) => Promise<void>;
}

export function createAttachmentService(ctx: AppContext) {
  const db = ctx.db.kysely;
  const read = ctx.db.read;
  const root = resolve(ctx.config.UPLOAD_DIR, 'program-attachments');

  const list = async (programId: number): Promise<Attachment[]> => {
    const rows = await read
      .selectFrom('program_attachments as a')
      .leftJoin('users as u', 'u.id', 'a.uploaded_by')
      .select(['a.id', 'a.kind', 'a.file_name', 'a.size_bytes', 'a.mime', 'a.created_at', 'u.display_name'])
      .where('a.program_id', '=', programId)
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind === 'other' ? 'other' : 'rules',
      fileName: r.file_name,
      sizeBytes: Number(r.size_bytes),
      mime: r.mime,
      uploadedBy: r.display_name,
      createdAt: r.created_at,
    }));
  };

  async function findAttachment(actor: Actor, programId: number, attachmentId: number) {
    const program = await programInScope(read, actor, programId);
    const row = await read.selectFrom('program_attachments').selectAll().where('id', '=', attachmentId).where('program_id', '=', programId).executeTakeFirst();
    if (!row) throw notFound('附件');
    return { program, row };
  }

  return {
    async discardFiles(paths: string[]): Promise<void> {
      for (const p of paths) await rm(p, { force: true });
    },

    async list(actor: Actor, programId: number): Promise<Attachment[]> {
      requirePermission(actor, 'program:read');
      await programInScope(read, actor, programId);
      return list(programId);
    },

    /** Streams the upload to disk, checks type and size, then records it with an audit entry. */
    async upload(actor: Actor, programId: number, kind: string | undefined, fileName: string, file: NodeJS.ReadableStream): Promise<Attachment> {
      requirePermission(actor, 'program:write');
      const program = await programInScope(read, actor, programId);
      const mime = attachmentMime(fileName);
      if (!mime) throw invalid([{ field: 'file', message: '只支持 PDF、Word、Excel、JPG、PNG 文件' }]);
      if (kind !== undefined && kind !== 'rules' && kind !== 'other') throw invalid([{ field: 'kind', message: '应为 rules 或 other' }]);
      const dir = join(root, String(programId));
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${randomUUID()}${/\.[a-z0-9]+$/i.exec(fileName)![0].toLowerCase()}`);
      await pipeline(file, createWriteStream(path));
      try {
        if ((file as { truncated?: boolean }).truncated) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${ctx.config.UPLOAD_MAX_MB} MB`);
        const handle = await open(path, 'r');
        let size: number;
        const head = Buffer.alloc(8);
        try {
          size = (await handle.stat()).size;
          await handle.read(head, 0, 8, 0);
        } finally {
          await handle.close();
        }
        if (size === 0) throw invalid([{ field: 'file', message: '文件为空' }]);
        if (!magicMatches(mime, head)) throw invalid([{ field: 'file', message: '文件内容与扩展名不符' }]);
        const id = await db.transaction().execute(async (trx) => {
          const { id: newId } = await trx
            .insertInto('program_attachments')
            .values({
              program_id: programId,
              kind: kind ?? 'rules',
              file_name: fileName.slice(0, 300),
              file_path: path,
              size_bytes: size,
              mime,
              uploaded_by: actor.userId || null,
              created_at: nowIso(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(trx, actor, {
            action: 'program.attachment_add',
            entityType: 'program',
            entityId: programId,
            scopePath: program.organizer_path,
            summary: `${program.name}：上传 ${fileName}`,
            after: { attachmentId: newId, fileName, sizeBytes: size },
          });
          return newId;
        });
        return (await list(programId)).find((a) => a.id === id)!;
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
    },

    async download(actor: Actor, programId: number, attachmentId: number): Promise<AttachmentDownload> {
      requirePermission(actor, 'program:read');
      const { row } = await findAttachment(actor, programId, attachmentId);
      return { fileName: row.file_name, mime: row.mime, write: (out) => pipeline(createReadStream(row.file_path), out) };
    },

    async remove(actor: Actor, programId: number, attachmentId: number): Promise<void> {
      requirePermission(actor, 'program:write');
      const { program, row } = await findAttachment(actor, programId, attachmentId);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('program_attachments').where('id', '=', attachmentId).execute();
        await recordAudit(trx, actor, {
          action: 'program.attachment_delete',
          entityType: 'program',
          entityId: programId,
          scopePath: program.organizer_path,
          summary: `${program.name}：删除 ${row.file_name}`,
          before: { attachmentId, fileName: row.file_name },
        });
      });
      await rm(row.file_path, { force: true });
    },
  };
}
export type AttachmentService = ReturnType<typeof createAttachmentService>;
