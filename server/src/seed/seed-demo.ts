// Loads the demo data set into an empty database in one transaction.
import { newUserRow } from '../modules/users/users.repo.ts';
import type { AppContext } from '../context.ts';
import { nowIso } from '../db/dialect.ts';
import { hashPassword } from '../modules/auth/password-hasher.ts';
import { toCadreRow } from '../modules/cadres/cadres.rules.ts';
import { insertOrg } from '../modules/orgs/orgs.repo.ts';
import type { DemoData } from './types.ts';

const BATCH = 200;

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.kysely.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(ctx: AppContext, data: DemoData): Promise<{ orgs: number; cadres: number; users: number }> {
  // One hash for every demo account: argon2 is deliberately slow, and the password is public anyway.
  const passwordHash = await hashPassword(data.password);
  const at = nowIso();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const orgByCode = new Map<string, { id: number; path: string }>();
    for (const [i, org] of data.orgs.entries()) {
      const parent = org.parentCode ? orgByCode.get(org.parentCode) : undefined;
      if (org.parentCode && !parent) throw new Error(`demo org ${org.code}: parent ${org.parentCode} not seen yet`);
      const row = await insertOrg(
        trx,
        {
          parent_id: parent?.id ?? null,
          code: org.code,
          name: org.name,
          level: org.level,
          kind: org.kind,
          region_code: org.regionCode,
          sort_order: i,
          created_at: at,
          updated_at: at,
        },
        parent?.path ?? '/',
      );
      orgByCode.set(org.code, { id: row.id, path: row.path });
    }
    const orgId = (code: string) => {
      const found = orgByCode.get(code);
      if (!found) throw new Error(`demo data: unknown org ${code}`);
      return found.id;
    };
    for (let i = 0; i < data.cadres.length; i += BATCH) {
      const rows = data.cadres.slice(i, i + BATCH).map((c) => ({
        ...toCadreRow(
          {
            orgId: orgId(c.orgCode),
            name: c.name,
            gender: c.gender,
            birthDate: c.birthDate,
            ethnicity: c.ethnicity,
            politicalStatus: c.politicalStatus,
            idNumber: c.idNumber,
            mobile: c.mobile,
            position: c.position,
            rank: c.rank,
            education: c.education,
            specialties: c.specialties,
            workStartDate: c.workStartDate,
            experiences: c.experiences,
          },
          ctx.cipher,
          at,
        ),
        created_at: at,
      }));
      await trx.insertInto('cadres').values(rows).execute();
    }
    for (const u of data.users) {
      const cadre = u.cadreIdNumber
        ? await trx.selectFrom('cadres').select('id').where('id_number_hash', '=', ctx.cipher.blindIndex(u.cadreIdNumber)).executeTakeFirst()
        : undefined;
      await trx
        .insertInto('users')
        .values(newUserRow({ username: u.username, displayName: u.displayName, passwordHash, role: u.role, orgId: orgId(u.orgCode), cadreId: cadre?.id }, at))
        .execute();
    }
  });
  return { orgs: data.orgs.length, cadres: data.cadres.length, users: data.users.length };
}
