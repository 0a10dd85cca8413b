import { z } from 'zod';
import { MultilineText } from './text.js';
import { IsoDate, TownshipParams, Uuid } from './common.js';
import { DateText, Items, Timestamp } from './responses.js';
import {
  DISTRIBUTION_RECIPIENTS,
  ITEM_STATUSES,
  RESOLUTION_IMPORTANCE,
  RESOLUTION_STATUSES,
  type DistributionRecipient,
  type ItemStatus,
  type ResolutionImportance,
  type ResolutionStatus,
} from '../meeting/resolution.js';

/** Request and response shapes of the resolutions API (决议、落实事项、变更), shared by the server and the web. */

const text = (max: number, what: string) => MultilineText(`请填写${what}`).trim().max(max, `${what}不能超过 ${max} 个字`);
const required = (max: number, what: string) => text(max, what).min(1, `请填写${what}`);
const optional = (max: number, what: string) => text(max, what).optional().nullable();
/** A calendar date that exists: IsoDate alone lets 2026-02-30 through. */
const RealDate = IsoDate.refine((v) => {
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}, '日期无效：该日期不存在');
const count = (what: string) => z.number(`${what}应为数字`).int(`${what}须为整数`).min(0, `${what}不能为负数`).max(100000, `${what}过大`);

export const ResolutionMeetingParams = TownshipParams.extend({ meetingId: Uuid });
export const ResolutionParams = TownshipParams.extend({ resolutionId: Uuid });
export const DistributionParams = ResolutionParams.extend({ distributionId: Uuid });
export const ItemParams = TownshipParams.extend({ itemId: Uuid });

const Importance = z.enum(Object.keys(RESOLUTION_IMPORTANCE) as [ResolutionImportance, ...ResolutionImportance[]], '重要程度应为“一般”或“重要”');

export const ResolutionBody = z.object({
  title: required(120, '决议标题'),
  body: required(20000, '决议正文'),
  importance: Importance.default('normal'),
  agendaItemId: Uuid.optional().nullable(),
  /** 决议编号 within the meeting; the next free number when absent. */
  number: z.number('决议编号应为数字').int('决议编号须为整数').min(1, '决议编号须为正整数').max(999, '决议编号不能超过 999').optional(),
});
export type ResolutionBodyT = z.infer<typeof ResolutionBody>;

export const ManualVoteBody = z.object({
  yes: count('赞成票数'),
  no: count('反对票数'),
  abstain: count('弃权票数'),
  present: count('实到会代表人数'),
  due: count('应到会代表人数').optional().nullable(),
});

/**
 * 通过 / 未通过: either the closed poll that decided it (`pollId`), or — where the vote was
 * taken outside the polls module — the counts (`vote`), checked by the meeting's rules.
 */
export const DecisionBody = z
  .object({ pollId: Uuid.optional(), vote: ManualVoteBody.optional() })
  .refine((b) => (b.pollId ? 1 : 0) + (b.vote ? 1 : 0) === 1, '请提供表决（pollId）或表决结果（vote）其中之一');
export type DecisionBodyT = z.infer<typeof DecisionBody>;

export const UrgentChangeBody = z.object({
  reason: required(2000, '变更理由'),
  after: required(20000, '变更后的决议正文'),
  decidedOn: RealDate.optional(),
});
export type UrgentChangeBodyT = z.infer<typeof UrgentChangeBody>;

export const MeetingChangeBody = z.object({
  reason: required(2000, '变更理由'),
  after: required(20000, '变更后的决议正文'),
  /** The meeting that decided the change. */
  meetingId: Uuid,
  decidedOn: RealDate,
});
export type MeetingChangeBodyT = z.infer<typeof MeetingChangeBody>;

export const SupersedeBody = z.object({ byResolutionId: Uuid });

const Recipient = z.enum(Object.keys(DISTRIBUTION_RECIPIENTS) as [DistributionRecipient, ...DistributionRecipient[]], '印发对象无效');
export const DistributionBody = z.object({
  recipient: Recipient,
  recipientName: optional(100, '印发对象名称'),
  sentOn: RealDate,
  note: optional(500, '备注'),
});
export type DistributionBodyT = z.infer<typeof DistributionBody>;

export const ItemBody = z.object({
  title: required(200, '落实事项'),
  ownerName: optional(50, '责任人'),
  ownerUnit: optional(100, '承办单位'),
  dueOn: RealDate.optional().nullable(),
  notes: optional(2000, '备注'),
});
export type ItemBodyT = z.infer<typeof ItemBody>;

export const ProgressBody = z.object({
  progress: z.number('进度应为数字').int('进度须为整数').min(0, '进度不能小于 0').max(100, '进度不能超过 100'),
  note: optional(2000, '进展情况'),
});
export type ProgressBodyT = z.infer<typeof ProgressBody>;

