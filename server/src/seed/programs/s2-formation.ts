// S2 分班建组 with the core solver: the 200 cadres into the four theme classes (exact specialty fit, ≥ 50 % grassroots
// each) and then into study groups with no avoidable same-unit pair. The loader stores the same instance and solution
// as the program's applied formation draft, so the formation page opens on what the demo actually uses.
import { solveGrouping, type GroupingInstance, type GroupingResult } from '@duibiao/core/grouping/index';
import { ageOn } from '../dates.ts';
import { S2_THEMES, type S2Theme } from '../specialties.ts';
import type { DemoCadre } from '../types.ts';

/** The program's grassroots floor per class (source: "一半以上"). */
export const S2_MIN_GRASSROOTS_SHARE = 0.5;
/**
 * Groups of 6–7: within the program's 6–10, and it gives eight groups per class so each of a class's four research
 * topics is claimed by two groups (the timetable's pairing). With max 10 the solver would form five groups of ten.
 */
export const S2_GROUP_SIZE = { min: 6, max: 7 } as const;

export interface S2ClassSpec {
  id: string;
  theme: S2Theme;
  capacity: number;
}

export interface S2Formation {
  instance: GroupingInstance;
  result: GroupingResult;
}

/** The core grouping instance of the S2 cadres (person id = ID number; ages on the first day). */
export function s2GroupingInstance(
  cadres: readonly DemoCadre[],
  classes: readonly S2ClassSpec[],
  isGrassroots: (c: DemoCadre) => boolean,
  firstDay: string,
  seed: number,
): GroupingInstance {
  return {
    people: cadres.map((c) => ({
      id: c.idNumber,
      unit: c.orgCode,
      level: isGrassroots(c) ? 'grassroots' : 'other',
      specialties: [...c.specialties],
      attributes: { gender: c.gender, rank: c.rank, age: ageOn(c.birthDate, firstDay) },
    })),
    classes: classes.map((c) => ({ id: c.id, capacity: c.capacity, themeTags: [...S2_THEMES[c.theme]], minGrassrootsShare: S2_MIN_GRASSROOTS_SHARE })),
    groupSize: { ...S2_GROUP_SIZE },
    seed,
    locked: [],
  };
}

/** Solves the S2 formation; throws when the demo cadres cannot meet a hard rule (a broken generator, not a demo state). */
export function formS2(
  cadres: readonly DemoCadre[],
  classes: readonly S2ClassSpec[],
  isGrassroots: (c: DemoCadre) => boolean,
  firstDay: string,
  seed: number,
): S2Formation {
  const instance = s2GroupingInstance(cadres, classes, isGrassroots, firstDay, seed);
  const result = solveGrouping(instance);
  const errors = result.violations.filter((v) => v.severity === 'error');
  if (result.feasibility.length > 0 || errors.length > 0) {
    throw new RangeError(`S2 formation breaks a hard rule: ${[...result.feasibility, ...errors].map((i) => i.message).join('; ')}`);
  }
  return { instance, result };
}
