import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-in attempts and password-change guesses, counted per (name typed, source) so
 * every server process sees the same counts. `username` is the name as typed, also when no
 * such account exists (the answer must not tell the two apart); `source` is `ip:<address>`,
 * `dev:<device mark>`, `*` (the account's ceiling over untrusted sources) or `change` (guesses
 * of the current password). The row `('*', 'ip:<address>')` counts failures of one address
 * over every account. A window starts at its first failure; a success clears its row.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    username: text('username').notNull(),
    source: text('source').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.username, t.source] })],
);
