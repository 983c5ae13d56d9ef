// The CLI reads an instance on stdin and answers JSON on stdout, or exits 2 with path errors on stderr.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { s2Instance } from './test-support.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (input: string) => spawnSync(process.execPath, ['--import', 'tsx', cli], { input, encoding: 'utf8' });

describe('grouping cli', () => {
  it('prints classes, groups, stats and violations', () => {
    const out = run(JSON.stringify(s2Instance(1)));
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as {
      classes: { id: string; members: string[]; groups: { id: string }[] }[];
      stats: { people: number };
      violations: unknown[];
    };
    expect(result.classes.map((c) => c.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(result.classes[0]!.groups[0]!.id).toBe('A-g1');
    expect(result.stats.people).toBe(200);
    expect(result.violations).toEqual([]);
  }, 30_000);

  it('exits 2 with every bad field on stderr', () => {
    const out = run(JSON.stringify({ people: [{ id: 'p1', unit: 'u', level: 'x' }], classes: [], groupSize: { min: 3, max: 2 } }));
    expect(out.status).toBe(2);
    expect(JSON.parse(out.stderr)).toEqual({
      error: {
        message: 'invalid grouping instance',
        details: [
          { path: 'people[0].level', message: 'expected "grassroots" or "other" (or isGrassroots: boolean)' },
          { path: 'classes', message: 'must not be empty' },
          { path: 'groupSize', message: 'min 3 is greater than max 2' },
        ],
      },
    });
    expect(JSON.parse(run('{nope').stderr)).toMatchObject({ error: { details: [] } });
    expect(run('{nope').status).toBe(2);
  }, 30_000);
});
