import type { AppContext } from './context.js';
import type { Tx } from './db/client.js';
import { type AuditInput, writeAudit } from './audit/audit.js';
import type { Actor } from './access/types.js';

/**
 * What a use case decided: its result, and the audit entry that records the change (null when
 * the decision was to change nothing, e.g. an idempotent repeat).
 */
export interface Decision<T> {
  result: T;
  audit: AuditInput | null;
}

export interface UseCase<L, T> {
  actor: Actor;
  /**
   * Locks the rows the decision depends on, first thing in the transaction, and returns what it
   * read under the lock. A check made before this point could be stale by the time we write.
   */
  lock: (tx: Tx) => Promise<L>;
  /** Runs the rule on the locked rows and writes the change. */
  decide: (tx: Tx, locked: L) => Promise<Decision<T>>;
}

/** One use case, one transaction: lock → rule → write → audit entry, all or nothing. */
export function runUseCase<L, T>(ctx: AppContext, uc: UseCase<L, T>): Promise<T> {
  return ctx.database.db.transaction(async (tx) => {
    const locked = await uc.lock(tx);
    const { result, audit } = await uc.decide(tx, locked);
    if (audit) await writeAudit(tx, uc.actor, audit);
    return result;
  });
}
