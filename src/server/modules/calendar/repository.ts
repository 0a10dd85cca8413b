import { asc, eq } from 'drizzle-orm';
import { calendarYears } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import type { CalendarYear } from '../../../domain/calendar/workdays.js';

/** The calendar is national (the State Council's arrangement), so these queries take no township. */
export type CalendarYearRow = typeof calendarYears.$inferSelect;

export const listYears = (db: Executor) => db.select().from(calendarYears).orderBy(asc(calendarYears.year));

export async function findYear(db: Executor, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row;
}

export async function upsertYear(db: Executor, y: CalendarYear, source: 'chinese-days' | 'manual') {
  const values = { year: y.year, holidays: y.holidays, makeupWorkdays: y.makeupWorkdays, source, updatedAt: new Date() };
  const [row] = await db
    .insert(calendarYears)
    .values(values)
    .onConflictDoUpdate({ target: calendarYears.year, set: { holidays: values.holidays, makeupWorkdays: values.makeupWorkdays, source, updatedAt: values.updatedAt } })
    .returning();
  return row!;
}

/** Adds the years that are missing and leaves every stored year, edited or not, as it is. */
export async function insertMissingYears(db: Executor, years: CalendarYear[]) {
  if (years.length === 0) return;
  await db
    .insert(calendarYears)
    .values(years.map((y) => ({ year: y.year, holidays: y.holidays, makeupWorkdays: y.makeupWorkdays, source: 'chinese-days' })))
    .onConflictDoNothing();
}
