import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { townships } from './tenancy.js';

/** A township's configurable settings (delegate categories, rules), one JSON value a key. */
export const townshipSettings = pgTable(
  'township_settings',
  {
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.townshipId, t.key] })],
);
