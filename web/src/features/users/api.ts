// User-account endpoints.
import type { CreateUserBody, ListUsersQuery, Page, UpdateUserBody, User } from '@duibiao/contracts';
import { api } from '../../api/client.ts';

export const listUsers = (query: Partial<ListUsersQuery>, signal?: AbortSignal) => api.get<Page<User>>('/users', query, signal);
export const createUser = (body: CreateUserBody) => api.post<User>('/users', body);
export const updateUser = (id: number, body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body);
export const resetUserPassword = (id: number, newPassword: string) => api.post<void>(`/users/${id}/reset-password`, { newPassword });
export const unlockUser = (id: number) => api.post<void>(`/users/${id}/unlock`);
