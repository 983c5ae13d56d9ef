// Pure rules of the Party branch: who may join, and the meeting statistics.
import { PARTY_MEETING_KINDS, PARTY_MEMBER_STATUSES, type BranchStats, type PartyMeetingKind } from '@duibiao/contracts';

export const isPartyMember = (politicalStatus: string | null): boolean =>
  politicalStatus !== null && (PARTY_MEMBER_STATUSES as readonly string[]).includes(politicalStatus.trim());

/** Meetings per kind and per month (YYYY-MM, oldest first); attendance rate = present / (present + absent). */
export function branchStats(meetings: readonly { kind: string; held_on: string }[], attendance: readonly { status: string }[]): BranchStats {
  const byKind = PARTY_MEETING_KINDS.map((kind: PartyMeetingKind) => ({ kind, count: meetings.filter((m) => m.kind === kind).length })).filter(
    (k) => k.count > 0,
  );
  const months = new Map<string, number>();
  for (const m of meetings) months.set(m.held_on.slice(0, 7), (months.get(m.held_on.slice(0, 7)) ?? 0) + 1);
  const counted = attendance.filter((a) => a.status !== 'excused');
  return {
    meetings: meetings.length,
    byKind,
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
    attendanceRate: counted.length === 0 ? null : Math.round((1000 * counted.filter((a) => a.status === 'present').length) / counted.length) / 1000,
  };
}
