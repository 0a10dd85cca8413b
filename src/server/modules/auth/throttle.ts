import { afterFailure, SIGN_IN_LIMITS, waitMessage, waitSeconds, type LimitRule } from '../../../domain/accounts/sign-in-limits.js';
import type { Executor, Tx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import * as counts from './failures-repository.js';
import type { CounterKey } from './failures-repository.js';

/**
 * Sign-in limits, kept in the database (`sign_in_failures`) so that every server process on one
 * PostgreSQL counts the same failures. Only failures hold anyone back: a hall full of phones
 * behind one NAT address signs in as fast as password verification allows.
 *
 * An attempt is charged to its counters *before* the password is checked, under a row lock, so
 * parallel guesses queue behind each other instead of all slipping under the limit; a success
 * takes the charge back.
 */
export interface Counter {
  key: CounterKey;
  rule: LimitRule;
}

export interface Counters {
  /** Charged one failure in advance; the attempt waits while any of them says so. */
  charged: (Counter & { onSuccess: 'clear' | 'undo' })[];
  /** Make the attempt wait, and count a failure only once it happened. */
  watched: Counter[];
  /** The Chinese answer to an attempt that must wait (default: the sign-in one). */
  waitMessage?: (seconds: number) => string;
}

/** Where a sign-in is counted: a recognised device only against itself, anything else against
 * the account from that address, the account's ceiling and the address. */
export function signInCounters(username: string, address: string, device: string | null): Counters {
  if (device) return { charged: [{ key: { username, source: `dev:${device}` }, rule: SIGN_IN_LIMITS.pair, onSuccess: 'clear' }], watched: [] };
  return {
    charged: [
      { key: { username, source: `ip:${address}` }, rule: SIGN_IN_LIMITS.pair, onSuccess: 'clear' },
      { key: { username, source: '*' }, rule: SIGN_IN_LIMITS.account, onSuccess: 'undo' },
    ],
    watched: [{ key: { username: '*', source: `ip:${address}` }, rule: SIGN_IN_LIMITS.address }],
  };
}

export function passwordChangeCounters(username: string): Counters {
  return {
    charged: [{ key: { username, source: 'change' }, rule: SIGN_IN_LIMITS.passwordChange, onSuccess: 'clear' }],
    watched: [],
    waitMessage: (s) => waitMessage(s).replace('登录失败', '当前密码输错'),
  };
}

/** The same answer for every name, whether an account of that name exists or not. */
export const mustWait = (seconds: number, message = waitMessage) => new AppError('RATE_LIMITED', message(seconds), { retryAfterSeconds: seconds });

/** Refuses the attempt while a counter makes it wait; otherwise charges it and lets it through. */
export async function admit(db: Executor, c: Counters, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await counts.lockCounts(tx, c.charged.map((x) => x.key));
    const seen = await counts.readCounts(tx, c.watched.map((x) => x.key));
    const wait = Math.max(
      0,
      ...c.charged.map((x) => waitSeconds(x.rule, counts.countOf(locked, x.key), now)),
      ...c.watched.map((x) => waitSeconds(x.rule, counts.countOf(seen, x.key), now)),
    );
    // Thrown inside the transaction: the empty counters it created roll back with it.
    if (wait > 0) throw mustWait(wait, c.waitMessage);
    for (const x of c.charged) await counts.writeCount(tx, x.key, afterFailure(x.rule, counts.countOf(locked, x.key), now));
  });
}

/** The attempt succeeded: take back what it was charged (in the transaction that signs in). */
export async function succeeded(tx: Tx, c: Counters) {
  for (const x of c.charged) await (x.onSuccess === 'clear' ? counts.clearCount(tx, x.key) : counts.undoFailure(tx, x.key));
}

const STALE_MS = 2 * 86_400_000;
let lastSweep = 0;

/** The attempt failed: the charged counters already hold it; count it on the watched ones. */
export async function failed(db: Executor, c: Counters, now = new Date()) {
  if (c.watched.length) {
    await db.transaction(async (tx) => {
      const locked = await counts.lockCounts(tx, c.watched.map((x) => x.key));
      for (const x of c.watched) await counts.writeCount(tx, x.key, afterFailure(x.rule, counts.countOf(locked, x.key), now));
    });
  }
  // Names typed by strangers leave counters behind; sweep old ones now and then, per process.
  if (now.getTime() - lastSweep > 600_000) {
    lastSweep = now.getTime();
    await counts.deleteStaleCounts(db, new Date(now.getTime() - STALE_MS));
  }
}

const RULE_OF_SOURCE = (source: string): LimitRule =>
  source === '*' ? SIGN_IN_LIMITS.account : source === 'change' ? SIGN_IN_LIMITS.passwordChange : SIGN_IN_LIMITS.pair;

/** The names among `usernames` that some source must wait to sign in as right now (shown as 登录受限). */
export async function heldNames(db: Executor, usernames: string[], now = new Date()): Promise<Set<string>> {
  const rows = await counts.countsOfNames(db, usernames);
  return new Set(rows.filter((r) => waitSeconds(RULE_OF_SOURCE(r.source), r, now) > 0).map((r) => r.username));
}

/** An administrator reset or unlocked the account: nothing held against its name remains. */
export const clearAll = (db: Executor, username: string) => counts.clearCountsOf(db, username);
