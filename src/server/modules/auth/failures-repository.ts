import { and, eq, inArray, sql } from 'drizzle-orm';
import { signInFailures } from '../../db/schema/index.js';
import type { Executor, Tx } from '../../db/client.js';
import type { FailureCount } from '../../../domain/accounts/sign-in-limits.js';

/** One counter: the name as typed and where the attempt came from (see db/schema/sign-in.ts). */
export interface CounterKey {
  username: string;
  source: string;
}

const id = (k: CounterKey) => `${k.source}\u0000${k.username}`;
const matches = (keys: CounterKey[]) =>
  sql.join(
    keys.map((k) => sql`(${signInFailures.username} = ${k.username} and ${signInFailures.source} = ${k.source})`),
    sql` or `,
  );

async function select(db: Executor, keys: CounterKey[], forUpdate: boolean) {
  const q = db.select().from(signInFailures).where(matches(keys));
  const rows = forUpdate ? await q.for('update') : await q;
  return new Map(rows.map((r) => [id(r), r as FailureCount]));
}

export const countOf = (counts: Map<string, FailureCount>, k: CounterKey) => counts.get(id(k));

export function readCounts(db: Executor, keys: CounterKey[]) {
  return keys.length ? select(db, keys, false) : Promise.resolve(new Map<string, FailureCount>());
}

/** Reads the counters under a row lock (creating empty ones), so parallel attempts queue. */
export async function lockCounts(tx: Tx, keys: CounterKey[]) {
  if (!keys.length) return new Map<string, FailureCount>();
  await tx.insert(signInFailures).values(keys.map((k) => ({ ...k, failures: 0 }))).onConflictDoNothing();
  return select(tx, keys, true);
}

export async function writeCount(tx: Tx, k: CounterKey, c: FailureCount) {
  await tx
    .insert(signInFailures)
    .values({ ...k, ...c })
    .onConflictDoUpdate({ target: [signInFailures.username, signInFailures.source], set: { failures: c.failures, windowStartedAt: c.windowStartedAt, lastFailedAt: c.lastFailedAt } });
}

/** Takes back one failure counted in advance for an attempt that succeeded. */
export async function undoFailure(tx: Executor, k: CounterKey) {
  await tx
    .update(signInFailures)
    .set({ failures: sql`greatest(${signInFailures.failures} - 1, 0)` })
    .where(and(eq(signInFailures.username, k.username), eq(signInFailures.source, k.source)));
}

export async function clearCount(tx: Executor, k: CounterKey) {
  await tx.delete(signInFailures).where(and(eq(signInFailures.username, k.username), eq(signInFailures.source, k.source)));
}

export async function countsOfNames(db: Executor, usernames: string[]) {
  if (!usernames.length) return [];
  return db.select().from(signInFailures).where(inArray(signInFailures.username, usernames));
}

/** Every counter of one account name (an administrator's reset or unlock). */
export async function clearCountsOf(tx: Executor, username: string) {
  await tx.delete(signInFailures).where(eq(signInFailures.username, username));
}

/** Counters whose last failure is older than `before` hold nothing any rule still looks at. */
export async function deleteStaleCounts(db: Executor, before: Date) {
  await db.delete(signInFailures).where(sql`${signInFailures.lastFailedAt} < ${before}`);
}

