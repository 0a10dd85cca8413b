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
export async function writeAudit(tx: Executor, actor: Actor, input: AuditInput): Promise<void> {
  const keys = requireAuditKeys();
  // Serialise writers so that each entry links to the one committed before it.
  await tx.execute(sql`select pg_advisory_xact_lock(7311002)`);
  const [last] = await tx.select({ hash: auditLog.hash, seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const entry: HashedFields = {
    at: new Date(),
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last ? (last.seq ?? (await countEntries(tx))) : 0) + 1;
  const hash = keyedEntryHash(keys.chain, seq, prevHash, entry);
  const [row] = await tx.insert(auditLog).values({ ...entry, prevHash, hash, chain: KEYED_CHAIN, seq }).returning({ id: auditLog.id });
  noteWrittenEntry(tx, { count: seq, headId: row!.id, headHash: hash });
}

/** Only for the first keyed entry after entries written before positions were recorded. */
async function countEntries(tx: Executor): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(auditLog);
  return Number(r?.n ?? 0);
}
