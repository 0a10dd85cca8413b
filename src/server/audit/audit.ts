import { count, desc, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import type { AuditAction } from '../../domain/audit/labels.js';
import { noteWrittenEntry } from './anchor.js';
import { canonicalJson } from './canonical.js';
import { GENESIS_HASH, type HashedFields, KEYED_CHAIN, keyedEntryHash } from './entry-hash.js';
import { requireAuditKeys } from './keys.js';
import type { Actor } from '../access/types.js';

export { verifyAuditChain, type ChainReport } from './verify.js';

export interface AuditInput {
  townshipId?: string | null;
  countyId?: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one entry inside the caller's transaction, chained to the previous entry with the
 * keyed hash (HMAC-SM3 over its position, the previous hash and the entry).
 */
export function writeAudit(tx: Executor, actor: Actor, input: AuditInput): Promise<void> {
  return writeAuditEntries(tx, [{ actor, input }]);
}

/**
 * Writes several entries inside the caller's transaction, in this order, with one chain lock,
 * one read of the chain's head and one INSERT: a batch of check-ins at the desk costs the
 * audit chain's critical section once, not once per check-in.
 */
export async function writeAuditEntries(tx: Executor, items: { actor: Actor; input: AuditInput }[]): Promise<void> {
  if (items.length === 0) return;
  const keys = requireAuditKeys();
  // Serialise writers so that each entry links to the one committed before it.
  await tx.execute(sql`select pg_advisory_xact_lock(7311002)`);
  const [last] = await tx.select({ hash: auditLog.hash, seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = last ? (last.seq ?? (await countEntries(tx))) : 0;
  const at = new Date();
  const rows = items.map(({ actor, input }) => {
    const entry: HashedFields = {
      at,
      actorId: actor.userId,
      actorName: actor.name,
      countyId: input.countyId ?? actor.countyId,
      townshipId: input.townshipId ?? actor.townshipId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      before: input.before === undefined ? null : JSON.parse(canonicalJson(input.before)),
      after: input.after === undefined ? null : JSON.parse(canonicalJson(input.after)),
    };
    seq += 1;
    const hash = keyedEntryHash(keys.chain, seq, prevHash, entry);
    const row = { ...entry, prevHash, hash, chain: KEYED_CHAIN, seq };
    prevHash = hash;
    return row;
  });
  // A multi-row INSERT takes the ids in the order of its rows, so id order stays chain order.
  const ids = await tx.insert(auditLog).values(rows).returning({ id: auditLog.id });
  noteWrittenEntry(tx, { count: seq, headId: Math.max(...ids.map((r) => r.id)), headHash: prevHash });
}

/** Only for the first keyed entry after entries written before positions were recorded. */
async function countEntries(tx: Executor): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(auditLog);
  return Number(r?.n ?? 0);
}
