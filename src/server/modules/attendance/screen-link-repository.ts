import { eq, sql } from 'drizzle-orm';
import { meetingScreenLinks } from '../../db/schema/index.js';
import type { Executor, Tx } from '../../db/client.js';

/** The generation of the meeting's hall-screen link (0 until it is first changed). */
export async function findScreenGeneration(db: Executor, meetingId: string): Promise<number> {
  const [row] = await db.select({ generation: meetingScreenLinks.generation }).from(meetingScreenLinks).where(eq(meetingScreenLinks.meetingId, meetingId));
  return row?.generation ?? 0;
}

/** Raises the generation by one under the row's lock; answers the new one. */
export async function raiseScreenGeneration(tx: Tx, townshipId: string, meetingId: string): Promise<number> {
  const [row] = await tx
    .insert(meetingScreenLinks)
    .values({ meetingId, townshipId, generation: 1 })
    .onConflictDoUpdate({ target: meetingScreenLinks.meetingId, set: { generation: sql`${meetingScreenLinks.generation} + 1`, rotatedAt: new Date() }, where: eq(meetingScreenLinks.townshipId, townshipId) })
    .returning({ generation: meetingScreenLinks.generation });
  return row!.generation;
}
