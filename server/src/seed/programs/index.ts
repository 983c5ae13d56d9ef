// Demo programs (S1, S2, S6) with classes, groups and conflict-free timetables, for issue 3 to seed its tables.
export { buildDemoPrograms, DEFAULT_PROGRAMS_SEED } from './demo-programs.ts';
export { sessionsOfGroup } from './views.ts';
export type {
  DemoClass,
  DemoGroup,
  DemoInstructor,
  DemoProgram,
  DemoProgramTargets,
  DemoProgramsOptions,
  DemoScenario,
  InstructorRole,
  ProgramStatus,
  ProgramType,
} from './types.ts';
