// Pure rules of the topics module: status transitions, the lead choice, readable solver reasons.
import type { TopicStatus } from '@duibiao/contracts';

/** Allowed manual transitions; bidding → assigned happens by picking winners or adopting a run. */
const NEXT: Record<TopicStatus, TopicStatus[]> = {
  draft: ['bidding', 'assigned'],
  bidding: ['draft', 'assigned'],
  assigned: ['in_progress', 'bidding'],
  in_progress: ['completed'],
  completed: [],
};

export const canMove = (from: TopicStatus, to: TopicStatus): boolean => NEXT[from].includes(to);

/** A topic still open to (re)assignment: not yet being worked on. */
export const isAssignable = (status: string): boolean => status === 'draft' || status === 'bidding' || status === 'assigned';

/** Bids are accepted through the closing day (Beijing date), inclusive. */
export const biddingOpen = (status: string, closesOn: string | null, today: string): boolean =>
  status === 'bidding' && (closesOn === null || today <= closesOn);

/** The lead of a new task force: best assigned rank, then longest service, then lowest id. */
export function chooseLead<T extends { cadreId: number; rank: number | null; workStart: string | null }>(members: T[]): T | undefined {
  return [...members].sort(
    (a, b) => (a.rank ?? 99) - (b.rank ?? 99) || (a.workStart ?? '9999').localeCompare(b.workStart ?? '9999') || a.cadreId - b.cadreId,
  )[0];
}

/** The core solver names topics and trainees by id ("课题 3、5", "学员 12、14"); swap in titles and names. */
export function nameReasons(reasons: string[], topicTitles: Map<number, string>, cadreNames: Map<number, string>): string[] {
  const swap = (list: string, names: Map<number, string>, quote: boolean) =>
    list.replace(/\d+/g, (id) => {
      const name = names.get(Number(id));
      return name === undefined ? id : quote ? `《${name}》` : name;
    });
  return reasons.map((r) =>
    r
      .replace(/课题 ((?:\d+、)*\d+)/g, (_, list: string) => `课题${swap(list, topicTitles, true)}`)
      .replace(/学员 ((?:\d+、)*\d+)/g, (_, list: string) => `学员${swap(list, cadreNames, false)}`)
      .replace(/可去的课题只有 ((?:\d+、)*\d+)/g, (_, list: string) => `可去的课题只有${swap(list, topicTitles, true)}`),
  );
}
