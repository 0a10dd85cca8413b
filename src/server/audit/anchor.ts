import type { Database, Executor } from '../db/client.js';
import { type ChainHead, type CheckpointStore } from './checkpoint.js';
import { auditKeys } from './keys.js';

const stores = new WeakMap<object, CheckpointStore>();
/** Open transactions of an anchored database → the last entry written in them. */
const written = new WeakMap<object, { head: ChainHead | null }>();

/**
 * Keeps the checkpoint of `database`'s audit chain in `store`: every transaction opened with
 * `database.db.transaction` that wrote an audit entry advances the checkpoint after it commits
 * (a rolled-back entry never reaches it). The caller does not wait for the file: a crash in
 * between, or a failed write, leaves the checkpoint a little behind, which the verifier
 * tolerates; it never turns a committed change into an error. Closing waits for the writes.
 */
export function anchorAuditLog(database: Database, store: CheckpointStore): void {
  const db = database.db;
  if (stores.has(db)) throw new Error('audit log already anchored');
  stores.set(db, store);
  const transaction = db.transaction.bind(db);
  db.transaction = (async (fn, config) => {
    const note = { head: null as ChainHead | null };
    const result = await transaction((tx) => {
      written.set(tx, note);
      return fn(tx);
    }, config);
    const keys = auditKeys();
    if (note.head && keys) {
      store.advance(keys.checkpoint, note.head).catch((e: Error) => process.emitWarning(`审计检查点未能更新（${store.where}）：${e.message}`));
    }
    return result;
  }) as typeof db.transaction;
  const close = database.close.bind(database);
  database.close = async () => {
    await store.settled();
    await close();
  };
}

export function checkpointStoreOf(db: Executor): CheckpointStore | undefined {
  return stores.get(db);
}

/** Called by writeAudit: this transaction's newest entry, for the checkpoint after commit. */
export function noteWrittenEntry(tx: Executor, head: ChainHead): void {
  const note = written.get(tx);
  if (note) note.head = head;
}
