// `npx duibiao solve placement|grouping` reads an instance on stdin and prints the result; bad input exits 2.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/duibiao.mjs', import.meta.url));
const run = (args: string[], input: unknown) => spawnSync(process.execPath, [bin, ...args], { input: JSON.stringify(input), encoding: 'utf8' });

describe('duibiao solve placement', () => {
  it('solves on stdin, and answers 2 with the error JSON on a bad instance or an unknown solver', () => {
    const instance = { cadres: [{ id: 'c1', prefs: ['h1'] }], hosts: [{ id: 'h1', capacity: 1, prefs: ['c1'] }], seed: 1 };
    const ok = run(['solve', 'placement', '--mode', 'optimal'], instance);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ mode: 'optimal', assignments: [{ cadre: 'c1', host: 'h1' }], unassigned: [] });
    const bad = run(['solve', 'placement', '--mode', 'stable'], { ...instance, hosts: [] });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stderr)).toMatchObject({
      error: {
        details: [
          { path: 'hosts', message: 'expected at least one host' },
          { path: 'cadres[0].prefs[0]', message: 'unknown host "h1"' },
        ],
      },
    });
    expect(run(['solve', 'nothing'], instance).status).toBe(2);
  }, 60_000);
});

describe('duibiao solve grouping', () => {
  it('forms classes and groups from stdin, and answers 2 naming the field on a bad instance', () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i + 1}`, unit: `u${i % 4}`, level: i % 2 ? 'grassroots' : 'other', specialties: [] }));
    const instance = { people, classes: [{ id: 'c1', capacity: 12, themeTags: [], minGrassrootsShare: 0.5 }], groupSize: { min: 6, max: 6 }, seed: 1 };
    const ok = run(['solve', 'grouping'], instance);
    expect(ok.status, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout) as { classes: { id: string; members: string[]; groups: { members: string[] }[] }[] };
    expect(result.classes[0]!.members).toHaveLength(12);
    expect(result.classes[0]!.groups.map((g) => g.members.length)).toEqual([6, 6]);
    const bad = run(['solve', 'grouping'], { ...instance, groupSize: { min: 8, max: 6 } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('groupSize');
  }, 60_000);
});
