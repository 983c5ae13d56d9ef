// Pure pieces of the dashboards: attendance per session and the hours histogram.
import { sessionIsFor, type AudienceFields } from '../programs/audience.ts';
import { ATTENDED } from './assessment.rules.ts';

export interface DashboardSession extends AudienceFields {
  id: number;
  title: string;
  type: string;
  starts_at: string;
  ends_at: string;
  credited_hours: number;
}

interface Placement {
  id: number;
  class_id: number | null;
  group_id: number | null;
  status: string;
}

/**
 * Expected, attended and excused trainees per ended session (withdrawn trainees are no longer expected). A session
 * without a single mark had no attendance taken: its rate is null rather than a misleading 0 %.
 */
export function attendanceBySession(
  sessions: readonly DashboardSession[],
  enrolments: readonly Placement[],
  marks: readonly { enrolment_id: number; session_id: number; status: string }[],
  nowMs: number,
) {
  const bySession = new Map<number, Map<number, string>>();
  for (const m of marks) {
    let map = bySession.get(m.session_id);
    if (!map) bySession.set(m.session_id, (map = new Map<number, string>()));
    map.set(m.enrolment_id, m.status);
  }
  const active = enrolments.filter((e) => e.status !== 'withdrawn');
  return sessions
    .filter((s) => Date.parse(s.ends_at) <= nowMs)
    .map((s) => {
      const sessionMarks = bySession.get(s.id) ?? new Map<number, string>();
      let expected = 0;
      let attended = 0;
      let excused = 0;
      for (const e of active) {
        if (!sessionIsFor(s, e)) continue;
        expected++;
        const mark = sessionMarks.get(e.id);
        if (mark && ATTENDED.has(mark)) attended++;
        else if (mark === 'excused') excused++;
      }
      const rate = expected > 0 && sessionMarks.size > 0 ? round(attended / expected) : null;
      return { sessionId: s.id, title: s.title, startsAt: s.starts_at, expected, attended, excused, rate };
    });
}

export const round = (v: number, digits = 4): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** A readable band width giving about six bands up to `max`. */
function bandWidth(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500]) if (max / step <= 6) return step;
  return 1000;
}

/** Trainees per credited-hours band: [0,w), [w,2w), …, the last band closed so the maximum falls in it. */
export function hoursHistogram(values: readonly number[]): { band: string; count: number }[] {
  if (values.length === 0) return [];
  const max = Math.max(...values);
  const w = bandWidth(max);
  const bands = Math.max(1, Math.floor(max / w) + 1);
  const counts = new Array<number>(bands).fill(0);
  for (const v of values) counts[Math.min(bands - 1, Math.floor(v / w))]!++;
  return counts.map((count, i) => ({ band: `${i * w}–${(i + 1) * w}`, count }));
}
