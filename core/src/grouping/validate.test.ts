// parseInstance: defaults for optional fields, and one path error per bad field.
import { describe, expect, it } from 'vitest';
import { parseInstance } from './validate.ts';

const person = (id: string, extra: Record<string, unknown> = {}) => ({ id, unit: 'u1', level: 'grassroots', ...extra });
const base = () => ({
  people: [person('p1'), person('p2', { level: 'other' })],
  classes: [{ id: 'A', capacity: 2, themeTags: ['x'], minGrassrootsShare: 0.5 }],
  groupSize: { min: 1, max: 2 },
  seed: 7,
});
const errorsOf = (raw: unknown) => {
  const parsed = parseInstance(raw);
  return parsed.ok ? [] : parsed.errors;
};

describe('parseInstance', () => {
  it('accepts a valid instance and fills defaults', () => {
    const parsed = parseInstance({ ...base(), people: [person('p1', { level: undefined, isGrassroots: false }), person('p2')], seed: undefined });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.people[0]).toEqual({ id: 'p1', unit: 'u1', level: 'other', specialties: [], attributes: {} });
    expect(parsed.value.seed).toBe(0);
    expect(parsed.value.locked).toEqual([]);
  });

  it('rejects a non-object and empty sets', () => {
    expect(errorsOf(null)).toEqual([{ path: '', message: 'expected an object' }]);
    expect(errorsOf({ ...base(), people: [], classes: [] })).toEqual([
      { path: 'people', message: 'must not be empty' },
      { path: 'classes', message: 'must not be empty' },
    ]);
  });

  it('names duplicate ids, bad levels and bad attributes by path', () => {
    const errors = errorsOf({ ...base(), people: [person('p1'), person('p1', { level: 'boss', attributes: { age: -3 } })] });
    expect(errors).toEqual([
      { path: 'people[1].level', message: 'expected "grassroots" or "other" (or isGrassroots: boolean)' },
      { path: 'people[1].attributes.age', message: 'expected a number ≥ 0' },
      { path: 'people[1].id', message: 'duplicate id "p1"' },
    ]);
  });

  it('rejects min > max, a negative capacity and a share outside [0, 1]', () => {
    const errors = errorsOf({ ...base(), classes: [{ id: 'A', capacity: -1, minGrassrootsShare: 1.5 }], groupSize: { min: 5, max: 3 } });
    expect(errors.map((e) => e.path)).toEqual(['classes[0].capacity', 'classes[0].minGrassrootsShare', 'groupSize']);
    expect(errors[2]!.message).toBe('min 5 is greater than max 3');
  });

  it('rejects capacities that cannot hold everyone', () => {
    expect(errorsOf({ ...base(), classes: [{ id: 'A', capacity: 1 }] })).toEqual([{ path: 'classes', message: 'total capacity 1 cannot hold 2 people' }]);
  });

  it('rejects locks naming unknown or twice-locked people and unknown classes', () => {
    const errors = errorsOf({
      ...base(),
      locked: [
        { person: 'p9', class: 'A' },
        { person: 'p1', class: 'Z' },
        { person: 'p1', class: 'A', group: '' },
      ],
    });
    expect(errors).toEqual([
      { path: 'locked[0].person', message: 'unknown person "p9"' },
      { path: 'locked[1].class', message: 'unknown class "Z"' },
      { path: 'locked[2].person', message: 'person "p1" is locked twice' },
      { path: 'locked[2].group', message: 'expected a non-empty string' },
    ]);
  });
});
