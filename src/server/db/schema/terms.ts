import { boolean, date, integer, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { townships } from './tenancy.js';

/** 第N届: a five-year term of a township's congress; exactly one is current. */
export const terms = pgTable(
  'terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    number: integer('number').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('terms_number_uq').on(t.townshipId, t.number),
    uniqueIndex('terms_current_uq').on(t.townshipId).where(sql`${t.isCurrent}`),
  ],
);
