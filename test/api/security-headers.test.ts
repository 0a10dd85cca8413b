import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { buildApp } from '../../src/server/app.js';

describe(`security headers and request logs (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  it('sends a CSP without inline script, nosniff, no referrer and no framing', async () => {
    const res = await w.anonymous().get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('forbids caching of API answers with personal data', async () => {
    const c = await w.as('townshipAdmin');
    expect((await c.get('/api/auth/me')).headers['cache-control']).toBe('no-store');
    expect((await c.get(`/api/townships/${w.townships.a.id}/delegates`)).headers['cache-control']).toBe('no-store');
  });

  it('never writes the hall-screen token to the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(w.ctx, { logger: { level: 'info', stream } });
    await app.inject({ method: 'GET', url: '/api/screen/00000000-0000-4000-8000-000000000001/state?token=SECRETSCREENTOKEN' });
    await app.inject({ method: 'GET', url: '/screen?m=1&token=SECRETSCREENTOKEN' });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/api/screen/00000000-0000-4000-8000-000000000001/state');
    expect(log).not.toContain('SECRETSCREENTOKEN');
  });
});
