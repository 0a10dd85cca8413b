import type { Database } from '../db/client.js';
import { findSessionWithUser } from '../modules/auth/repository.js';

/** Channel the sessions/users triggers (migration 0011) notify on: `s:<session id>` or `u:<user id>`. */
export const SESSION_CHANNEL = 'nianhui_sessions';
const MAX_ENTRIES = 50_000;
const RECONNECT_MS = 1000;

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export interface SessionCache {
  /** The session and its user, from this process's copy when it is known to be current. */
  lookup(id: string): Promise<SessionRow | undefined>;
  forget(id: string): void;
  /** This process moved the idle deadline: keep the copy in step. */
  touched(id: string, lastSeenAt: Date, expiresAt: Date): void;
  /** Resolves once every change committed before the call has reached this process. */
  sync(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sessions stay in the database (so logout, reset and lock-out end them everywhere), but each
 * process keeps the rows it has read. The copy is used only while this process listens to the
 * change notifications; losing that connection drops the copy until listening again.
 */
export function createSessionCache(database: Database): SessionCache {
  const rows = new Map<string, SessionRow>();
  // Bumped on every notification: a read that raced a change is not kept.
  let epoch = 0;
  let listening = false;
  let stopped = false;
  let unlisten: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | null = null;
  let syncSeq = 0;
  const syncWaiters = new Map<string, () => void>();

  const onPayload = (payload: string) => {
    if (payload.startsWith('sync:')) {
      // A marker of ours, not a change: the copy stays as it is.
      syncWaiters.get(payload)?.();
      syncWaiters.delete(payload);
      return;
    }
    epoch++;
    if (payload.startsWith('s:')) rows.delete(payload.slice(2));
    else if (payload.startsWith('u:')) {
      const userId = payload.slice(2);
      for (const [id, r] of rows) if (r.user.id === userId) rows.delete(id);
    }
  };

  // One marker goes round at a time; every sync() called meanwhile waits for the next one, sent
  // after all of them were called: a burst of 2,000 ballots costs a few markers, not 2,000
  // (each pg_notify commits, and PostgreSQL serialises notifying commits).
  let sent: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  const marker = async () => {
    const key = `sync:${process.pid}:${++syncSeq}`;
    const arrived = new Promise<void>((resolve) => syncWaiters.set(key, resolve));
    // Notifications reach a listener in commit order, so ours comes after every earlier change.
    await database.query('select pg_notify($1, $2)', [SESSION_CHANNEL, key]);
    await arrived;
  };

  const onLost = () => {
    listening = false;
    unlisten = null;
    epoch++;
    rows.clear();
    if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS);
  };

  const connect = async () => {
    try {
      const stop = await database.listen(SESSION_CHANNEL, onPayload, onLost);
      if (stopped) return void (await stop());
      unlisten = stop;
      listening = true;
    } catch {
      if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS);
    }
  };

  return {
    async lookup(id) {
      const hit = listening ? rows.get(id) : undefined;
      if (hit) return hit;
      const seen = epoch;
      const row = await findSessionWithUser(database.db, id);
      if (row && listening && seen === epoch) {
        if (rows.size >= MAX_ENTRIES) rows.delete(rows.keys().next().value!);
        rows.set(id, row);
      }
      return row;
    },
    forget(id) {
      rows.delete(id);
    },
    touched(id, lastSeenAt, expiresAt) {
      const r = rows.get(id);
      if (r) rows.set(id, { user: r.user, session: { ...r.session, lastSeenAt, expiresAt } });
    },
    sync() {
      // PGlite delivers notifications before the committing statement resolves.
      if (!listening || database.kind === 'pglite') return Promise.resolve();
      next ??= sent
        .catch(() => undefined)
        .then(() => {
          next = null;
          return (sent = marker());
        });
      return next;
    },
    start: connect,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      listening = false;
      rows.clear();
      await unlisten?.();
      for (const w of syncWaiters.values()) w();
    },
  };
}
