import type { ImplementationSummary, VoteRecord } from '../../../../domain/meeting/resolution.js';

/** As src/server/modules/resolutions/presenter.ts answers. */
export interface Resolution {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  pollId: string | null;
  number: number;
  title: string;
  body: string;
  status: 'draft' | 'adopted' | 'rejected' | 'superseded';
  statusLabel: string;
  importance: 'normal' | 'important';
  importanceLabel: string;
  voteRecord: VoteRecord | null;
  adoptedAt: string | null;
  rejectedAt: string | null;
  implementation: ImplementationSummary;
}

export interface ImplementationItem {
  id: string;
  resolutionId: string;
  title: string;
  ownerName: string | null;
  ownerUnit: string | null;
  dueOn: string | null;
  progress: number;
  status: 'notStarted' | 'inProgress' | 'done' | 'overdue';
  statusLabel: string;
  overdue: boolean;
  daysOverdue: number;
  notes: string | null;
  updates?: { id: string; at: string; progress: number; note: string | null; by: string | null }[];
}

export interface ResolutionDetail extends Resolution {
  items: ImplementationItem[];
  changes: { id: string; kind: string; kindLabel: string; reason: string; before: string; after: string; decidedOn: string | null; notifiedAt: string | null; notifiedCount: number | null }[];
  distributions: { id: string; recipient: string; recipientLabel: string; recipientName: string | null; sentOn: string; note: string | null }[];
  missingDistributions: { recipient: string; label: string }[];
}
