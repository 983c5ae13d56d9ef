// The selection facts of one program: its rules as data, the day ages are computed on, and its effective capacity.
import type { Kysely, Transaction } from 'kysely';
import { nominationOpen, parseStoredRules, type SelectionRules } from '@duibiao/core/selection/index';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { beijingToday } from '../hours/time.ts';
import { classCapacityTotal } from './selection.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface SelectionProgram {
  id: number;
  name: string;
  type: string;
  status: string;
  startDate: string;
  endDate: string;
  organizerOrgId: number;
  organizerPath: string;
  organizerName: string;
  rules: SelectionRules;
  referenceDay: string;
}

/** The program with its rules, whatever the caller's scope: callers check access before or after. */
export async function loadSelectionProgram(db: Q, programId: number): Promise<SelectionProgram> {
  const p = await db
    .selectFrom('programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.organizer_org_id')
    .select([
      'p.id',
      'p.name',
      'p.type',
      'p.status',
      'p.start_date',
      'p.end_date',
      'p.selection_rules',
      'p.organizer_org_id',
      'o.path',
      'o.name as organizer_name',
    ])
    .where('p.id', '=', programId)
    .executeTakeFirst();
  if (!p) throw notFound('培训项目');
  const rules = parseStoredRules(p.selection_rules);
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    status: p.status,
    startDate: p.start_date,
    endDate: p.end_date,
    organizerOrgId: p.organizer_org_id,
    organizerPath: p.path,
    organizerName: p.organizer_name,
    rules,
    referenceDay: rules.eligibility?.ageAsOf ?? p.start_date,
  };
}

/** Seats of the program: rules.capacity, else the sum of its class capacities, else null (no limit). */
export async function effectiveCapacity(db: Q, program: Pick<SelectionProgram, 'id' | 'rules'>): Promise<number | null> {
  return program.rules.capacity ?? (await classCapacityTotal(db, program.id));
}

/** Whether units may still nominate and unit-approve today (Beijing date; the deadline day itself is open). */
export const nominationsOpenToday = (program: Pick<SelectionProgram, 'rules'>): boolean => nominationOpen(program.rules, beijingToday());

/** 409 once the nomination deadline has passed; organizer decisions are not subject to it. */
export function assertNominationsOpen(program: Pick<SelectionProgram, 'rules'>): void {
  if (!nominationsOpenToday(program)) throw conflict(`推荐已于 ${program.rules.nominationDeadline} 截止`);
}
