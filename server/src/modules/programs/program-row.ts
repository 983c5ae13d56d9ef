// A new program row with every optional column at its starting value, so callers state only what they decide
// (the seed, tests and benchmarks insert programs directly; the service goes through the same shape).
import type { Insertable } from 'kysely';
import type { ProgramsTable } from '../../db/schema-programs.ts';

export interface NewProgram {
  code: string;
  name: string;
  type: string;
  status?: string;
  organizerOrgId: number;
  startDate: string;
  endDate: string;
  themes?: readonly string[];
  places?: readonly string[];
  partner?: string | null;
  budgetYuan?: number | null;
  targets?: object;
  description?: string | null;
  createdBy?: number | null;
}

export function newProgramRow(p: NewProgram, at: string): Insertable<ProgramsTable> {
  return {
    code: p.code,
    name: p.name,
    type: p.type,
    status: p.status ?? 'draft',
    themes: JSON.stringify(p.themes ?? []),
    organizer_org_id: p.organizerOrgId,
    partner: p.partner ?? null,
    start_date: p.startDate,
    end_date: p.endDate,
    places: JSON.stringify(p.places ?? []),
    budget_yuan: p.budgetYuan ?? null,
    targets: JSON.stringify(p.targets ?? {}),
    description: p.description ?? null,
    questionnaire_template_id: null,
    created_by: p.createdBy ?? null,
    created_at: at,
    updated_at: at,
  };
}
