// Program queries. Every list keeps programs whose organizer lies in the caller's subtree.
import { sql, type Kysely } from 'kysely';
import { containsText, inSubtree } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { NewProgramRow, ProgramRow } from '../../db/schema-programs.ts';

export interface ProgramFilter {
  scope: string;
  type?: string;
  status?: string;
  year?: number;
  orgPath?: string;
  q?: string;
}

export type ProgramListRow = ProgramRow & { organizer_name: string; class_count: number; trainee_count: number };

function filtered(db: Kysely<Database>, f: ProgramFilter) {
  return db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .where(inSubtree('o.path', f.scope))
    .$if(!!f.orgPath, (b) => b.where(inSubtree('o.path', f.orgPath!)))
    .$if(!!f.type, (b) => b.where('p.type', '=', f.type!))
    .$if(!!f.status, (b) => b.where('p.status', '=', f.status!))
    .$if(f.year !== undefined, (b) => b.where('p.start_date', '<=', `${f.year}-12-31`).where('p.end_date', '>=', `${f.year}-01-01`))
    .$if(!!f.q, (b) =>
      b.where((eb) => eb.or([containsText('p.name', f.q!), containsText('p.code', f.q!), containsText('p.partner', f.q!), containsText('p.themes', f.q!)])),
    );
}

const classCount = sql<number>`(select count(*) from program_classes pc where pc.program_id = p.id)`;
const traineeCount = sql<number>`(select count(*) from enrolments e where e.program_id = p.id and e.status = 'enrolled')`;

export async function listPrograms(db: Kysely<Database>, f: ProgramFilter, limit: number, offset: number): Promise<{ rows: ProgramListRow[]; total: number }> {
  const q = filtered(db, f);
  const [rows, count] = await Promise.all([
    q
      .selectAll('p')
      .select(['o.name as organizer_name', classCount.as('class_count'), traineeCount.as('trainee_count')])
      .orderBy('p.start_date', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ProgramListRow[], total: Number(count.n) };
}

export async function programCounts(db: Kysely<Database>, programId: number): Promise<{ classes: number; trainees: number; sessions: number }> {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*) from program_classes where program_id = ${programId})`.as('classes'),
      sql<number>`(select count(*) from enrolments where program_id = ${programId} and status = 'enrolled')`.as('trainees'),
      sql<number>`(select count(*) from program_sessions where program_id = ${programId})`.as('sessions'),
    ])
    .executeTakeFirstOrThrow();
  return { classes: Number(row.classes), trainees: Number(row.trainees), sessions: Number(row.sessions) };
}

export async function insertProgram(db: Kysely<Database>, row: NewProgramRow): Promise<number> {
  const { id } = await db.insertInto('programs').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateProgram(db: Kysely<Database>, id: number, row: Partial<NewProgramRow>): Promise<void> {
  await db.updateTable('programs').set(row).where('id', '=', id).execute();
}

export async function deleteProgram(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('programs').where('id', '=', id).execute();
}
