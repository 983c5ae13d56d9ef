// Pure rules of the placement module: unit-name matching for former-employer bans, the scoring formula, and the
// blocking-pair count of hand-edited assignments (checked against the core's counter where both apply).
import { countBlockingPairs as coreBlockingPairs, generateInstance, solveRankOptimal, solveStable } from '@duibiao/core/placement/index';
import { describe, expect, it } from 'vitest';
import { normaliseUnitName, sameUnit } from '../src/modules/placement/bans.service.ts';
import { countBlockingPairs } from '../src/modules/placement/placement-instance.ts';
import type { EnrolledCadreRow } from '../src/modules/placement/placement.repo.ts';
import { formulaScore } from '../src/modules/placement/preferences.service.ts';

describe('unit-name matching', () => {
  it('folds spaces and full-width characters and matches when either name contains the other', () => {
    expect(normaliseUnitName('　ＴＣＬ 华星 光电\t有限公司')).toBe('tcl华星光电有限公司');
    expect(sameUnit('常州 天合光能 有限公司', '天合光能有限公司')).toBe(true);
    expect(sameUnit('天合光能', '常州天合光能有限公司')).toBe(true);
    expect(sameUnit('ＣＲＲＣ戚墅堰', 'crrc戚墅堰机车有限公司')).toBe(true);
    expect(sameUnit('华为技术有限公司', '中兴通讯股份有限公司')).toBe(false);
    // One character is too little evidence.
    expect(sameUnit('局', '常州市武进区发展改革局')).toBe(false);
  });
});

describe('scoring formula', () => {
  const cadre = (specialties: string[], workStart: string | null, experiences: { startDate: string }[] = []): EnrolledCadreRow => ({
    enrolment_id: 1,
    id: 1,
    name: '测试',
    specialties: JSON.stringify(specialties),
    experiences: JSON.stringify(experiences),
    work_start_date: workStart,
    org_name: '单位',
    org_path: '/1/',
  });
  const post = (tags: string[]) => ({ specialty_tags: JSON.stringify(tags) });
  const w = { specialtyWeight: 60, experienceWeight: 40 };

  it('weighs the share of the post tags the cadre has and capped years of work', () => {
    expect(formulaScore(post(['金融', '招商引资']), cadre(['金融'], '2027-03-01'), '2027-03-01', w)).toBe(30);
    expect(formulaScore(post(['金融']), cadre(['金融'], '1990-01-01'), '2027-03-01', w)).toBe(100);
    expect(formulaScore(post([]), cadre(['金融'], null), '2027-03-01', w)).toBe(0);
    // No work start date: the earliest experience counts; 15 years of 30 → half the weight.
    const fromExperience = formulaScore(post([]), cadre([], null, [{ startDate: '2015-03-01' }, { startDate: '2012-03-01' }]), '2027-03-01', w);
    expect(fromExperience).toBeCloseTo(20, 1);
  });
});

describe('blocking pairs of an edited assignment', () => {
  it('agrees with the core counter on solver results and counts a hand move off the lists', () => {
    for (const seed of [1, 2, 3]) {
      const instance = generateInstance({ cadres: 40, hosts: 12, seed });
      for (const result of [solveStable(instance), solveRankOptimal(instance)]) {
        const assignment = new Map(result.assignments.map((a) => [a.cadre, a.host]));
        expect(countBlockingPairs(instance, assignment)).toBe(coreBlockingPairs(instance, result.assignments));
      }
    }
    const instance = {
      cadres: [
        { id: 'c1', prefs: ['h1', 'h2'] },
        { id: 'c2', prefs: ['h1'] },
      ],
      hosts: [
        { id: 'h1', capacity: 1, prefs: ['c1', 'c2'] },
        { id: 'h2', capacity: 1, prefs: ['c1'] },
        { id: 'h3', capacity: 1, prefs: ['c1'] },
      ],
      seed: 0,
    };
    // c1 moved by hand to h3 (not on its list): it and h1 (holding c2, ranked lower) block, and so do c1 and h2.
    expect(
      countBlockingPairs(
        instance,
        new Map([
          ['c1', 'h3'],
          ['c2', 'h1'],
        ]),
      ),
    ).toBe(2);
    expect(
      countBlockingPairs(
        instance,
        new Map([
          ['c1', 'h1'],
          ['c2', 'h2'],
        ]),
      ),
    ).toBe(0);
  });
});
