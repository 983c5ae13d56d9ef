// Sends a streamed file download: headers first, then whatever the writer produces.
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendDownload(reply: FastifyReply, fileName: string, contentType: string, write: (out: NodeJS.WritableStream) => Promise<void>): FastifyReply {
  const stream = new PassThrough();
  write(stream).catch((error: unknown) => {
    reply.log.error({ err: error }, 'download failed mid-stream');
    stream.destroy(error as Error);
  });
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(stream);
}

/** A file name stamped with today's date, e.g. 干部名册_2026-11-23.xlsx. */
export const datedName = (base: string, ext = 'xlsx'): string => `${base}_${new Date().toISOString().slice(0, 10)}.${ext}`;
