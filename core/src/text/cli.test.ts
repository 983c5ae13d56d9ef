// The benchmark CLI: JSON in, JSON out, exit code 2 with a message for bad input.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (args: string[], stdin: string) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { input: stdin, encoding: 'utf8' });
const docs = [
  { id: 'a', text: '如何发展壮大村级集体经济' },
  { id: 'b', text: '村级集体经济怎样发展壮大' },
  { id: 'c', text: '深圳产业链招商' },
];

describe('text cli', () => {
  it('answers similar, search and groups', () => {
    const similar = run(['similar'], JSON.stringify({ docs, id: 'a' }));
    expect(similar.status).toBe(0);
    expect(JSON.parse(similar.stdout)).toMatchObject([{ id: 'b', score: 1 }]);
    expect(JSON.parse(run(['search'], JSON.stringify({ docs, query: '招商' })).stdout)).toMatchObject([{ id: 'c' }]);
    expect(JSON.parse(run(['groups'], JSON.stringify({ docs, tokenizer: 'ngram' })).stdout)).toMatchObject([{ members: ['a', 'b'] }]);
  });

  it('evaluates the fixture over a threshold sweep', () => {
    const out = run(['evaluate'], JSON.stringify({ thresholds: [0.2, 0.3] }));
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject([{ threshold: 0.2 }, { threshold: 0.3 }]);
  });

  it('exits 2 on bad JSON, a bad field, an unknown id and an unknown command', () => {
    expect(run(['search'], '{').status).toBe(2);
    expect(run(['search'], JSON.stringify({ docs })).stderr).toContain('query');
    expect(run(['similar'], JSON.stringify({ docs, id: 'zz' })).status).toBe(2);
    expect(run(['cluster'], '{}').status).toBe(2);
  });
});
