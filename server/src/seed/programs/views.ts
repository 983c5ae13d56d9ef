// Per-trainee views of a program's timetable, e.g. what one study group actually attends.
import type { Session } from '@duibiao/core/timetable/index';
import type { DemoProgram } from './types.ts';

/**
 * The sessions a member of `groupId` in `classId` attends: program-wide, their class's and their own group's.
 * Use this (not "all sessions of the class") for curriculum metrics: sibling groups meet in parallel.
 */
export function sessionsOfGroup(program: DemoProgram, classId: string, groupId: string): Session[] {
  return program.sessions.filter((s) => {
    const a = s.audience;
    return a.kind === 'program' || (a.kind === 'class' && a.classId === classId) || (a.kind === 'group' && a.classId === classId && a.groupId === groupId);
  });
}
