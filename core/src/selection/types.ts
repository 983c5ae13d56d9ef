// Shapes of the selection (选调/选派) rules and the facts about a cadre they are checked against.
import type { Rank } from '@duibiao/contracts';

/** Eligibility rules and selection targets of one program, stored as data (`programs.selection_rules`). */
export interface SelectionRules {
  eligibility?: {
    /** Oldest age allowed, inclusive (a cadre exactly 40 on the reference day passes `maxAge: 40`). */
    maxAge?: number;
    /** Reference day for age and service years, YYYY-MM-DD; defaults to the program's start date. */
    ageAsOf?: string;
    ranks?: Rank[];
    minServiceYears?: number;
    /** At least one of these specialties. */
    specialtiesAny?: string[];
    /** Not enrolled in another program whose dates overlap this one. */
    excludeOverlapping?: boolean;
  };
  /** Seats of the program; approvals beyond it go to the waitlist. */
  capacity?: number;
  /** Target share of grassroots (township/village) cadres among the approved, 0..1. */
  grassrootsShareMin?: number;
  /** Last day (Beijing date, YYYY-MM-DD, inclusive) on which units may nominate and unit-approve; none = no limit. */
  nominationDeadline?: string;
}

export interface RuleProblem {
  path: string;
  message: string;
}

export type EligibilityRule = 'maxAge' | 'ranks' | 'minServiceYears' | 'specialtiesAny' | 'excludeOverlapping';

export interface EligibilityFailure {
  rule: EligibilityRule;
  zh: string;
}

/** What eligibility needs to know about a cadre. */
export interface EligibilityCadre {
  birthDate: string | null;
  workStartDate: string | null;
  rank: Rank | null;
  specialties: readonly string[];
}

export interface ProgramPeriod {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
}

export interface EligibilityContext {
  /** The program being selected for. */
  program: ProgramPeriod;
  /** Programs the cadre is enrolled in (status enrolled); this program may be among them and is ignored. */
  enrolledPrograms: readonly ProgramPeriod[];
}
