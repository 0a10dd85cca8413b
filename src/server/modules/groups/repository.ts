import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { delegateGroups, delegates, groupMembers } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type GroupRow = typeof delegateGroups.$inferSelect;

const leader = alias(delegates, 'leader');
const deputy = alias(delegates, 'deputy');
const memberCount = sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.groupId} = ${delegateGroups.id})`;

const summaryColumns = {
  group: delegateGroups,
  leaderName: leader.name,
  deputyName: deputy.name,
  memberCount,
};

function summaries(db: Executor) {
  return db
    .select(summaryColumns)
    .from(delegateGroups)
    .leftJoin(leader, eq(leader.id, delegateGroups.leaderId))
    .leftJoin(deputy, eq(deputy.id, delegateGroups.deputyLeaderId));
}
export interface GroupSummaryRow {
  group: GroupRow;
  leaderName: string | null;
  deputyName: string | null;
  memberCount: number;
}

export const listGroups = (db: Executor, townshipId: string, termId: string, kind?: string): Promise<GroupSummaryRow[]> =>
  summaries(db)
    .where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.termId, termId), kind ? eq(delegateGroups.kind, kind) : undefined))
    .orderBy(asc(delegateGroups.kind), asc(delegateGroups.createdAt), asc(delegateGroups.name));

export async function findGroup(db: Executor, townshipId: string, id: string): Promise<GroupSummaryRow | undefined> {
  const [g] = await summaries(db).where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.id, id)));
  return g;
}

/** The groups a delegate belongs to, with leaders (for the delegate's own page). */
export const groupsOfMember = (db: Executor, townshipId: string, delegateId: string): Promise<GroupSummaryRow[]> =>
  summaries(db)
    .where(
      and(
        eq(delegateGroups.townshipId, townshipId),
        sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${delegateGroups.id} and ${groupMembers.delegateId} = ${delegateId})`,
      ),
    )
    .orderBy(asc(delegateGroups.kind), asc(delegateGroups.createdAt), asc(delegateGroups.name));

/** Members of several groups at once, in the official name order. */
export async function membersOf(db: Executor, townshipId: string, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  return db
    .select({ groupId: groupMembers.groupId, id: delegates.id, name: delegates.name, status: delegates.status })
    .from(groupMembers)
    .innerJoin(delegates, eq(delegates.id, groupMembers.delegateId))
    .where(and(eq(groupMembers.townshipId, townshipId), inArray(groupMembers.groupId, groupIds)))
    .orderBy(sql`${delegates.nameSortKey} collate "C"`, asc(delegates.id));
}

export const findDelegates = (db: Executor, townshipId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: delegates.id, name: delegates.name, status: delegates.status, termId: delegates.termId })
        .from(delegates)
        .where(and(eq(delegates.townshipId, townshipId), inArray(delegates.id, ids)));

/** Memberships of `delegateIds` in other groups of `kind`: each would break one-group-per-kind. */
export async function otherGroupsOfKind(db: Executor, townshipId: string, delegateIds: string[], kind: string, exceptGroupId?: string) {
  if (delegateIds.length === 0) return [];
  return db
    .select({ delegateId: delegates.id, delegateName: delegates.name, groupId: delegateGroups.id, groupName: delegateGroups.name })
    .from(groupMembers)
    .innerJoin(delegateGroups, eq(delegateGroups.id, groupMembers.groupId))
    .innerJoin(delegates, eq(delegates.id, groupMembers.delegateId))
    .where(
      and(
        eq(groupMembers.townshipId, townshipId),
        eq(groupMembers.kind, kind),
        inArray(groupMembers.delegateId, delegateIds),
        exceptGroupId ? ne(groupMembers.groupId, exceptGroupId) : undefined,
      ),
    )
    .orderBy(sql`${delegates.nameSortKey} collate "C"`);
}

export async function findGroupByName(db: Executor, townshipId: string, termId: string, name: string) {
  const [g] = await db
    .select({ id: delegateGroups.id })
    .from(delegateGroups)
    .where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.termId, termId), eq(delegateGroups.name, name)));
  return g;
}

export async function insertGroup(db: Executor, values: typeof delegateGroups.$inferInsert) {
  const [g] = await db.insert(delegateGroups).values(values).returning();
  return g!;
}

export async function updateGroup(db: Executor, townshipId: string, id: string, set: Partial<typeof delegateGroups.$inferInsert>) {
  const [g] = await db
    .update(delegateGroups)
    .set(set)
    .where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.id, id)))
    .returning();
  return g;
}

export async function deleteGroup(db: Executor, townshipId: string, id: string) {
  await db.delete(groupMembers).where(and(eq(groupMembers.townshipId, townshipId), eq(groupMembers.groupId, id)));
  await db.delete(delegateGroups).where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.id, id)));
}

/** Makes the member list exactly `memberIds`; `kind` is copied for the one-group-per-kind index. */
export async function setMembers(db: Executor, townshipId: string, groupId: string, kind: string, memberIds: string[]) {
  await db.delete(groupMembers).where(and(eq(groupMembers.townshipId, townshipId), eq(groupMembers.groupId, groupId)));
  if (memberIds.length === 0) return;
  await db.insert(groupMembers).values(memberIds.map((delegateId) => ({ groupId, delegateId, townshipId, kind })));
}

/** A terminated delegate leaves every group and every leader's post; returns the groups left. */
export async function removeFromAllGroups(db: Executor, townshipId: string, delegateId: string) {
  const left = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.townshipId, townshipId), eq(groupMembers.delegateId, delegateId)))
    .returning({ groupId: groupMembers.groupId });
  await db
    .update(delegateGroups)
    .set({
      leaderId: sql`case when ${delegateGroups.leaderId} = ${delegateId} then null else ${delegateGroups.leaderId} end`,
      deputyLeaderId: sql`case when ${delegateGroups.deputyLeaderId} = ${delegateId} then null else ${delegateGroups.deputyLeaderId} end`,
    })
    .where(and(eq(delegateGroups.townshipId, townshipId), or(eq(delegateGroups.leaderId, delegateId), eq(delegateGroups.deputyLeaderId, delegateId))));
  if (left.length === 0) return [];
  return db
    .select({ id: delegateGroups.id, name: delegateGroups.name })
    .from(delegateGroups)
    .where(and(eq(delegateGroups.townshipId, townshipId), inArray(delegateGroups.id, left.map((l) => l.groupId))));
}
