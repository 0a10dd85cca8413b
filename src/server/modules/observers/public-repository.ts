import { eq } from 'drizzle-orm';
import { meetings } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/**
 * The one query not scoped by township: the public page has only the meeting id, and answers
 * only for a meeting whose public notice is published (checked by the caller).
 */
export async function findMeetingAnyTownship(db: Executor, meetingId: string) {
  const [m] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return m;
}
