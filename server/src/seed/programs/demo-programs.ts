// Deterministic demo programs for S1, S2 and S6 with real timetables, built on top of the demo cadres.
// Pure: no I/O and no clock; the same data and seed always give the same programs.
import { Rng } from '../prng.ts';
import type { DemoData } from '../types.ts';
import { buildS1 } from './s1-daoli.ts';
import { buildS2 } from './s2-dalian.ts';
import { buildS6 } from './s6-keqiao.ts';
import type { DemoProgram, DemoProgramsOptions } from './types.ts';

export const DEFAULT_PROGRAMS_SEED = 20_260_825;

/**
 * The S1, S2 and S6 programs (in that order) for the cadres and orgs of `data`. The seed only moves people
 * between study groups and picks group leaders and monitors; classes, timetables and venues are fixed.
 */
export function buildDemoPrograms(data: DemoData, options: DemoProgramsOptions = {}): DemoProgram[] {
  const seed = options.seed ?? DEFAULT_PROGRAMS_SEED;
  // One stream per program, so changing one scenario does not reshuffle the others.
  const rngFor = (n: number) => new Rng((seed + n * 0x9e3779b9) >>> 0);
  return [buildS1(data, rngFor(1)), buildS2(data, rngFor(2)), buildS6(data, rngFor(6))];
}
