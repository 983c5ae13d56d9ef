/// <reference lib="dom" />
// Close-out of S1 (Daoli at HIT Shenzhen): the district organization department assesses the class with the
// suggested results, issues certificates, downloads one as PDF, and the public verification page (opened
// without signing in, as a QR scan would) confirms it.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, programId } from './api.ts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let s1: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  s1 = await programId(await apiAs(server.url, 'daoli_admin'), 'S1-HRB-DLQ-2026');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('close-out: certificate of completion', () => {
  it('assesses the class and issues certificates', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('daoli_admin');
    await page.getByLabel('密码').fill('Duibiao@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/programs/${s1}?tab=closeout`);
    await page.getByRole('button', { name: '未评定的采用建议结果' }).click();
    await page.getByRole('button', { name: '保存考核结果' }).click();
    await page.getByText(/已保存 \d+ 名学员的考核结果/).waitFor();
    await page.getByRole('button', { name: '颁发结业证书' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确定|OK/ })
      .click();
    await page.getByText(/新颁发 \d+ 份/).waitFor();
  });

  it('downloads a certificate PDF with an embedded Chinese font', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('下载 PDF').first().click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/FontFile[23]?/);
  });

  it('the verification page confirms the certificate without signing in', async () => {
    const href = await page
      .getByText('核验页')
      .first()
      .evaluate((el) => (el.closest('a') as HTMLAnchorElement).href);
    expect(href).toMatch(/\/verify\/[\w-]{16,}$/);
    const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phone = await anonymous.newPage();
    await phone.goto(href);
    await phone.getByText('证书有效').waitFor();
    await phone
      .getByText(/DB-2026-\d{6}/)
      .first()
      .waitFor();
    await anonymous.close();
  });
});
