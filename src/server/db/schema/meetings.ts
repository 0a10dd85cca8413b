import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { townships } from './tenancy.js';
import { terms } from './terms.js';
import { delegates } from './roster.js';

/**
 * 第N届代表大会第M次会议. `rules` is the township's rules settings copied when the meeting is
 * created: a meeting keeps the rules it was opened with even if the settings change later.
 * status: draft → notified → inProgress → closed (see src/domain/meeting/state.ts).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    sessionNumber: integer('session_number').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    startTime: text('start_time'),
    place: text('place'),
    durationDays: numeric('duration_days', { precision: 3, scale: 1 }).notNull().default('1'),
    hasElection: boolean('has_election').notNull().default(false),
    status: text('status').notNull().default('draft'),
    rules: jsonb('rules').notNull(),
    currentAgendaItemId: uuid('current_agenda_item_id'),
    /** When the notice went out; a notice sent later than the notice period carries its reason. */
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    noticeLateReason: text('notice_late_reason'),
    /** The public notice: until it is published the public page and observer applications answer 404. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meetings_session_uq').on(t.termId, t.sessionNumber), index('meetings_township_idx').on(t.townshipId)],
);

/**
 * One row per delegate due to attend (the active delegates when the notice goes out, kept in
 * step with status changes until the meeting opens): the notice, the reply, and the check-in.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    /** pending | confirmed | leave */
    reply: text('reply').notNull().default('pending'),
    leaveReason: text('leave_reason'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** qr | manual */
    checkInMethod: text('check_in_method'),
    /**
     * The delegate's phone bound at the hall desk: a key derived from the session whose check-in
     * code was scanned (`attendance/checkin-token.ts`). Ballots come only from that session; a
     * check-in by hand has none until the phone's code is scanned to confirm it.
     */
    deviceKey: text('device_key'),
    deviceBoundAt: timestamp('device_bound_at', { withTimezone: true }),
    /** Why a binding ended (`passwordReset`), for the phone to say so; cleared when bound again. */
    deviceReleased: text('device_released'),
  },
  (t) => [uniqueIndex('attendance_uq').on(t.meetingId, t.delegateId), index('attendance_township_idx').on(t.townshipId)],
);
