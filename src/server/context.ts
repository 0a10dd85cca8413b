import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { FieldCipher } from './security/crypto.js';
import type { EventHub } from './realtime/hub.js';

/** Everything a service needs, built once by main.ts (or a test) and handed to buildApp. */
export interface AppContext {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  hub: EventHub;
  /** Set by a running server: the local `nianhui` command presents it to ask for a backup. */
  adminToken?: string;
}
