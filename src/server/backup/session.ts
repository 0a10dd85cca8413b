import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/client.js';

export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * Runs `fn` in one transaction on one connection with raw SQL. A read transaction is REPEATABLE
 * READ and read-only, so a backup taken while the server writes is one consistent snapshot; on
 * PGlite the transaction also holds the only connection, so other queries wait for it.
 */
export async function withRawTransaction<T>(database: Database, mode: 'read' | 'write', fn: (q: RawQuery) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    return client.transaction(async (tx) => {
      if (mode === 'read') await tx.query('set transaction isolation level repeatable read, read only');
      return fn(async (text, params) => (await tx.query(text, params)).rows as never);
    });
  }
  const conn = await database.pool!.connect();
  try {
    await conn.query(mode === 'read' ? 'begin isolation level repeatable read read only' : 'begin');
    const result = await fn(async (text, params) => (await conn.query(text, params)).rows);
    await conn.query('commit');
    return result;
  } catch (e) {
    await conn.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    conn.release();
  }
}
