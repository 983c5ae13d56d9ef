/// <reference lib="dom" />
// Issue 4 end to end, in the browser: a district unit nominates a cadre and approves it, the city approves it; classes
// and groups are formed and a dragged trainee breaks a group-size rule, shown at once; placements are solved, adopted
// and published; the host contact sees only the cadres placed with their unit; the placed trainee files a weekly log
// on the phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, beijingDate, type ApiSession } from './api.ts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let desk: BrowserContext;
let pm: ApiSession;
let classProgram: number;
let practicum: number;
let traineeCadre: number;
const UNIT_HOSTED = '演练实训单位（联系人 qd_host）';
const UNIT_OTHER = '演练实训单位（无联系人）';

interface Me {
  user: { id: number; org: { id: number }; cadreId: number | null };
}
interface Created {
  id: number;
}

async function created(api: ApiSession, method: string, path: string, body?: unknown): Promise<number> {
  const res = await api.send<Created>(method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body.id;
}

async function ok(api: ApiSession, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await api.send<unknown>(method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Duibiao@2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Cadres of the caller's scope with a clean slate (not in the live class), as ids. */
async function someCadres(api: ApiSession, count: number, skip: number[]): Promise<number[]> {
  const page = await api.get<{ items: { id: number }[] }>(`/cadres?pageSize=100&sort=name`);
  return page.items
    .map((c) => c.id)
    .filter((id) => !skip.includes(id))
    .slice(0, count);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  desk = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  pm = await apiAs(server.url, 'qd_pm');
  const qd = (await pm.get<Me>('/auth/me')).user.org.id;
  const sn = (await (await apiAs(server.url, 'sn_admin')).get<Me>('/auth/me')).user.org.id;
  traineeCadre = (await (await apiAs(server.url, 'qd_trainee')).get<Me>('/auth/me')).user.cadreId!;

  // A class program open for nomination, with a quota for 市南区 and two classes.
  classProgram = await created(pm, 'POST', '/programs', {
    name: '青岛市年轻干部选调演练班',
    type: 'centralized_class',
    organizerOrgId: qd,
    startDate: beijingDate(30),
    endDate: beijingDate(34),
  });
  await ok(pm, 'POST', `/programs/${classProgram}/status`, { status: 'enrolling' });
  await ok(pm, 'PUT', `/programs/${classProgram}/selection/rules`, { eligibility: { maxAge: 60 }, grassrootsShareMin: 0 });
  await ok(pm, 'POST', `/programs/${classProgram}/selection/quotas`, { orgId: sn, quota: 5 });
  for (const name of ['一班', '二班']) await ok(pm, 'POST', `/programs/${classProgram}/classes`, { name, capacity: 8 });

  // A practicum running for two weeks: two host units (one followed by qd_host), a post each, five trainees.
  const hostUser = (await pm.get<{ items: { id: number; username: string }[] }>('/users?q=qd_host')).items.find((u) => u.username === 'qd_host')!.id;
  practicum = await created(pm, 'POST', '/programs', {
    name: '深圳体悟实训演练',
    type: 'embedded_practicum',
    organizerOrgId: qd,
    startDate: beijingDate(-15),
    endDate: beijingDate(85),
  });
  const hosted = await created(pm, 'POST', '/host-units', { name: UNIT_HOSTED, kind: 'enterprise', city: '深圳', capacity: 2, contactUserId: hostUser });
  const other = await created(pm, 'POST', '/host-units', { name: UNIT_OTHER, kind: 'enterprise', city: '深圳', capacity: 3 });
  const postA = await created(pm, 'POST', `/programs/${practicum}/host-posts`, { hostUnitId: hosted, title: '投资研究岗', seats: 2 });
  const postB = await created(pm, 'POST', `/programs/${practicum}/host-posts`, { hostUnitId: other, title: '园区运营岗', seats: 3 });
  const others = await someCadres(pm, 4, [traineeCadre]);
  await ok(pm, 'POST', `/programs/${practicum}/enrolments`, { cadreIds: [traineeCadre, ...others] });
  await ok(pm, 'PUT', `/programs/${practicum}/preferences/cadres/${traineeCadre}`, { postIds: [postA, postB] });
  for (const id of others) await ok(pm, 'PUT', `/programs/${practicum}/preferences/cadres/${id}`, { postIds: [postB, postA] });
  // The host ranks qd_trainee first, so the stable result is known: qd_trainee at the hosted unit.
  await ok(pm, 'PUT', `/programs/${practicum}/preferences/posts/${postA}`, { ranking: [traineeCadre, ...others] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('selection → formation → placement → follow-up', () => {
  it('a district unit nominates and approves a cadre; the city approves and the cadre is enrolled', async () => {
    const page = await desk.newPage();
    await signIn(page, 'sn_admin');
    await page.goto(`${server.url}/nominations`);
    // The demo also has an open call with a 市南区 quota: pick this program's.
    await page
      .locator('.ant-list-item', { hasText: '青岛市年轻干部选调演练班' })
      .getByRole('button', { name: /市南区/ })
      .click();
    const firstBox = page.locator('.ant-table-row .ant-checkbox-input:not([disabled])').first();
    await firstBox.check();
    const nominee = (await firstBox.getAttribute('aria-label'))!;
    await page.getByRole('button', { name: '推荐', exact: true }).click();
    await page.getByRole('button', { name: '审核通过' }).first().click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /审核通过/ })
      .click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    await page.close();

    const city = await desk.newPage();
    await signIn(city, 'qd_pm');
    await city.goto(`${server.url}/programs/${classProgram}?tab=selection`);
    await city
      .getByRole('row', { name: new RegExp(nominee) })
      .locator('.ant-checkbox-input')
      .check();
    await city.getByRole('button', { name: '批准', exact: true }).click();
    await city.locator('.ant-modal').getByRole('button', { name: /批准/ }).click();
    await city.locator('.ant-modal').waitFor({ state: 'detached' });
    await city.close();

    const list = await pm.get<{ cadre: { name: string }; status: string; enrolmentId: number | null }[]>(`/programs/${classProgram}/nominations`);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ cadre: { name: nominee }, status: 'approved' });
  });

  it('forms classes and groups, and a dragged trainee breaks a group size at once', async () => {
    const skip = (await pm.get<{ cadre: { id: number } }[]>(`/programs/${classProgram}/nominations`)).map((n) => n.cadre.id);
    await ok(pm, 'POST', `/programs/${classProgram}/enrolments`, { cadreIds: await someCadres(pm, 13, [...skip, traineeCadre]) });
    const page = await desk.newPage();
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/programs/${classProgram}?tab=formation`);
    await page.getByLabel('每组人数 min').fill('3');
    await page.getByLabel('每组人数 max').fill('4');
    await page.getByRole('button', { name: '生成方案' }).click();
    await page.locator('[data-group]').first().waitFor();
    expect(await page.locator('[data-invalid]').count()).toBe(0);

    // Drag a member of a 3-person group into the other group of its class: 2 and 5 people, both out of 3–4.
    const cls = page.locator('[data-class]').first();
    const groups = cls.locator('[data-group]');
    const sizes = await groups.evaluateAll((els) => els.map((el) => el.querySelectorAll('[data-person]').length));
    const small = sizes.indexOf(Math.min(...sizes));
    const large = sizes.findIndex((n, i) => i !== small);
    await groups.nth(small).locator('[data-person]').first().dragTo(groups.nth(large));
    await page
      .getByText(/不在 3–4 人之间/)
      .first()
      .waitFor();
    expect(await page.locator('[data-invalid]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('solves, adopts and publishes placements', async () => {
    const page = await desk.newPage();
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/programs/${practicum}?tab=placement`);
    await page.getByRole('tab', { name: '求解' }).click();
    await page.getByRole('button', { name: '求解', exact: true }).click();
    await page.getByRole('button', { name: '采用此方案' }).click();
    await page.getByRole('tab', { name: '发布' }).click();
    await page.getByRole('button', { name: '发布安置' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText(/已发布 \d+ 条/).waitFor();
    await page.close();

    const placements = await pm.get<{ cadre: { id: number }; hostUnit: { name: string }; status: string }[]>(`/programs/${practicum}/placements`);
    expect(placements).toHaveLength(5);
    expect(placements.every((p) => p.status === 'published')).toBe(true);
    expect(placements.find((p) => p.cadre.id === traineeCadre)?.hostUnit.name).toBe(UNIT_HOSTED);
  });

  it('the host contact sees only the cadres placed with their unit', async () => {
    const placements = await pm.get<{ cadre: { name: string }; hostUnit: { name: string } }[]>(`/programs/${practicum}/placements`);
    const mine = placements.filter((p) => p.hostUnit.name === UNIT_HOSTED).map((p) => p.cadre.name);
    const notMine = placements.filter((p) => p.hostUnit.name !== UNIT_HOSTED).map((p) => p.cadre.name);
    expect(mine).toHaveLength(2);
    expect(notMine).toHaveLength(3);

    const page = await desk.newPage();
    await signIn(page, 'qd_host');
    await page.goto(`${server.url}/host`);
    for (const name of mine) await page.getByText(name, { exact: true }).first().waitFor();
    const text = await page.locator('main, #root').first().innerText();
    for (const name of notMine) expect(text).not.toContain(name);
    expect(text).not.toContain(UNIT_OTHER);
    await page.close();
  });

  it('the placed trainee files a weekly log on the phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await signIn(page, 'qd_trainee');
    await page.goto(`${server.url}/m/placement`);
    const mine = (await (await apiAs(server.url, 'qd_trainee')).get<{ id: number; programId: number }[]>('/me/placements')).find(
      (p) => p.programId === practicum,
    )!;
    const card = page.locator(`[data-placement="${mine.id}"]`);
    await card.getByText(UNIT_HOSTED).first().waitFor();
    await card.getByLabel('本周工作').fill('跟随投资研究部参加三次项目评审会，整理了深圳创投机构尽职调查流程与青岛的差异清单。');
    await card.getByRole('button', { name: '提交周志' }).click();
    await page.getByText('已保存').first().waitFor();

    const after = (await (await apiAs(server.url, 'qd_trainee')).get<{ id: number; logs: { content: string }[] }[]>('/me/placements')).find(
      (p) => p.id === mine.id,
    )!;
    expect(after.logs).toHaveLength(1);
    expect(after.logs[0]!.content).toContain('尽职调查');
    await phone.close();
  });
});
