/// <reference lib="dom" />
// Issue 5 end to end, in the browser — "go with questions, come back with solutions": a trainee raises questions on the
// phone; the curator merges the duplicates and publishes list 2.0; the trainee bids for the topic made from the key
// problem; the manager assigns the topic; the task force uploads its mid-term report; the external expert scores it;
// a recommendation is added to the topic's report; the owner unit (a district) lands it with evidence; the
// traceability view shows the whole chain back to the trainee's question.
import { Document, Packer, Paragraph } from 'docx';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, beijingDate, type ApiSession } from './api.ts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

const PROGRAM = '青岛市问题导向对标演练班';
const Q1 = '深圳如何用产业基金撬动招商引资，青岛可以借鉴哪些做法？';
const Q2 = '深圳用产业基金撬动招商引资的做法，青岛怎样借鉴？';
const Q3 = '如何压缩工程建设项目审批时间，推动审批一网通办？';
const KEY_PROBLEM = '产业基金招商的深圳做法与青岛借鉴';
const REPORT = '产业基金招商课题中期调研报告';
const RECOMMENDATION = '设立市南区产业基金招商服务专班';

let server: RunningServer;
let browser: Browser;
let desk: BrowserContext;
let phone: BrowserContext;
let pm: ApiSession;
let program: number;
let snOrg: number;
let topicId = 0;
let midtermId = 0;
let recommendationId = 0;
const files = mkdtempSync(join(tmpdir(), 'duibiao-e2e-files-'));

interface Me {
  user: { id: number; org: { id: number }; cadreId: number | null };
}

