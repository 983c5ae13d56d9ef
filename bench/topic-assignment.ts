// Topic assignment (issue 5, 招拍挂): assignTopics timed on an S3-like 150 × 22 instance and a 2,000 × 200 one, and
// checked against exact lexicographic optima from HiGHS (MILP, WASM) on the small case: one model minimising the
// worst rank, then one per rank maximising its count with the better ranks' counts fixed.
import highsLoader, { type Highs } from 'highs';
import { assignTopics, type TopicAssignmentInstance, type TopicAssignmentResult } from '../core/src/topic-assignment/index.ts';

export interface TopicAssignmentBenchRow {
  case: string;
  trainees: number;
  topics: number;
  bidsPerTrainee: string;
  firstMs: number;
  medianMs: number;
  runs: number;
  worstRank: number;
  profile: number[];
  /** HiGHS's lexicographic optimum (small case only), its total seconds, and whether ours equals it. */
  milp?: { worstRank: number; profile: number[]; seconds: number; status: string; same: boolean };
  targetMs: number;
  met: boolean;
}

/** Deterministic instance: popularity-skewed bids (a few topics attract most), sizes [min, max] around n / m. */
export function generateTopicInstance(n: number, m: number, bids: [number, number], seed: number): TopicAssignmentInstance {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const average = n / m;
  const topics = Array.from({ length: m }, (_, j) => ({ id: j + 1, min: Math.max(1, Math.floor(average * 0.6)), max: Math.ceil(average * 1.4) }));
  const trainees = Array.from({ length: n }, (_, i) => {
    const count = bids[0] + Math.floor(next() * (bids[1] - bids[0] + 1));
    const ranks: number[] = [];
    while (ranks.length < count) {
      const id = 1 + Math.floor(next() ** 1.8 * m);
      if (!ranks.includes(id)) ranks.push(id);
    }
    return { id: i + 1, ranks };
  });
  return { topics, trainees };
}

const STATUS_NAMES: Record<number, string> = { 7: 'optimal', 8: 'infeasible', 13: 'timeLimit' };

