import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import {
  agendaItems,
  implementationItems,
  implementationUpdates,
  resolutionChanges,
  resolutionDistributions,
  resolutions,
} from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type ResolutionRow = typeof resolutions.$inferSelect;
export type ItemRow = typeof implementationItems.$inferSelect;
export type UpdateRow = typeof implementationUpdates.$inferSelect;
export type ChangeRow = typeof resolutionChanges.$inferSelect;
export type DistributionRow = typeof resolutionDistributions.$inferSelect;

export async function findResolution(db: Executor, townshipId: string, id: string) {
  const [r] = await db.select().from(resolutions).where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.id, id)));
  return r;
}

/** Row-locks the resolution so that two decisions or changes of it run one after another. */
export async function lockResolution(tx: Executor, townshipId: string, id: string) {
  const [r] = await tx.select().from(resolutions).where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.id, id))).for('update');
  return r;
}

export const listResolutions = (db: Executor, townshipId: string, meetingIds: string[], statuses?: readonly string[]) =>
  meetingIds.length === 0
    ? Promise.resolve([] as ResolutionRow[])
    : db
        .select()
        .from(resolutions)
        .where(
          and(
            eq(resolutions.townshipId, townshipId),
            inArray(resolutions.meetingId, meetingIds),
            statuses ? inArray(resolutions.status, [...statuses]) : undefined,
          ),
        )
        .orderBy(asc(resolutions.number));

export async function nextNumber(db: Executor, townshipId: string, meetingId: string): Promise<number> {
  const [r] = await db
    .select({ n: max(resolutions.number) })
    .from(resolutions)
    .where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.meetingId, meetingId)));
  return (r?.n ?? 0) + 1;
}

export async function numberTaken(db: Executor, townshipId: string, meetingId: string, number: number, exceptId?: string) {
  const rows = await db
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.meetingId, meetingId), eq(resolutions.number, number)));
  return rows.some((r) => r.id !== exceptId);
}

export async function insertResolution(db: Executor, values: typeof resolutions.$inferInsert) {
  const [r] = await db.insert(resolutions).values(values).returning();
  return r!;
}

export async function updateResolution(db: Executor, townshipId: string, id: string, set: Partial<typeof resolutions.$inferInsert>) {
  const [r] = await db
    .update(resolutions)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.id, id)))
    .returning();
  return r!;
}

export async function deleteResolution(db: Executor, townshipId: string, id: string) {
  await db.delete(resolutions).where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.id, id)));
}

export async function findAgendaItem(db: Executor, townshipId: string, meetingId: string, id: string) {
  const [a] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, id)));
  return a;
}

export async function resolutionOfPoll(db: Executor, townshipId: string, pollId: string) {
  const [r] = await db
    .select({ id: resolutions.id, number: resolutions.number, title: resolutions.title })
    .from(resolutions)
    .where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.pollId, pollId)));
  return r;
}

// ── changes and distributions ─────────────────────────────────────────────────────────────

export const listChanges = (db: Executor, townshipId: string, resolutionIds: string[]) =>
  resolutionIds.length === 0
    ? Promise.resolve([] as ChangeRow[])
    : db
        .select()
        .from(resolutionChanges)
        .where(and(eq(resolutionChanges.townshipId, townshipId), inArray(resolutionChanges.resolutionId, resolutionIds)))
        .orderBy(asc(resolutionChanges.createdAt));

export async function insertChange(db: Executor, values: typeof resolutionChanges.$inferInsert) {
  const [c] = await db.insert(resolutionChanges).values(values).returning();
  return c!;
}

export const listDistributions = (db: Executor, townshipId: string, resolutionIds: string[]) =>
  resolutionIds.length === 0
    ? Promise.resolve([] as DistributionRow[])
    : db
        .select()
        .from(resolutionDistributions)
        .where(and(eq(resolutionDistributions.townshipId, townshipId), inArray(resolutionDistributions.resolutionId, resolutionIds)))
        .orderBy(asc(resolutionDistributions.sentOn), asc(resolutionDistributions.createdAt));

export async function insertDistribution(db: Executor, values: typeof resolutionDistributions.$inferInsert) {
  const [d] = await db.insert(resolutionDistributions).values(values).returning();
  return d!;
}

export async function deleteDistribution(db: Executor, townshipId: string, resolutionId: string, id: string) {
  const rows = await db
    .delete(resolutionDistributions)
    .where(and(eq(resolutionDistributions.townshipId, townshipId), eq(resolutionDistributions.resolutionId, resolutionId), eq(resolutionDistributions.id, id)))
    .returning();
  return rows[0];
}

// ── implementation items ──────────────────────────────────────────────────────────────────

export const listItems = (db: Executor, townshipId: string, resolutionIds: string[]) =>
  resolutionIds.length === 0
    ? Promise.resolve([] as ItemRow[])
    : db
        .select()
        .from(implementationItems)
        .where(and(eq(implementationItems.townshipId, townshipId), inArray(implementationItems.resolutionId, resolutionIds)))
        .orderBy(asc(implementationItems.createdAt), asc(implementationItems.id));

export async function findItem(db: Executor, townshipId: string, id: string) {
  const [i] = await db.select().from(implementationItems).where(and(eq(implementationItems.townshipId, townshipId), eq(implementationItems.id, id)));
  return i;
}

export async function lockItem(tx: Executor, townshipId: string, id: string) {
  const [i] = await tx
    .select()
    .from(implementationItems)
    .where(and(eq(implementationItems.townshipId, townshipId), eq(implementationItems.id, id)))
    .for('update');
  return i;
}

export async function insertItem(db: Executor, values: typeof implementationItems.$inferInsert) {
  const [i] = await db.insert(implementationItems).values(values).returning();
  return i!;
}

export async function updateItem(db: Executor, townshipId: string, id: string, set: Partial<typeof implementationItems.$inferInsert>) {
  const [i] = await db
    .update(implementationItems)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(implementationItems.townshipId, townshipId), eq(implementationItems.id, id)))
    .returning();
  return i!;
}

export async function deleteItem(db: Executor, townshipId: string, id: string) {
  await db.delete(implementationItems).where(and(eq(implementationItems.townshipId, townshipId), eq(implementationItems.id, id)));
}

export const listUpdates = (db: Executor, townshipId: string, itemIds: string[]) =>
  itemIds.length === 0
    ? Promise.resolve([] as UpdateRow[])
    : db
        .select()
        .from(implementationUpdates)
        .where(and(eq(implementationUpdates.townshipId, townshipId), inArray(implementationUpdates.itemId, itemIds)))
        .orderBy(desc(implementationUpdates.at));

export async function insertUpdate(db: Executor, values: typeof implementationUpdates.$inferInsert) {
  const [u] = await db.insert(implementationUpdates).values(values).returning();
  return u!;
}
