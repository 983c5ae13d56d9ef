// `duibiao create-admin`: the first real account of a production instance.
import { newUserRow } from '../modules/users/users.repo.ts';
import { createInterface } from 'node:readline/promises';
import type { AppContext } from '../context.ts';
import { nowIso } from '../db/dialect.ts';
import { recordAudit } from '../modules/audit/audit.recorder.ts';
import { systemActor } from '../modules/auth/actor.ts';
import { hashPassword } from '../modules/auth/password-hasher.ts';
import { passwordProblems } from '../modules/auth/password.rules.ts';
import { findOrgByCode } from '../modules/orgs/orgs.repo.ts';

async function readPassword(): Promise<string> {
  const fromEnv = process.env['DUIBIAO_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('密码 / password: ');
  rl.close();
  return answer.trim();
}

export async function createAdmin(
  ctx: AppContext,
  input: { username: string; displayName: string; orgCode: string; role: 'sys_admin' | 'org_admin' },
): Promise<number> {
  const org = await findOrgByCode(ctx.db.kysely, input.orgCode);
  if (!org) {
    console.error(`单位编码 ${input.orgCode} 不存在`);
    return 1;
  }
  const password = await readPassword();
  const problems = passwordProblems(password, input.username);
  if (problems.length) {
    console.error(problems.join('\n'));
    return 1;
  }
  const at = nowIso();
  const hash = await hashPassword(password);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values(newUserRow({ username: input.username, displayName: input.displayName, passwordHash: hash, role: input.role, orgId: org.id }, at))
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, systemActor(org.path), {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      scopePath: org.path,
      summary: `命令行创建管理员 ${input.username}`,
    });
  });
  console.log(`created ${input.role} ${input.username} at ${org.name}`);
  return 0;
}
