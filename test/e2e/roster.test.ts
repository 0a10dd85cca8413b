import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import { startServer, type RunningServer } from './support/server.js';
import { apiSession, launchBrowser, openPage, screenshot } from './support/browser.js';
import { idNumber, rosterWorkbook, type RosterRow } from './support/workbook.js';
import { choose, DEMO_PASSWORD as PASSWORD, signIn } from './support/ui.js';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/** Three new delegates of 青山镇; `broken` gives the second a bad ID number and the third a bad date. */
function newDelegates(broken: boolean): RosterRow[] {
  const good2 = idNumber('411521', '19820709', '246');
  const bad2 = good2.slice(0, 17) + (good2[17] === '0' ? '1' : '0');
  return [
    {
      name: '欧阳明远',
      gender: '男',
      birthDate: '1975.03',
      partyJoinDate: '1998.07',
      workplace: '青山镇石桥村党支部书记',
      electoralUnit: '石桥村党支部',
      phone: '13903710001',
      idNumber: idNumber('411521', '19750315', '123'),
    },
    {
      name: '司马晓红',
      gender: '女',
      birthDate: '1982.07',
      partyJoinDate: '2006.06',
      workplace: '青山镇卫生院护士长',
      electoralUnit: '机关党支部',
      phone: '13903710002',
      idNumber: broken ? bad2 : good2,
    },
    {
      name: '诸葛文',
      gender: '男',
      birthDate: broken ? '1968.13' : '1968.11',
      partyJoinDate: '1990.05',
      workplace: '青山镇新河村种粮大户',
      electoralUnit: '新河村党支部',
      phone: '13903710003',
      idNumber: idNumber('411521', '19681120', '135'),
    },
  ];
}

describe('乡镇党委组织委员的名册工作', () => {
  test('imports a roster with errors, fixes it, changes a delegate’s status and finds the change in the audit log', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const { page, problems } = await openPage(context, { accessibility: true });

    await page.goto(`${server.url}/`);
    await page.getByText('年会 · 乡镇党代会年会制工作平台').waitFor();
    expect(page.url()).toContain('/login');
    await screenshot(page, '01-admin-login');
    await signIn(page, 'qs-admin');

    await page.getByRole('heading', { name: '代表名册' }).waitFor();
    expect(await page.getByText(/演示数据：/).isVisible()).toBe(true);
    await page.getByText('共 100 名代表').waitFor();
    await screenshot(page, '02-roster');

    // A workbook with two problems: the preview names row and column, and import is refused.
    await page.getByRole('button', { name: '导入名册' }).click();
    await page.getByText('点击或将名册文件（.xlsx）拖到此处').waitFor();
    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '青山镇新增代表.xlsx', mimeType: XLSX, buffer: await rosterWorkbook('青山镇第十五届党代表名册（新增）', newDelegates(true)) });
    await page.getByText('有 2 行存在问题').waitFor();
    expect(await page.getByText('第4行“公民身份号码”：身份证号校验位错误').isVisible()).toBe(true);
    expect(await page.getByText(/^第5行“出生年月”：.*月份不存在：1968\.13$/).isVisible()).toBe(true);
    const confirm = page.getByRole('button', { name: '确认导入' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, '03-import-problems');

    // The corrected file passes and imports.
    await fileInput.setInputFiles({ name: '青山镇新增代表（已修改）.xlsx', mimeType: XLSX, buffer: await rosterWorkbook('青山镇第十五届党代表名册（新增）', newDelegates(false)) });
    await page.getByText('全部 3 行检查通过，可以导入。').waitFor();
    expect(await confirm.isEnabled()).toBe(true);
    await confirm.click();
    await page.getByText('已导入 3 名代表').waitFor();
    expect(await page.getByText('新增 3 名，更新 0 名').isVisible()).toBe(true);
    await screenshot(page, '04-import-done');

    // Find the new delegate by name and suspend them.
    await page.getByRole('button', { name: '查看名册' }).click();
    await page.getByText('共 103 名代表').waitFor();
    await page.getByPlaceholder('姓名，或完整的手机号/身份证号').fill('欧阳明远');
    await page.getByPlaceholder('姓名，或完整的手机号/身份证号').press('Enter');
    await page.getByText('符合条件的代表 1 名', { exact: false }).waitFor();
    expect(await page.getByRole('cell', { name: '139****0001' }).isVisible()).toBe(true);
    await screenshot(page, '05-roster-search');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名册' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile(await download.path());
    const names: string[] = [];
    exported.worksheets[0]!.eachRow((row) => row.eachCell((c) => names.push(String(c.value))));
    expect(names).toContain('欧阳明远');
    await page.getByRole('link', { name: '欧阳明远' }).click();

    await page.getByRole('heading', { name: /欧阳明远/ }).waitFor();
    expect(await page.getByText('石桥村党支部', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '变更状态' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('变更状态：欧阳明远').waitFor();
    await choose(page, dialog, '变更原因', '调离本行政区域（停止执行职务）');
    await dialog.getByLabel('决定机关').fill('中共青山镇委员会');
    await dialog.getByLabel('备注').fill('调任县直单位工作');
    await screenshot(page, '06-status-modal');
    await dialog.getByRole('button', { name: '确认变更' }).click();
    await page.getByText('状态已变更').waitFor();
    await page.getByText('原因：调离本行政区域').waitFor();
    expect(await page.getByRole('heading', { name: /欧阳明远/ }).getByText('停止执行职务').isVisible()).toBe(true);
    await screenshot(page, '07-delegate-suspended');

    // The audit log shows who did it, with the before and after.
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    const entry = page.getByRole('row').filter({ hasText: '代表状态变更' }).first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('qs-admin');
    await entry.getByRole('button', { name: /展开行/ }).click();
    const diff = page.locator('.ant-table-expanded-row').first();
    await diff.getByText('调离本行政区域').first().waitFor();
    expect(await diff.getByText('停止执行职务').isVisible()).toBe(true);
    expect(await diff.getByText('中共青山镇委员会').isVisible()).toBe(true);
    await screenshot(page, '08-audit');

    expect(problems.errors).toEqual([]);
    await context.close();
  });
});

