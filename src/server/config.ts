import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Hex SM4 key (32 hex chars) from the environment; otherwise a key file is used. */
  keyHex: string | undefined;
  keyFile: string;
  /** The audit chain's checkpoint (NIANHUI_AUDIT_CHECKPOINT), outside the database, next to the key. */
  auditCheckpointFile: string;
  sessionIdleMinutes: number;
  loadDemo: boolean;
  logLevel: string;
  /** Limits on the unauthenticated public endpoints (observer applications), per client address. */
  rateLimit: { publicMax: number; publicWindow: string };
  /** Rows one roster import may hold (ROSTER_IMPORT_MAX_ROWS); a larger file is refused while it streams. */
  rosterImportMaxRows: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    keyHex: env.NIANHUI_KEY || undefined,
    keyFile: path.resolve(env.NIANHUI_KEY_FILE ?? path.join(dataDir, 'nianhui.key')),
    auditCheckpointFile: path.resolve(env.NIANHUI_AUDIT_CHECKPOINT ?? path.join(dataDir, 'audit-checkpoint.json')),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    loadDemo: env.NIANHUI_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimit: { publicMax: Number(env.PUBLIC_RATE_LIMIT ?? 20), publicWindow: env.PUBLIC_RATE_WINDOW ?? '1 minute' },
    rosterImportMaxRows: positiveInt(env.ROSTER_IMPORT_MAX_ROWS, 200_000),
  };
}

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : fallback;
}
