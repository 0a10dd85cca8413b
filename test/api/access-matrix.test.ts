import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRoute } from '../../src/server/app.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { validBody } from '../support/valid-body.js';

const OTHER_ID = '00000000-0000-4000-8000-000000000001';

/** Fills every path parameter: the township with `townshipId`, any other with a random id. */
function fill(url: string, townshipId: string) {
  return url.replace(/:townshipId/g, townshipId).replace(/:[A-Za-z]+/g, OTHER_ID).replace(/\*$/, 'x');
}

/** Bodies for the schemas whose rules a generated body cannot meet (dates in order, one of two). */
const FIXTURES: Record<string, unknown> = {
  'POST /api/townships/:townshipId/terms': { number: 13, startsOn: '2026-09-01', endsOn: '2031-08-31' },
  'PUT /api/townships/:townshipId/terms/:termId': { number: 13, startsOn: '2026-09-01', endsOn: '2031-08-31' },
  'POST /api/townships/:townshipId/meetings/:meetingId/checkins': { delegateId: OTHER_ID },
  'POST /api/townships/:townshipId/resolutions/:resolutionId/adopt': { pollId: OTHER_ID },
  'POST /api/townships/:townshipId/resolutions/:resolutionId/reject': { pollId: OTHER_ID },
};

/** Routes that take a file: a real multipart upload instead of JSON. */
const UPLOADS = new Set([
  'POST /api/townships/:townshipId/roster/import/preview',
  'POST /api/townships/:townshipId/roster/import',
  'PUT /api/townships/:townshipId/briefings/:briefingId/file',
]);
const BOUNDARY = 'nianhui-access-matrix';
const upload = {
  payload: [`--${BOUNDARY}`, 'Content-Disposition: form-data; name="file"; filename="名册.xlsx"', 'Content-Type: application/octet-stream', '', 'PK', `--${BOUNDARY}--`, ''].join('\r\n'),
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe(`access matrix over every township route (${backendName()})`, () => {
  let w: TestWorld;
  let routes: ApiRoute[];
  let writes: ApiRoute[];
  let outsider: ApiClient;
  let county: ApiClient;
  beforeAll(async () => {
    w = await createTestWorld();
    routes = w.app.apiRoutes.filter((r) => r.url.includes(':townshipId'));
    writes = routes.filter((r) => r.method !== 'GET');
    outsider = await w.as('townshipAdmin', 'b');
    county = await w.as('countyAdmin');
  });
  afterAll(() => w.close());

  /** Sends a write as `client`: a valid body (or upload), or `{}` when `valid` is false. */
  function send(client: ApiClient, r: ApiRoute, valid: boolean) {
    const url = fill(r.url, w.townships.a.id);
    if (UPLOADS.has(key(r)) && valid) return client.request(r.method as never, url, undefined, upload);
    if (!valid) return client.request(r.method as never, url, {});
    return client.request(r.method as never, url, r.body ? validBody(r.body, FIXTURES[key(r)]) : undefined);
  }

  it('checks every township operation of the OpenAPI document, no more and no fewer', async () => {
    const doc = (await county.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/townships/{townshipId}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.length).toBe(routes.length);
    expect(documented.sort()).toEqual(routes.map(key).sort());
    expect(routes.length).toBeGreaterThan(80);
  });

  it('has a body its schema accepts for every write route that takes one', () => {
    const missing = writes.filter((r) => r.body && validBody(r.body, FIXTURES[key(r)]) === undefined).map(key);
    expect(missing).toEqual([]);
  });

  it('answers 401, before any validation, to an anonymous caller on every township route', async () => {
    const anon = w.anonymous();
    const wrong: string[] = [];
    for (const r of routes) {
      const res = r.method === 'GET' ? await anon.get(fill(r.url, w.townships.a.id)) : await send(anon, r, false);
      if (res.status !== 401) wrong.push(`${key(r)} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers another township's administrator 404 on every route of township A, whatever the body", async () => {
    const leaks: string[] = [];
    for (const r of routes.filter((r) => r.method === 'GET')) {
      const res = await outsider.get(fill(r.url, w.townships.a.id));
      if (res.status !== 404) leaks.push(`${key(r)} → ${res.status}`);
    }
    for (const r of writes) {
      for (const valid of [true, false]) {
        const res = await send(outsider, r, valid);
        if (res.status !== 404) leaks.push(`${key(r)} (${valid ? 'valid body' : 'empty body'}) → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers 404 for a township that does not exist, exactly as for one out of reach', async () => {
    const write = writes.find((r) => r.url === '/api/townships/:townshipId/groups')!;
    const res = await county.request('POST', fill(write.url, OTHER_ID), validBody(write.body));
    const outOfReach = await outsider.request('POST', fill(write.url, w.townships.a.id), validBody(write.body));
    expect(res.status).toBe(404);
    expect(res.body).toEqual(outOfReach.body);
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
