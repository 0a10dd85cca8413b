import type { Database } from '../db/client.js';
import { anchorAuditLog, checkpointStoreOf } from './anchor.js';
import type { CheckpointStore } from './checkpoint.js';
import { auditKeys } from './keys.js';
import { type ChainReport, verifyAuditChain } from './verify.js';

/**
 * Anchors the audit log of a database being opened by the server or the command line. A data
 * directory that has no checkpoint yet (the first start after an upgrade, a second server
 * process with its own directory) gets one from the current chain, if that chain verifies.
 */
export async function anchorOnOpen(database: Database, store: CheckpointStore): Promise<void> {
  anchorAuditLog(database, store);
  let missing: boolean;
  try {
    missing = store.read() === null;
  } catch {
    missing = false; // a damaged checkpoint is for the verifier to report, not to paper over
  }
  if (missing) await rebuildCheckpoint(database);
}

/**
 * Sets the checkpoint to the end of the chain as it is now, when the chain itself verifies
 * (whatever an earlier checkpoint said): after a restore, the restored chain is the truth.
 * Returns the verification against the new checkpoint (or, when the chain is broken, the failed one).
 */
export async function rebuildCheckpoint(database: Database): Promise<ChainReport> {
  const report = await verifyAuditChain(database.db);
  const store = checkpointStoreOf(database.db);
  const keys = auditKeys();
  if (!store || !keys || report.brokenAt) return report;
  await store.reset(keys.checkpoint, report.head);
  return verifyAuditChain(database.db);
}
