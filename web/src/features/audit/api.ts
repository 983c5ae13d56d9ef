// Audit endpoints.
import type { AuditEntry, Page } from '@duibiao/contracts';
import { api, apiUrl } from '../../api/client.ts';
import type { Query } from '../../api/client.ts';

export const listAudit = (query: Query, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/audit', query, signal);
export const auditExportUrl = (filter: Query) => apiUrl('/audit/export', filter);
