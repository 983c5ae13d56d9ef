// Shared pieces of the authorization matrix: the Spec shape, role sets and fresh-record makers.
import { newUserRow } from '../../src/modules/users/users.repo.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@duibiao/core/idcard/index';
import type { Role } from '@duibiao/contracts';
import type { InjectOptions } from 'fastify';
import { nowIso } from '../../src/db/dialect.ts';
import type { Fixture } from '../fixture.ts';
import { multipart } from '../multipart.ts';
import type { TestApp } from '../support.ts';

export type Level = 'city' | 'district';
export type Req = InjectOptions & { method: string; url: string };
export interface Spec {
  /** Status per role for an in-scope request; roles not listed get `otherwise`. */
  expect: Partial<Record<Role, number>>;
  otherwise: number;
  request: (t: TestApp, level: Level) => Promise<Req> | Req;
  /** The same call aimed at a record outside the caller's subtree, and the status expected then. */
  outOfScope?: { request: (t: TestApp, level: Level) => Promise<Req> | Req; status: number };
}

export const ADMINS: Role[] = ['sys_admin', 'org_admin'];
export const READERS: Role[] = [...ADMINS, 'program_manager', 'tutor'];
export const ok = (status: number, roles: Role[]): Partial<Record<Role, number>> => Object.fromEntries(roles.map((r) => [r, status]));

let counter = 0;
export const next = () => ++counter;
/** The viewer's own node and a writable node below it, per level. */
export const home = (fx: Fixture, level: Level) => (level === 'city' ? fx.orgs['QD']! : fx.orgs['QD-SN']!);
export const below = (fx: Fixture) => fx.orgs['QD-SN-BDG']!;
export const outside = (fx: Fixture, level: Level) => (level === 'city' ? fx.orgs['DL-WFD']! : fx.orgs['QD-LS-SZK']!);
export const outsideCadre = (fx: Fixture, level: Level) => (level === 'city' ? fx.cadres['dl']! : fx.cadres['szk']!);

export async function freshOrg(t: TestApp, parent: number): Promise<number> {
  const p = await t.db.kysely.selectFrom('organizations').select('path').where('id', '=', parent).executeTakeFirstOrThrow();
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('organizations')
    .values({
      parent_id: parent,
      code: `TMP${next()}`,
      name: `临时单位${next()}`,
      level: 'village',
      kind: 'village',
      path: '',
      region_code: null,
      sort_order: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.kysely
    .updateTable('organizations')
    .set({ path: `${p.path}${id}/` })
    .where('id', '=', id)
    .execute();
  return id;
}

export async function freshUser(t: TestApp, orgId: number): Promise<number> {
  const hash = (await t.db.kysely.selectFrom('users').select('password_hash').limit(1).executeTakeFirstOrThrow()).password_hash;
  const at = nowIso();
  const { id } = await t.db.kysely
    .insertInto('users')
    .values(newUserRow({ username: `u${next()}x`, displayName: '临时', passwordHash: hash, role: 'tutor', orgId }, at))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const cadreBody = (orgId: number) => ({
  name: '测试干部',
  idNumber: makeIdNumber('370202', '1990-01-01', next() % 1000),
  orgId,
  rank: 'staff' as const,
});

export async function freshCadre(t: TestApp, orgId: number): Promise<number> {
  const res = await t.services.cadres.create(
    { userId: 0, username: 's', displayName: 's', role: 'sys_admin', orgId: 0, orgName: '', scopePath: '/', cadreId: null, ip: null, requestId: null },
    { ...cadreBody(orgId), specialties: [], experiences: [] },
  );
  return res.id;
}

export async function freshJob(t: TestApp, orgId: number, status = 'validated'): Promise<string> {
  const id = randomUUID();
  const file = join(t.ctx.config.UPLOAD_DIR, `${id}.upload`);
  writeFileSync(file, '姓名,身份证号,工作单位\n');
  const at = nowIso();
  await t.db.kysely
    .insertInto('import_jobs')
    .values({
      id,
      user_id: t.fixture.users['qd_admin']!,
      org_id: orgId,
      file_name: 'a.csv',
      file_path: file,
      status,
      progress: 1,
      rows_read: 0,
      summary_json: '{"created":0,"updated":0,"unchanged":0,"errors":[]}',
      error_count: 0,
      preview_json: '[]',
      message: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export const csv = (orgId: number) => multipart({ orgId: String(orgId) }, { name: 'roster.csv', content: '姓名,身份证号,工作单位\n' });