/** Query of the documents: the 成文日期 and, for the notice, the reply deadline. */
export const DocumentQuery = z.object({
  issuedOn: RealDate.optional(),
  replyBy: RealDate.optional(),
});

// ── responses ──────────────────────────────────────────────────────────────────────────────

const Count = z.number().int();
const ResolutionStatusSchema = z.enum(Object.keys(RESOLUTION_STATUSES) as [ResolutionStatus, ...ResolutionStatus[]]);
const ItemStatusSchema = z.enum(Object.keys(ITEM_STATUSES) as [ItemStatus, ...ItemStatus[]]);

/** The figures of the vote that decided a resolution: from a closed poll, or entered by hand. */
export const VoteRecordView = z.object({
  source: z.enum(['poll', 'manual']),
  pollId: z.string().nullable(),
  method: z.string().nullable(),
  yes: Count,
  no: Count,
  abstain: Count,
  present: Count,
  due: Count.nullable(),
  passed: z.boolean(),
  requiredYes: Count,
});

export const ImplementationSummaryView = z.object({ total: Count, done: Count, inProgress: Count, notStarted: Count, overdue: Count, averageProgress: Count });

export const ResolutionView = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaItemId: z.string().nullable(),
  pollId: z.string().nullable(),
  number: Count,
  title: z.string(),
  body: z.string(),
  status: ResolutionStatusSchema,
  statusLabel: z.string(),
  importance: Importance,
  importanceLabel: z.string(),
  voteRecord: VoteRecordView.nullable(),
  adoptedAt: Timestamp.nullable(),
  rejectedAt: Timestamp.nullable(),
  supersededById: z.string().nullable(),
  supersededAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const ResolutionSummary = ResolutionView.extend({ implementation: ImplementationSummaryView });
const MeetingRef = z.object({ id: z.string(), name: z.string(), startsOn: DateText, status: z.string() });
export const ResolutionList = z.object({ meeting: MeetingRef, items: z.array(ResolutionSummary) });

export const ProgressUpdateView = z.object({ id: z.string(), at: Timestamp, progress: Count, note: z.string().nullable(), by: z.string() });

/** A 落实事项; `status` includes the derived 'overdue'. */
export const ImplementationItemView = z.object({
  id: z.string(),
  resolutionId: z.string(),
  title: z.string(),
  ownerName: z.string().nullable(),
  ownerUnit: z.string().nullable(),
  dueOn: DateText.nullable(),
  progress: Count,
  status: ItemStatusSchema,
  statusLabel: z.string(),
  overdue: z.boolean(),
  daysOverdue: Count,
  notes: z.string().nullable(),
  completedOn: DateText.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The progress log, newest first (left out in the implementation report, which gives the latest). */
  updates: z.array(ProgressUpdateView).optional(),
});
export const ImplementationItemList = Items(ImplementationItemView);

export const ResolutionChangeView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  reason: z.string(),
  before: z.string(),
  after: z.string(),
  decidedOn: DateText.nullable(),
  decidedByMeetingId: z.string().nullable(),
  notifiedAt: Timestamp.nullable(),
  notifiedCount: Count.nullable(),
  createdAt: Timestamp,
});

export const DistributionView = z.object({
  id: z.string(),
  recipient: z.string(),
  recipientLabel: z.string(),
  recipientName: z.string().nullable(),
  sentOn: DateText,
  note: z.string().nullable(),
});

/** The full record of one resolution: items, changes, distribution and what is still missing. */
export const ResolutionDetail = ResolutionView.extend({
  meeting: MeetingRef,
  items: z.array(ImplementationItemView),
  implementation: ImplementationSummaryView,
  changes: z.array(ResolutionChangeView),
  distributions: z.array(DistributionView),
  missingDistributions: z.array(z.object({ recipient: z.string(), label: z.string() })),
});

export const UrgentChangeResult = z.object({ change: ResolutionChangeView, notified: Count, sms: Count, resolution: ResolutionDetail });
export const MeetingChangeResult = z.object({ change: ResolutionChangeView, resolution: ResolutionDetail });

/** 决议执行情况报告: the earlier meetings' resolutions with their items and changes. */
export const ImplementationReportView = z.object({
  meeting: MeetingRef.extend({ sessionNumber: Count }),
  generatedOn: DateText,
  previousMeetings: z.array(z.object({ id: z.string(), name: z.string(), startsOn: DateText, sessionNumber: Count, resolutionCount: Count })),
  summary: z.object({ resolutions: Count, adopted: Count, superseded: Count, changed: Count, items: ImplementationSummaryView }),
  resolutions: z.array(ResolutionDetail.extend({ items: z.array(ImplementationItemView.extend({ latestUpdate: ProgressUpdateView.nullable() })) })),
});

export { NoContent } from './responses.js';
