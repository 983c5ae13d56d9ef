// Issue 5's demo data (problems → topics → reports → recommendations → landed, and the temporary Party branches) for
// S3 Qingdao, S4 Shangqiu and S2 Dalian, written straight into the issue-5 tables after the programs are loaded.
import { S3_CODE } from '../programs/s3-qingdao.ts';
import { S4_CODE } from '../programs/s4-shangqiu.ts';
import { S2_CODE } from '../programs/s2-plan.ts';
import { userIds, type Trx } from './common.ts';
import { seedS2Results } from './s2.ts';
import { seedS3Results, type Program } from './s3.ts';
import { seedS4Results } from './s4.ts';

export async function seedDemoResults(trx: Trx, today: string): Promise<void> {
  const users = await userIds(trx);
  const program = async (code: string): Promise<Program> => {
    const p = await trx.selectFrom('programs').select(['id', 'start_date', 'end_date']).where('code', '=', code).executeTakeFirstOrThrow();
    return { id: p.id, startDate: p.start_date, endDate: p.end_date };
  };
  await seedS3Results(trx, await program(S3_CODE), today, users);
  await seedS4Results(trx, await program(S4_CODE), users);
  await seedS2Results(trx, await program(S2_CODE), users);
}
