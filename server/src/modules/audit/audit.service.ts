// Reading the audit trail: list and xlsx export, limited to the actor's subtree.
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEntry, type AuditQuery, type Page } from '@duibiao/contracts';
import type { AppContext } from '../../context.ts';
import type { AuditRow } from '../../db/schema.ts';
import { writeXlsx, type XlsxColumn } from '../../lib/xlsx-writer.ts';
import { requirePermission, scopePrefix, type Actor } from '../auth/actor.ts';
import { iterateAudit, listAudit } from './audit.repo.ts';

const EXPORT_LIMIT = 100_000;

function present(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_id === null ? null : { id: row.actor_id, username: row.actor_username ?? '', displayName: row.actor_name ?? '' },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
    requestId: row.request_id,
    ip: row.ip,
  };
}

const EXPORT_COLUMNS: XlsxColumn<AuditRow>[] = [
  { header: '时间', width: 24, value: (r) => r.at },
  { header: '操作人', width: 16, value: (r) => r.actor_name ?? '' },
  { header: '账号', width: 16, value: (r) => r.actor_username ?? '' },
  { header: '操作', width: 18, value: (r) => (AUDIT_ACTIONS as Record<string, { zh: string } | undefined>)[r.action]?.zh ?? r.action },
  { header: '操作代码', width: 20, value: (r) => r.action },
  { header: '对象类型', width: 12, value: (r) => (AUDIT_ENTITY_TYPES as Record<string, { zh: string } | undefined>)[r.entity_type]?.zh ?? r.entity_type },
  { header: '对象ID', width: 10, value: (r) => r.entity_id ?? '' },
  { header: '摘要', width: 40, value: (r) => r.summary },
  { header: '变更前', width: 50, value: (r) => r.before_json ?? '' },
  { header: '变更后', width: 50, value: (r) => r.after_json ?? '' },
  { header: 'IP', width: 16, value: (r) => r.ip ?? '' },
  { header: '请求ID', width: 20, value: (r) => r.request_id ?? '' },
];

export function createAuditService(ctx: AppContext) {
  return {
    async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
      requirePermission(actor, 'audit:read');
      const { page, pageSize, ...filter } = query;
      const { items, total } = await listAudit(ctx.db.read, scopePrefix(actor), filter, page, pageSize);
      return { items: items.map(present), total, page, pageSize };
    },

    /** Checks access first; the returned writer streams the workbook. */
    exportXlsx(actor: Actor, query: AuditQuery): (out: NodeJS.WritableStream) => Promise<void> {
      requirePermission(actor, 'audit:read');
      const { page: _p, pageSize: _s, ...filter } = query;
      return (out) => writeXlsx(out, '审计日志', EXPORT_COLUMNS, iterateAudit(ctx.db.read, scopePrefix(actor), filter, EXPORT_LIMIT));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
