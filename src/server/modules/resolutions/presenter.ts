import {
  CHANGE_KINDS,
  DISTRIBUTION_RECIPIENTS,
  ITEM_STATUSES,
  RESOLUTION_IMPORTANCE,
  RESOLUTION_STATUSES,
  daysOverdue,
  displayStatus,
  isOverdue,
  missingDistributions,
  summarizeItems,
  type ChangeKind,
  type DistributionRecipient,
  type ResolutionImportance,
  type ResolutionStatus,
  type StoredItemStatus,
  type VoteRecord,
} from '../../../domain/meeting/resolution.js';
import type { ChangeRow, DistributionRow, ItemRow, ResolutionRow, UpdateRow } from './repository.js';

export function presentResolution(r: ResolutionRow) {
  return {
    id: r.id,
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    pollId: r.pollId,
    number: r.number,
    title: r.title,
    body: r.body,
    status: r.status as ResolutionStatus,
    statusLabel: RESOLUTION_STATUSES[r.status as ResolutionStatus] ?? r.status,
    importance: r.importance as ResolutionImportance,
    importanceLabel: RESOLUTION_IMPORTANCE[r.importance as ResolutionImportance] ?? r.importance,
    voteRecord: (r.voteRecord as VoteRecord | null) ?? null,
    adoptedAt: r.adoptedAt,
    rejectedAt: r.rejectedAt,
    supersededById: r.supersededById,
    supersededAt: r.supersededAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
export type ResolutionView = ReturnType<typeof presentResolution>;

export function presentUpdate(u: UpdateRow) {
  return { id: u.id, at: u.at, progress: u.progress, note: u.note, by: u.by };
}

/** An item as people read it: `status` includes the derived 'overdue'. */
export function presentItem(i: ItemRow, today: string, updates?: UpdateRow[]) {
  const facts = { status: i.status as StoredItemStatus, dueOn: i.dueOn };
  const status = displayStatus(facts, today);
  return {
    id: i.id,
    resolutionId: i.resolutionId,
    title: i.title,
    ownerName: i.ownerName,
    ownerUnit: i.ownerUnit,
    dueOn: i.dueOn,
    progress: i.progress,
    status,
    statusLabel: ITEM_STATUSES[status],
    overdue: isOverdue(facts, today),
    daysOverdue: daysOverdue(facts, today),
    notes: i.notes,
    completedOn: i.completedOn,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    ...(updates && { updates: updates.filter((u) => u.itemId === i.id).map(presentUpdate) }),
  };
}
export type ItemView = ReturnType<typeof presentItem>;

export function presentChange(c: ChangeRow) {
  return {
    id: c.id,
    kind: c.kind as ChangeKind,
    kindLabel: CHANGE_KINDS[c.kind as ChangeKind] ?? c.kind,
    reason: c.reason,
    before: c.beforeText,
    after: c.afterText,
    decidedOn: c.decidedOn,
    decidedByMeetingId: c.decidedByMeetingId,
    notifiedAt: c.notifiedAt,
    notifiedCount: c.notifiedCount,
    createdAt: c.createdAt,
  };
}

export function presentDistribution(d: DistributionRow) {
  return {
    id: d.id,
    recipient: d.recipient as DistributionRecipient,
    recipientLabel: DISTRIBUTION_RECIPIENTS[d.recipient as DistributionRecipient] ?? d.recipient,
    recipientName: d.recipientName,
    sentOn: d.sentOn,
    note: d.note,
  };
}

/** The full record of one resolution: items, changes, distribution and what is still missing. */
export function presentDetail(
  r: ResolutionRow,
  meeting: { id: string; name: string; startsOn: string; status: string },
  related: { items: ItemRow[]; updates?: UpdateRow[]; changes: ChangeRow[]; distributions: DistributionRow[] },
  today: string,
) {
  const items = related.items.filter((i) => i.resolutionId === r.id);
  const dist = related.distributions.filter((d) => d.resolutionId === r.id);
  const missing = r.status === 'adopted' ? missingDistributions(r.importance as ResolutionImportance, dist.map((d) => d.recipient as DistributionRecipient)) : [];
  return {
    ...presentResolution(r),
    meeting: { id: meeting.id, name: meeting.name, startsOn: meeting.startsOn, status: meeting.status },
    items: items.map((i) => presentItem(i, today, related.updates)),
    implementation: summarizeItems(items.map((i) => ({ status: i.status as StoredItemStatus, dueOn: i.dueOn, progress: i.progress })), today),
    changes: related.changes.filter((c) => c.resolutionId === r.id).map(presentChange),
    distributions: dist.map(presentDistribution),
    missingDistributions: missing.map((m) => ({ recipient: m, label: DISTRIBUTION_RECIPIENTS[m] })),
  };
}
