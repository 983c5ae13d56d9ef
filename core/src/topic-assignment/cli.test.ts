// The CLI reads an instance on stdin and answers the result JSON; bad input → exit 2 with every path on stderr.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTopicAssignmentCli } from './cli-run.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const spawn = (input: string) => spawnSync(process.execPath, ['--import', 'tsx', cli], { input, encoding: 'utf8' });

describe('topic assignment cli', () => {
  it('solves over stdin/stdout and exits 2 naming every bad path', () => {
    const ok = spawn(
      JSON.stringify({
        allowUnranked: false,
        topics: [
          { id: 1, min: 1, max: 1 },
          { id: 2, min: 0, max: 1 },
        ],
        trainees: [
          { id: 7, ranks: [1] },
          { id: 8, ranks: [1, 2] },
        ],
      }),
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      status: 'ok',
      reasons: [],
      assignments: [
        { traineeId: 7, topicId: 1, rank: 1 },
        { traineeId: 8, topicId: 2, rank: 2 },
      ],
      worstRank: 2,
      profile: [1, 1],
    });
    const bad = spawn(JSON.stringify({ topics: [{ id: 1, min: 2, max: 1 }], trainees: [{ id: 7, ranks: [3] }] }));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(JSON.parse(bad.stderr)).toEqual({
      error: {
        message: 'invalid topic assignment instance',
        details: [
          { path: 'topics[0].max', message: '最多人数不能小于最少人数' },
          { path: 'trainees[0].ranks[0]', message: '未知课题 3' },
        ],
      },
    });
  }, 30_000);

  it('rejects broken JSON and stray arguments with exit code 2', () => {
    expect(runTopicAssignmentCli([], '{')).toMatchObject({ code: 2, stdout: '' });
    expect(runTopicAssignmentCli(['--fast'], '{}')).toMatchObject({ code: 2, stdout: '' });
  });
});