describe('党代表的手机页面', () => {
  test('a delegate signs in on a phone-sized page and sees their own name and group', async () => {
    // The expectation comes from the roster as the township officer sees it.
    const officer = await apiSession(server.url, 'qs-admin', PASSWORD);
    const me = await officer.get<{ townshipId: string }>('/api/auth/me');
    const accounts = await officer.get<{ items: { username: string; delegateId: string | null; disabled: boolean }[] }>(
      `/api/townships/${me.townshipId}/accounts`,
    );
    const roster = await officer.get<{ items: { id: string; name: string; status: string; groups: { name: string; kind: string }[] }[] }>(
      `/api/townships/${me.townshipId}/delegates?status=active&pageSize=100`,
    );
    const delegate = roster.items.find((d) => d.groups.some((g) => g.kind === 'region'))!;
    const account = accounts.items.find((a) => a.delegateId === delegate.id && !a.disabled)!;
    const group = delegate.groups.find((g) => g.kind === 'region')!;
    expect(account).toBeTruthy();

    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const { page, problems } = await openPage(context, { accessibility: true });
    await page.goto(`${server.url}/m`);
    await page.getByText('乡镇党代会年会制工作平台 · 党代表').waitFor();
    expect(page.url()).toContain('/m/login');
    await screenshot(page, '10-phone-login', false);
    await signIn(page, account.username);

    await page.getByRole('heading', { name: delegate.name }).waitFor();
    expect(await page.getByText('青山镇 · 第15届党代表大会代表').isVisible()).toBe(true);
    expect(await page.getByText(group.name).first().isVisible()).toBe(true);
    await screenshot(page, '11-phone-me', false);

    await page.getByText('小组', { exact: true }).click();
    await page.getByRole('heading', { name: '我的小组' }).waitFor();
    expect(await page.getByText(new RegExp(`^${group.name}（`)).isVisible()).toBe(true);
    expect(await page.locator('.adm-list-item').filter({ hasText: delegate.name }).filter({ hasText: '我' }).count()).toBe(1);
    await screenshot(page, '12-phone-group', false);

    // Nothing on the page is wider than the phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
