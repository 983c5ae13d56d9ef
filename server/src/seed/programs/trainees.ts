// Who sits in which group: round-robin study groups, named solver groups with leaders, class monitors.
import { isGrassrootsLevel } from '@duibiao/contracts';
import type { Rng } from '../prng.ts';
import type { DemoCadre, DemoData } from '../types.ts';
import type { DemoGroup } from './types.ts';

const GROUP_NAMES = ['第一组', '第二组', '第三组', '第四组', '第五组', '第六组', '第七组', '第八组', '第九组', '第十组'];

/** True when the cadre's unit is a township/street or village/community (基层). */
export function grassrootsChecker(data: DemoData): (cadre: DemoCadre) => boolean {
  const levels = new Map(data.orgs.map((o) => [o.code, o.level]));
  return (cadre) => {
    const level = levels.get(cadre.orgCode);
    return level !== undefined && isGrassrootsLevel(level);
  };
}

const compareIdNumber = (a: DemoCadre, b: DemoCadre) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0);

/**
 * Study groups (分班建组) of nearly equal size: grassroots and organ cadres dealt round-robin so every group
 * mixes both; the leader is a Party member where the group has one.
 */
export function formGroups(rng: Rng, classId: string, members: readonly DemoCadre[], count: number, isGrassroots: (c: DemoCadre) => boolean): DemoGroup[] {
  const ordered = [...rng.shuffle(members.filter(isGrassroots)), ...rng.shuffle(members.filter((c) => !isGrassroots(c)))];
  const buckets: DemoCadre[][] = Array.from({ length: count }, () => []);
  ordered.forEach((c, i) => buckets[i % count]!.push(c));
  return buckets.map((bucket, i) => {
    const members = [...bucket].sort(compareIdNumber);
    const partyMembers = members.filter((c) => c.politicalStatus === '中共党员');
    const leader = rng.pick(partyMembers.length > 0 ? partyMembers : members);
    return {
      id: `${classId}-g${i + 1}`,
      name: GROUP_NAMES[i] ?? `第${i + 1}组`,
      leaderIdNumber: leader.idNumber,
      memberIdNumbers: members.map((c) => c.idNumber),
    };
  });
}

/** Solver groups (ids and ID numbers) as named demo groups; the leader is a Party member where the group has one. */
export function namedGroups(rng: Rng, groups: readonly { id: string; members: readonly string[] }[], byIdNumber: ReadonlyMap<string, DemoCadre>): DemoGroup[] {
  return groups.map((g, i) => {
    const members = g.members.map((m) => byIdNumber.get(m)!).sort(compareIdNumber);
    const partyMembers = members.filter((c) => c.politicalStatus === '中共党员');
    const leader = rng.pick(partyMembers.length > 0 ? partyMembers : members);
    return { id: g.id, name: GROUP_NAMES[i] ?? `第${i + 1}组`, leaderIdNumber: leader.idNumber, memberIdNumbers: members.map((c) => c.idNumber) };
  });
}

/** The class monitor (班长): a Party member who does not already lead a group, where there is one. */
export function pickMonitor(rng: Rng, members: readonly DemoCadre[], groups: readonly DemoGroup[]): string {
  const leaders = new Set(groups.map((g) => g.leaderIdNumber));
  const free = members.filter((c) => !leaders.has(c.idNumber));
  const party = free.filter((c) => c.politicalStatus === '中共党员');
  return rng.pick(party.length > 0 ? party : free.length > 0 ? free : members).idNumber;
}

export function taggedCadres(data: DemoData, tag: string): DemoCadre[] {
  return data.cadres.filter((c) => c.scenarioTags.includes(tag)).sort(compareIdNumber);
}
