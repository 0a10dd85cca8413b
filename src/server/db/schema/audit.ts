import { bigint, bigserial, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: triggers refuse UPDATE and DELETE (migration 0001) and TRUNCATE (0012). Each entry
 * carries the hash of the previous entry so that `nianhui audit verify` finds the first tampered
 * row. `chain` says how `hash` was made: 1 = plain SM3 (entries written before the key was used),
 * 2 = HMAC-SM3 under a key derived from the server key, over `seq` (the entry's position).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    countyId: uuid('county_id'),
    townshipId: uuid('township_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    chain: smallint('chain').notNull().default(1),
    seq: bigint('seq', { mode: 'number' }),
  },
  (t) => [index('audit_township_idx').on(t.townshipId, t.id), index('audit_entity_idx').on(t.entity, t.entityId)],
);
