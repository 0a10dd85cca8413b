import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { townships } from './tenancy.js';
import { terms } from './terms.js';

/** 选举单位: where delegates were elected; `seats` is how many delegates it returns. */
export const electoralUnits = pgTable(
  'electoral_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    name: text('name').notNull(),
    seats: integer('seats'),
  },
  (t) => [uniqueIndex('electoral_units_name_uq').on(t.townshipId, t.termId, t.name)],
);

/**
 * 党代表. Phone and ID number are stored only SM4-encrypted (`*_enc`); `*_hash` is a keyed SM3
 * digest used for look-ups and uniqueness. Dates of birth and of joining the party are
 * 'YYYY-MM' or 'YYYY-MM-DD' text because rosters often give only the month.
 */
export const delegates = pgTable(
  'delegates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    name: text('name').notNull(),
    nameSortKey: text('name_sort_key').notNull(),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    birthDate: text('birth_date'),
    partyJoinDate: text('party_join_date'),
    education: text('education'),
    workplace: text('workplace'),
    category: text('category'),
    electoralUnitId: uuid('electoral_unit_id').references(() => electoralUnits.id),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    status: text('status').notNull().default('active'),
    /** Set on a delegate elected in a by-election: the terminated delegate whose seat they fill. */
    replacesDelegateId: uuid('replaces_delegate_id'),
    statusSince: date('status_since'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // COLLATE "C": the stroke sort key is ASCII compared bytewise, whatever the database locale.
    index('delegates_sort_idx').on(t.townshipId, t.termId, sql`${t.nameSortKey} collate "C"`, t.id),
    index('delegates_status_idx').on(t.townshipId, t.status),
    // The county overview counts a term's delegates by status from this index alone (no table read, no sort).
    index('delegates_term_status_idx').on(t.termId, t.status),
    index('delegates_unit_idx').on(t.electoralUnitId),
    uniqueIndex('delegates_id_number_uq').on(t.termId, t.idNumberHash),
    // Exact look-up by phone (search, import matching); the ID number has its unique index.
    index('delegates_phone_idx').on(t.townshipId, t.phoneHash),
    index('delegates_replaces_idx').on(t.replacesDelegateId).where(sql`${t.replacesDelegateId} is not null`),
  ],
);

/** 停止执行职务 / 资格终止 / 恢复: every status change with its reason and deciding body. */
export const delegateStatusChanges = pgTable(
  'delegate_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    decidedBy: text('decided_by').notNull(),
    decidedOn: date('decided_on').notNull(),
    filedWithCountyOn: date('filed_with_county_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('status_changes_delegate_idx').on(t.delegateId)],
);

/**
 * Delegates per term and status, kept exact by statement-level triggers on `delegates`
 * (migration 0016: every insert, update and delete, in the writer's own transaction, whatever
 * code path wrote), so the county overview and a roster's total read a few rows instead of
 * counting 100,000. Derived: left out of backups, rebuilt by the triggers when delegates restore.
 */
export const rosterCounts = pgTable(
  'roster_counts',
  {
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.termId, t.status] })],
);
