import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { delegateGroups, delegates, topicCosignatures, topics } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type TopicRow = typeof topics.$inferSelect;

// The outer column is spelled out: drizzle leaves it unqualified when a query has no join.
const signatureCount = sql<number>`(select count(*)::int from ${topicCosignatures} tc where tc.township_id = "topics"."township_id" and tc.topic_id = "topics"."id")`;

function withNames(db: Executor) {
  return db
    .select({ topic: topics, groupName: delegateGroups.name, initiatorName: delegates.name, signatures: signatureCount })
    .from(topics)
    .leftJoin(delegateGroups, eq(delegateGroups.id, topics.groupId))
    .leftJoin(delegates, eq(delegates.id, topics.initiatorDelegateId));
}
export type TopicListRow = Awaited<ReturnType<typeof listTopics>>[number];

export const listTopics = (db: Executor, townshipId: string, meetingId: string) =>
  withNames(db)
    .where(and(eq(topics.townshipId, townshipId), eq(topics.meetingId, meetingId)))
    .orderBy(asc(topics.createdAt), asc(topics.id));

export async function findTopicWithNames(db: Executor, townshipId: string, id: string) {
  const [t] = await withNames(db).where(and(eq(topics.townshipId, townshipId), eq(topics.id, id)));
  return t;
}

/** Locks the topic so that signatures and the submission of one topic happen one at a time. */
export async function lockTopic(tx: Executor, townshipId: string, id: string) {
  const [t] = await tx.select().from(topics).where(and(eq(topics.townshipId, townshipId), eq(topics.id, id))).for('update');
  return t;
}

export async function insertTopic(db: Executor, values: typeof topics.$inferInsert) {
  const [t] = await db.insert(topics).values(values).returning();
  return t!;
}

export async function updateTopic(db: Executor, townshipId: string, id: string, set: Partial<typeof topics.$inferInsert>) {
  const [t] = await db
    .update(topics)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(topics.townshipId, townshipId), eq(topics.id, id)))
    .returning();
  return t!;
}

export const cosignersOf = (db: Executor, townshipId: string, topicIds: string[]) =>
  topicIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ topicId: topicCosignatures.topicId, delegateId: topicCosignatures.delegateId, name: delegates.name, method: topicCosignatures.method, signedAt: topicCosignatures.signedAt })
        .from(topicCosignatures)
        .innerJoin(delegates, eq(delegates.id, topicCosignatures.delegateId))
        .where(and(eq(topicCosignatures.townshipId, townshipId), inArray(topicCosignatures.topicId, topicIds)))
        .orderBy(asc(topicCosignatures.signedAt), asc(delegates.nameSortKey));

export async function addSignatures(db: Executor, townshipId: string, topicId: string, delegateIds: string[], method: 'online' | 'paper') {
  if (delegateIds.length === 0) return;
  await db.insert(topicCosignatures).values(delegateIds.map((delegateId) => ({ topicId, delegateId, townshipId, method })));
}

export async function hasSigned(db: Executor, townshipId: string, topicId: string, delegateId: string) {
  const [r] = await db
    .select({ d: topicCosignatures.delegateId })
    .from(topicCosignatures)
    .where(and(eq(topicCosignatures.townshipId, townshipId), eq(topicCosignatures.topicId, topicId), eq(topicCosignatures.delegateId, delegateId)));
  return !!r;
}

export async function removeSignature(db: Executor, townshipId: string, topicId: string, delegateId: string) {
  const rows = await db
    .delete(topicCosignatures)
    .where(and(eq(topicCosignatures.townshipId, townshipId), eq(topicCosignatures.topicId, topicId), eq(topicCosignatures.delegateId, delegateId)))
    .returning();
  return rows.length;
}

export async function countSignatures(db: Executor, townshipId: string, topicId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(topicCosignatures)
    .where(and(eq(topicCosignatures.townshipId, townshipId), eq(topicCosignatures.topicId, topicId)));
  return r!.n;
}

/** The delegates among `ids` who are active in the term (the ones who may sign). */
export const activeDelegatesAmong = (db: Executor, townshipId: string, termId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: delegates.id, name: delegates.name })
        .from(delegates)
        .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'active'), inArray(delegates.id, ids)));

export async function findGroup(db: Executor, townshipId: string, id: string) {
  const [g] = await db.select().from(delegateGroups).where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.id, id)));
  return g;
}

/** A meeting's topics counted by status (the figures of its overview page). */
export async function topicCountsByStatus(db: Executor, townshipId: string, meetingId: string) {
  const rows = await db
    .select({ status: topics.status, n: sql<number>`count(*)::int` })
    .from(topics)
    .where(and(eq(topics.townshipId, townshipId), eq(topics.meetingId, meetingId)))
    .groupBy(topics.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}
