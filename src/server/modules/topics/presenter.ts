import type { MeetingDeadline } from '../../../domain/meeting/deadlines.js';
import { TOPIC_PROPOSER_KINDS, TOPIC_STATUSES, type TopicProposerKind, type TopicStatus } from '../../../domain/meeting/topic.js';
import type { TopicListRow } from './repository.js';

export interface Cosigner {
  delegateId: string;
  name: string;
  method: string;
  signedAt: Date;
}

export function presentTopic(row: TopicListRow, cosigners: Cosigner[], minimum: number, deadline: MeetingDeadline, viewerDelegateId: string | null) {
  const t = row.topic;
  const kind = t.proposerKind as TopicProposerKind;
  return {
    id: t.id,
    meetingId: t.meetingId,
    title: t.title,
    content: t.content,
    proposerKind: kind,
    proposerLabel: TOPIC_PROPOSER_KINDS[kind] ?? kind,
    group: t.groupId ? { id: t.groupId, name: row.groupName } : null,
    initiator: t.initiatorDelegateId ? { id: t.initiatorDelegateId, name: row.initiatorName } : null,
    status: t.status as TopicStatus,
    statusLabel: TOPIC_STATUSES[t.status as TopicStatus] ?? t.status,
    signatures: kind === 'delegates' ? row.signatures : null,
    minimum: kind === 'delegates' ? minimum : null,
    cosigners: kind === 'delegates' ? cosigners.map((c) => ({ delegateId: c.delegateId, name: c.name, method: c.method, signedAt: c.signedAt })) : [],
    signedByMe: viewerDelegateId && kind === 'delegates' ? cosigners.some((c) => c.delegateId === viewerDelegateId) : null,
    submittedAt: t.submittedAt,
    decisionReason: t.decisionReason,
    decidedAt: t.decidedAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    deadline,
  };
}
