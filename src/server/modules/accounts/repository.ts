import { and, asc, eq, type SQL } from 'drizzle-orm';
import { delegates, townships, users } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type AccountRow = typeof users.$inferSelect;

const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  countyId: users.countyId,
  townshipId: users.townshipId,
  delegateId: users.delegateId,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};
export type AccountListRow = { [K in keyof typeof accountColumns]: AccountRow[K] } & { townshipName: string | null };

/** Accounts of one county, optionally narrowed to one township and one role. */
export async function listAccounts(
  db: Executor,
  where: { countyId: string; townshipId?: string; role?: string },
): Promise<AccountListRow[]> {
  const conds: SQL[] = [eq(users.countyId, where.countyId)];
  if (where.townshipId) conds.push(eq(users.townshipId, where.townshipId));
  if (where.role) conds.push(eq(users.role, where.role));
  return db
    .select({ ...accountColumns, townshipName: townships.name })
    .from(users)
    .leftJoin(townships, eq(townships.id, users.townshipId))
    .where(and(...conds))
    .orderBy(asc(townships.code), asc(users.role), asc(users.username));
}

export async function findAccountInTownship(db: Executor, townshipId: string, id: string) {
  const [u] = await db.select().from(users).where(and(eq(users.townshipId, townshipId), eq(users.id, id)));
  return u;
}

export async function findAccountInCounty(db: Executor, countyId: string, id: string) {
  const [u] = await db.select().from(users).where(and(eq(users.countyId, countyId), eq(users.id, id)));
  return u;
}

export async function findByUsername(db: Executor, username: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return u;
}

export async function findDelegateOfTownship(db: Executor, townshipId: string, delegateId: string) {
  const [d] = await db
    .select({ id: delegates.id, name: delegates.name })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.id, delegateId)));
  return d;
}

export async function findAccountOfDelegate(db: Executor, townshipId: string, delegateId: string) {
  const [u] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.townshipId, townshipId), eq(users.delegateId, delegateId)));
  return u;
}

export async function findTownshipOfCounty(db: Executor, countyId: string, townshipId: string) {
  const [t] = await db.select().from(townships).where(and(eq(townships.countyId, countyId), eq(townships.id, townshipId)));
  return t;
}

export async function insertAccount(db: Executor, values: typeof users.$inferInsert) {
  const [u] = await db.insert(users).values(values).returning();
  return u!;
}

export async function updateAccount(db: Executor, countyId: string, id: string, set: Partial<typeof users.$inferInsert>) {
  const [u] = await db
    .update(users)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(users.countyId, countyId), eq(users.id, id)))
    .returning();
  return u!;
}