/** Lexicographic optimum by a sequence of MILPs over x[i][j] ∈ {0,1} (trainee i in topic j). */
function milpOptimum(highs: Highs, instance: TopicAssignmentInstance, seconds: number) {
  const { topics, trainees } = instance;
  const rank = (i: number, j: number) => {
    const k = trainees[i]!.ranks.indexOf(topics[j]!.id);
    return k >= 0 ? k + 1 : trainees[i]!.ranks.length + 1;
  };
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const base = (limit: number) => {
    const rows: string[] = [];
    const vars: string[] = [];
    trainees.forEach((_, i) => {
      const terms = topics.flatMap((_, j) => (rank(i, j) <= limit ? [x(i, j)] : []));
      vars.push(...terms);
      rows.push(` a${i}: ${terms.join(' + ')} = 1`);
    });
    topics.forEach((t, j) => {
      const terms = trainees.flatMap((_, i) => (rank(i, j) <= limit ? [x(i, j)] : []));
      const sum = terms.length > 0 ? terms.join(' + ') : '0 zero';
      rows.push(` lo${j}: ${sum} >= ${t.min}`, ` hi${j}: ${sum} <= ${t.max}`);
    });
    return { rows, vars };
  };
  let total = 0;
  let status = 'optimal';
  const solve = (lp: string) => {
    const model = highs.createModel({ format: 'lp', data: lp });
    try {
      model.options.set({ output_flag: false, time_limit: seconds, mip_rel_gap: 0 });
      const started = performance.now();
      model.run();
      total += (performance.now() - started) / 1000;
      const name = STATUS_NAMES[model.getModelStatus()] ?? `status ${model.getModelStatus()}`;
      if (name !== 'optimal') status = name;
      return model.getObjectiveValue();
    } finally {
      model.dispose();
    }
  };
  const wrap = (words: string[]) => words.join('\n');
  // Stage 1: minimise W with every trainee's rank ≤ W.
  const maxRank = Math.max(...trainees.map((t) => t.ranks.length + 1));
  const stage1 = base(maxRank);
  const worstRows = trainees.map((_, i) => ` w${i}: ${topics.map((_, j) => `${rank(i, j)} ${x(i, j)}`).join(' + ')} - W <= 0`);
  const worstRank = Math.round(
    solve(wrap(['Minimize', ' obj: W', 'Subject To', ...stage1.rows, ...worstRows, 'Bounds', ` 0 <= W <= ${maxRank}`, 'Binary', ...stage1.vars, 'End', ''])),
  );
  // Stages 2…: maximise the count at rank k, holding the counts at ranks < k.
  const { rows, vars } = base(worstRank);
  const atRank = (k: number) =>
    vars.filter((v) => {
      const [, i, j] = v.split('_').map(Number);
      return rank(i!, j!) === k;
    });
  const profile: number[] = [];
  for (let k = 1; k <= worstRank; k++) {
    const held = profile.map((p, q) => ` p${q}: ${atRank(q + 1).join(' + ') || '0 zero'} >= ${p}`);
    const objective = atRank(k).join(' + ') || '0 zero';
    profile.push(Math.round(solve(wrap(['Maximize', ` obj: ${objective}`, 'Subject To', ...rows, ...held, 'Binary', ...vars, 'End', '']))));
  }
  return { worstRank, profile, seconds: Math.round(total * 10) / 10, status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

function timed(instance: TopicAssignmentInstance, runs: number): { result: TopicAssignmentResult; times: number[] } {
  const times: number[] = [];
  let result: TopicAssignmentResult | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = assignTopics(instance);
    times.push(performance.now() - started);
  }
  return { result: result!, times };
}

/** Runs both sizes; the MILP comparison only on the S3-like case (MILP at 2,000 × 200 is out of reach in WASM). */
export async function runTopicAssignmentBench(milpSeconds = 60, log: (line: string) => void = console.log): Promise<TopicAssignmentBenchRow[]> {
  const cases = [
    { name: 'S3-like', n: 150, m: 22, bids: [3, 5] as [number, number], runs: 9, targetMs: 100, milp: true },
    { name: 'large', n: 2000, m: 200, bids: [3, 8] as [number, number], runs: 5, targetMs: 2000, milp: false },
  ];
  const highs = await highsLoader();
  const rows: TopicAssignmentBenchRow[] = [];
  for (const c of cases) {
    const instance = generateTopicInstance(c.n, c.m, c.bids, 1);
    const { result, times } = timed(instance, c.runs);
    if (result.status !== 'ok') throw new Error(`topic assignment bench: ${c.name} infeasible: ${result.reasons.join('; ')}`);
    const row: TopicAssignmentBenchRow = {
      case: c.name,
      trainees: c.n,
      topics: c.m,
      bidsPerTrainee: `${c.bids[0]}–${c.bids[1]}`,
      firstMs: round1(times[0]!),
      medianMs: round1(median(times)),
      runs: c.runs,
      worstRank: result.worstRank,
      profile: result.profile,
      targetMs: c.targetMs,
      met: median(times) <= c.targetMs,
    };
    if (c.milp) {
      const exact = milpOptimum(highs, instance, milpSeconds);
      const same = exact.worstRank === result.worstRank && JSON.stringify(exact.profile) === JSON.stringify(result.profile);
      row.milp = { ...exact, same };
      row.met &&= same;
    }
    log(
      `topic assignment ${c.name} ${c.n}×${c.m}: median ${row.medianMs} ms, worst rank ${row.worstRank}, profile ${row.profile.join('/')}${row.milp ? `, MILP ${row.milp.profile.join('/')} (${row.milp.same ? 'same' : 'DIFFERENT'})` : ''}`,
    );
    rows.push(row);
  }
  return rows;
}

/** The README table for the topic assignment section. */
export function topicAssignmentTable(rows: TopicAssignmentBenchRow[]): string {
  const lines = [
    '| topic assignment (招拍挂) | trainees × topics | bids each | assignTopics first; median ms | worst rank | profile (rank 1/2/…) | HiGHS MILP lexicographic optimum | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const milp = r.milp ? `${r.milp.worstRank}; ${r.milp.profile.join('/')} (${r.milp.status}, ${r.milp.seconds} s) ${r.milp.same ? '= ours' : '≠ ours'}` : '—';
    lines.push(
      `| ${r.case} | ${r.trainees} × ${r.topics} | ${r.bidsPerTrainee} | ${r.firstMs}; ${r.medianMs} | ${r.worstRank} | ${r.profile.join('/')} | ${milp} | ≤ ${r.targetMs} ms${r.milp ? ', = MILP' : ''} | ${r.met ? '✓' : '✗'} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runTopicAssignmentBench();
  console.log(topicAssignmentTable(rows));
}
