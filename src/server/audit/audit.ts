import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { sm3 } from '../security/crypto.js';
import type { AuditAction } from '../../domain/audit/labels.js';
import { canonicalJson } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Who did something: a signed-in user, or the system / command line. */
export interface Actor {
  userId: string | null;
  name: string;
  countyId: string | null;
  townshipId: string | null;
}

export interface AuditInput {
  townshipId?: string | null;
  countyId?: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Hashed = {
  at: Date;
  actorId: string | null;
  actorName: string;
  countyId: string | null;
  townshipId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export function entryHash(prevHash: string, e: Hashed): string {
  return sm3(
    prevHash +
      canonicalJson({
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorName: e.actorName,
        countyId: e.countyId,
        townshipId: e.townshipId,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        before: e.before ?? null,
        after: e.after ?? null,
      }),
  );
}

/** Writes one entry inside the caller's transaction, chained to the previous entry. */
export async function writeAudit(tx: Executor, actor: Actor, input: AuditInput): Promise<void> {
  // Serialise writers so that each entry links to the one committed before it.
  await tx.execute(sql`select pg_advisory_xact_lock(7311002)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const entry: Hashed = {
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
  await tx.insert(auditLog).values({ ...entry, prevHash, hash: entryHash(prevHash, entry) });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAt?: { id: number; reason: string };
}

/** Walks the whole chain in id order, a page at a time. */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(2000);
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: { id: r.id, reason: '与前一条记录的链接不符（记录被删除或插入）' } };
      const expected = entryHash(prev, r);
      if (expected !== r.hash) return { ok: false, checked, brokenAt: { id: r.id, reason: '记录内容与其哈希不符（记录被修改）' } };
      prev = r.hash;
      checked++;
      afterId = r.id;
    }
  }
}
