import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Hex SM4 key (32 hex chars) from the environment; otherwise a key file is used. */
  keyHex: string | undefined;
  keyFile: string;
  sessionIdleMinutes: number;
  loadDemo: boolean;
  logLevel: string;
  /** Limits on the unauthenticated public endpoints (observer applications), per client address. */
  rateLimit: { publicMax: number; publicWindow: string };
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
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    loadDemo: env.NIANHUI_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimit: { publicMax: Number(env.PUBLIC_RATE_LIMIT ?? 20), publicWindow: env.PUBLIC_RATE_WINDOW ?? '1 minute' },
  };
}
