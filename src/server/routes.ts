import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { authRoutes } from './modules/auth/routes.js';
import { tenancyRoutes } from './modules/tenancy/routes.js';
import { termRoutes } from './modules/terms/routes.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { backupRoutes } from './modules/backup/routes.js';
import { rosterRoutes } from './modules/roster/routes.js';
import { groupRoutes } from './modules/groups/routes.js';
import { rosterImportRoutes } from './modules/roster-import/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { attendanceRoutes } from './modules/attendance/routes.js';
import { pollRoutes } from './modules/polls/routes.js';
import { streamRoutes } from './modules/polls/stream-routes.js';

import { noticeRoutes } from './modules/notices/routes.js';
import { resolutionRoutes } from './modules/resolutions/routes.js';
import { topicRoutes } from './modules/topics/routes.js';
import { briefingRoutes } from './modules/meetings/briefing-routes.js';
import { qualificationRoutes } from './modules/meetings/qualification-routes.js';
import { observerRoutes } from './modules/observers/routes.js';
import { publicObserverRoutes } from './modules/observers/public-routes.js';
/** Every module's routes, in one list so that the map of the API is one file. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext) {
  authRoutes(app, ctx);
  tenancyRoutes(app, ctx);
  termRoutes(app, ctx);
  accountRoutes(app, ctx);
  auditRoutes(app, ctx);
  backupRoutes(app, ctx);
  rosterRoutes(app, ctx);
  groupRoutes(app, ctx);
  rosterImportRoutes(app, ctx);
  calendarRoutes(app, ctx);
  meetingRoutes(app, ctx);
  attendanceRoutes(app, ctx);
  pollRoutes(app, ctx);
  streamRoutes(app, ctx);
  noticeRoutes(app, ctx);
  resolutionRoutes(app, ctx);
  topicRoutes(app, ctx);
  briefingRoutes(app, ctx);
  qualificationRoutes(app, ctx);
  observerRoutes(app, ctx);
  publicObserverRoutes(app, ctx);
}
