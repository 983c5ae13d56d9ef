// `npm run bench`: HTTP ratios against a bare Fastify route, import time against a bare ExcelJS read, and the issue-4
// solvers (placement against SciPy, grouping against HiGHS), all measured in one run; writes
// bench/results/<date>.json + latest.json and the table in bench/README.md.
// BENCH_ONLY=solvers runs just the solver sections and merges them into the last result (latest.json, README table).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, startServer, type HttpResult } from './http-bench.ts';
import { prepareCheckinDb, runCheckinBurst } from './checkin-bench.ts';
import { groupingTable, runGroupingBench, type GroupingBenchResult } from './grouping-bench.ts';
import { bareExcelJsRead, fullImport, qingdaoUnitNames, scratchDir, writeRoster } from './import-bench.ts';
import { placementTable, runPlacementBench, type PlacementSizeResult } from './placement-bench.ts';
import { runTopicAssignmentBench, topicAssignmentTable, type TopicAssignmentBenchRow } from './topic-assignment.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CHECKINS = Number(process.env.BENCH_CHECKINS ?? 10_000);
const MILP_SECONDS = Number(process.env.BENCH_MILP_SECONDS ?? 30);
const ONLY = process.env.BENCH_ONLY;
const resultsDir = join(import.meta.dirname, 'results');

interface SolversResult {
  date: string;
  /** 1-minute load average before and after: the solver timings are single-threaded and suffer on a busy machine. */
  loadAverage: { before: number; after: number };
  placement: PlacementSizeResult[];
  grouping: GroupingBenchResult;
  /** Issue 5: topic assignment from ranked bids (absent in results written before it). */
  topicAssignment?: TopicAssignmentBenchRow[];
}

