/// <reference lib="dom" />
// A district admin on a 390 px phone: the menu opens from the header, the roster shows only the district,
// an out-of-district profile is not found, and the language switch turns the UI into English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function apiAs(username: string) {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Duibiao@2026' }),
  });
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

describe('district admin on a phone', () => {
  it('signs in and reaches the roster through the menu drawer', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('sn_admin');
    await page.getByLabel('密码').fill('Duibiao@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '干部名册' }).click();
    await page.waitForURL(/\/cadres/);
    await page.getByText(/共 \d+ 条/).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page itself must not scroll sideways (tables scroll inside their box)').toBeLessThanOrEqual(1);
  });

  it('shows only 市南区 cadres, and answers 404 for a 崂山区 profile', async () => {
    const { cookie } = await apiAs('ls_admin');
    const laoshan = (await (await fetch(`${server.url}/api/v1/cadres?pageSize=1`, { headers: { cookie } })).json()) as {
      items: { id: number; name: string }[];
    };
    const outsider = laoshan.items[0]!;
    const total = Number(/共 (\d+) 条/.exec((await page.getByText(/共 \d+ 条/).textContent()) ?? '')![1]);
    const { cookie: sn } = await apiAs('sn_admin');
    const stats = (await (await fetch(`${server.url}/api/v1/cadres/stats`, { headers: { cookie: sn } })).json()) as { total: number };
    expect(total).toBe(stats.total);
    await page.goto(`${server.url}/cadres/${outsider.id}`);
    await page.getByText('未找到该干部').first().waitFor();
    await expect(page.getByText(outsider.name).count()).resolves.toBe(0);
  });

  it('switches the interface to English', async () => {
    await page.goto(`${server.url}/cadres`);
    await page.getByText('English', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Open menu' }).waitFor();
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect(page.getByRole('menuitem', { name: 'Cadre roster' }).isVisible()).resolves.toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Open menu' }).waitFor(); // the choice persists
  });
});
