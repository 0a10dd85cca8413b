import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { apiSession, launchBrowser, openPage, screenshot, SCREENSHOTS } from './support/browser.js';
import { DEMO_PASSWORD, signIn } from './support/ui.js';
import { addCalendarDays, isWeekend } from '../../src/domain/calendar/workdays.js';

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

interface StoredYear {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
}

/** The n-th weekday (or weekend day) from 1 October: the test's dates in whatever year is next. */
function nth(year: number, weekend: boolean, n: number): string {
  let day = `${year}-10-01`;
  for (let seen = 0; ; day = addCalendarDays(day, 1)) if (isWeekend(day) === weekend && ++seen === n) return day;
}

describe('工作日历', () => {
  test('an administrator adds the next year (2027), marks a holiday and a make-up day, saves, and finds them after a reload; then imports pasted dates', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const { page, problems } = await openPage(context);
    await page.goto(`${server.url}/login`);
    await signIn(page, 'qs-admin');
    await page.getByRole('heading', { name: '代表名册' }).waitFor();

    const admin = await apiSession(server.url, 'qs-admin', DEMO_PASSWORD);
    const yearOf = async (year: number) => (await admin.get<{ items: StoredYear[] }>('/api/calendar/years')).items.find((y) => y.year === year);
    // The first year without a built-in arrangement: 2027 while chinese-days ends at 2026.
    const builtIn = (await admin.get<{ items: StoredYear[] }>('/api/calendar/years')).items.map((y) => y.year);
    const next = Math.max(new Date().getFullYear(), ...builtIn) + 1;
    const [holiday, holiday2, makeup, makeup2] = [nth(next, false, 1), nth(next, false, 2), nth(next, true, 1), nth(next, true, 2)];

    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    await page.getByText(/尚未录入安排的年份只按周末推算/).waitFor();
    await page.getByText('内置').first().waitFor();

    await page.getByRole('button', { name: '新增年份' }).click();
    await page.getByText(`${next} 年尚未录入节假日安排，涉及该年的期限暂按周末推算，显示为“暂定”。`).waitFor();
    await page.getByRole('button', { name: `${holiday} 工作日` }).click();
    await page.getByRole('button', { name: `${makeup} 周末` }).click();
    await page.getByText('有未保存的修改').waitFor();
    await screenshot(page, '40-calendar-new-year-draft');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(`${next} 年节假日安排已保存`).waitFor();

    await page.reload();
    await page.getByRole('row', { name: new RegExp(String(next)) }).click();
    await page.getByRole('button', { name: `${holiday} 休` }).waitFor();
    await page.getByRole('button', { name: `${makeup} 班` }).waitFor();
    expect(await page.getByText('手工录入').count()).toBeGreaterThan(0);
    expect(await page.getByText(`${next} 年尚未录入节假日安排`).count()).toBe(0);
    await screenshot(page, '41-calendar-new-year-saved');
    expect(await yearOf(next)).toMatchObject({ holidays: [holiday], makeupWorkdays: [makeup], source: 'manual' });

    // Pasted lines: a date of another year stops the import until it is removed.
    await page.getByRole('button', { name: /导\s*入/ }).click();
    const pasted = page.getByLabel('粘贴的日期');
    await pasted.fill(`${holiday}\n${holiday2}\n${next - 1}-10-08\n${makeup2} 班`);
    await page.getByText(`${next - 1}-10-08 不在 ${next} 年内`).waitFor();
    expect(await page.getByRole('button', { name: '导入并保存' }).isDisabled()).toBe(true);
    await pasted.fill(`${holiday}\n${holiday2}\n${makeup2} 班`);
    await page.getByText('读到放假 2 天、调休上班 1 天').waitFor();
    expect(await page.getByRole('button', { name: '导入并保存' }).isEnabled()).toBe(true);
    // The modal's zoom and the button's colour change are still running: show their end state.
    await page.screenshot({ path: path.join(SCREENSHOTS, '42-calendar-import.png'), animations: 'disabled' });
    await page.getByRole('button', { name: '导入并保存' }).click();
    await page.getByText(`${next} 年节假日安排已导入`).waitFor();
    await page.getByRole('button', { name: `${holiday2} 休` }).waitFor();
    // The import replaces the year: the make-up day marked by hand is gone.
    await page.getByRole('button', { name: `${makeup} 周末` }).waitFor();
    expect(await yearOf(next)).toMatchObject({ holidays: [holiday, holiday2], makeupWorkdays: [makeup2] });
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  test('a committee member sees the calendar but cannot change it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const { page, problems } = await openPage(context);
    await page.goto(`${server.url}/login`);
    await signIn(page, 'qs-committee');
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.getByText('内置').first().waitFor();
    const day = page.locator('[aria-label$=" 休"]').first();
    expect(await day.getAttribute('role')).toBe('img');
    expect(await page.locator('button[aria-label$=" 休"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增年份' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
