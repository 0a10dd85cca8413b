import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/login']);

const PAYLOADS: { label: string; payload: string; type: string }[] = [
  { label: 'malformed JSON', payload: '{"name": "张三",', type: 'application/json' },
  { label: 'wrong types', payload: JSON.stringify({ name: 42, number: 'x', startsOn: [], ids: 'a', delegateId: 1 }), type: 'application/json' },
  { label: 'an array', payload: JSON.stringify([1, 2, 3]), type: 'application/json' },
  { label: 'deeply nested', payload: '['.repeat(2000) + ']'.repeat(2000), type: 'application/json' },
  { label: 'text/plain', payload: 'hello', type: 'text/plain' },
  { label: 'a bogus multipart', payload: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', type: 'multipart/form-data; boundary=x' },
];

const PARAMS = ['abc', "1' or '1'='1", '%00', '00000000-0000-0000-0000-000000000000', '9'.repeat(400)];

describe(`no request answers 500 (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
  });
  afterAll(() => w.close());

  it('answers bad bodies with a 4xx and a Chinese message on every route', async () => {
    const failures: string[] = [];
    for (const r of w.app.apiRoutes) {
      if (r.method === 'GET' || SKIP.has(`${r.method} ${r.url}`)) continue;
      const url = r.url.replace(/:townshipId/g, w.townships.a.id).replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000001');
      for (const p of PAYLOADS) {
        const res = await admin.request(r.method as never, url, undefined, { payload: p.payload, headers: { 'content-type': p.type } });
        const msg = res.body?.error?.message ?? '';
        if (res.status >= 500 || res.status < 400 || !/[\u4e00-\u9fa5]/.test(msg)) failures.push(`${r.method} ${r.url} ${p.label} → ${res.status} ${msg}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed path parameters and query strings with a 4xx', async () => {
    const failures: string[] = [];
    for (const r of w.app.apiRoutes) {
      if (r.method !== 'GET' || !r.url.includes(':')) continue;
      for (const v of PARAMS) {
        const url = r.url.replace(/:townshipId/g, r.url.match(/:\w+/g)!.length > 1 ? w.townships.a.id : encodeURIComponent(v)).replace(/:[A-Za-z]+/g, encodeURIComponent(v));
        const res = await admin.get(`${url}?page=-1&pageSize=abc&from=notadate&status=nonsense`);
        if (res.status >= 500) failures.push(`${r.url} ${v} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
