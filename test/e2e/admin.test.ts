import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { apiSession, launchBrowser, openPage, screenshot } from './support/browser.js';
import { idNumber } from './support/workbook.js';
import { choose, DEMO_PASSWORD, signIn } from './support/ui.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const GROUP = '第一代表小组（石桥、新河片）';

describe('新代表从录入到手机上首次登录', () => {
  test('the officer adds a delegate, puts them in a group and issues an account; the delegate changes the issued password on the phone', async () => {
    const admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const { page, problems } = await openPage(admin, { accessibility: true });
    await page.goto(`${server.url}/login`);
    await signIn(page, 'qs-admin');
    await page.getByRole('heading', { name: '代表名册' }).waitFor();

    // 新增代表: the ID number fills in the birth month and gender.
    await page.getByRole('button', { name: '新增代表' }).click();
    await page.getByRole('heading', { name: '新增代表' }).waitFor();
    await page.getByLabel('姓名', { exact: true }).fill('上官清');
    await page.getByLabel('公民身份号码').fill(idNumber('411521', '19880412', '256'));
    await page.getByLabel('联系电话').click();
    expect(await page.getByLabel('出生年月').inputValue()).toBe('1988-04');
    expect(await page.getByRole('radio', { name: '女' }).isChecked()).toBe(true);
    await page.getByLabel('联系电话').fill('13903719999');
    await page.getByLabel('入党时间').fill('2010.7');
    await page.getByLabel('选举单位').fill('石桥村党支部');
    await page.getByLabel('工作单位及职务').fill('青山镇石桥村妇联主席');
    await screenshot(page, '20-delegate-new');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('heading', { name: /上官清/ }).waitFor();
    expect(await page.getByText('2010-07').isVisible()).toBe(true);

    // Into a group through the transfer list.
    await page.getByRole('menuitem', { name: '代表小组' }).click();
    await page.getByRole('link', { name: GROUP }).click();
    await page.getByRole('heading', { name: `编辑代表小组：${GROUP}` }).waitFor();
    const transfer = page.locator('.ant-transfer');
    await transfer.getByText('上官清').waitFor();
    await transfer.getByPlaceholder('搜索姓名或选举单位').first().fill('上官清');
    await transfer.locator('.ant-transfer-section').first().getByText('上官清').click();
    await transfer.getByRole('button', { name: '加入本组' }).click();
    await page.getByText('小组成员（已选 21 人）').waitFor();
    await screenshot(page, '21-group-edit');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`代表小组“${GROUP}”已保存`).waitFor();
    const row = page.getByRole('row').filter({ hasText: GROUP });
    await row.getByText('代表小组人数为21人，多于20人').waitFor();
    await screenshot(page, '22-groups');

    // An account with an issued password, shown once.
    await page.getByRole('menuitem', { name: '账户管理' }).click();
    await page.getByRole('heading', { name: '账户管理' }).waitFor();
    await page.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, '角色', '党代表');
    await choose(page, dialog, '关联代表', '上官清', '上官');
    await dialog.getByLabel('用户名').fill('qs-shangguan');
    expect(await dialog.getByLabel('姓名/称呼').inputValue()).toBe('上官清');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const issued = page.getByTestId('issued-password');
    await issued.waitFor();
    const password = (await issued.textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, '23-issued-password');
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.getByRole('row').filter({ hasText: 'qs-shangguan' }).getByText('待修改初始密码').waitFor();
    expect(problems.errors).toEqual([]);
    await admin.close();

    // The delegate's first sign-in on a phone: a new password first, then their own page.
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const m = await openPage(phone, { accessibility: true });
    await m.page.goto(`${server.url}/m`);
    await signIn(m.page, 'qs-shangguan', password);
    await m.page.getByText('首次登录或密码被重置后，请先设置自己的密码').waitFor();
    await m.page.getByLabel('当前密码', { exact: true }).fill(password);
    await m.page.getByLabel('新密码', { exact: true }).fill('short');
    await m.page.getByLabel('确认新密码', { exact: true }).fill('short');
    await m.page.getByRole('button', { name: '确认修改' }).click();
    await m.page.getByText('密码至少 8 位').waitFor();
    await m.page.getByLabel('新密码', { exact: true }).fill('Qingshan#2027');
    await m.page.getByLabel('确认新密码', { exact: true }).fill('Qingshan#2027');
    await screenshot(m.page, '24-phone-change-password', false);
    await m.page.getByRole('button', { name: '确认修改' }).click();
    await m.page.getByRole('heading', { name: '上官清' }).waitFor();
    expect(await m.page.getByText(GROUP).isVisible()).toBe(true);
    expect(m.problems.errors).toEqual([]);
    await phone.close();
  });
});

describe('县委组织部', () => {
  test('sees every township’s figures with totals, opens a township’s roster read-only, switches township and verifies the audit chain', async () => {
    const county = await apiSession(server.url, 'county', DEMO_PASSWORD);
    const overview = await county.get<{ townships: { name: string; active: number; vacancies: number }[] }>('/api/county/overview');
    const totalActive = overview.townships.reduce((s, t) => s + t.active, 0);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const { page, problems } = await openPage(context, { accessibility: true });
    await page.goto(`${server.url}/`);
    await signIn(page, 'county');
    await page.getByRole('heading', { name: '全县概览' }).waitFor();
    const totals = page.getByRole('row').filter({ hasText: '合计' });
    await totals.waitFor();
    expect(await totals.getByRole('cell', { name: String(totalActive), exact: true }).count()).toBe(1);
    for (const t of overview.townships) expect(await page.getByRole('row').filter({ hasText: t.name }).count()).toBe(1);
    await screenshot(page, '30-county-overview');

    await page.getByRole('row').filter({ hasText: '白沙乡' }).click();
    await page.getByText('白沙乡 · 共').waitFor();
    expect(await page.getByRole('button', { name: '新增代表' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导出名册' }).isVisible()).toBe(true);

    await page.getByLabel('切换乡镇').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '河西镇' }).click();
    await page.getByText('河西镇 · 共').waitFor();
    await screenshot(page, '31-county-roster');

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链完整：已校验 \d+ 条记录/).waitFor();
    await screenshot(page, '32-county-audit');
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
