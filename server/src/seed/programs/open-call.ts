// An open call for nominations (issue 4): the 4th Qingdao → Shenzhen practicum batch, enrolling from the seed day with
// quotas for the city organs and four districts and no nominations yet — so a district admin (`sn_admin`) can try
// nominating, and the organizer (`qd_pm`) approving, on a fresh demo.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../db/dialect.ts';
import { newProgramRow } from '../../modules/programs/program-row.ts';
import { addDays } from '../dates.ts';

export const OPEN_CALL_CODE = 'S3-QD-SZ-B4';

const QUOTAS = [
  { orgCode: 'QD-SZ', quota: 30, note: '市直机关、市属企事业单位' },
  { orgCode: 'QD-SN', quota: 10, note: '市南区' },
  { orgCode: 'QD-SB', quota: 8, note: '市北区' },
  { orgCode: 'QD-LS', quota: 6, note: '崂山区' },
  { orgCode: 'QD-HD', quota: 6, note: '西海岸新区' },
];

export async function seedOpenCall(db: Kysely<Database>, today: string): Promise<void> {
  const at = nowIso();
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'code'])
    .where('code', 'in', ['QD', ...QUOTAS.map((q) => q.orgCode)])
    .execute();
  const orgId = new Map(orgs.map((o) => [o.code, o.id]));
  const start = addDays(today, 60);
  const { id } = await db
    .insertInto('programs')
    .values({
      ...newProgramRow(
        {
          code: OPEN_CALL_CODE,
          name: '青岛市第四批赴深圳体悟实训',
          type: 'embedded_practicum',
          status: 'enrolling',
          organizerOrgId: orgId.get('QD')!,
          startDate: start,
          endDate: addDays(start, 99),
          themes: ['金融创新', '科技创新', '营商环境'],
          places: ['深圳'],
          partner: '深圳市委组织部',
          description: '第四批体悟实训，正在组织推荐人选：各单位在名额内推荐 45 岁以下、未参加同期其他项目的干部。',
        },
        at,
      ),
      // Units have 20 days to nominate, well before the program starts (day 60).
      selection_rules: JSON.stringify({
        eligibility: { maxAge: 45, excludeOverlapping: true },
        capacity: 60,
        grassrootsShareMin: 0.3,
        nominationDeadline: addDays(today, 20),
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('nomination_quotas')
    .values(
      QUOTAS.map((q) => ({ program_id: id, org_id: orgId.get(q.orgCode)!, unit_category: null, quota: q.quota, note: q.note, created_at: at, updated_at: at })),
    )
    .execute();
}
