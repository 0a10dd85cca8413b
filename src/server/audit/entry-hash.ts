import crypto from 'node:crypto';
import { sm3 } from '../security/crypto.js';
import { canonicalJson } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

/** How an entry's hash was made: 1 = plain SM3 (before the key was used), 2 = keyed HMAC-SM3. */
export const LEGACY_CHAIN = 1;
export const KEYED_CHAIN = 2;

/** The fields an entry's hash covers. */
export type HashedFields = {
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

function body(e: HashedFields): string {
  return canonicalJson({
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
  });
}

/** Chain 1: anyone can recompute it, so it is only trusted up to the first keyed entry or the checkpoint. */
export function legacyEntryHash(prevHash: string, e: HashedFields): string {
  return sm3(prevHash + body(e));
}

/** Chain 2: HMAC-SM3 over the position, the previous hash and the entry. */
export function keyedEntryHash(key: Buffer, seq: number, prevHash: string, e: HashedFields): string {
  return crypto.createHmac('sm3', key).update(`${seq}\n${prevHash}\n${body(e)}`).digest('hex');
}
