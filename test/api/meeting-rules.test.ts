import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { auditLog } from '../../src/server/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { DEFAULT_RULES } from '../../src/domain/meeting/rules.js';
import { createMeeting } from './meeting-fixtures.js';

describe(`meeting rules settings (${backendName()})`, () => {
  let w: TestWorld;
  let url: string;
  beforeAll(async () => {
    w = await createTestWorld();
    url = `/api/townships/${w.townships.a.id}/settings/meeting-rules`;
  });
  afterAll(() => w.close());

  it('starts from the defaults of DOMAIN.md', async () => {
    const res = await (await w.as('committeeMember')).get(url);
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(true);
    expect(res.body.rules).toEqual(DEFAULT_RULES);
  });

  it('lets the township administrator change them, recorded with before and after', async () => {
    const admin = await w.as('townshipAdmin');
    const rules = { ...DEFAULT_RULES, meetingQuorum: { numerator: 4, denominator: 5, comparison: 'atLeast' }, noticePeriod: { days: 15, unit: 'calendarDays' } };
    const res = await admin.put(url, rules);
    expect(res.status).toBe(200);
    expect((await admin.get(url)).body).toMatchObject({ isDefault: false, rules });
    const entries = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.update'));
    const e = entries.find((x) => x.entityId === 'meetingRules');
    expect((e!.before as any).meetingQuorum).toEqual(DEFAULT_RULES.meetingQuorum);
    expect((e!.after as any).meetingQuorum).toEqual({ numerator: 4, denominator: 5, comparison: 'atLeast' });
  });

  it('refuses impossible rules in Chinese and changes nothing', async () => {
    const admin = await w.as('townshipAdmin');
    const before = (await admin.get(url)).body.rules;
    const res = await admin.put(url, { ...before, electionQuorum: { numerator: 6, denominator: 5, comparison: 'moreThan' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('比例不能大于 1');
    expect((await admin.get(url)).body.rules).toEqual(before);
  });

  it.each([
    ['a committee member', 'committeeMember', 'a', 403],
    ['a delegate', 'delegate', 'a', 403],
    ['another township', 'townshipAdmin', 'b', 404],
  ] as const)('refuses a change by %s', async (_l, role, where, status) => {
    const res = await (await w.as(role, where)).put(url, DEFAULT_RULES);
    expect(res.status).toBe(status);
  });

  it('a meeting keeps the rules it was created with when the settings change later', async () => {
    const admin = await w.as('townshipAdmin');
    await admin.put(url, { ...DEFAULT_RULES, topicCosignMinimum: 7 });
    const m = await createMeeting(admin, w.townships.a.id);
    expect(m.rules.topicCosignMinimum).toBe(7);
    await admin.put(url, { ...DEFAULT_RULES, topicCosignMinimum: 12, passRule: { ...DEFAULT_RULES.passRule, basis: 'due' } });
    const again = await admin.get(`/api/townships/${w.townships.a.id}/meetings/${m.id}`);
    expect(again.body.rules.topicCosignMinimum).toBe(7);
    expect(again.body.rules.passRule.basis).toBe('present');
    const next = await createMeeting(admin, w.townships.a.id);
    expect(next.rules.topicCosignMinimum).toBe(12);
  });
});
