/// <reference lib="dom" />
// A program manager lays out a day of the live class's timetable in the browser: an evening seminar fits,
// a session dropped onto the morning lecture is saved with a conflict, flagged in the panel and outlined red.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, beijingDate, programId } from './api.ts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let liveId: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  liveId = await programId(await apiAs(server.url, 'qd_pm'), 'QD-LIVE-YC');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(p: Page, username: string) {
  await p.goto(`${server.url}/login`);
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill('Duibiao@2026');
  await p.getByRole('button', { name: '登录' }).click();
  await p.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('timetable: a manager builds a day', () => {
  it('adds an evening seminar by clicking an empty slot', async () => {
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/programs/${liveId}?tab=timetable`);
    const today = page.locator(`[data-day="${beijingDate()}"]`);
    await today.waitFor();
    const before = await page.locator('[data-session-id]').count();
    // 48 px per hour from 07:00: 19:00 is 12 hours down the column.
    await today.scrollIntoViewIfNeeded();
    await today.click({ position: { x: 20, y: 12 * 48 + 6 } });
    await page.locator('#session_title').fill('晚间研讨：对标找差');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('[data-session-id]').count()).toBe(before + 1);
    await page.getByText('未发现冲突').waitFor();
  });

  it('flags a session placed over the morning lecture', async () => {
    await page.getByRole('button', { name: '新增课程' }).click();
    await page.locator('#session_title').fill('临时加课：政策解读');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/已保存，但有 \d+ 项冲突/).waitFor();
    await page.getByText('学员重叠').first().waitFor();
    const outlined = await page.locator('[data-session-id]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).style.outline.includes('solid')).length);
    expect(outlined).toBeGreaterThanOrEqual(2);
  });
});
