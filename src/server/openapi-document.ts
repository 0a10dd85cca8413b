import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { EventHub } from './realtime/hub.js';
import { processState } from './context.js';
import { createFieldCipher } from './security/crypto.js';

/**
 * The OpenAPI document a running server answers at /api/openapi.json, built without one: the app
 * on an in-memory PGlite with a stand-in web bundle (so the static catch-all is registered too).
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html>');
  const database = await openDatabase({});
  try {
    const ctx = { config: loadConfig({}), database, cipher: createFieldCipher(crypto.randomBytes(16)), hub: new EventHub(), ...processState() };
    const app = await buildApp(ctx, { webRoot });
    await app.ready();
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    await database.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  }
}
