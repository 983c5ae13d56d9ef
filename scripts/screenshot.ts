// Dev helper: look at pages in headless Chromium against a fresh demo server.
//   npx tsx scripts/screenshot.ts [--dist DIR] user:/path:out.png[:mobile][:click=TEXT …] …
// Starts the server (demo seed, SQLite in a temp dir, the web app from --dist or web/dist), signs in as each user
// and writes a full-page PNG per shot. `:mobile` uses a 390 px phone viewport; each `:click=TEXT` clicks the first
// button (else the first text) named TEXT, in order, before the shot — to capture an open drawer or dialog. Build the
// web app first (`cd web && npx vite build --outDir DIR`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const dist = flag('--dist') ?? join(ROOT, 'web/dist');
const shots = args.map((a) => {
  const [user, path, out, ...options] = a.split(':');
  if (!user || !path || !out) throw new Error(`bad shot "${a}": want user:/path:out.png[:mobile][:click=TEXT …]`);
  const clicks = options.filter((o) => o.startsWith('click=')).map((o) => o.slice('click='.length));
  return { user, path, out, mobile: options.includes('mobile'), clicks };
});

const port = await new Promise<number>((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => ok(p));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'duibiao-shot-'));
const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/main.ts')], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'shot.sqlite')}`,
    UPLOAD_DIR: join(dir, 'uploads'),
    WEB_DIST: dist,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((ok, fail) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('is running at')) ok();
  });
  child.once('exit', (code) => fail(new Error(`server exited ${code}: ${out}`)));
});
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 }, locale: 'zh-CN' });
    const login = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: shot.user, password: 'Duibiao@2026' } });
    if (!login.ok()) throw new Error(`login ${shot.user}: ${login.status()}`);
    const page = await context.newPage();
    await page.goto(`${base}${shot.path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(800);
    for (const text of shot.clicks) {
      const button = page.getByRole('button', { name: text }).first();
      await ((await button.count()) > 0 ? button : page.getByText(text).first()).click();
      await page.waitForTimeout(800);
    }
    await page.screenshot({ path: shot.out, fullPage: true });
    console.log(`${shot.out}  ← ${shot.user} ${shot.path}`);
    await context.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
