// Queries of the close-out module: one program's roster, sessions, attendance, leave, hours and ratings, read
// straight from the tables (the attendance, leave and ledger modules own the writes), plus certificates.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Every enrolment of a program with the cadre, unit, class, group and certificate, in class/group order. */
export function listRoster(db: Q, programId: number) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('program_classes as pc', 'pc.id', 'e.class_id')
    .leftJoin('class_groups as g', 'g.id', 'e.group_id')
    .leftJoin('certificates as cert', 'cert.enrolment_id', 'e.id')
    .select([
      'e.id',
      'e.cadre_id',
      'e.class_id',
      'e.group_id',
      'e.roles',
      'e.status',
      'e.withdrawal_flagged_at',
      'e.assessment',
      'e.assessment_reason',
      'e.assessed_at',
      'c.name',
      'c.gender',
      'c.position',
      'c.rank',
      'o.name as unit',
      'pc.name as class_name',
      'g.name as group_name',
      'cert.id as cert_id',
      'cert.serial as cert_serial',
      'cert.issued_at as cert_issued_at',
      'cert.revoked_at as cert_revoked_at',
      'cert.verify_code as cert_verify_code',
    ])
    .where('e.program_id', '=', programId)
    .orderBy('pc.sort_order')
    .orderBy('pc.id')
    .orderBy('g.sort_order')
    .orderBy('g.id')
    .orderBy('e.id')
    .execute();
}
export type RosterRow = Awaited<ReturnType<typeof listRoster>>[number];

export function listSessions(db: Q, programId: number) {
  return db
    .selectFrom('program_sessions as s')
    .leftJoin('venues as v', 'v.id', 's.venue_id')
    .select([
      's.id',
      's.title',
      's.type',
      's.starts_at',
      's.ends_at',
      's.credited_hours',
      's.audience_kind',
      's.audience_class_id',
      's.audience_group_id',
      'v.name as venue_name',
    ])
    .where('s.program_id', '=', programId)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
}
export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** Session-level attendance marks (stop 0) of a program. */
export function listAttendance(db: Q, programId: number) {
  return db
    .selectFrom('attendance as a')
    .innerJoin('program_sessions as s', 's.id', 'a.session_id')
    .select(['a.enrolment_id', 'a.session_id', 'a.status'])
    .where('s.program_id', '=', programId)
    .where('a.stop_seq', '=', 0)
    .execute();
}

/** Approved leave hours per enrolment. */
export async function approvedLeaveHours(db: Q, programId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('leave_requests')
    .select(['enrolment_id', (eb) => eb.fn.sum<number>('hours').as('hours')])
    .where('program_id', '=', programId)
    .where('status', '=', 'approved')
    .groupBy('enrolment_id')
    .execute();
  return new Map(rows.map((r) => [r.enrolment_id, Number(r.hours ?? 0)]));
}

/** Ledger hours and days each cadre earned from this program. */
export async function programLedger(db: Q, programId: number): Promise<Map<number, { hours: number; days: number }>> {
  const rows = await db
    .selectFrom('hours_entries')
    .select(['cadre_id', (eb) => eb.fn.sum<number>('hours').as('hours'), (eb) => eb.fn.sum<number>('days').as('days')])
    .where('program_id', '=', programId)
    .groupBy('cadre_id')
    .execute();
  return new Map(rows.map((r) => [r.cadre_id, { hours: Number(r.hours ?? 0), days: Number(r.days ?? 0) }]));
}

export async function leaveCountsByStatus(db: Q, programId: number): Promise<{ key: string; count: number }[]> {
  const rows = await db
    .selectFrom('leave_requests')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ key: r.status, count: Number(r.n) }));
}

/** Rating sums per session (never the raters: evaluations are anonymous in reports). */
export async function ratingsBySession(db: Q, programId: number) {
  const rows = await db
    .selectFrom('session_ratings as r')
    .innerJoin('program_sessions as s', 's.id', 'r.session_id')
    .select([
      's.id',
      's.title',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('r.content').as('content'),
      (eb) => eb.fn.sum<number>('r.delivery').as('delivery'),
      (eb) => eb.fn.sum<number>('r.usefulness').as('usefulness'),
    ])
    .where('s.program_id', '=', programId)
    .groupBy(['s.id', 's.title', 's.starts_at'])
    .orderBy('s.starts_at')
    .execute();
  return rows.map((r) => ({
    sessionId: r.id,
    title: r.title,
    n: Number(r.n),
    content: Number(r.content),
    delivery: Number(r.delivery),
    usefulness: Number(r.usefulness),
  }));
}

export function updateAssessment(trx: Q, enrolmentId: number, values: { assessment: string; reason: string | null; by: number | null; at: string }) {
  return trx
    .updateTable('enrolments')
    .set({ assessment: values.assessment, assessment_reason: values.reason, assessed_by: values.by, assessed_at: values.at, updated_at: values.at })
    .where('id', '=', enrolmentId)
    .execute();
}

/** The highest serial number used in a year ('DB-2026-000042' → 42), 0 when none. */
export async function maxSerialNumber(trx: Q, year: number): Promise<number> {
  const row = await trx
    .selectFrom('certificates')
    .select((eb) => eb.fn.max('serial').as('serial'))
    .where('serial', 'like', `DB-${year}-%`)
    .executeTakeFirst();
  const serial = row?.serial as string | null | undefined;
  return serial ? Number(serial.slice(-6)) : 0;
}

export function insertCertificate(trx: Q, values: { enrolment_id: number; serial: string; verify_code: string; issued_at: string }) {
  return trx.insertInto('certificates').values(values).returning('id').executeTakeFirstOrThrow();
}

const certificateColumns = [
  'cert.id',
  'cert.enrolment_id',
  'cert.serial',
  'cert.verify_code',
  'cert.issued_at',
  'cert.revoked_at',
  'cert.revoked_reason',
  'e.program_id',
  'e.cadre_id',
  'e.assessment',
  'c.name',
  'p.name as program_name',
  'p.start_date',
  'p.end_date',
  'p.organizer_org_id',
  'o.name as organizer_name',
  'o.path as organizer_path',
] as const;

function certificates(db: Q) {
  return db
    .selectFrom('certificates as cert')
    .innerJoin('enrolments as e', 'e.id', 'cert.enrolment_id')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('programs as p', 'p.id', 'e.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select(certificateColumns);
}
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificates>['executeTakeFirstOrThrow']>>;

export const findCertificate = (db: Q, id: number) => certificates(db).where('cert.id', '=', id).executeTakeFirst();
export const findCertificateByCode = (db: Q, code: string) => certificates(db).where('cert.verify_code', '=', code).executeTakeFirst();
export const listProgramCertificates = (db: Q, programId: number) => certificates(db).where('e.program_id', '=', programId).orderBy('cert.serial').execute();
export const listCadreCertificates = (db: Q, cadreId: number) => certificates(db).where('e.cadre_id', '=', cadreId).orderBy('cert.issued_at', 'desc').execute();

export function revokeCertificate(trx: Q, id: number, at: string, reason: string) {
  return trx
    .updateTable('certificates')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