async function ok<T = unknown>(api: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const res = await api.send<T>(method, path, body);
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

/** Picks this journey's program in an antd Select (the trainee is also in demo programs). */
async function pickProgram(page: Page, select: ReturnType<Page['locator']>): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: PROGRAM }).click();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  desk = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  pm = await apiAs(server.url, 'qd_pm');
  const qd = (await pm.get<Me>('/auth/me')).user.org.id;
  snOrg = (await (await apiAs(server.url, 'sn_admin')).get<Me>('/auth/me')).user.org.id;
  const trainee = (await (await apiAs(server.url, 'qd_trainee')).get<Me>('/auth/me')).user.cadreId!;

  program = (
    await ok<{ id: number }>(pm, 'POST', '/programs', {
      name: PROGRAM,
      type: 'centralized_class',
      organizerOrgId: qd,
      startDate: beijingDate(-2),
      endDate: beijingDate(60),
    })
  ).id;
  // Trainees see programs once they leave draft.
  for (const status of ['enrolling', 'running']) await ok(pm, 'POST', `/programs/${program}/status`, { status });
  const others = (await pm.get<{ items: { id: number }[] }>('/cadres?pageSize=20&sort=name')).items.map((c) => c.id).filter((id) => id !== trainee);
  await ok(pm, 'POST', `/programs/${program}/enrolments`, { cadreIds: [trainee, ...others.slice(0, 3)] });
  // A home unit's question on another subject, so the list has something that is not a duplicate.
  await ok(pm, 'POST', `/programs/${program}/questions`, { text: Q3, field: 'service', homeOrgId: snOrg });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('problems → topics → milestones → recommendations → landed → traced', () => {
  it('a trainee submits questions on the phone', async () => {
    const page = await phone.newPage();
    await signIn(page, 'qd_trainee');
    await page.goto(`${server.url}/m/questions`);
    await pickProgram(page, page.getByLabel('培训项目'));
    for (const q of [Q1, Q2]) {
      await page.getByPlaceholder(/例如/).fill(q);
      await page.getByRole('button', { name: '提交问题' }).click();
      await expect.poll(() => page.getByText(q).count()).toBe(1);
    }
    await page.getByText('我提交的问题（2）').waitFor();
    await page.close();
  });

  it('the curator merges the suggested duplicates and publishes list 2.0', async () => {
    // List 1.0: every question as raised.
    await ok(pm, 'POST', `/programs/${program}/key-problems/promote`);
    await ok(pm, 'POST', `/programs/${program}/problem-lists`, { version: '1.0', title: '问题清单 1.0' });

    const page = await desk.newPage();
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/programs/${program}?tab=problems&section=suggestions`);
    const group = page.locator('.ant-card', { hasText: Q1 }).filter({ hasText: Q2 });
    await group.getByRole('button', { name: '合并' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByRole('textbox').first().fill(KEY_PROBLEM);
    await modal.getByRole('button', { name: '合并' }).click();
    await modal.waitFor({ state: 'detached' });

    const items = await pm.get<{ id: number; title: string }[]>(`/programs/${program}/key-problems`);
    const merged = items.find((i) => i.title === KEY_PROBLEM)!;
    expect(merged, JSON.stringify(items)).toBeTruthy();
    expect(items).toHaveLength(2);
    await ok(pm, 'PATCH', `/programs/${program}/key-problems/${merged.id}`, { kind: 'fixed' });

    await page.goto(`${server.url}/programs/${program}?tab=problems&section=versions`);
    await page.getByRole('button', { name: '发布新版本' }).click();
    const publish = page.locator('.ant-modal');
    await publish.getByLabel('版本号').fill('2.0');
    await publish.getByRole('button', { name: '发布' }).click();
    await publish.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '2.0', exact: true }).waitFor();
    await page.close();

    const versions = await pm.get<{ version: string }[]>(`/programs/${program}/problem-lists`);
    expect(versions.map((v) => v.version).sort()).toEqual(['1.0', '2.0']);
    topicId = (await ok<{ id: number }>(pm, 'POST', `/programs/${program}/topics`, { keyProblemId: merged.id, teamMin: 1, teamMax: 4, ownerOrgId: snOrg })).id;
    await ok(pm, 'POST', `/topics/${topicId}/status`, { status: 'bidding', biddingClosesOn: beijingDate(5) });
  });

  it('the trainee bids for the topic on the phone', async () => {
    const page = await phone.newPage();
    await signIn(page, 'qd_trainee');
    await page.goto(`${server.url}/m/topics`);
    await pickProgram(page, page.locator('.ant-select').first());
    await page
      .locator('.ant-card', { hasText: '可投标课题' })
      .locator('.ant-list-item', { hasText: KEY_PROBLEM })
      .getByRole('button', { name: '加入志愿' })
      .click();
    await page.getByPlaceholder(/投标说明/).fill('在区里负责招商，愿意牵头对接深圳的基金管理机构。');
    await page.getByRole('button', { name: '提交志愿' }).click();
    await page.getByText('志愿已提交').waitFor();
    await page.close();
  });

  it('the manager assigns the topics and adopts the run', async () => {
    const page = await desk.newPage();
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/programs/${program}?tab=topics`);
    await page.getByRole('button', { name: '智能分配' }).click();
    await page.getByRole('button', { name: '采用此方案' }).click();
    const confirm = page.locator('.ant-popconfirm, .ant-modal-confirm');
    if (await confirm.count()) await confirm.getByRole('button', { name: /确定|采用|OK/ }).click();
    await page.getByText('已采用').first().waitFor();
    await page.close();
    const members = await pm.get<{ cadreId: number | null }[]>(`/topics/${topicId}/members`);
    expect(members.length).toBe(4);
  });

  it('the task force uploads its mid-term report on the topic page', async () => {
    const plan = await ok<{ milestones: { id: number; kind: string }[] }>(pm, 'POST', `/topics/${topicId}/milestones`, {
      milestones: [
        { kind: 'plan', title: '研究计划', dueDate: beijingDate(1) },
        { kind: 'opening', title: '开题评审', dueDate: beijingDate(3) },
        { kind: 'midterm', title: '中期答辩', dueDate: beijingDate(10) },
        { kind: 'final', title: '结题答辩', dueDate: beijingDate(50) },
      ],
    });
    midtermId = plan.milestones.find((m) => m.kind === 'midterm')!.id;
    const docx = join(files, '中期报告.docx');
    writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('产业基金招商课题中期报告')] }] })));

    const page = await phone.newPage();
    await signIn(page, 'qd_trainee');
    await page.goto(`${server.url}/m/topics/${topicId}`);
    const card = page.locator(`#milestone-${midtermId}`);
    await card.locator('input[type=file]').setInputFiles(docx);
    await card.getByText('中期报告.docx').waitFor();
    await page.close();
  });

  it('the external expert scores the mid-term defence', async () => {
    const expert = (await pm.get<{ items: { id: number; username: string }[] }>('/users?q=qd_expert')).items.find((u) => u.username === 'qd_expert')!.id;
    await ok(pm, 'POST', `/topics/${topicId}/external-members`, { kind: 'institute', name: '深圳市创新投资研究院', userId: expert });
    await ok(pm, 'PUT', `/topics/${topicId}/milestones/${midtermId}/reviewers`, { userIds: [expert] });

    const page = await desk.newPage();
    await signIn(page, 'qd_expert');
    await page.goto(`${server.url}/topics/${topicId}`);
    const card = page.locator(`#milestone-${midtermId}`);
    for (const [criterion, score] of [
      ['问题导向', 17],
      ['调研深度', 21],
      ['对策可行性', 25],
      ['成果转化前景', 12],
      ['表达呈现', 8],
    ] as const) {
      await card.getByLabel(criterion).fill(String(score));
    }
    await card.getByRole('button', { name: '提交评分' }).click();
    await page.getByText('评分已提交').waitFor();
    await page.close();

    const process = await pm.get<{ milestones: { id: number; scores: { total: number }[] }[] }>(`/topics/${topicId}/milestones`);
    expect(process.milestones.find((m) => m.id === midtermId)!.scores.map((s) => s.total)).toEqual([83]);
  });

  it('a recommendation is added to the topic report', async () => {
    const report = await ok<{ id: number }>(pm, 'POST', `/programs/${program}/reports`, {
      topicId,
      title: REPORT,
      body: '深圳以政府引导基金撬动社会资本，形成“基金+产业+招商”的闭环。',
    });
    const page = await desk.newPage();
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/programs/${program}?tab=results`);
    await page.getByRole('row', { name: new RegExp(REPORT) }).click();
    await page.getByRole('button', { name: '添加对策建议' }).click();
    const modal = page.locator('.ant-modal', { hasText: '建议标题' });
    await modal.getByLabel('建议标题').fill(RECOMMENDATION);
    await modal.getByLabel('预期成效').fill('年内对接深圳基金管理机构 10 家');
    await modal.getByLabel('承办单位').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '市南区' }).first().click();
    await modal.getByRole('button', { name: '保存' }).click();
    await modal.waitFor({ state: 'detached' });
    await page.close();
    const recs = await pm.get<{ id: number; title: string }[]>(`/reports/${report.id}/recommendations`);
    recommendationId = recs.find((r) => r.title === RECOMMENDATION)!.id;
    expect(recommendationId).toBeGreaterThan(0);
  });

  it('the owner unit (市南区) lands it with evidence', async () => {
    const page = await desk.newPage();
    await signIn(page, 'sn_admin');
    await page.goto(`${server.url}/landing`);
    await page.getByRole('row', { name: new RegExp(RECOMMENDATION) }).click();
    const drawer = page.locator('.ant-drawer');
    for (const status of ['已采纳', '推进中']) {
      await drawer.getByRole('button', { name: `改为“${status}”` }).click();
      await page.locator('.ant-modal:visible').getByRole('button', { name: '确定' }).click();
      await page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
    }
    await drawer.getByPlaceholder('指标（如 签约项目）').fill('对接基金管理机构');
    await drawer.getByPlaceholder('数值').fill('12');
    await drawer.getByPlaceholder(/单位/).fill('家');
    await drawer.getByRole('button', { name: '添加数据' }).click();
    await drawer.getByText('对接基金管理机构').waitFor();
    await drawer.getByRole('button', { name: '改为“已落地”' }).click();
    await page.locator('.ant-modal:visible').getByRole('textbox').fill('服务专班已挂牌运行');
    await page.locator('.ant-modal:visible').getByRole('button', { name: '确定' }).click();
    await drawer.getByText('已落地').first().waitFor();
    await page.close();
    const rec = await pm.get<{ status: string }>(`/recommendations/${recommendationId}`);
    expect(rec.status).toBe('landed');
  });

  it('the traceability view shows the whole chain back to the trainee’s question', async () => {
    const page = await desk.newPage();
    await signIn(page, 'qd_pm');
    await page.goto(`${server.url}/trace/recommendations/${recommendationId}`);
    for (const text of [Q1, Q2, KEY_PROBLEM, REPORT, RECOMMENDATION, '对接基金管理机构', '已落地']) {
      await page.getByText(text, { exact: false }).first().waitFor();
    }
    await page.screenshot({ path: join(files, 'chain.png'), fullPage: true });
    await page.close();
  });
});
