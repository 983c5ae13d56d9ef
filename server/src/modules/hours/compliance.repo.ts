// Compliance report queries: the cadres and units of a subtree, and each cadre's hours summed per rule window in SQL
// (one row per cadre, one column group per window), so 100k cadres never means millions of rows in JS.
import type { Rank } from '@duibiao/contracts';
import { sql, type Kysely } from 'kysely';
import { inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { DateWindow, WindowSums } from './compliance.rules.ts';

export interface ReportOrg {
  id: number;
  name: string;
  path: string;
  parent_id: number | null;
}

export interface ReportCadre {
  id: number;
  name: string;
  rank: string | null;
  org_id: number;
}

export function orgsInSubtree(db: Kysely<Database>, path: string): Promise<ReportOrg[]> {
  return db.selectFrom('organizations').select(['id', 'name', 'path', 'parent_id']).where(inSubtree('path', path)).orderBy('path').execute();
}

export function cadresInSubtree(db: Kysely<Database>, path: string, ranks: readonly Rank[] | undefined): Promise<ReportCadre[]> {
  return (
    db
      .selectFrom('cadres as c')
      .innerJoin('organizations as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.name', 'c.rank', 'c.org_id'])
      .where(inSubtree('o.path', path))
      .$if(!!ranks?.length, (q) => q.where('c.rank', 'in', ranks!))
      // Unit, then registration order: sorting 100k Chinese names by collation costs more than it tells anyone.
      .orderBy('o.path')
      .orderBy('c.id')
      .execute()
  );
}

export function sumsPerWindow(db: Kysely<Database>, path: string, windows: readonly DateWindow[], ranks: readonly Rank[] | undefined): Promise<WindowSums[]> {
  const from = windows.reduce((m, w) => (w.from < m ? w.from : m), windows[0]!.from);
  const to = windows.reduce((m, w) => (w.to > m ? w.to : m), windows[0]!.to);
  // Hours are summed as double precision: PostgreSQL's real (float4) would lose decimals over many rows.
  const hours = sql`cast(h.hours as double precision)`;
  const columns = windows.flatMap((w, i) => {
    const inWindow = sql`h.date between ${w.from} and ${w.to}`;
    const online = sql`${inWindow} and h.category = 'online'`;
    return [
      sql<number>`sum(case when ${inWindow} then ${hours} else 0 end)`.as(`h${i}`),
      sql<number>`sum(case when ${online} then ${hours} else 0 end)`.as(`o${i}`),
      sql<number>`sum(case when ${inWindow} then h.days else 0 end)`.as(`d${i}`),
      sql<number>`sum(case when ${online} then h.days else 0 end)`.as(`od${i}`),
    ];
  });
  return db
    .selectFrom('hours_entries as h')
    .innerJoin('cadres as c', 'c.id', 'h.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select('h.cadre_id')
    .select(columns)
    .where(inSubtree('o.path', path))
    .where('h.date', '>=', from)
    .where('h.date', '<=', to)
    .$if(!!ranks?.length, (q) => q.where('c.rank', 'in', ranks!))
    .groupBy('h.cadre_id')
    .execute() as unknown as Promise<WindowSums[]>;
}
