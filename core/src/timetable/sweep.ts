// Sort-and-sweep pair finders: time overlaps per shared key, per audience tree, and audience-consecutive sessions.
import { audiencePath, compareTimed, type TimedSession } from './session.ts';

/** Called with the earlier (in timetable order) and the later session of a pair. */
type OnPair = (earlier: TimedSession, later: TimedSession) => void;

/**
 * Drops the sessions of `active` that ended by `at` (in place) and reports every one left, as they all overlap
 * a session starting at `at`. Sessions arrive by start time, so a session dropped once is never needed again:
 * the cost is what is dropped plus what is reported.
 */
function pruneAndReport(active: TimedSession[] | undefined, current: TimedSession, onPair: OnPair): void {
  if (!active) return;
  let kept = 0;
  for (const other of active) {
    // Ending exactly at the start is back-to-back, not an overlap.
    if (other.end <= current.start) continue;
    active[kept++] = other;
    onPair(other, current);
  }
  active.length = kept;
}

function pushTo(map: Map<string, TimedSession[]>, key: string, item: TimedSession): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * Pairs of sessions that overlap in time and share a key (an instructor, a venue). `sorted` must be in
 * {@link compareTimed} order. A pair sharing several keys is reported once per key.
 */
export function overlapsBySharedKey(sorted: readonly TimedSession[], keysOf: (s: TimedSession) => Iterable<string>, onPair: OnPair): void {
  const active = new Map<string, TimedSession[]>();
  for (const current of sorted) {
    for (const key of keysOf(current)) {
      pruneAndReport(active.get(key), current, onPair);
      pushTo(active, key, current);
    }
  }
}

/**
 * Pairs of time-overlapping sessions whose audiences share people. A session conflicts with active sessions at
 * its own node or below it (kept per node as `subtree`) and with those exactly at a node above it (`own`), so
 * each pair is found once without looking at unrelated classes.
 */
export function overlapsByAudience(sorted: readonly TimedSession[], onPair: OnPair): void {
  const subtree = new Map<string, TimedSession[]>();
  const own = new Map<string, TimedSession[]>();
  for (const current of sorted) {
    const path = audiencePath(current.session.audience);
    const self = path[path.length - 1]!;
    pruneAndReport(subtree.get(self), current, onPair);
    for (let i = 0; i < path.length - 1; i++) pruneAndReport(own.get(path[i]!), current, onPair);
    pushTo(own, self, current);
    for (const key of path) pushTo(subtree, key, current);
  }
}

/** Merges two lists sorted by {@link compareTimed}. */
function merge(a: readonly TimedSession[], b: readonly TimedSession[]): TimedSession[] {
  const out: TimedSession[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareTimed(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * Pairs (before, after) that one audience attends back to back: for every audience node in the input (program,
 * each class, each group) its timeline is its own sessions plus those of the nodes above it. `after` is paired
 * only when nothing of that timeline is still running as it starts (otherwise the audience conflict is the
 * problem), with the session(s) that ended last before it. Each pair is reported once.
 */
export function consecutiveByAudience(sorted: readonly TimedSession[], onPair: OnPair): void {
  const byNode = new Map<string, TimedSession[]>();
  const paths = new Map<string, string[]>();
  for (const item of sorted) {
    const path = audiencePath(item.session.audience);
    const self = path[path.length - 1]!;
    pushTo(byNode, self, item);
    paths.set(self, path);
  }
  const reported = new Set<string>();
  for (const path of paths.values()) {
    let timeline: TimedSession[] = [];
    for (const key of path) timeline = merge(timeline, byNode.get(key) ?? []);
    walkTimeline(timeline, (before, after) => {
      const key = `${before.session.id}\u0000${after.session.id}`;
      if (reported.has(key)) return;
      reported.add(key);
      onPair(before, after);
    });
  }
}

function walkTimeline(timeline: readonly TimedSession[], onPair: OnPair): void {
  let maxEnd = -Infinity;
  let lastEnded: TimedSession[] = [];
  let i = 0;
  while (i < timeline.length) {
    // Sessions starting together overlap each other, so none of them follows on from the one before.
    let j = i + 1;
    while (j < timeline.length && timeline[j]!.start === timeline[i]!.start) j++;
    const first = timeline[i]!;
    if (j === i + 1 && maxEnd <= first.start) for (const before of lastEnded) onPair(before, first);
    for (let k = i; k < j; k++) {
      const item = timeline[k]!;
      if (item.end > maxEnd) {
        maxEnd = item.end;
        lastEnded = [item];
      } else if (item.end === maxEnd) lastEnded.push(item);
    }
    i = j;
  }
}
