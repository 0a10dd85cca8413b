import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarYearBody, CalendarYearParams } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import * as service from './service.js';
import { CalendarYearList, CalendarYearView } from '../../../domain/schemas/calendar.js';

export function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  // The arrangement must be in the table before any deadline is computed.
  app.addHook('onReady', async () => {
    await service.ensureCalendarSeeded(ctx.database.db);
  });
  r.get('/api/calendar/years', { config: { access: 'signedIn' }, schema: { tags, summary: '节假日安排（按年）', response: { 200: CalendarYearList } } }, async () => {
    return service.listCalendarYears(ctx);
  });
  r.put('/api/calendar/years/:year', { config: { access: 'signedIn' }, schema: { params: CalendarYearParams, body: CalendarYearBody, tags, summary: '录入某年节假日安排', response: { 200: CalendarYearView } } }, async (req) => {
    return service.saveCalendarYear(ctx, requireUser(req), req.params.year, req.body, 'calendar.update');
  });
  r.post('/api/calendar/years/:year/import', { config: { access: 'signedIn' }, schema: { params: CalendarYearParams, body: CalendarYearBody, tags, summary: '导入某年节假日安排', response: { 200: CalendarYearView } } }, async (req) => {
    return service.saveCalendarYear(ctx, requireUser(req), req.params.year, req.body, 'calendar.import');
  });
}
