import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The State Council's holiday arrangement, one row a year: national, so not per township.
 * Seeded from chinese-days at start-up for the years it knows; an administrator enters or
 * imports a new year when it is published (source 'manual').
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  makeupWorkdays: jsonb('makeup_workdays').$type<string[]>().notNull(),
  /** chinese-days | manual */
  source: text('source').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
