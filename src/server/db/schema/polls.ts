import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { townships } from './tenancy.js';
import { delegates } from './roster.js';
import { meetings } from './meetings.js';
import { agendaItems } from './meeting-prep.js';

/**
 * 表决 on a resolution. `passRule` is the meeting's rule copied when the poll is created;
 * `dueSnapshot`/`presentSnapshot` are fixed when it opens. The counts are entered (show of
 * hands) or computed at close (electronic). status: draft → open → closed (final).
 */
export const polls = pgTable(
  'polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** showOfHands | named | secret */
    method: text('method').notNull(),
    status: text('status').notNull().default('draft'),
    /** meeting | election: which quorum opening the poll needed. */
    quorumKind: text('quorum_kind').notNull().default('meeting'),
    passRule: jsonb('pass_rule').notNull(),
    dueSnapshot: integer('due_snapshot'),
    presentSnapshot: integer('present_snapshot'),
    yes: integer('yes'),
    no: integer('no'),
    abstain: integer('abstain'),
    notVoted: integer('not_voted'),
    passed: boolean('passed'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('polls_meeting_idx').on(t.townshipId, t.meetingId),
    // One vote at a time in a hall: the screen shows "the" open poll.
    uniqueIndex('polls_one_open_uq').on(t.meetingId).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * Who was present when the poll opened (the snapshot) and whether each has voted. For a secret
 * poll `votedAt` stays null and the rows are rewritten in delegate order when the poll closes,
 * so that neither a time nor the row order tells who voted when.
 */
export const pollEligible = pgTable(
  'poll_eligible',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => delegates.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    hasVoted: boolean('has_voted').notNull().default(false),
    /** Named polls only. */
    votedAt: timestamp('voted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.delegateId] })],
);

/** 记名表决: each delegate's choice, public by design. */
export const pollNamedVotes = pgTable(
  'poll_named_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => delegates.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    choice: text('choice').notNull(),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.delegateId] })],
);

/**
 * 无记名投票: one row of counters per poll, incremented in the transaction that flips
 * `poll_eligible.has_voted`. No row per ballot exists, so no key, time or row order can tie a
 * choice to a voter (see ARCHITECTURE notes in src/server/modules/polls/ballot-box.ts).
 */
export const pollSecretTally = pgTable('poll_secret_tally', {
  pollId: uuid('poll_id')
    .primaryKey()
    .references(() => polls.id, { onDelete: 'cascade' }),
  townshipId: uuid('township_id')
    .notNull()
    .references(() => townships.id),
  yes: integer('yes').notNull().default(0),
  no: integer('no').notNull().default(0),
  abstain: integer('abstain').notNull().default(0),
});
