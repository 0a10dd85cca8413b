import type { Config } from './config.js';
import { processState, type AppContext } from './context.js';
import { openDatabase } from './db/client.js';
import { EventHub } from './realtime/hub.js';
import { refreshStrokeSortKeys } from './modules/roster/sort-keys.js';
import { createFieldCipher, loadKey } from './security/crypto.js';
import { FileCheckpointStore } from './audit/checkpoint.js';
import { useAuditKey } from './audit/keys.js';
import { anchorOnOpen } from './audit/rebuild.js';

/**
 * Opens the database named by the config (PGlite in DATA_DIR, or DATABASE_URL) and the key, and
 * anchors the audit chain in the checkpoint file.
 */
export async function openContext(config: Config, opts: { migrate?: boolean } = {}): Promise<AppContext> {
  const key = loadKey(config.keyHex, config.keyFile);
  useAuditKey(key);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, migrate: opts.migrate });
  try {
    await anchorOnOpen(database, new FileCheckpointStore(config.auditCheckpointFile));
    if (opts.migrate !== false) await refreshStrokeSortKeys(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { config, database, cipher: createFieldCipher(key), hub: new EventHub(), ...processState() };
}

export function describeDatabase(config: Config): string {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `内嵌 PGlite（${config.dataDir}）`;
}
