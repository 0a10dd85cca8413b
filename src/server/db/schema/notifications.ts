import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { townships } from './tenancy.js';

/**
 * In-app notifications. Addressed to a user account or to a delegate (whichever account the
 * delegate signs in with later still sees it).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    userId: uuid('user_id'),
    delegateId: uuid('delegate_id'),
    /** meetingNotice | topicCosignInvite | topicDecision | observerDecision | … */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_delegate_idx').on(t.delegateId, t.createdAt), index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Text messages waiting for the SMS adapter. The phone is SM4-encrypted like every phone at
 * rest; a sender drains pending rows after a notice commits and on an interval.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    /** The meeting whose notice this is, when it is one. */
    meetingId: uuid('meeting_id'),
    phoneEnc: text('phone_enc').notNull(),
    text: text('text').notNull(),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    /** A sender that takes a row holds it until then; a crashed sender's rows are taken again after it. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_outbox_status_idx').on(t.status, t.createdAt), index('sms_outbox_township_idx').on(t.townshipId)],
);
