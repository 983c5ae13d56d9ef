// /api/v1/audit — the audit trail.
import { auditEntrySchema, auditQuerySchema, pageOf } from '@duibiao/contracts';
import { actorOf } from '../../http/auth-hooks.ts';
import { datedName, sendDownload, XLSX_TYPE } from '../../http/download.ts';
import type { RoutesPlugin } from '../../http/types.ts';

const tags = ['audit'];

export const auditRoutes: RoutesPlugin = (app, { audit }) => {
  app.get('/api/v1/audit', { schema: { tags, querystring: auditQuerySchema, response: { 200: pageOf(auditEntrySchema) } } }, (req) =>
    audit.list(actorOf(req), req.query),
  );

  app.get('/api/v1/audit/export', { schema: { tags, querystring: auditQuerySchema } }, (req, reply) =>
    sendDownload(reply, datedName('审计日志'), XLSX_TYPE, audit.exportXlsx(actorOf(req), req.query)),
  );
};
