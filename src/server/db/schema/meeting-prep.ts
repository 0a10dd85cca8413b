import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { townships } from './tenancy.js';
import { delegates } from './roster.js';
import { delegateGroups } from './groups.js';
import { meetings } from './meetings.js';

/** Uploaded files are kept in the database so that a backup is one database dump. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const meetingRef = () =>
  uuid('meeting_id')
    .notNull()
    .references(() => meetings.id, { onDelete: 'cascade' });
const townshipRef = () =>
  uuid('township_id')
    .notNull()
    .references(() => townships.id);

/** 议题. status: collecting | submitted | accepted | rejected | withdrawn (src/domain/meeting/topic.ts). */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    meetingId: meetingRef(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** committee | group | delegates */
    proposerKind: text('proposer_kind').notNull(),
    groupId: uuid('group_id').references(() => delegateGroups.id),
    /** The delegate who started a joint topic, or the group leader who proposed for the group. */
    initiatorDelegateId: uuid('initiator_delegate_id').references(() => delegates.id),
    status: text('status').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('topics_meeting_idx').on(t.townshipId, t.meetingId)],
);

/** 联名: one row per delegate who signed a joint topic; `method` online or entered from paper. */
export const topicCosignatures = pgTable(
  'topic_cosignatures',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => delegates.id),
    townshipId: townshipRef(),
    method: text('method').notNull().default('online'),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.delegateId] }), index('cosignatures_delegate_idx').on(t.delegateId)],
);

/** 情况通报: what the committee tells delegates before the meeting, optionally with a file. */
export const briefings = pgTable(
  'briefings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    meetingId: meetingRef(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    fileData: bytea('file_data'),
    createdBy: uuid('created_by'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('briefings_meeting_idx').on(t.townshipId, t.meetingId)],
);

/** Delegates' opinions on a briefing, collected before the meeting. */
export const briefingComments = pgTable(
  'briefing_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    briefingId: uuid('briefing_id')
      .notNull()
      .references(() => briefings.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id').references(() => delegates.id),
    userId: uuid('user_id'),
    body: text('body').notNull(),
    createdAt: created(),
  },
  (t) => [index('briefing_comments_idx').on(t.briefingId, t.createdAt)],
);

/** 资格审查: the report as the meeting received it, frozen at adoption. */
export const qualificationReviews = pgTable('qualification_reviews', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  townshipId: townshipRef(),
  report: jsonb('report').notNull(),
  adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
  adoptedBy: uuid('adopted_by'),
});

/** 列席人员. kind: disciplineCommission | committeeDecided | publicApplicant; status: approved | pending | declined. */
export const observers = pgTable(
  'observers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    meetingId: meetingRef(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    organisation: text('organisation').notNull().default(''),
    phoneEnc: text('phone_enc'),
    status: text('status').notNull(),
    /** Why they attend: the applicant's reason, or the committee's. */
    reason: text('reason'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [index('observers_meeting_idx').on(t.townshipId, t.meetingId)],
);

/** 议程. `groupSession` marks an item held in the delegate groups (分团). */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    meetingId: meetingRef(),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    presenter: text('presenter'),
    plenary: boolean('plenary').notNull().default(true),
    groupSession: boolean('group_session').notNull().default(false),
    notes: text('notes'),
    createdAt: created(),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** 分团讨论: one delegate group meeting on its own, with its convener and minutes. */
export const groupSessions = pgTable(
  'group_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: townshipRef(),
    meetingId: meetingRef(),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => delegateGroups.id),
    convenerDelegateId: uuid('convener_delegate_id').references(() => delegates.id),
    place: text('place'),
    minutes: text('minutes'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('group_sessions_meeting_idx').on(t.meetingId)],
);
