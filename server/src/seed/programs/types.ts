// Shapes of the demo programs (S1, S2, S6): plain data that maps one-to-one onto issue 3's program tables.
import type { Session, Venue } from '@duibiao/core/timetable/index';

export type ProgramType = 'centralized_class' | 'embedded_practicum' | 'follow_along' | 'secondment';
export type ProgramStatus = 'draft' | 'enrolling' | 'running' | 'closed' | 'follow_up';
export type DemoScenario = 'S1' | 'S2' | 'S3' | 'S4' | 'S6';

/** What an instructor is to the program: a leader-lecturer (领导干部上讲台), a teacher, a class tutor (带班), a practitioner. */
export type InstructorRole = 'leader' | 'professor' | 'tutor' | 'practitioner';

export interface DemoInstructor {
  /** Unique across all demo programs. */
  id: string;
  name: string;
  title: string;
  unit: string;
  /** True when the instructor comes from outside the organizer's own system (a university, another city). */
  external: boolean;
  role: InstructorRole;
}

export interface DemoGroup {
  id: string;
  name: string;
  leaderIdNumber: string;
  /** Includes the leader. */
  memberIdNumbers: string[];
}

export interface DemoClass {
  id: string;
  name: string;
  theme: string;
  capacity: number;
  /** Instructor id of the class tutor (带班); for S2 a professor of the Dalian Party school. */
  tutor: string;
  place: string;
  /** DemoCadre.idNumber of every trainee, each once. */
  traineeIdNumbers: string[];
  groups: DemoGroup[];
  /** The class monitor (班长), one of the trainees. */
  monitorIdNumber: string;
  /** Specialties the class's theme matches when forming classes (issue 4). */
  themeTags?: string[];
  /** The class's grassroots floor as a share in [0, 1] (issue 4). */
  minGrassrootsShare?: number;
}

export interface DemoProgramTargets {
  onsiteShareMin?: number;
  seminarHoursMin?: number;
}

export interface DemoProgram {
  code: string;
  scenario: DemoScenario;
  type: ProgramType;
  name: string;
  themes: string[];
  /** A DemoOrg code (the organization department that runs the program). */
  organizerOrgCode: string;
  partner: string | null;
  /** YYYY-MM-DD, inclusive, Beijing time. */
  startDate: string;
  endDate: string;
  places: string[];
  budgetYuan: number | null;
  targets: DemoProgramTargets;
  classes: DemoClass[];
  /** Ids unique across all programs; instants carry +08:00. */
  sessions: Session[];
  instructors: DemoInstructor[];
  venues: Venue[];
  status: ProgramStatus;
  /** `programs.selection_rules` (issue 4): eligibility rules and selection targets as data. */
  selectionRules?: DemoSelectionRules;
  /** How the classes and groups were formed (issue 4's formation draft, stored as applied). */
  formation?: DemoFormation;
}

export interface DemoFormation {
  seed: number;
  groupMin: number;
  groupMax: number;
  /** The core solver's statistics without its timing, so the demo stays deterministic. */
  stats: Record<string, unknown>;
}

export interface DemoSelectionRules {
  eligibility: { maxAge?: number; ranks?: string[]; minServiceYears?: number; excludeOverlapping?: boolean };
  capacity?: number;
  grassrootsShareMin?: number;
}

export interface DemoProgramsOptions {
  seed?: number;
}
