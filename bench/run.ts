// `npm run bench`: HTTP ratios against a bare Fastify route and import time against a bare ExcelJS read,
// all measured in one run; writes bench/results/<date>.json and the table in bench/README.md.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, startServer, type HttpResult } from './http-bench.ts';
import { prepareCheckinDb, runCheckinBurst } from './checkin-bench.ts';
import { bareExcelJsRead, fullImport, qingdaoUnitNames, scratchDir, writeRoster } from './import-bench.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CHECKINS = Number(process.env.BENCH_CHECKINS ?? 10_000);
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
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
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
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', `${result.date.slice(0, 10)}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

  const table = [
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
    `| ${sameBody.detail.name} | ${sameBody.detail.requestsPerSec} | ${result.sameBodyBaselines.detail.appRatio} |`,
    `| ${sameBody.list.name} | ${sameBody.list.requestsPerSec} | ${result.sameBodyBaselines.list.appRatio} |`,
    '',
    '| check-in burst (HTTP, SQLite) | trainees + retries | app ms | bare Fastify ms | ratio to bare | lost | duplicated | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${checkin.trainees} distinct QR check-ins to one session, every 10th retried | ${checkin.trainees} + ${checkin.duplicates} | ${checkin.appMs} | ${checkin.bareMs} | ${checkin.ratioToBare} | ${checkin.lost} | ${checkin.duplicated} | ≤ ${checkin.targetMs} ms, 0 lost, 0 duplicated | ${checkin.appMs <= checkin.targetMs && checkin.lost === 0 && checkin.duplicated === 0 ? '✓' : '✗'} |`,
    '',
    '| import benchmark | rows | bare ExcelJS read ms | Duibiao import ms | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
    `| 100k-row Chinese roster (validate + write, one transaction, SQLite) | ${ROWS} | ${result.import.bareExcelJsReadMs} | ${result.import.importMs} | ${result.import.ratio} | ≤ 2 | ${result.import.ratio <= 2 ? '✓' : '✗'} |`,
  ].join('\n');
  console.log(`\n${table}\n`);
  const readmePath = join(import.meta.dirname, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const updated = readme.replace(
    /<!-- results:start -->[\s\S]*<!-- results:end -->/,
    `<!-- results:start -->\nLast run: ${result.date} (${result.machine.cpus} cores, Node ${result.machine.node})\n\n${table}\n<!-- results:end -->`,
  );
  writeFileSync(readmePath, updated);
} finally {
  for (const s of stop) s();
  rmSync(dir, { recursive: true, force: true });
}
