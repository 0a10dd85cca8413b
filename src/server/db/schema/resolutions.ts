import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { townships } from './tenancy.js';
import { meetings } from './meetings.js';
import { agendaItems } from './meeting-prep.js';
import { polls } from './polls.js';

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const townshipRef = () =>
  uuid('township_id')
    .notNull()
    .references(() => townships.id);

/**
 * 决议 of a meeting, numbered within it. status: draft | adopted | rejected | superseded
 * (src/domain/meeting/resolution.ts). `pollId` is the vote that decided it; `voteRecord` is
 * that vote's figures as the decision used them — copied from the closed poll, or entered by
 * hand when the vote was taken without the polls module (method 'manual').
 */
export const resolutions = pgTable(
  'resolutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    pollId: uuid('poll_id').references(() => polls.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('draft'),
    /** normal | important: an important one goes in writing to all delegates, the people's congress and the government. */
    importance: text('importance').notNull().default('normal'),
    voteRecord: jsonb('vote_record'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    supersededById: uuid('superseded_by_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resolutions_number_uq').on(t.meetingId, t.number),
    // One vote decides one resolution.
    uniqueIndex('resolutions_poll_uq').on(t.pollId).where(sql`${t.pollId} is not null`),
    index('resolutions_township_idx').on(t.townshipId, t.meetingId),
  ],
);

/** 印发: to whom an (important) resolution went in writing, and when. */
export const resolutionDistributions = pgTable(
  'resolution_distributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    resolutionId: uuid('resolution_id')
      .notNull()
      .references(() => resolutions.id, { onDelete: 'cascade' }),
    /** allDelegates | peoplesCongress | government | other */
    recipient: text('recipient').notNull(),
    recipientName: text('recipient_name').notNull(),
    sentOn: date('sent_on').notNull(),
    note: text('note'),
    createdAt: created(),
  },
  (t) => [index('resolution_distributions_idx').on(t.resolutionId)],
);

/**
 * 决议变更: `urgent` (紧急变更, notified to every active delegate with its reasons) or
 * `byMeeting` (decided by a later meeting). The text before and after is kept in full.
 */
export const resolutionChanges = pgTable(
  'resolution_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    resolutionId: uuid('resolution_id')
      .notNull()
      .references(() => resolutions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    beforeText: text('before_text').notNull(),
    afterText: text('after_text').notNull(),
    decidedOn: date('decided_on').notNull(),
    /** byMeeting: the meeting that decided the change. */
    decidedByMeetingId: uuid('decided_by_meeting_id').references(() => meetings.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    notifiedCount: integer('notified_count').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: created(),
  },
  (t) => [index('resolution_changes_idx').on(t.resolutionId, t.createdAt)],
);

/** 落实事项: a task that carries out a resolution, with its 承办 and due date. Overdue is derived, never stored. */
export const implementationItems = pgTable(
  'implementation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    resolutionId: uuid('resolution_id')
      .notNull()
      .references(() => resolutions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerName: text('owner_name'),
    ownerUnit: text('owner_unit'),
    dueOn: date('due_on'),
    progress: integer('progress').notNull().default(0),
    /** notStarted | inProgress | done */
    status: text('status').notNull().default('notStarted'),
    notes: text('notes'),
    completedOn: date('completed_on'),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('implementation_items_idx').on(t.townshipId, t.resolutionId)],
);

/** The progress log of an item: each report of progress with who gave it. */
export const implementationUpdates = pgTable(
  'implementation_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => implementationItems.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    progress: integer('progress').notNull(),
    note: text('note'),
    by: text('by_name').notNull(),
    byUserId: uuid('by_user_id'),
  },
  (t) => [index('implementation_updates_idx').on(t.itemId, t.at)],
);