interface BenchResult {
  date: string;
  machine: { cpus: number; node: string };
  http: (HttpResult & { ratioToBare: number; target: number | null })[];
  sameBodyBaselines: Record<'detail' | 'list', HttpResult & { appRatio: number }>;
  checkin: Awaited<ReturnType<typeof runCheckinBurst>>;
  import: { rows: number; bareExcelJsReadMs: number; importMs: number; created: number; ratio: number; target: number };
  solvers?: SolversResult;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function runSolvers(): Promise<SolversResult> {
  const dir = mkdtempSync(join(tmpdir(), 'duibiao-solvers-'));
  try {
    const before = loadavg()[0]!;
    const placement = runPlacementBench(dir);
    const grouping = await runGroupingBench(MILP_SECONDS);
    const topicAssignment = await runTopicAssignmentBench(MILP_SECONDS);
    return { date: new Date().toISOString(), loadAverage: { before: round2(before), after: round2(loadavg()[0]!) }, placement, grouping, topicAssignment };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runServicesAndImport(): Promise<Omit<BenchResult, 'solvers'>> {
  const dir = scratchDir();
  const stop: (() => void)[] = [];
  try {
    const bare = await startServer(join(import.meta.dirname, 'bare-server.ts'), {});
    stop.push(() => bare.child.kill());
    const app = await startServer(join(import.meta.dirname, 'app-server.ts'), { DATABASE_URL: `sqlite:${join(dir, 'http.sqlite')}` });
    stop.push(() => app.child.kill());

    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'qd_admin', password: 'Duibiao@2026' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const list = (await (await fetch(`${app.url}/api/v1/cadres?pageSize=1`, { headers: { cookie } })).json()) as { items: { id: number }[] };
    const cadreId = list.items[0]!.id;

    const http: HttpResult[] = [];
    http.push(await measure('bare Fastify JSON route (baseline)', `${bare.url}/json`, {}, SECONDS));
    http.push(await measure('GET /api/health', `${app.url}/api/health`, {}, SECONDS));
    http.push(await measure('GET /api/v1/cadres/:id (authenticated)', `${app.url}/api/v1/cadres/${cadreId}`, { cookie }, SECONDS));
    http.push(await measure('GET /api/v1/cadres 50-row filtered list', `${app.url}/api/v1/cadres?pageSize=50&grassroots=false&sort=name`, { cookie }, SECONDS));
    const sameBody = {
      detail: await measure('bare Fastify, same ~1 KB body as the cadre read', `${bare.url}/detail`, {}, SECONDS),
      list: await measure('bare Fastify, same ~25 KB body as the list', `${bare.url}/list`, {}, SECONDS),
    };
    const checkinDb = `sqlite:${join(dir, 'checkin.sqlite')}`;
    const checkinFixture = await prepareCheckinDb(checkinDb, CHECKINS);
    const checkinApp = await startServer(join(import.meta.dirname, 'app-server.ts'), { DATABASE_URL: checkinDb, BENCH_NO_SEED: '1' });
    stop.push(() => checkinApp.child.kill());
    const checkin = await runCheckinBurst(checkinApp.url, bare.url, checkinDb, checkinFixture);
    for (const s of stop.splice(0)) s();

    const file = join(dir, 'roster-100k.xlsx');
    await writeRoster(file, ROWS, await qingdaoUnitNames());
    const bareRead = await bareExcelJsRead(file);
    const imported = await fullImport(file, dir);

    const base = http[0]!.requestsPerSec;
    const targets: Record<string, number> = { 'GET /api/v1/cadres/:id (authenticated)': 0.5, 'GET /api/v1/cadres 50-row filtered list': 0.25 };
    return {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      http: http.map((h) => ({ ...h, ratioToBare: Number((h.requestsPerSec / base).toFixed(3)), target: targets[h.name] ?? null })),
      sameBodyBaselines: {
        detail: { ...sameBody.detail, appRatio: Number((http[2]!.requestsPerSec / sameBody.detail.requestsPerSec).toFixed(3)) },
        list: { ...sameBody.list, appRatio: Number((http[3]!.requestsPerSec / sameBody.list.requestsPerSec).toFixed(3)) },
      },
      checkin,
      import: {
        rows: ROWS,
        bareExcelJsReadMs: Math.round(bareRead.ms),
        importMs: Math.round(imported.ms),
        created: imported.created,
        ratio: Number((imported.ms / bareRead.ms).toFixed(2)),
        target: 2,
      },
    };
  } finally {
    for (const s of stop) s();
    rmSync(dir, { recursive: true, force: true });
  }
}

function servicesTable(result: BenchResult): string {
  const { checkin, sameBodyBaselines: sameBody } = result;
  return [
    '| benchmark | req/s | p99 ms | ratio to bare | target | met |',
    '|---|---|---|---|---|---|',
    ...result.http.map(
      (h) =>
        `| ${h.name} | ${h.requestsPerSec} | ${h.p99Ms} | ${h.ratioToBare} | ${h.target === null ? '' : `≥ ${h.target}`} | ${h.target === null ? '' : h.ratioToBare >= h.target ? '✓' : '✗'} |`,
    ),
    '',
    'Like-for-like context (not the target): the same app routes against bare routes returning bodies of the same size.',
    '',
    '| baseline | req/s | app route ÷ this baseline |',
    '|---|---|---|',
    `| ${sameBody.detail.name} | ${sameBody.detail.requestsPerSec} | ${sameBody.detail.appRatio} |`,
    `| ${sameBody.list.name} | ${sameBody.list.requestsPerSec} | ${sameBody.list.appRatio} |`,
    '',
    '| check-in burst (HTTP, SQLite) | trainees + retries | app ms | bare Fastify ms | ratio to bare | lost | duplicated | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${checkin.trainees} distinct QR check-ins to one session, every 10th retried | ${checkin.trainees} + ${checkin.duplicates} | ${checkin.appMs} | ${checkin.bareMs} | ${checkin.ratioToBare} | ${checkin.lost} | ${checkin.duplicated} | ≤ ${checkin.targetMs} ms, 0 lost, 0 duplicated | ${checkin.appMs <= checkin.targetMs && checkin.lost === 0 && checkin.duplicated === 0 ? '✓' : '✗'} |`,
    '',
    '| import benchmark | rows | bare ExcelJS read ms | Duibiao import ms | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
    `| 100k-row Chinese roster (validate + write, one transaction, SQLite) | ${result.import.rows} | ${result.import.bareExcelJsReadMs} | ${result.import.importMs} | ${result.import.ratio} | ≤ 2 | ${result.import.ratio <= 2 ? '✓' : '✗'} |`,
  ].join('\n');
}

function solversTable(solvers: SolversResult): string {
  return [
    `Solvers (issue 4): ${solvers.date}, 1-minute load average ${solvers.loadAverage.before} → ${solvers.loadAverage.after} on ${cpus().length} cores.`,
    '',
    placementTable(solvers.placement),
    '',
    groupingTable(solvers.grouping),
    ...(solvers.topicAssignment ? ['', topicAssignmentTable(solvers.topicAssignment)] : []),
  ].join('\n');
}

function publish(result: BenchResult, dated: boolean): void {
  mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (dated) writeFileSync(join(resultsDir, `${result.date.slice(0, 10)}.json`), json);
  writeFileSync(join(resultsDir, 'latest.json'), json);

  const table = [servicesTable(result), ...(result.solvers ? ['', solversTable(result.solvers)] : [])].join('\n');
  console.log(`\n${table}\n`);
  const readmePath = join(import.meta.dirname, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const updated = readme.replace(
    /<!-- results:start -->[\s\S]*<!-- results:end -->/,
    `<!-- results:start -->\nLast run: ${result.date} (${result.machine.cpus} cores, Node ${result.machine.node})\n\n${table}\n<!-- results:end -->`,
  );
  writeFileSync(readmePath, updated);
}

if (ONLY === 'solvers') {
  // Only the solver sections: keep the last full run's other figures (and its date) and replace `solvers`.
  const latest = join(resultsDir, 'latest.json');
  if (!existsSync(latest)) throw new Error('BENCH_ONLY=solvers merges into bench/results/latest.json; run `npm run bench` once first');
  const previous = JSON.parse(readFileSync(latest, 'utf8')) as BenchResult;
  publish({ ...previous, solvers: await runSolvers() }, false);
} else if (ONLY === undefined) {
  const services = await runServicesAndImport();
  publish({ ...services, solvers: await runSolvers() }, true);
} else {
  throw new Error(`BENCH_ONLY=${ONLY}: only "solvers" is supported`);
}
