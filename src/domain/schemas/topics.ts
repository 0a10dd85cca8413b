import { z } from 'zod';
import { MeetingRules } from '../meeting/rules.js';
import { TOPIC_PROPOSER_KINDS, TOPIC_STATUSES, type TopicProposerKind, type TopicStatus } from '../meeting/topic.js';
import { Deadline } from './meeting-views.js';
import { Timestamp } from './responses.js';

/** Response shapes of the topics API (议题 and their co-signatures). */

const NamedRef = z.object({ id: z.string(), name: z.string().nullable() });

export const TopicView = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  content: z.string(),
  proposerKind: z.enum(Object.keys(TOPIC_PROPOSER_KINDS) as [TopicProposerKind, ...TopicProposerKind[]]),
  proposerLabel: z.string(),
  group: NamedRef.nullable(),
  initiator: NamedRef.nullable(),
  status: z.enum(Object.keys(TOPIC_STATUSES) as [TopicStatus, ...TopicStatus[]]),
  statusLabel: z.string(),
  /** Joint topics only: signatures so far and the minimum; null for the committee's and a group's. */
  signatures: z.number().int().nullable(),
  minimum: z.number().int().nullable(),
  cosigners: z.array(z.object({ delegateId: z.string(), name: z.string(), method: z.string(), signedAt: Timestamp })),
  /** Whether the reader has signed (null when the reader is no delegate or the topic is not joint). */
  signedByMe: z.boolean().nullable(),
  submittedAt: Timestamp.nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deadline: Deadline,
});

/** A meeting's topics with the deadline and who may propose. */
export const TopicList = z.object({
  deadline: Deadline,
  rules: z.object({ topicProposers: MeetingRules.shape.topicProposers, topicCosignMinimum: MeetingRules.shape.topicCosignMinimum }),
  items: z.array(TopicView),
});
