import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../src/server/db/schema/index.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { createMeeting } from './vote-fixtures.js';
import { SseWatcher } from './vote-sse.js';

describe(`changing the hall-screen link (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  const logged: string[] = [];
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => w.close());

  it('makes the old link stop working at once, cuts off the open screen, and is audited', async () => {
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 2 });
    const path = `/api/townships/${f.townshipId}/meetings/${f.meetingId}/screen-link`;
    const old = (await admin.get(path)).body as { url: string; token: string };
    const screen = new SseWatcher(`${base}/api/screen/${f.meetingId}/stream?token=${old.token}`);
    expect(await screen.open()).toBe(200);
    await screen.waitFor((e) => e.type === 'state');

    const rotated = await admin.post(`${path}/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.token).not.toBe(old.token);
    await screen.waitForEnd();

    const stream = await fetch(`${base}/api/screen/${f.meetingId}/stream?token=${old.token}`);
    expect(stream.status).toBe(404);
    expect((await stream.json()).error.message).toBe('大屏链接已更换或无效，请向会务管理员索取新的链接');
    expect((await fetch(`${base}/api/screen/${f.meetingId}/state?token=${old.token}`)).status).toBe(404);
    expect((await fetch(`${base}/api/screen/${f.meetingId}/state?token=${rotated.body.token}`)).status).toBe(200);
    expect((await admin.get(path)).body.token).toBe(rotated.body.token);

    const entries = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'meeting.screenLinkRotated'));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(rotated.body.token);
    expect(JSON.stringify(entries)).not.toContain(old.token);
  });

  it('lets only the meeting’s own runners change it', async () => {
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 1 });
    const outsider = await w.as('townshipAdmin', 'b');
    expect((await outsider.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/screen-link/rotate`)).status).toBe(404);
    const reviewer = await w.as('reviewer');
    expect((await reviewer.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/screen-link/rotate`)).status).toBe(403);
  });

  it('never writes the token to the request log', async () => {
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 1 });
    const link = (await admin.get(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/screen-link`)).body;
    const { redactUrl } = await import('../../src/server/http/headers.js');
    for (const url of [link.url, `/api/screen/${f.meetingId}/state?token=${link.token}`, `/api/screen/${f.meetingId}/stream?token=${link.token}`]) {
      logged.push(redactUrl(url));
    }
    expect(logged.join('\n')).not.toContain(link.token);
  });
});
