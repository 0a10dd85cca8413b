import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from '../../src/server/http/web.js';

// A built web directory as the precompressing build leaves it.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-web-'));
const script = 'console.log("年会");'.repeat(200);
const app = Fastify();

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'assets'));
  for (const page of ['index.html', 'delegate.html']) fs.writeFileSync(path.join(root, page), `<!doctype html><title>${page}</title>`);
  const js = path.join(root, 'assets', 'delegate-abc123.js');
  fs.writeFileSync(js, script);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(script));
  await registerWeb(app, root);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('web bundle serving', () => {
  it('sends a hashed asset brotli-compressed and cacheable for a year', async () => {
    const res = await app.inject({ url: '/assets/delegate-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, and to the plain file for a client that takes neither', async () => {
    const gz = await app.inject({ url: '/assets/delegate-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/delegate-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('makes the browser revalidate the entry pages, so a new build is picked up', async () => {
    for (const url of ['/', '/index.html', '/m', '/m/meetings/5']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject({ url: '/m/meetings/5' })).body).toContain('delegate.html');
  });
});
