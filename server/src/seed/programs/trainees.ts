// Who sits in which class and group: S2's specialty matching with a grassroots floor, study groups, monitors.
import { isGrassrootsLevel } from '@duibiao/contracts';
import type { Rng } from '../prng.ts';
import { S2_THEME_NAMES, S2_THEMES, type S2Theme } from '../specialties.ts';
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

/** How well a cadre's specialties fit a theme: the first (main) specialty counts double. */
export function themeFit(cadre: DemoCadre, theme: S2Theme): number {
  const fits: readonly string[] = S2_THEMES[theme];
  return cadre.specialties.reduce((score, s, i) => score + (fits.includes(s) ? (i === 0 ? 2 : 1) : 0), 0);
}

const byIdNumber = (a: DemoCadre, b: DemoCadre) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0);

/**
 * Splits the S2 cadres into the four theme classes of `capacity` each: by specialty first, then swaps of
 * grassroots cadres into classes short of `minGrassroots` (each swap picks the pair that fits its new theme best).
 */
export function assignS2Classes(
  cadres: readonly DemoCadre[],
  isGrassroots: (c: DemoCadre) => boolean,
  capacity: number,
  minGrassroots: number,
): Map<S2Theme, DemoCadre[]> {
  if (cadres.length > capacity * S2_THEME_NAMES.length) throw new RangeError(`${cadres.length} S2 cadres exceed ${S2_THEME_NAMES.length} × ${capacity} places`);
  const classes = new Map<S2Theme, DemoCadre[]>(S2_THEME_NAMES.map((t) => [t, []]));
  const best = (c: DemoCadre) => S2_THEME_NAMES.reduce((a, t) => (themeFit(c, t) > themeFit(c, a) ? t : a), S2_THEME_NAMES[0]!);
  // Strongest fit first, so a full class turns away the weakest matches.
  const ordered = [...cadres].sort((a, b) => themeFit(b, best(b)) - themeFit(a, best(a)) || byIdNumber(a, b));
  for (const cadre of ordered) {
    const ranked = [...S2_THEME_NAMES].sort((x, y) => themeFit(cadre, y) - themeFit(cadre, x));
    const theme = ranked.find((t) => classes.get(t)!.length < capacity)!;
    classes.get(theme)!.push(cadre);
  }

  const grassrootsIn = (t: S2Theme) => classes.get(t)!.filter(isGrassroots).length;
  for (;;) {
    const short = S2_THEME_NAMES.filter((t) => grassrootsIn(t) < minGrassroots).sort((a, b) => grassrootsIn(a) - grassrootsIn(b))[0];
    if (!short) break;
    const donor = [...S2_THEME_NAMES].sort((a, b) => grassrootsIn(b) - grassrootsIn(a))[0]!;
    if (grassrootsIn(donor) <= minGrassroots) throw new RangeError(`too few grassroots S2 cadres for ${minGrassroots} per class`);
    const pickFor = (from: S2Theme, to: S2Theme, grassroots: boolean) =>
      classes
        .get(from)!
        .filter((c) => isGrassroots(c) === grassroots)
        .sort((a, b) => themeFit(b, to) - themeFit(a, to) || themeFit(a, from) - themeFit(b, from) || byIdNumber(a, b))[0];
    const incoming = pickFor(donor, short, true);
    const outgoing = pickFor(short, donor, false);
    if (!incoming || !outgoing) throw new RangeError('no swap can raise the grassroots share');
    classes.set(donor, [...classes.get(donor)!.filter((c) => c !== incoming), outgoing]);
    classes.set(short, [...classes.get(short)!.filter((c) => c !== outgoing), incoming]);
  }
  for (const [theme, list] of classes) classes.set(theme, [...list].sort(byIdNumber));
  return classes;
}

/**
 * Study groups (分班建组) of nearly equal size: grassroots and organ cadres dealt round-robin so every group
 * mixes both; the leader is a Party member where the group has one.
 */
export function formGroups(rng: Rng, classId: string, members: readonly DemoCadre[], count: number, isGrassroots: (c: DemoCadre) => boolean): DemoGroup[] {
  const ordered = [...rng.shuffle(members.filter(isGrassroots)), ...rng.shuffle(members.filter((c) => !isGrassroots(c)))];
  const buckets: DemoCadre[][] = Array.from({ length: count }, () => []);
  ordered.forEach((c, i) => buckets[i % count]!.push(c));
  return buckets.map((bucket, i) => {
    const members = [...bucket].sort(byIdNumber);
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

/** The class monitor (班长): a Party member who does not already lead a group, where there is one. */
export function pickMonitor(rng: Rng, members: readonly DemoCadre[], groups: readonly DemoGroup[]): string {
  const leaders = new Set(groups.map((g) => g.leaderIdNumber));
  const free = members.filter((c) => !leaders.has(c.idNumber));
  const party = free.filter((c) => c.politicalStatus === '中共党员');
  return rng.pick(party.length > 0 ? party : free.length > 0 ? free : members).idNumber;
}

export function taggedCadres(data: DemoData, tag: string): DemoCadre[] {
  return data.cadres.filter((c) => c.scenarioTags.includes(tag)).sort(byIdNumber);
}
