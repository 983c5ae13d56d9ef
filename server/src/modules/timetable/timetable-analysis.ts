// Conflicts and curriculum metrics of a loaded timetable, through core/src/timetable.
import { curriculumMetrics, findConflicts, type Conflict, type Session } from '@duibiao/core/timetable/index';
import { SESSION_TYPES, type TimetableConflict, type TimetableMetrics, type TimetableSession } from '@duibiao/contracts';
import type { Db } from '../../db/database.ts';
import { loadSharedSessions } from './timetable.repo.ts';
import {
  audiencePaths,
  conflictNames,
  fromCoreSessionId,
  parseTargets,
  presentSessions,
  sessionsOfPath,
  toCoreSession,
  toCoreTargets,
  type ClassInfo,
  type GroupInfo,
} from './timetable.rules.ts';

export interface LoadedTimetable {
  programId: number;
  sessions: TimetableSession[];
  classes: ClassInfo[];
  groups: GroupInfo[];
  classMap: Map<number, ClassInfo>;
  groupMap: Map<number, GroupInfo>;
}

// A stored row that core would reject (end not after start) must not take the whole analysis down.
const wellFormed = (s: TimetableSession) => Date.parse(s.endsAt) > Date.parse(s.startsAt);

/**
 * Every conflict of the timetable: instructor, venue, audience and travel inside the program, plus instructors
 * and venues also booked at the same time by other programs organized inside `scope` (the caller's subtree,
 * so nothing outside it is named).
 */
export async function timetableConflicts(db: Db, t: LoadedTimetable, scope: string): Promise<TimetableConflict[]> {
  const sessions = t.sessions.filter(wellFormed);
  const names = conflictNames(sessions, t.classMap, t.groupMap);
  const own: Session[] = sessions.map((s) => toCoreSession(s, t.groupMap));
  const result: TimetableConflict[] = findConflicts(own, { names }).map((c) => present(c, null));
  if (!sessions.length) return result;

  const instructorIds = [...new Set(sessions.flatMap((s) => s.instructors.map((i) => i.id)))];
  const venueIds = [...new Set(sessions.flatMap((s) => (s.venue ? [s.venue.id] : [])))];
  const range = { from: sessions[0]!.startsAt, to: sessions.reduce((max, s) => (s.endsAt > max ? s.endsAt : max), sessions[0]!.endsAt) };
  const shared = await loadSharedSessions(db.read, t.programId, scope, range, instructorIds, venueIds);
  if (!shared.sessions.length) return result;

  const others = presentSessions(shared, new Map(), new Map()).filter(wellFormed);
  const otherById = new Map(others.map((s) => [s.id, s]));
  Object.assign(names, conflictNames(others, new Map(), new Map()));
  const external = others.map((s) => toCoreSession(s, new Map(), `（${shared.programs.get(s.programId) ?? ''}）`));
  for (const c of findConflicts([...own, ...external], { names })) {
    if (c.kind !== 'instructor' && c.kind !== 'venue') continue;
    const [a, b] = c.sessionIds.map(fromCoreSessionId) as [number, number];
    const otherId = otherById.has(a) ? (otherById.has(b) ? null : a) : otherById.has(b) ? b : null;
    if (otherId === null) continue;
    const other = otherById.get(otherId)!;
    result.push(present(c, { id: other.programId, name: shared.programs.get(other.programId) ?? '', sessionId: otherId }));
  }
  return result;
}

function present(c: Conflict, otherProgram: TimetableConflict['otherProgram']): TimetableConflict {
  return {
    kind: c.kind,
    sessionIds: [fromCoreSessionId(c.sessionIds[0]), fromCoreSessionId(c.sessionIds[1])],
    message: c.message,
    otherProgram,
  };
}

type PathMetrics = Omit<TimetableMetrics, 'paths' | 'targets'>;

/**
 * Curriculum metrics per audience path (what one trainee attends) against the program's targets. The headline
 * checks, on-site share and seminar hours are the weakest path's; total and per-type hours are means over paths.
 */
export function timetableMetrics(t: LoadedTimetable, targetsJson: string | null, filter: { classId?: number; groupId?: number }): TimetableMetrics {
  const targets = parseTargets(targetsJson);
  const coreTargets = toCoreTargets(targets);
  const paths = audiencePaths(t.classes, t.groups, filter).map((path) => {
    const m = curriculumMetrics(
      sessionsOfPath(t.sessions, path).map((s) => toCoreSession(s, t.groupMap)),
      coreTargets,
    );
    const metrics: PathMetrics = {
      totalHours: m.totalHours,
      hoursByType: SESSION_TYPES.map((type) => ({ type, hours: m.hoursByType[type], share: m.totalHours > 0 ? m.hoursByType[type] / m.totalHours : 0 })),
      onsiteShare: m.onsiteShare,
      seminarHours: m.seminarHours,
      checks: m.checks,
    };
    return { ...metrics, classId: path.classId, groupId: path.groupId, label: path.label };
  });
  const n = paths.length || 1;
  const mean = (f: (p: PathMetrics) => number) => round(paths.reduce((sum, p) => sum + f(p), 0) / n);
  const totalHours = mean((p) => p.totalHours);
  const checks = (paths[0]?.checks ?? []).map((first) => {
    let weakest = first;
    for (const p of paths) {
      const c = p.checks.find((x) => x.key === first.key);
      if (c && c.actual - c.target < weakest.actual - weakest.target) weakest = c;
    }
    return weakest;
  });
  return {
    totalHours,
    hoursByType: SESSION_TYPES.map((type, i) => {
      const hours = mean((p) => p.hoursByType[i]!.hours);
      return { type, hours, share: totalHours > 0 ? hours / totalHours : 0 };
    }),
    onsiteShare: paths.length ? Math.min(...paths.map((p) => p.onsiteShare)) : 0,
    seminarHours: paths.length ? Math.min(...paths.map((p) => p.seminarHours)) : 0,
    checks,
    paths,
    targets,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;
