/// <reference lib="dom" />
// A trainee on a 390 px phone scans the check-in QR while signed out, signs in, lands back on the check-in and is
// recorded once; a forwarded (expired) code is refused with a clear message; a leave request approved by the
// manager in the browser excuses the session and takes its hours out of the ledger.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, beijingDate, programId, type ApiSession } from './api.ts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let pm: ApiSession;
let live: number;
let traineeCadre: number;
const created: number[] = [];

const beijingInstant = (offsetMs: number) => `${new Date(Date.now() + offsetMs + 8 * 3_600_000).toISOString().slice(0, 16)}:00+08:00`;

async function sessionNow(title: string): Promise<number> {
  const res = await pm.send<{ session: { id: number } }>('POST', `/programs/${live}/sessions`, {
    type: 'lecture',
    title,
    startsAt: beijingInstant(-5 * 60_000),
    endsAt: beijingInstant(60 * 60_000),
    creditedHours: 1,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.session.id;
}

const codeUrl = async (sessionId: number) => (await pm.get<{ url: string }>(`/sessions/${sessionId}/checkin-code`)).url;

async function marks(sessionId: number) {
  const roll = await pm.get<{ rows: { cadreId: number; mark: { status: string; method: string } | null }[] }>(`/sessions/${sessionId}/attendance`);
  return roll.rows.filter((r) => r.cadreId === traineeCadre);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  page = await phone.newPage();
  pm = await apiAs(server.url, 'qd_pm');
  live = await programId(pm, 'QD-LIVE-YC');
  const trainee = await apiAs(server.url, 'qd_trainee');
  traineeCadre = (await trainee.get<{ user: { cadreId: number } }>('/auth/me')).user.cadreId;
  created.push(await sessionNow('签到演练：现场扫码'), await sessionNow('签到演练：转发的旧二维码'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('QR check-in on a phone', () => {
  it('signed out: scan → sign in → back on the check-in → checked in exactly once', async () => {
    const url = await codeUrl(created[0]!);
    await page.goto(`${server.url}${url}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill('qd_trainee');
    await page.getByLabel('密码').fill('Duibiao@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/m\/checkin\?/);
    await page
      .getByText(/^签到成功/)
      .first()
      .waitFor();
    await page.reload();
    await page.getByText('已签到').first().waitFor();
    const rows = await marks(created[0]!);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mark).toMatchObject({ status: 'present', method: 'qr' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('refuses a forwarded code once it has expired, saying why', async () => {
    const url = await codeUrl(created[1]!);
    // Codes rotate every 15 s and the previous one is still accepted: after 31 s this photo is stale.
    await new Promise((r) => setTimeout(r, 31_000));
    await page.goto(`${server.url}${url}`);
    await page
      .getByText(/二维码已过期/)
      .first()
      .waitFor();
    expect(await marks(created[1]!)).toEqual([expect.objectContaining({ mark: null })]);
  });
});

describe('leave: approved in the browser → session excused → ledger updated', () => {
  it('takes the excused session out of the trainee’s credited hours', async () => {
    const trainee = await apiAs(server.url, 'qd_trainee');
    const yesterday = beijingDate(-1);
    const sessions = await pm.get<
      { id: number; startsAt: string; creditedHours: number }[] | { items: { id: number; startsAt: string; creditedHours: number }[] }
    >(`/programs/${live}/sessions`);
    const list = Array.isArray(sessions) ? sessions : sessions.items;
    const afternoon = list.find((s) => s.startsAt.startsWith(`${yesterday}T14:00`))!;
    const hoursOf = async () =>
      (await pm.get<{ items: { cadreId: number; creditedHours: number; leaveHours: number }[] }>(`/programs/${live}/hours`)).items.find(
        (r) => r.cadreId === traineeCadre,
      )!;
    const before = await hoursOf();
    const asked = await trainee.send('POST', '/me/leave-requests', {
      programId: live,
      sessionIds: [afternoon.id],
      reason: '补请假：参加区委常委会会议汇报工作',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);

    const desk = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await desk.goto(`${server.url}/login`);
    await desk.getByLabel('用户名').fill('qd_pm');
    await desk.getByLabel('密码').fill('Duibiao@2026');
    await desk.getByRole('button', { name: '登录' }).click();
    await desk.waitForURL((u) => !u.pathname.startsWith('/login'));
    await desk.goto(`${server.url}/programs/${live}?tab=leave`);
    await desk.getByText('补请假：参加区委常委会会议汇报工作').first().waitFor();
    await desk.getByRole('button', { name: '批准' }).first().click();
    await desk.locator('.ant-modal').getByRole('button', { name: '批准' }).click();
    await desk.getByText('已批准').first().waitFor();

    expect((await marks(afternoon.id))[0]!.mark).toMatchObject({ status: 'excused', method: 'leave' });
    const after = await hoursOf();
    expect(after.leaveHours).toBeCloseTo(before.leaveHours + afternoon.creditedHours, 3);
    expect(after.creditedHours).toBeLessThan(before.creditedHours);
    await desk.close();
  });
});
