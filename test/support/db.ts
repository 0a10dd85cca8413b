import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { anchorAuditLog } from '../../src/server/audit/anchor.js';
import { MemoryCheckpointStore } from '../../src/server/audit/checkpoint.js';
import { useAuditKey } from '../../src/server/audit/keys.js';

/** One server key per test process, as in a server: every test database's audit chain uses it. */
export const TEST_SERVER_KEY = crypto.randomBytes(16);
useAuditKey(TEST_SERVER_KEY);

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again by `close`). Its audit chain
 * is anchored in memory.
 */
export async function openTestDatabase(): Promise<Database> {
  const database = await openBareTestDatabase();
  anchorAuditLog(database, new MemoryCheckpointStore());
  return database;
}

async function openBareTestDatabase(): Promise<Database> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return openDatabase({});
  const name = `nh_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 10 });
  const close = database.close;
  database.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return database;
}

export const backendName = () => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
