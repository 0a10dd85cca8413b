import { seedCalendarYears } from '../../../domain/calendar/seed.js';
import { CalendarYearInput, type CalendarYear, type WorkCalendar } from '../../../domain/calendar/workdays.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { forbidden, invalid } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type SessionUser } from '../../access/types.js';
import * as repo from './repository.js';

/** Who may enter the State Council's arrangement: it is national, so either level of administrator. */
const CALENDAR_EDITORS = new Set(['countyAdmin', 'townshipAdmin']);

const present = (r: repo.CalendarYearRow) => ({
  year: r.year,
  holidays: r.holidays,
  makeupWorkdays: r.makeupWorkdays,
  source: r.source,
  updatedAt: r.updatedAt,
});

/** Seeds the years chinese-days knows and the table lacks; run once when the server is ready. */
export async function ensureCalendarSeeded(db: Executor) {
  const stored = new Set((await repo.listYears(db)).map((r) => r.year));
  await repo.insertMissingYears(
    db,
    seedCalendarYears().filter((y) => !stored.has(y.year)),
  );
}

/** The stored calendar as the pure deadline rules take it. */
export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  return (await repo.listYears(db)).map((r) => ({ year: r.year, holidays: r.holidays, makeupWorkdays: r.makeupWorkdays }));
}

export async function listCalendarYears(ctx: AppContext) {
  return { items: (await repo.listYears(ctx.database.db)).map(present) };
}

function checkYear(year: number, body: { holidays: string[]; makeupWorkdays: string[] }): CalendarYear {
  const parsed = CalendarYearInput.safeParse({ year, ...body });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw invalid(`${year} 年节假日安排有误：${issues[0]!.message}`, issues);
  }
  const sorted = (a: string[]) => [...a].sort();
  return { year, holidays: sorted(parsed.data.holidays), makeupWorkdays: sorted(parsed.data.makeupWorkdays) };
}

/** Enters (PUT) or imports (POST …/import) one year's arrangement; both are audited. */
export async function saveCalendarYear(ctx: AppContext, user: SessionUser, year: number, body: { holidays: string[]; makeupWorkdays: string[] }, action: 'calendar.update' | 'calendar.import') {
  if (!CALENDAR_EDITORS.has(user.role)) throw forbidden('只有县委组织部或乡镇管理员可以维护节假日安排');
  const value = checkYear(year, body);
  return ctx.database.db.transaction(async (tx) => {
    const before = await repo.findYear(tx, year);
    const row = await repo.upsertYear(tx, value, 'manual');
    await writeAudit(tx, actorOf(user), {
      townshipId: user.townshipId,
      action,
      entity: 'calendarYear',
      entityId: String(year),
      before: before ? present(before) : null,
      after: present(row),
    });
    return present(row);
  });
}
