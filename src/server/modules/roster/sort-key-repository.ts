import { and, eq, sql } from 'drizzle-orm';
import { delegates } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/**
 * Delegates of every township whose stored name key was made while some character of the name
 * had no stroke data (the key marks such a character with 'x'; the rest of a key is digits,
 * '-' and upper-case hexadecimal).
 */
export const delegatesWithUnknownStrokes = (db: Executor) =>
  db
    .select({ id: delegates.id, townshipId: delegates.townshipId, name: delegates.name, key: delegates.nameSortKey })
    .from(delegates)
    .where(sql`position('x' in ${delegates.nameSortKey}) > 0`);

export async function setNameSortKey(db: Executor, townshipId: string, id: string, key: string) {
  await db.update(delegates).set({ nameSortKey: key }).where(and(eq(delegates.townshipId, townshipId), eq(delegates.id, id)));
}
