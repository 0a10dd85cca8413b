import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { createTestWorld, PASSWORD, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { registerErrorHandling } from '../../src/server/http/errors.js';

describe(`control characters and client errors (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  it('refuses a NUL in the user name at login with a Chinese message, not 500', async () => {
    const res = await w.anonymous().login('county\u0000', PASSWORD);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('控制字符');
  });

  it('keeps line breaks in multi-line text but refuses other control characters there', async () => {
    const { MultilineText, Text } = await import('../../src/domain/schemas/text.js');
    expect(MultilineText().safeParse('第一行\n第二行\t完').success).toBe(true);
    expect(MultilineText().safeParse('响铃\u0007').success).toBe(false);
    expect(Text().safeParse('一行\n两行').success).toBe(false);
    expect(Text().safeParse('\u009b').success).toBe(false);
  });
});

describe('the error handler', () => {
  function appWithLog() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ logger: { level: 'info', stream } });
    registerErrorHandling(app);
    return { app, lines };
  }

  it('answers a PostgreSQL data exception caused by client data with 400, not 500', async () => {
    const { app } = appWithLog();
    for (const code of ['22021', '22001', '22003', '22P02']) {
      app.post(`/pg/${code}`, async () => {
        throw Object.assign(new Error('Failed query: insert ...'), { cause: Object.assign(new Error('invalid byte sequence'), { code }) });
      });
    }
    for (const code of ['22021', '22001', '22003', '22P02']) {
      const res = await app.inject({ method: 'POST', url: `/pg/${code}`, payload: { name: 'x' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('writes no stack trace and no request value to the log for a client error', async () => {
    const { app, lines } = appWithLog();
    app.post('/fail', async () => {
      throw Object.assign(new Error('Failed query: insert into x values ($1) params: secret-value-42'), { cause: { code: '22021' } });
    });
    const res = await app.inject({ method: 'POST', url: '/fail', payload: { name: 'secret-value-42' } });
    expect(res.statusCode).toBe(400);
    const log = lines.join('');
    expect(log).not.toContain('secret-value-42');
    expect(log).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
