import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

const OTHER_ID = '00000000-0000-4000-8000-000000000001';

/** Fills every path parameter: the township with `townshipId`, any other with a random id. */
function fill(url: string, townshipId: string) {
  return url.replace(/:townshipId/g, townshipId).replace(/:[A-Za-z]+/g, OTHER_ID).replace(/\*$/, 'x');
}

describe(`access matrix over every township route (${backendName()})`, () => {
  let w: TestWorld;
  let routes: { method: string; url: string }[];
  let outsider: ApiClient;
  let county: ApiClient;
  beforeAll(async () => {
    w = await createTestWorld();
    routes = w.app.apiRoutes.filter((r) => r.url.includes(':townshipId'));
    outsider = await w.as('townshipAdmin', 'b');
    county = await w.as('countyAdmin');
  });
  afterAll(() => w.close());

  it('finds the township routes to check', () => {
    expect(routes.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 401 to an anonymous caller on every township route', async () => {
    const anon = w.anonymous();
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await anon.request(r.method as never, fill(r.url, w.townships.a.id), r.method === 'GET' ? undefined : {});
      if (res.status !== 401 && res.status !== 400) wrong.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("never lets another township's administrator read or change township A", async () => {
    const leaks: string[] = [];
    for (const r of routes) {
      const res = await outsider.request(r.method as never, fill(r.url, w.townships.a.id), r.method === 'GET' ? undefined : {});
      const ok = r.method === 'GET' ? res.status === 404 : res.status === 404 || res.status === 400 || res.status === 415;
      if (!ok) leaks.push(`${r.method} ${r.url} → ${res.status}`);
    }
    expect(leaks).toEqual([]);
  });

  it("lets the county administrator reach its own townships' lists", async () => {
    const lists = routes.filter((r) => r.method === 'GET' && !/:(?!townshipId)\w+/.test(r.url));
    const refused: string[] = [];
    for (const r of lists) {
      const res = await county.get(fill(r.url, w.townships.a.id));
      if (res.status === 404 || res.status >= 500) refused.push(`${r.url} → ${res.status}`);
    }
    expect(refused).toEqual([]);
  });
});
