import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';
import { acquireLock } from './lock.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories take this and never a global. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL for the few places (backup, LISTEN/NOTIFY, bench) that need it. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  pool?: pg.Pool;
  /**
   * LISTENs on a channel on a connection of its own; resolves once listening, with a function
   * that stops. `onLost` is called if that connection breaks (the caller then listens again).
   */
  listen(channel: string, onPayload: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>>;
  lock?: ReturnType<typeof acquireLock>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` (or undefined with no url) for an in-memory database. */
  dataDir?: string;
  migrate?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.url ? await openPostgres(opts.url, opts.poolSize ?? 20) : await openPglite(opts.dataDir);
  if (opts.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (e) {
      await database.close();
      throw e;
    }
  }
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const inMemory = !dataDir || dataDir.startsWith('memory://');
  const lock = inMemory ? undefined : acquireLock(dataDir);
  let client: PGlite;
  try {
    client = inMemory ? new PGlite() : new PGlite(path.join(dataDir, 'pgdata'));
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    lock,
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never;
    },
    // PGlite calls listeners while it reads the reply to the committing statement, so a change
    // is known before the query that made it resolves.
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async listen(channel, onPayload, onLost) {
      const c = await pool.connect();
      let done = false;
      const onNote = (m: pg.Notification) => {
        if (m.channel === channel && m.payload !== undefined) onPayload(m.payload);
      };
      const lose = (e?: Error) => {
        if (done) return;
        done = true;
        c.removeListener('notification', onNote);
        c.release(e ?? true);
        onLost();
      };
      c.on('notification', onNote);
      c.on('error', lose);
      try {
        await c.query(`listen "${channel}"`);
      } catch (e) {
        done = true;
        c.release(true);
        throw e;
      }
      return async () => {
        if (done) return;
        done = true;
        c.removeListener('notification', onNote);
        await c.query(`unlisten "${channel}"`).catch(() => undefined);
        c.release();
      };
    },
    async close() {
      await pool.end();
    },
  };
}

async function runMigrations(database: Database) {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // Two servers starting together must not both migrate: hold an advisory lock meanwhile.
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(7311001)');
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(7311001)').catch(() => undefined);
    client.release();
  }
}
