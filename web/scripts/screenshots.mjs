#!/usr/bin/env node
// Screenshots of the main pages at desktop and phone size, signed in through the real login form.
// Usage: BASE_URL=http://localhost:3000 node web/scripts/screenshots.mjs /tmp/shots
// Env: BASE_URL, DUIBIAO_USER (qd_admin), DUIBIAO_PASSWORD (Duibiao@2026), CHROMIUM (/usr/bin/chromium), LANG_UI (zh|en)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const outDir = process.argv[2] ?? 'screenshots';
const username = process.env.DUIBIAO_USER ?? 'qd_admin';
const password = process.env.DUIBIAO_PASSWORD ?? 'Duibiao@2026';
const lang = process.env.LANG_UI === 'en' ? 'en' : 'zh';
const L = lang === 'zh' ? { user: '用户名', pass: '密码', login: '登录' } : { user: 'Username', pass: 'Password', login: 'Sign in' };

const viewports = [
  { name: 'desktop', viewport: { width: 1440, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
];

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const problems = [];
try {
  for (const vp of viewports) {
    const context = await browser.newContext({
      viewport: vp.viewport,
      isMobile: vp.isMobile,
      hasTouch: vp.isMobile,
      deviceScaleFactor: vp.isMobile ? 2 : 1,
      locale: 'zh-CN',
      reducedMotion: 'reduce',
    });
    await context.addInitScript((l) => localStorage.setItem('duibiao.lang', l), lang);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`[${vp.name}] page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`[${vp.name}] console.${m.type()}: ${m.text().slice(0, 300)}`);
    });
    const shot = async (name) => {
      await page.waitForLoadState('networkidle');
      const file = join(outDir, `${name}-${vp.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote ${file}`);
    };

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel(L.user).waitFor();
    await shot('01-login');
    await page.getByLabel(L.user).fill(username);
    await page.getByLabel(L.pass).fill(password);
    await page.getByRole('button', { name: L.login, exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.locator('canvas').first().waitFor();
    await shot('02-dashboard');

    await page.goto(`${baseUrl}/orgs`);
    await page.locator('.ant-tree-treenode:not([aria-hidden])').first().waitFor();
    await shot('03-orgs');

    await page.goto(`${baseUrl}/cadres`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot('04-cadres');

    await page.locator('.ant-table-row a').first().click();
    await page.waitForURL(/\/cadres\/\d+$/);
    await page.getByRole('tab').first().waitFor();
    await shot('05-cadre-detail');

    await page.goto(`${baseUrl}/cadres/import`);
    await page.locator('.ant-upload-drag').waitFor();
    await shot('06-import');

    await page.goto(`${baseUrl}/audit`);
    await page.locator('.ant-table-row, .ant-empty').first().waitFor();
    const expand = page.locator('.ant-table-row-expand-icon-collapsed').first();
    if (await expand.count()) await expand.click();
    await shot('07-audit');

    await page.goto(`${baseUrl}/users`);
    await page.locator('.ant-table-row, .ant-empty').first().waitFor();
    await shot('08-users');

    await page.goto(`${baseUrl}/no-such-page`);
    await shot('09-not-found');
    await context.close();
  }
} catch (e) {
  for (const p of browser.contexts().flatMap((c) => c.pages())) {
    await p.screenshot({ path: join(outDir, 'failure.png'), fullPage: true }).catch(() => undefined);
  }
  throw e;
} finally {
  if (problems.length) {
    console.log(`\n${problems.length} console problem(s):`);
    for (const p of problems) console.log(`  ${p}`);
  }
  await browser.close();
}
