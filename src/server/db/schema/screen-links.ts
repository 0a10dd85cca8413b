import { integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { townships } from './tenancy.js';
import { meetings } from './meetings.js';

/**
 * The generation of a meeting's hall-screen link: the token is derived from the server key,
 * the meeting and this number, so raising it ("更换大屏链接") makes every older link fail at
 * once. No row means generation 0.
 */
export const meetingScreenLinks = pgTable('meeting_screen_links', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  townshipId: uuid('township_id')
    .notNull()
    .references(() => townships.id),
  generation: integer('generation').notNull().default(0),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
});
