import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { smsIdle } from '../../src/server/modules/notices/outbox.js';

import { addDelegates } from './meeting-fixtures.js';
import { insertPoll, openedMeeting, resolutionBody } from './resolution-fixtures.js';

describe(`resolutions under simultaneous requests (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let api: string;
  let meetingId: string;

  beforeAll(async () => {
    w = await createTestWorld();
    w.ctx.sms.adapter = { name: 'silent', send: async () => undefined };
    admin = await w.as('townshipAdmin');
    api = `/api/townships/${w.townships.a.id}`;
    await addDelegates(w, 'a', 6);
    meetingId = (await openedMeeting(admin, w.townships.a.id)).id;
  });
  afterAll(async () => {
    await smsIdle(w.ctx);
    await w.close();
  });

  it('gives twelve drafts made at once twelve different numbers', async () => {
    const res = await Promise.all(Array.from({ length: 12 }, (_, i) => admin.post(`${api}/meetings/${meetingId}/resolutions`, resolutionBody(`决议${i}`))));
    expect(res.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(res.map((r) => r.body.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('adopts only one of two resolutions raced onto the same poll', async () => {
    const list = (await admin.get(`${api}/meetings/${meetingId}/resolutions`)).body.items;
    const poll = await insertPoll(w, 'a', { meetingId, yes: 6, present: 6 });
    const res = await Promise.all([list[0].id, list[1].id].map((id: string) => admin.post(`${api}/resolutions/${id}/adopt`, { pollId: poll.id })));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.error.message).toMatch(/^该表决已用于第[12]号决议/);
    const after = (await admin.get(`${api}/meetings/${meetingId}/resolutions`)).body.items;
    expect(after.filter((r: any) => r.status === 'adopted')).toHaveLength(1);
  });
});
