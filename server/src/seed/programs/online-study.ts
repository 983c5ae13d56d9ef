// Online self-study (网络培训) for the demo cadres this year: the 2023–2027 plan asks ≥ 50 学时 a year, and most
// cadres study on the cadre online academy. Without these rows every cadre would fail the online rule and the
// compliance report would read 0 %.
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { Rng } from '../prng.ts';

const PROVIDERS = ['中国干部网络学院', '省干部网络学院', '学习强国·专题学习'];

export async function seedOnlineStudy(trx: Kysely<Database>, year: number, seed = 50): Promise<number> {
  const rng = new Rng(seed);
  const at = nowIso();
  const cadres = await trx.selectFrom('cadres').select('id').orderBy('id').execute();
  const rows = cadres
    .filter(() => rng.chance(0.9))
    .map((c) => ({
      cadre_id: c.id,
      program_id: null,
      source: 'manual',
      category: 'online',
      title: `${year}年度网络专题培训`,
      provider: rng.pick(PROVIDERS),
      date: `${year}-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      // Most finish the 50 hours; some are still short.
      hours: rng.chance(0.8) ? rng.int(50, 72) : rng.int(18, 49),
      days: 0,
      evidence_name: null,
      evidence_path: null,
      note: '网络学院学时证明（演示数据）',
      created_by: null,
      created_at: at,
      updated_at: at,
    }));
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('hours_entries')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}
