import os from 'node:os';

/**
 * The whole environment of a process a test starts: only what it needs to run plus what the
 * test names. The caller's shell (DATABASE_URL, DATA_DIR, PORT, a key…) must never choose the
 * database or settings a test talks to, or the same test passes in one shell and fails in another.
 */
export function childEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), NIANHUI_DEMO: '0' };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}
