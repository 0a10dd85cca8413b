import type pg from 'pg';
import type { AppContext } from '../context.js';
import type { HubEvent } from './hub.js';

export const NOTIFY_CHANNEL = 'nianhui_events';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
const MAX_PAYLOAD = 7900;
const RECONNECT_MS = 1000;

export interface PgBridge {
  stop(): Promise<void>;
  /** Resolves once every event published so far has been sent (tests, shutdown). */
  flush(): Promise<void>;
}

/**
 * Bridges the event hub across server processes that share one PostgreSQL database: every
 * publish becomes `NOTIFY nianhui_events`, and one dedicated connection LISTENs and delivers
 * what any process published (its own included) to this process's SSE streams. Notifications
 * are sent one batch at a time so that they arrive in the order they were published. While
 * the listening connection is down, events are delivered locally only.
 */
export async function startPgBridge(ctx: AppContext, log: (msg: string) => void = () => undefined): Promise<PgBridge> {
  const pool = ctx.database.pool;
  if (ctx.database.kind !== 'postgres' || !pool) throw new Error('pg-bridge needs PostgreSQL');
  const hub = ctx.hub;
  let listener: pg.PoolClient | null = null;
  let stopped = false;
  let queue: string[] = [];
  let sending: Promise<void> = Promise.resolve();
  let retry: NodeJS.Timeout | null = null;

  const send = () => {
    sending = sending.then(async () => {
      while (queue.length) {
        const batch = queue.slice(0, 20);
        queue = queue.slice(batch.length);
        const selects = batch.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ');
        await pool.query(`select ${selects}`, [NOTIFY_CHANNEL, ...batch]).catch((e: Error) => log(`事件广播失败：${e.message}`));
      }
    });
  };

  const forward = (e: HubEvent) => {
    const payload = JSON.stringify({ c: e.channel, t: e.type, d: e.data });
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
      // Too large for NOTIFY: this process's watchers still get it; the others see the next event.
      log(`事件 ${e.type} 过大（${Buffer.byteLength(payload)} 字节），只在本进程内送达`);
      hub.deliver(e);
      return;
    }
    queue.push(payload);
    if (queue.length === 1) send();
  };

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== NOTIFY_CHANNEL || !msg.payload) return;
    try {
      const p = JSON.parse(msg.payload) as { c: string; t: string; d: unknown };
      hub.deliver({ channel: p.c, type: p.t, data: p.d });
    } catch {
      log('收到无法解析的事件通知，已忽略');
    }
  };

  const connect = async (): Promise<void> => {
    try {
      const c = await pool.connect();
      c.on('notification', onNotification);
      c.on('error', (e) => {
        log(`事件监听连接中断：${e.message}`);
        drop(c, e);
      });
      await c.query(`listen ${NOTIFY_CHANNEL}`);
      if (stopped) {
        c.release();
        return;
      }
      listener = c;
      hub.setForwarder(forward);
    } catch (e) {
      if (!stopped) {
        log(`无法建立事件监听连接：${(e as Error).message}，${RECONNECT_MS} 毫秒后重试`);
        retry = setTimeout(() => void connect(), RECONNECT_MS);
      }
    }
  };

  const drop = (c: pg.PoolClient, err?: Error) => {
    if (listener !== c) return;
    listener = null;
    hub.setForwarder(null);
    c.removeListener('notification', onNotification);
    c.release(err ?? true);
    if (!stopped) retry = setTimeout(() => void connect(), RECONNECT_MS);
  };

  await connect();

  return {
    flush: async () => {
      await sending;
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      hub.setForwarder(null);
      await sending;
      const c = listener;
      listener = null;
      if (c) {
        c.removeListener('notification', onNotification);
        await c.query(`unlisten ${NOTIFY_CHANNEL}`).catch(() => undefined);
        c.release();
      }
    },
  };
}
