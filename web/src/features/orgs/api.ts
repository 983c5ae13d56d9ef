// Org endpoints.
import type { CreateOrgBody, OrgNode, UpdateOrgBody } from '@duibiao/contracts';
import { api } from '../../api/client.ts';

export const createOrg = (body: CreateOrgBody) => api.post<OrgNode>('/orgs', body);
export const updateOrg = (id: number, body: UpdateOrgBody) => api.patch<OrgNode>(`/orgs/${id}`, body);
export const deleteOrg = (id: number) => api.delete(`/orgs/${id}`);
