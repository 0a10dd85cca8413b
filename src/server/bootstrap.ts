import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/client.js';
import { EventHub } from './realtime/hub.js';
import { createFieldCipher, loadKey } from './security/crypto.js';

/** Opens the database named by the config (PGlite in DATA_DIR, or DATABASE_URL) and the key. */
export async function openContext(config: Config, opts: { migrate?: boolean } = {}): Promise<AppContext> {
  const cipher = createFieldCipher(loadKey(config.keyHex, config.keyFile));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, migrate: opts.migrate });
  return { config, database, cipher, hub: new EventHub() };
}

export function describeDatabase(config: Config): string {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `内嵌 PGlite（${config.dataDir}）`;
}
