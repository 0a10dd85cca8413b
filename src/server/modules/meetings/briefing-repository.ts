import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { briefingComments, briefings, delegates } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** Everything but the file bytes, which only the download reads. */
const meta = {
  id: briefings.id,
  townshipId: briefings.townshipId,
  meetingId: briefings.meetingId,
  title: briefings.title,
  body: briefings.body,
  fileName: briefings.fileName,
  fileType: briefings.fileType,
  fileSize: briefings.fileSize,
  createdAt: briefings.createdAt,
  updatedAt: briefings.updatedAt,
  // Spelled out: without a join drizzle leaves the outer column unqualified, and the subquery would see its own id.
  commentCount: sql<number>`(select count(*)::int from ${briefingComments} where ${briefingComments.briefingId} = "briefings"."id")`,
};

export const listBriefings = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select(meta)
    .from(briefings)
    .where(and(eq(briefings.townshipId, townshipId), eq(briefings.meetingId, meetingId)))
    .orderBy(asc(briefings.createdAt), asc(briefings.id));

export async function findBriefing(db: Executor, townshipId: string, id: string) {
  const [b] = await db.select(meta).from(briefings).where(and(eq(briefings.townshipId, townshipId), eq(briefings.id, id)));
  return b;
}

export async function findFile(db: Executor, townshipId: string, id: string) {
  const [b] = await db
    .select({ name: briefings.fileName, type: briefings.fileType, data: briefings.fileData })
    .from(briefings)
    .where(and(eq(briefings.townshipId, townshipId), eq(briefings.id, id)));
  return b;
}

export async function insertBriefing(db: Executor, values: typeof briefings.$inferInsert) {
  const [b] = await db.insert(briefings).values(values).returning({ id: briefings.id });
  return b!.id;
}

export async function updateBriefing(db: Executor, townshipId: string, id: string, set: Partial<typeof briefings.$inferInsert>) {
  await db
    .update(briefings)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(briefings.townshipId, townshipId), eq(briefings.id, id)));
}

export async function deleteBriefing(db: Executor, townshipId: string, id: string) {
  await db.delete(briefings).where(and(eq(briefings.townshipId, townshipId), eq(briefings.id, id)));
}

export async function insertComment(db: Executor, values: typeof briefingComments.$inferInsert) {
  const [c] = await db.insert(briefingComments).values(values).returning();
  return c!;
}

export const listComments = (db: Executor, townshipId: string, briefingId: string, delegateId?: string) =>
  db
    .select({ id: briefingComments.id, body: briefingComments.body, createdAt: briefingComments.createdAt, delegateId: briefingComments.delegateId, delegateName: delegates.name })
    .from(briefingComments)
    .leftJoin(delegates, eq(delegates.id, briefingComments.delegateId))
    .where(
      and(
        eq(briefingComments.townshipId, townshipId),
        eq(briefingComments.briefingId, briefingId),
        delegateId ? eq(briefingComments.delegateId, delegateId) : undefined,
      ),
    )
    .orderBy(desc(briefingComments.createdAt), desc(briefingComments.id));

export async function countBriefings(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(briefings)
    .where(and(eq(briefings.townshipId, townshipId), eq(briefings.meetingId, meetingId)));
  return r!.n;
}
