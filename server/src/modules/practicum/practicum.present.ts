// Rows → API shapes for the trainee, the host contact and the organizer. The host's view of a cadre is deliberately
// narrow: name, gender, age, home unit, position, specialties — never the ID number or the mobile.
import type { Gender, PlacedCadre, PlacementLog, PlacementReview, PlacementStatus, PracticumRow, ReviewResult } from '@duibiao/contracts';
import type { LogRow, PlacementContextRow, ReviewRow } from './practicum.repo.ts';
import { ageOn, begunWeeks, missingWeeks, noRecentLog, weekStartProblem } from './practicum.rules.ts';

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function presentLog(l: LogRow): PlacementLog {
  return {
    id: l.id,
    weekStart: l.week_start,
    content: l.content,
    nextPlan: l.next_plan,
    mentorComment: l.mentor_comment,
    commentedAt: l.commented_at,
    updatedAt: l.updated_at,
  };
}

export function presentReview(r: ReviewRow): PlacementReview {
  return {
    kind: r.kind === 'final' ? 'final' : 'midterm',
    hostFeedback: r.host_feedback,
    score: r.score === null ? null : Number(r.score),
    result: (r.result as ReviewResult | null) ?? null,
    hours: r.hours === null ? null : Number(r.hours),
    updatedAt: r.updated_at,
  };
}

export function presentCadre(r: PlacementContextRow, today: string): PlacedCadre {
  return {
    id: r.cadre_id,
    name: r.cadre_name,
    gender: r.cadre_gender === 'male' || r.cadre_gender === 'female' ? (r.cadre_gender as Gender) : null,
    age: ageOn(r.cadre_birth_date, today),
    homeUnit: r.cadre_org_name,
    position: r.cadre_position,
    specialties: parseList(r.cadre_specialties),
  };
}

const period = (r: PlacementContextRow) => ({ startDate: r.start_date, endDate: r.end_date });

/** Mondays a log may be filed for today, newest first (an open placement only). */
export function loggableWeeks(r: PlacementContextRow, today: string): string[] {
  if (r.status !== 'published' && r.status !== 'reported') return [];
  const weeks = begunWeeks(period(r), today).filter((w) => weekStartProblem(w, period(r), today) === null);
  return weeks.reverse();
}

export function presentCore(r: PlacementContextRow, logs: LogRow[], reviews: ReviewRow[], today: string) {
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    hostUnit: {
      id: r.host_unit_id,
      name: r.host_name,
      city: r.host_city,
      address: r.host_address,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      mentorName: r.host_mentor,
    },
    post: { id: r.post_id, title: r.post_title, mentorName: r.post_mentor ?? r.host_mentor },
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as PlacementStatus,
    remoteCheckin: { at: r.remote_checkin_at, contacted: Number(r.remote_checkin_contacted) === 1, firstTasks: r.remote_checkin_tasks },
    logs: logs.filter((l) => l.placement_id === r.id).map(presentLog),
    reviews: reviews.filter((v) => v.placement_id === r.id).map(presentReview),
    loggableWeeks: loggableWeeks(r, today),
  };
}

/** One line of the host's list and the organizer's overview. */
export function presentRow(r: PlacementContextRow, allLogs: LogRow[], allReviews: ReviewRow[], today: string): PracticumRow {
  const logs = allLogs.filter((l) => l.placement_id === r.id);
  const logged = new Set(logs.map((l) => l.week_start));
  const midterm = allReviews.find((v) => v.placement_id === r.id && v.kind === 'midterm');
  const final = allReviews.find((v) => v.placement_id === r.id && v.kind === 'final');
  const last = logs[0]; // logs come newest week first
  const open = r.status !== 'completed';
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    cadre: presentCadre(r, today),
    hostUnitName: r.host_name,
    postTitle: r.post_title,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status as PlacementStatus,
    remoteCheckinDone: r.remote_checkin_at !== null,
    logsSubmitted: logs.length,
    logsExpected: begunWeeks(period(r), today).length,
    lastLogWeek: last?.week_start ?? null,
    lastLogAt: last ? last.updated_at : null,
    missingWeeks: open ? missingWeeks(period(r), today, logged) : [],
    commentsGiven: logs.filter((l) => l.mentor_comment !== null).length,
    uncommentedLogs: logs.filter((l) => l.mentor_comment === null).length,
    midterm: { done: midterm !== undefined, score: midterm?.score ?? null },
    final: {
      done: final !== undefined,
      score: final?.score ?? null,
      result: (final?.result as ReviewResult | null | undefined) ?? null,
      hours: final?.hours === null || final?.hours === undefined ? null : Number(final.hours),
    },
    flagNoRecentLog: open && noRecentLog(period(r), today, logged),
  };
}

/** Logs filed per week across placements, for the organizer's chart. */
export function logsPerWeek(rows: PlacementContextRow[], logs: LogRow[], today: string) {
  const weeks = new Map<string, { logs: number; placements: number }>();
  for (const r of rows) for (const w of begunWeeks(period(r), today)) weeks.set(w, { logs: 0, placements: (weeks.get(w)?.placements ?? 0) + 1 });
  for (const l of logs) {
    const w = weeks.get(l.week_start);
    if (w) w.logs += 1;
  }
  return [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([weekStart, v]) => ({ weekStart, ...v }));
}
