// The foundation journey: sign in → import a roster with 3 bad rows → see the 3 errors → fix → import →
// filter → export → the audit log shows the import.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodLines, rosterXlsx } from '../server/test/roster-files.ts';
import { launchChromium, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('roster journey (district admin 市南区)', () => {
  const lines = goodLines(10, '八大关街道', 600);
  const broken = lines.map((l) => [...l]);
  broken[1]![4] = String(broken[1]![4]).slice(0, 17) + (String(broken[1]![4]).endsWith('0') ? '1' : '0');
  broken[4]![1] = '';
  broken[7]![5] = '不存在的街道';

  it('signs in', async () => {
    await page.goto(`${server.url}/cadres`);
    await page.waitForURL(/\/login/);
    await expect(page.getByText('演示模式').first().isVisible()).resolves.toBe(true);
    await page.getByLabel('用户名').fill('sn_admin');
    await page.getByLabel('密码').fill('Duibiao@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/cadres/);
  });

  it('imports a roster with 3 bad rows, sees the 3 errors, fixes and imports', async () => {
    writeFileSync(join(server.dir, 'broken.xlsx'), await rosterXlsx(broken));
    writeFileSync(join(server.dir, 'fixed.xlsx'), await rosterXlsx(lines));
    await page.getByRole('button', { name: '导入' }).click();
    await page.waitForURL(/\/cadres\/import/);
    await page.locator('input[type=file]').setInputFiles(join(server.dir, 'broken.xlsx'));
    await page.getByRole('button', { name: '上传并校验' }).click();
    await page.getByText('有 3 处问题').waitFor();
    const errorTable = page.locator('table').filter({ hasText: '问题' }).last();
    await expect(errorTable.getByText('身份证号').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('不存在的街道').first().isVisible()).resolves.toBe(true);

    await page
      .getByRole('button', { name: /重新上传|重新选择文件/ })
      .first()
      .click();
    await page.locator('input[type=file]').setInputFiles(join(server.dir, 'fixed.xlsx'));
    await page.getByRole('button', { name: '上传并校验' }).click();
    await page.getByText('校验通过').waitFor();
    await page.getByRole('button', { name: '提交导入' }).click();
    await page
      .getByText(/导入完成|已导入|新增/)
      .first()
      .waitFor();
  });

  it('filters the list and exports it', async () => {
    await page.goto(`${server.url}/cadres`);
    await page.getByLabel('搜索').fill('测试');
    await page.getByLabel('搜索').press('Enter');
    await page.waitForURL(/q=/);
    await page.getByRole('cell', { name: String(lines[0]![1]) }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    const file = join(server.dir, 'export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const names = wb.worksheets[0]!.getColumn(2).values.slice(2);
    expect(names).toHaveLength(10);
    expect(names).toEqual(expect.arrayContaining(lines.map((l) => l[1])));
  });

  it('shows the import in the audit log', async () => {
    await page.goto(`${server.url}/audit`);
    await page
      .getByText(/导入干部名册/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(server.dir, 'audit.png') });
  });
});
