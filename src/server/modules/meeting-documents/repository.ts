import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  agendaItems,
  counties,
  delegateGroups,
  delegates,
  groupSessions,
  observers,
  polls,
  resolutions,
  topicCosignatures,
  topics,
} from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** Read-only queries that gather what a meeting's documents print; every one filtered by township. */

export async function countyName(db: Executor, countyId: string) {
  const [c] = await db.select({ name: counties.name }).from(counties).where(eq(counties.id, countyId));
  return c?.name ?? '';
}

export const agendaOf = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({ title: agendaItems.title, presenter: agendaItems.presenter, groupSession: agendaItems.groupSession })
    .from(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));

export const groupSessionsOf = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({ groupName: delegateGroups.name, convener: delegates.name, place: groupSessions.place })
    .from(groupSessions)
    .innerJoin(delegateGroups, eq(delegateGroups.id, groupSessions.groupId))
    .leftJoin(delegates, eq(delegates.id, groupSessions.convenerDelegateId))
    .where(and(eq(groupSessions.townshipId, townshipId), eq(groupSessions.meetingId, meetingId)))
    .orderBy(asc(delegateGroups.name));

export const approvedObservers = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({ name: observers.name, organisation: observers.organisation, kind: observers.kind })
    .from(observers)
    .where(and(eq(observers.townshipId, townshipId), eq(observers.meetingId, meetingId), eq(observers.status, 'approved')));

/** Accepted topics with who proposed them: the committee, a group, or an initiator and co-signers. */
export const acceptedTopics = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({
      title: topics.title,
      proposerKind: topics.proposerKind,
      groupName: delegateGroups.name,
      initiator: delegates.name,
      cosigners: sql<number>`(select count(*)::int from ${topicCosignatures} where ${topicCosignatures.topicId} = ${topics.id})`,
    })
    .from(topics)
    .leftJoin(delegateGroups, eq(delegateGroups.id, topics.groupId))
    .leftJoin(delegates, eq(delegates.id, topics.initiatorDelegateId))
    .where(and(eq(topics.townshipId, townshipId), eq(topics.meetingId, meetingId), eq(topics.status, 'accepted')))
    .orderBy(asc(topics.createdAt));

export const closedPolls = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select()
    .from(polls)
    .where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), eq(polls.status, 'closed')))
    .orderBy(asc(polls.closedAt));

/** Resolutions the meeting voted on: adopted (even if superseded since) and rejected. */
export const decidedResolutions = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select()
    .from(resolutions)
    .where(and(eq(resolutions.townshipId, townshipId), eq(resolutions.meetingId, meetingId), inArray(resolutions.status, ['adopted', 'superseded', 'rejected'])))
    .orderBy(asc(resolutions.number));
