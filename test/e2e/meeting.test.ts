import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { launchBrowser, openPage, screenshot, type PageProblems } from './support/browser.js';

const PASSWORD = 'Demo@2026';
const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' } as const;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: { name: string; page: Page }[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function newContext(opts: Parameters<Browser['newContext']>[0]) {
  const c = await browser.newContext(opts);
  contexts.push(c);
  return c;
}

async function track(name: string, ctx: BrowserContext) {
  const opened = await openPage(ctx);
  pages.push({ name, page: opened.page });
  return opened;
}

/** What every page showed when a step failed, to see why. */
async function shootAll() {
  for (const { name, page } of pages) await screenshot(page, `meeting-failed-${name}`).catch(() => undefined);
}

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * A delegate's own API session from the test process (for the delegates beyond the three
 * phones who make up the quorum and the majority). Sign-in is limited to 30 a minute from one
 * address: when the server says so, wait the time it names and sign in then.
 */
async function delegateSession(username: string) {
  for (;;) {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status === 429) {
      const wait = Number(res.headers.get('retry-after') ?? '10');
      await new Promise((r) => setTimeout(r, (wait + 1) * 1000));
      continue;
    }
    if (!res.ok) return null;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return {
      get: (url: string) => fetch(`${server.url}${url}`, { headers: { cookie } }),
      post: (url: string, body: unknown) =>
        fetch(`${server.url}${url}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    };
  }
}

/** A JSON request through the administrator's page, with its session cookie and CSRF token. */
function pageApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, url, body },
  ) as Promise<T>;
}

/** Waits for what a user would wait for; this machine is slow, so allow up to 30 s. */
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });

const noProblems = (p: PageProblems) => expect(p.errors).toEqual([]);

interface AttendanceAnswer {
  due: number;
  present: number;
  quorum: { meeting: { reached: boolean; required: number } };
  rows: { delegateId: string; name: string; status: string }[];
}

describe('年会：从建会到通过决议', () => {
  test('管理员建会、发通知、开幕、签到，三名代表在手机上无记名投票，大屏显示结果，决议通过', async () => {
    try {
      await runMeeting();
    } catch (e) {
      await shootAll();
      throw e;
    }
  }, 420_000);
});

async function runMeeting() {
  // ── the administrator creates the meeting ─────────────────────────────────────────────
  const adminCtx = await newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const { page: admin, problems: adminProblems } = await track('admin', adminCtx);
  await admin.goto(`${server.url}/login`);
  await signIn(admin, 'qs-admin');
  await admin.getByRole('menuitem', { name: '年会' }).click();
  await admin.getByRole('button', { name: /新建会议/ }).click();
  const dialog = admin.getByRole('dialog', { name: '新建会议' });
  await eventually(() => dialog.getByTestId('meeting-name-preview').textContent()).toBe('中国共产党青山镇第十五届代表大会第一次会议');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await dialog.getByPlaceholder('选择日期').fill(today);
  await dialog.getByPlaceholder('选择日期').press('Enter');
  await dialog.getByPlaceholder('如：镇政府三楼会议室').fill('青山镇人民政府三楼大会议室');
  await dialog.getByRole('button', { name: '建立会议' }).click();
  await admin.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  const [, tid, mid] = /\/t\/([^/]+)\/meetings\/([^/]+)/.exec(admin.url())!;
  await eventually(() => admin.getByTestId('meeting-title').textContent()).toBe('中国共产党青山镇第十五届代表大会第一次会议');

  // ── notice (today's meeting: later than the notice period, so with a reason) ─────────
  await admin.getByRole('button', { name: /发出通知/ }).click();
  const late = admin.getByRole('dialog', { name: '逾期发出会议通知' });
  await late.getByRole('textbox').fill('会议时间临时调整，经党委会议研究提前召开');
  await late.getByRole('button', { name: '注明原因并发出' }).click();
  await eventually(() => admin.getByText('已发通知', { exact: true }).first().isVisible()).toBe(true);

  // ── open ──────────────────────────────────────────────────────────────────────────────
  await admin.getByRole('button', { name: /^开\s*幕$/ }).click();
  await admin.getByRole('button', { name: /^确\s*定$/ }).click();
  await eventually(() => admin.getByText('进行中', { exact: true }).first().isVisible()).toBe(true);

  // ── three delegates on their phones: the meeting card and their check-in codes ───────
  const phones: { page: Page; problems: PageProblems; token: string }[] = [];
  for (const username of ['qs-d001', 'qs-d002', 'qs-d003']) {
    const ctx = await newContext(PHONE);
    const { page, problems } = await track(username, ctx);
    await page.goto(`${server.url}/m/login`);
    await signIn(page, username);
    await page.waitForURL(/\/m\/?$/);
    await page.getByText('会议', { exact: true }).click();
    await eventually(() => page.getByTestId('meeting-card').textContent()).toContain('第十五届代表大会第一次会议');
    await page.getByTestId('show-checkin').click();
    await page.getByTestId('checkin-qr').locator('svg').waitFor();
    const token = (await page.getByTestId('checkin-token').textContent())!.trim();
    phones.push({ page, problems, token });
  }
  await screenshot(phones[0]!.page, 'meeting-phone-checkin');

  // ── check-in at the door: the scanner types each code into the console and presses Enter
  await admin.getByRole('tab', { name: '会场' }).click();
  const codeInput = admin.getByTestId('checkin-code');
  for (const p of phones) {
    await codeInput.fill(p.token);
    await codeInput.press('Enter');
    await eventually(() => admin.getByTestId('checkin-result').textContent()).toMatch(/签到成功/);
  }
  for (const p of phones) await eventually(() => p.page.getByText('已签到').isVisible()).toBe(true);

  // One more by hand from the searchable list.
  let att = await pageApi<AttendanceAnswer>(admin, 'GET', `/api/townships/${tid}/meetings/${mid}/attendance`);
  const byHand = att.rows.find((r) => r.status === 'absent')!;
  await admin.getByLabel('查找代表').fill(byHand.name);
  await admin.getByRole('button', { name: `为${byHand.name}签到` }).click();
  await eventually(() => admin.getByTestId('console-present').textContent()).toContain('4');

  // The rest of those in the hall, checked in through the administrator's session until the quorum holds.
  const rest = att.rows.filter((r) => r.status === 'absent' && r.delegateId !== byHand.delegateId);
  const needed = att.quorum.meeting.required - 4;
  for (const r of rest.slice(0, needed)) await pageApi(admin, 'POST', `/api/townships/${tid}/meetings/${mid}/checkins`, { delegateId: r.delegateId });
  att = await pageApi<AttendanceAnswer>(admin, 'GET', `/api/townships/${tid}/meetings/${mid}/attendance`);
  expect(att.quorum.meeting.reached).toBe(true);
  await eventually(() => admin.getByTestId('quorum-meeting').textContent()).toContain('符合法定人数');

  // ── the hall screen ───────────────────────────────────────────────────────────────────
  const link = await pageApi<{ url: string }>(admin, 'GET', `/api/townships/${tid}/meetings/${mid}/screen-link`);
  const screenCtx = await newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const { page: screen, problems: screenProblems } = await track('screen', screenCtx);
  await screen.goto(`${server.url}${link.url}`);
  await eventually(() => screen.getByTestId('screen-meeting-name').textContent()).toBe('中国共产党青山镇第十五届代表大会第一次会议');
  await eventually(() => screen.getByTestId('screen-present').textContent()).toContain(String(att.present));
  await eventually(() => screen.getByTestId('screen-quorum').textContent()).toContain('符合');

  // ── the agenda (from the standard template) and its current item, followed by the screen
  await admin.getByRole('tab', { name: '议程' }).click();
  await admin.getByRole('button', { name: /套用模板/ }).click();
  const templates = admin.getByRole('dialog', { name: '按模板生成议程' });
  await templates.getByText(/乡镇年会标准程序/).click();
  await templates.getByRole('button', { name: '生成议程' }).click();
  await eventually(() => admin.getByRole('row', { name: /闭幕大会：表决通过大会决议/ }).count()).toBe(1);
  await admin.getByRole('tab', { name: '会场' }).click();
  await admin.getByLabel('当前议程').click();
  await admin.locator('.ant-select-item-option', { hasText: '闭幕大会：表决通过大会决议' }).click();
  await eventually(() => screen.getByTestId('screen-agenda').textContent()).toContain('闭幕大会：表决通过大会决议');

  // ── a secret poll ─────────────────────────────────────────────────────────────────────
  await admin.getByRole('button', { name: /新建表决/ }).click();
  await admin.getByLabel('表决事项').fill('表决通过关于党委工作报告的决议');
  await admin.getByText('无记名投票', { exact: true }).click();
  await admin.getByRole('button', { name: /^建\s*立$/ }).click();
  await admin.getByRole('button', { name: /开始表决/ }).click();
  await eventually(() => admin.getByTestId('poll-progress').textContent()).toContain(`已投 0 / 应投 ${att.present} 人`);

  // The delegates in the hall besides the three phones vote from their own sessions: enough
  // 赞成 for a majority of those present.
  const usernames = Array.from({ length: 97 }, (_, i) => `qs-d${String(i + 4).padStart(3, '0')}`);
  const accounts = await pageApi<{ items: { username: string; delegateId: string | null }[] }>(admin, 'GET', `/api/townships/${tid}/accounts`);
  const present = new Set((await pageApi<AttendanceAnswer>(admin, 'GET', `/api/townships/${tid}/meetings/${mid}/attendance`)).rows.filter((r) => r.status === 'present').map((r) => r.delegateId));
  const phoneIds = new Set(accounts.items.filter((a) => ['qs-d001', 'qs-d002', 'qs-d003'].includes(a.username)).map((a) => a.delegateId));
  const others = accounts.items.filter((a) => usernames.includes(a.username) && a.delegateId && present.has(a.delegateId) && !phoneIds.has(a.delegateId));
  const extraYes = Math.floor(att.present / 2) + 1 - 2;
  const poll = (await pageApi<{ items: { id: string; status: string }[] }>(admin, 'GET', `/api/townships/${tid}/meetings/${mid}/polls`)).items.find((p) => p.status === 'open')!;
  for (const a of others.slice(0, extraYes)) {
    const s = await delegateSession(a.username);
    expect(s, a.username).not.toBeNull();
    // Checked in by hand: refused until the desk scans this phone's code to confirm it.
    expect((await s!.post(`/api/me/polls/${poll.id}/vote`, { choice: 'yes' })).status).toBe(403);
    const { token } = (await (await s!.get(`/api/me/meetings/${mid}/checkin-code`)).json()) as { token: string };
    expect(await pageApi(admin, 'POST', `/api/townships/${tid}/meetings/${mid}/checkins`, { token })).toMatchObject({ phoneConfirmed: true });
    expect((await s!.post(`/api/me/polls/${poll.id}/vote`, { choice: 'yes' })).status).toBe(200);
  }

  // ── three phones: the vote card, the secret-ballot note, confirm, then 已投票 ─────────
  const choices = ['赞成', '赞成', '弃权'];
  for (const [i, p] of phones.entries()) {
    await p.page.getByRole('button', { name: '返回' }).or(p.page.locator('.adm-nav-bar-back')).first().click();
    await p.page.getByTestId('vote-card').waitFor();
    expect(await p.page.getByTestId('vote-note').textContent()).toBe('无记名投票：您的选择不会与您的身份关联');
    if (i === 0) await screenshot(p.page, 'meeting-phone-vote');
    await p.page.getByRole('button', { name: choices[i] }).click();
    await p.page.getByRole('button', { name: '确认投票' }).click();
    await p.page.getByTestId('voted').waitFor();
  }
  await screenshot(phones[2]!.page, 'meeting-phone-voted');
  const votedCount = extraYes + 3;
  await eventually(() => admin.getByTestId('poll-progress').textContent()).toContain(`已投 ${votedCount} / 应投 ${att.present} 人`);
  await eventually(() => screen.getByTestId('screen-progress').textContent()).toContain(`已投 ${votedCount}`);
  await screenshot(screen, 'meeting-screen-voting');
  await screenshot(admin, 'meeting-console-voting');

  // A second ballot from the same phone is refused and changes nothing.
  const again = await phones[0]!.page.evaluate(async (pollId) => {
    const me = await (await fetch('/api/auth/me')).json();
    const r = await fetch(`/api/me/polls/${pollId}/vote`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: '{"choice":"no"}' });
    return { status: r.status, body: await r.json() };
  }, poll.id);
  expect(again.status).toBe(409);
  expect(again.body.error.message).toContain('已经投过票');

  // ── close: the result with every number on the console, the screen and the phones ───
  await admin.getByRole('button', { name: /结束表决/ }).click();
  await admin.getByRole('button', { name: /^确\s*定$/ }).click();
  const yes = extraYes + 2;
  const notVoted = att.present - votedCount;
  await eventually(() => admin.getByTestId('poll-result').textContent()).toContain('通过');
  const resultText = (await admin.getByTestId('poll-result').textContent())!;
  expect(resultText).toContain(`赞成 ${yes}`);
  expect(resultText).toContain('反对 0');
  expect(resultText).toContain('弃权 1');
  expect(resultText).toContain(`未投 ${notVoted}`);
  expect(resultText).not.toContain('未通过');
  await eventually(() => screen.getByTestId('screen-verdict').textContent()).toBe('通过');
  const screenResult = (await screen.getByTestId('screen-result').textContent())!;
  for (const n of [`赞成${yes}`, '反对0', '弃权1', `未投${notVoted}`]) expect(screenResult).toContain(n);
  await screenshot(screen, 'meeting-screen-result');
  await eventually(() => phones[1]!.page.getByText(`赞成 ${yes}，反对 0，弃权 1，未投 ${notVoted}`).isVisible()).toBe(true);

  // ── the resolution, adopted on the poll ───────────────────────────────────────────────
  await admin.getByRole('tab', { name: '决议' }).click();
  await admin.getByRole('button', { name: /起草决议/ }).click();
  const draft = admin.getByRole('dialog', { name: '起草决议' });
  await draft.getByLabel('决议标题').fill('中国共产党青山镇第十五届代表大会第一次会议关于党委工作报告的决议');
  await draft.getByLabel('决议正文').fill('大会同意党委所作的工作报告。大会号召全镇各级党组织和广大党员，扎实做好各项工作。');
  await draft.getByLabel('依据的表决（可选）').click();
  await admin.locator('.ant-select-item-option', { hasText: '表决通过关于党委工作报告的决议（通过' }).click();
  await draft.getByRole('button', { name: '建立并记录表决结果' }).click();
  await eventually(() => admin.getByRole('row', { name: /第1号/ }).textContent()).toContain('已通过');
  const row = (await admin.getByRole('row', { name: /第1号/ }).textContent())!;
  expect(row).toContain(`赞成 ${yes} · 反对 0 · 弃权 1`);
  await screenshot(admin, 'meeting-console-resolution');

  noProblems(adminProblems);
  noProblems(screenProblems);
  for (const p of phones) noProblems(p.problems);
}
