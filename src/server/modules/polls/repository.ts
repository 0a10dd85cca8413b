import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { agendaItems, delegates, pollEligible, pollNamedVotes, polls, pollSecretTally } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type PollRow = typeof polls.$inferSelect;

export async function findPoll(db: Executor, townshipId: string, id: string) {
  const [p] = await db.select().from(polls).where(and(eq(polls.townshipId, townshipId), eq(polls.id, id)));
  return p;
}

/**
 * Row-locks the poll: opening, tallying and closing run one after another, closing waits for
 * ballots in flight, and two resolutions cannot be adopted on one poll at the same moment.
 */
export async function lockPoll(tx: Executor, townshipId: string, id: string) {
  const [p] = await tx.select().from(polls).where(and(eq(polls.townshipId, townshipId), eq(polls.id, id))).for('update');
  return p;
}

export const pollsOfMeeting = (db: Executor, townshipId: string, meetingId: string) =>
  db.select().from(polls).where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId))).orderBy(asc(polls.createdAt), asc(polls.id));

export async function openPollOfMeeting(db: Executor, townshipId: string, meetingId: string) {
  const [p] = await db.select().from(polls).where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), eq(polls.status, 'open')));
  return p;
}

export async function lastClosedPoll(db: Executor, townshipId: string, meetingId: string) {
  const [p] = await db
    .select()
    .from(polls)
    .where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), eq(polls.status, 'closed')))
    .orderBy(desc(polls.closedAt))
    .limit(1);
  return p;
}

/** For the meetings module: a meeting may not close while a vote is open. */
export async function countOpenPolls(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(polls)
    .where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), eq(polls.status, 'open')));
  return r!.n;
}

export async function insertPoll(tx: Executor, values: typeof polls.$inferInsert) {
  const [p] = await tx.insert(polls).values(values).returning();
  return p!;
}

export async function updatePoll(tx: Executor, townshipId: string, id: string, set: Partial<typeof polls.$inferInsert>) {
  const [p] = await tx.update(polls).set(set).where(and(eq(polls.townshipId, townshipId), eq(polls.id, id))).returning();
  return p!;
}

export async function deletePoll(tx: Executor, townshipId: string, id: string) {
  await tx.delete(polls).where(and(eq(polls.townshipId, townshipId), eq(polls.id, id)));
}

export async function findAgendaItem(db: Executor, townshipId: string, meetingId: string, id: string) {
  const [a] = await db
    .select({ id: agendaItems.id, type: agendaItems.type, title: agendaItems.title, position: agendaItems.position })
    .from(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, id)));
  return a;
}

/** Delegates who have voted, per poll (never what they chose). */
export async function votedCounts(db: Executor, townshipId: string, pollIds: string[]) {
  if (pollIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ pollId: pollEligible.pollId, n: sql<number>`(count(*) filter (where ${pollEligible.hasVoted}))::int` })
    .from(pollEligible)
    .where(and(eq(pollEligible.townshipId, townshipId), inArray(pollEligible.pollId, pollIds)))
    .groupBy(pollEligible.pollId);
  return new Map(rows.map((r) => [r.pollId, r.n]));
}

export async function insertEligible(tx: Executor, townshipId: string, pollId: string, delegateIds: string[]) {
  for (let i = 0; i < delegateIds.length; i += 5000) {
    await tx.insert(pollEligible).values(delegateIds.slice(i, i + 5000).map((delegateId) => ({ pollId, townshipId, delegateId })));
  }
}

export async function insertSecretTally(tx: Executor, townshipId: string, pollId: string) {
  await tx.insert(pollSecretTally).values({ pollId, townshipId });
}

export async function secretCounts(tx: Executor, townshipId: string, pollId: string) {
  const [t] = await tx
    .select({ yes: pollSecretTally.yes, no: pollSecretTally.no, abstain: pollSecretTally.abstain })
    .from(pollSecretTally)
    .where(and(eq(pollSecretTally.townshipId, townshipId), eq(pollSecretTally.pollId, pollId)));
  return t ?? { yes: 0, no: 0, abstain: 0 };
}

export async function namedCounts(tx: Executor, townshipId: string, pollId: string) {
  const rows = await tx
    .select({ choice: pollNamedVotes.choice, n: sql<number>`count(*)::int` })
    .from(pollNamedVotes)
    .where(and(eq(pollNamedVotes.townshipId, townshipId), eq(pollNamedVotes.pollId, pollId)))
    .groupBy(pollNamedVotes.choice);
  const by = Object.fromEntries(rows.map((r) => [r.choice, r.n])) as Record<string, number>;
  return { yes: by.yes ?? 0, no: by.no ?? 0, abstain: by.abstain ?? 0 };
}

export const namedVotes = (db: Executor, townshipId: string, pollId: string) =>
  db
    .select({ delegateId: pollNamedVotes.delegateId, name: delegates.name, choice: pollNamedVotes.choice, votedAt: pollNamedVotes.votedAt })
    .from(pollNamedVotes)
    .innerJoin(delegates, eq(delegates.id, pollNamedVotes.delegateId))
    .where(and(eq(pollNamedVotes.townshipId, townshipId), eq(pollNamedVotes.pollId, pollId)))
    .orderBy(sql`${delegates.nameSortKey} collate "C"`, asc(delegates.id));

export async function eligibility(db: Executor, townshipId: string, pollId: string, delegateId: string) {
  const [e] = await db
    .select({ hasVoted: pollEligible.hasVoted })
    .from(pollEligible)
    .where(and(eq(pollEligible.townshipId, townshipId), eq(pollEligible.pollId, pollId), eq(pollEligible.delegateId, delegateId)));
  return e;
}

/**
 * The ballot page in one statement: a meeting's polls past draft, each with the delegate's place
 * in its snapshot (`hasVoted` null: not in it).
 */
export async function ballotPage(db: Executor, townshipId: string, meetingId: string, delegateId: string) {
  return db
    .select({ poll: polls, hasVoted: pollEligible.hasVoted })
    .from(polls)
    .leftJoin(pollEligible, and(eq(pollEligible.pollId, polls.id), eq(pollEligible.townshipId, townshipId), eq(pollEligible.delegateId, delegateId)))
    .where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), sql`${polls.status} <> 'draft'`))
    .orderBy(asc(polls.createdAt), asc(polls.id));
}
