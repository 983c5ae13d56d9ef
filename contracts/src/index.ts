export * from './domain.ts';
export * from './api/common.ts';
export * from './api/auth.ts';
export * from './api/orgs.ts';
export * from './api/users.ts';
export * from './api/cadres.ts';
export * from './api/imports.ts';
export * from './api/audit.ts';
