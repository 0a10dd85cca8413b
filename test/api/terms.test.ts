import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';

describe(`terms (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  it('keeps exactly one current term when a new one becomes current', async () => {
    const c = await w.as('townshipAdmin');
    const url = `/api/townships/${w.townships.a.id}/terms`;
    const res = await c.post(url, { number: 13, startsOn: '2026-09-01', endsOn: '2031-08-31', isCurrent: true });
    expect(res.status).toBe(201);
    const list = (await c.get(url)).body.items;
    expect(list.filter((t: any) => t.isCurrent).map((t: any) => t.number)).toEqual([13]);
  });

  it('refuses an overlapping term and a wrong date order in Chinese', async () => {
    const c = await w.as('townshipAdmin');
    const url = `/api/townships/${w.townships.a.id}/terms`;
    const overlap = await c.post(url, { number: 14, startsOn: '2030-01-01', endsOn: '2035-01-01' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toMatch(/重叠/);
    const order = await c.post(url, { number: 15, startsOn: '2040-01-01', endsOn: '2039-01-01' });
    expect(order.status).toBe(400);
    expect(order.body.error.message).toMatch(/结束日期须晚于开始日期/);
    const types = await c.post(url, { number: 'x', startsOn: 1 });
    expect(types.status).toBe(400);
  });

  it.each([
    ['townshipAdmin of another township', 'townshipAdmin', 'b', 404],
    ['delegate', 'delegate', 'a', 403],
  ] as const)('refuses a %s', async (_l, role, where, status) => {
    const c = await w.as(role, where);
    const res = await c.post(`/api/townships/${w.townships.a.id}/terms`, { number: 20, startsOn: '2050-01-01', endsOn: '2055-01-01' });
    expect(res.status).toBe(status);
  });

  it('hides another township: 404, not 403', async () => {
    const c = await w.as('townshipAdmin', 'b');
    const res = await c.get(`/api/townships/${w.townships.a.id}/terms`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('乡镇不存在或无权访问');
  });

  it('lets only one of several overlapping terms created at the same moment through', async () => {
    const c = await w.as('townshipAdmin', 'b');
    const url = `/api/townships/${w.townships.b.id}/terms`;
    const numbers = [9, 10, 11, 12, 13, 14];
    const results = await Promise.all(numbers.map((n) => c.post(url, { number: n, startsOn: `${2020 + n}-10-01`, endsOn: '2040-09-30', isCurrent: true })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = numbers[results.findIndex((r) => r.status === 201)];
    const list = (await c.get(url)).body.items;
    expect(list.map((t: any) => t.number).sort((p: number, q: number) => p - q)).toEqual([8, winner]);
    expect(list.filter((t: any) => t.isCurrent).map((t: any) => t.number)).toEqual([winner]);
  });
});
