import { and, eq } from 'drizzle-orm';
import { townshipSettings } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** A township's setting by key (delegate categories, meeting rules, …); undefined when unset. */
export async function getSetting(db: Executor, townshipId: string, key: string): Promise<unknown> {
  const [r] = await db
    .select({ value: townshipSettings.value })
    .from(townshipSettings)
    .where(and(eq(townshipSettings.townshipId, townshipId), eq(townshipSettings.key, key)));
  return r?.value;
}

export async function putSetting(db: Executor, townshipId: string, key: string, value: unknown) {
  await db
    .insert(townshipSettings)
    .values({ townshipId, key, value })
    .onConflictDoUpdate({ target: [townshipSettings.townshipId, townshipSettings.key], set: { value, updatedAt: new Date() } });
}
