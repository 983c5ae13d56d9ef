#!/usr/bin/env node
// `npm test`: typecheck, lint, the whole suite on SQLite, again on PostgreSQL, then the browser journeys.
// Locally a missing PostgreSQL or Chromium skips that stage with a warning; under CI=true it fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const results = [];
function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) finish();
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function finish() {
  console.log('\nstage summary:');
  for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds}s)`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

const stage = (name) => !only || only === name;

if (stage('static')) {
  run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
  run('typecheck web', 'npx', ['tsc', '-p', 'web/tsconfig.json']);
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  run('format', 'npx', ['prettier', '--check', '.']);
}
if (stage('sqlite')) run('tests on SQLite', 'npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' });
if (stage('pg')) {
  if (await postgresReachable()) run('tests on PostgreSQL', 'npx', ['vitest', 'run'], { TEST_DATABASE_URL: PG_URL });
  else if (CI) {
    console.error(`PostgreSQL not reachable at ${PG_URL}`);
    results.push({ name: 'tests on PostgreSQL', ok: false, seconds: 0 });
    finish();
  } else console.warn(`⚠ PostgreSQL not reachable at ${PG_URL}: skipping the PostgreSQL run`);
}
if (stage('e2e')) {
  if (existsSync(CHROMIUM)) {
    run('build web', 'npm', ['run', 'build', '-w', 'web']);
    run('browser journeys', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']);
  } else if (CI) {
    console.error(`Chromium not found at ${CHROMIUM}`);
    results.push({ name: 'browser journeys', ok: false, seconds: 0 });
    finish();
  } else console.warn(`⚠ ${CHROMIUM} missing (apt-get install -y chromium): skipping browser journeys`);
}
finish();
