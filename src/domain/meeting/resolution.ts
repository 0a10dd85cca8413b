import type { MeetingRules } from './rules.js';
import { passResult, type VoteCounts } from './pass-rule.js';
import { quorumRefusal, quorumStatus } from './quorum.js';
import { checkShowOfHands } from './poll.js';
import { chineseDate } from './deadlines.js';

/**
 * 决议 (DOMAIN.md §1): drafted by the committee, adopted by a vote of the meeting, carried out
 * by the committee through implementation items and reported on to the next meeting. A
 * resolution is not changed without the meeting, except that an urgent change (紧急变更) is
 * notified to every delegate with its reasons; important ones go in writing to all delegates
 * and to the people's congress and government.
 */

export const RESOLUTION_STATUSES = { draft: '草案', adopted: '已通过', rejected: '未通过', superseded: '已被取代' } as const;
export type ResolutionStatus = keyof typeof RESOLUTION_STATUSES;
export const RESOLUTION_STATUS_IDS = Object.keys(RESOLUTION_STATUSES) as ResolutionStatus[];

export const RESOLUTION_IMPORTANCE = { normal: '一般', important: '重要' } as const;
export type ResolutionImportance = keyof typeof RESOLUTION_IMPORTANCE;

export const CHANGE_KINDS = { urgent: '紧急变更', byMeeting: '大会决定变更' } as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

/** Who an important resolution goes to in writing; `other` is any further recipient. */
export const DISTRIBUTION_RECIPIENTS = {
  allDelegates: '全体党代表',
  peoplesCongress: '乡镇人民代表大会',
  government: '乡镇人民政府',
  other: '其他',
} as const;
export type DistributionRecipient = keyof typeof DISTRIBUTION_RECIPIENTS;
export const REQUIRED_FOR_IMPORTANT: readonly DistributionRecipient[] = ['allDelegates', 'peoplesCongress', 'government'];

/** What may be done to a resolution in which status; a refusal reads as a Chinese sentence. */
export const RESOLUTION_ACTIONS = {
  edit: { label: '修改决议草案', in: ['draft'] },
  delete: { label: '删除决议', in: ['draft'] },
  adopt: { label: '通过决议', in: ['draft'] },
  reject: { label: '记录决议未通过', in: ['draft'] },
  change: { label: '变更决议', in: ['adopted'] },
  supersede: { label: '标记为已被取代', in: ['adopted'] },
  implement: { label: '安排或更新落实事项', in: ['adopted'] },
  distribute: { label: '登记决议印发', in: ['adopted'] },
} as const satisfies Record<string, { label: string; in: readonly ResolutionStatus[] }>;
export type ResolutionAction = keyof typeof RESOLUTION_ACTIONS;

export function checkResolutionAction(status: ResolutionStatus, action: ResolutionAction): string | null {
  const a = RESOLUTION_ACTIONS[action];
  if ((a.in as readonly ResolutionStatus[]).includes(status)) return null;
  return `决议${RESOLUTION_STATUSES[status]}，不能${a.label}`;
}

/** Resolutions are voted on at the meeting; the record may be entered once it has opened. */
export function checkMeetingForDecision(meetingStatus: string): string | null {
  if (meetingStatus === 'inProgress' || meetingStatus === 'closed') return null;
  return '会议尚未开幕，不能表决决议';
}

/** What the adoption needs to know of a poll (read from the voting module's table). */
export interface PollFacts {
  id: string;
  meetingId: string;
  status: string;
  /** null until the poll is closed and counted. */
  passed: boolean | null;
}

/**
 * A resolution is adopted on a closed poll of its own meeting that passed, and recorded as
 * rejected on one that failed. null when `poll` supports `outcome`, else why not.
 */
export function checkPollForDecision(poll: PollFacts | undefined, meetingId: string, outcome: 'adopted' | 'rejected'): string | null {
  if (!poll) return '表决不存在或无权访问';
  if (poll.meetingId !== meetingId) return '只能依据本次会议的表决作出决定';
  if (poll.status !== 'closed' || poll.passed === null) return '表决尚未结束，不能据此作出决定';
  if (outcome === 'adopted' && !poll.passed) return '该表决未获通过，不能据此通过决议';
  if (outcome === 'rejected' && poll.passed) return '该表决已获通过，不能据此记录决议未通过';
  return null;
}

/** The figures of the vote that decided a resolution, kept with it for the record and the documents. */
export interface VoteRecord extends VoteCounts {
  /** poll: a closed poll of the polls module; manual: figures entered by the administrator. */
  source: 'poll' | 'manual';
  pollId: string | null;
  /** showOfHands | named | secret for a poll; null for a manual record. */
  method: string | null;
  present: number;
  due: number | null;
  passed: boolean;
  requiredYes: number;
}

/** A vote taken outside the polls module (e.g. a show of hands counted on paper). */
export interface ManualVote extends VoteCounts {
  present: number;
  /** 应到会代表, when no attendance rows say it. */
  due?: number | null;
}

/**
 * Checks a manual vote record against the meeting's rules, as the polls module would have:
 * counts within those present, present within those due, the meeting quorum, then the pass
 * rule. `dueFromAttendance` is the number of attendance rows when the notice has gone out.
 */
export function evaluateManualVote(vote: ManualVote, rules: MeetingRules, dueFromAttendance: number | null): { record: VoteRecord } | { error: string } {
  if (!Number.isSafeInteger(vote.present) || vote.present < 0) return { error: '实到会代表人数须为非负整数' };
  const counts = { yes: vote.yes, no: vote.no, abstain: vote.abstain };
  const wrongCounts = checkShowOfHands(counts, vote.present);
  if (wrongCounts) return { error: wrongCounts.replace('表决开始时的', '') };
  if (dueFromAttendance !== null && vote.due != null && vote.due !== dueFromAttendance) {
    return { error: `应到会代表 ${vote.due} 人与本次会议的应到会名单（${dueFromAttendance} 人）不一致` };
  }
  const due = dueFromAttendance ?? vote.due ?? null;
  if (due !== null && vote.present > due) return { error: `实到会代表 ${vote.present} 人，超过了应到会代表 ${due} 人` };
  if (due !== null) {
    const refusal = quorumRefusal('meeting', quorumStatus({ due, present: vote.present }, rules.meetingQuorum));
    if (refusal) return { error: refusal.replace('不能开始表决', '表决无效') };
  }
  if (rules.passRule.basis === 'due' && due === null) return { error: '本次会议以应到会代表为通过基数，请填写应到会代表人数' };
  const r = passResult(counts, { present: vote.present, due: due ?? 0 }, rules.passRule);
  return { record: { source: 'manual', pollId: null, method: null, ...counts, present: vote.present, due, passed: r.passed, requiredYes: r.requiredYes } };
}

/** null when the vote supports the decision, else why not (with the figures). */
export function checkVoteForDecision(record: VoteRecord, outcome: 'adopted' | 'rejected'): string | null {
  if (outcome === 'adopted' && !record.passed) {
    return `表决未获通过：赞成 ${record.yes} 票，至少须 ${record.requiredYes} 票，不能通过决议`;
  }
  if (outcome === 'rejected' && record.passed) return `表决已获通过（赞成 ${record.yes} 票），不能记录为未通过`;
  return null;
}

// ── implementation items (落实事项) ──────────────────────────────────────────────────────────

export const ITEM_STATUSES = { notStarted: '未开始', inProgress: '推进中', done: '已完成', overdue: '已逾期' } as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;
/** What is stored; `overdue` is never stored but derived from the due date and today. */
export type StoredItemStatus = Exclude<ItemStatus, 'overdue'>;

export function statusForProgress(progress: number): StoredItemStatus {
  if (progress >= 100) return 'done';
  return progress > 0 ? 'inProgress' : 'notStarted';
}

export interface ItemFacts {
  status: StoredItemStatus;
  dueOn: string | null;
}

/** Overdue = not done and the due date has passed (the due day itself is still in time). */
export function isOverdue(item: ItemFacts, today: string): boolean {
  return item.status !== 'done' && item.dueOn !== null && item.dueOn < today;
}

export function displayStatus(item: ItemFacts, today: string): ItemStatus {
  return isOverdue(item, today) ? 'overdue' : item.status;
}

/** Whole days past the due date (0 when not overdue). */
export function daysOverdue(item: ItemFacts, today: string): number {
  if (!isOverdue(item, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.dueOn}T00:00:00Z`)) / 86_400_000);
}

export interface ImplementationSummary {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  /** Mean progress of the items, 0–100, rounded; 0 with no items. */
  averageProgress: number;
}

export function summarizeItems(items: readonly (ItemFacts & { progress: number })[], today: string): ImplementationSummary {
  const s: ImplementationSummary = { total: items.length, done: 0, inProgress: 0, notStarted: 0, overdue: 0, averageProgress: 0 };
  for (const i of items) s[displayStatus(i, today)]++;
  s.averageProgress = items.length ? Math.round(items.reduce((a, i) => a + i.progress, 0) / items.length) : 0;
  return s;
}

// ── distribution of important resolutions ────────────────────────────────────────────────

export function missingDistributions(importance: ResolutionImportance, sentTo: readonly DistributionRecipient[]): DistributionRecipient[] {
  if (importance !== 'important') return [];
  return REQUIRED_FOR_IMPORTANT.filter((r) => !sentTo.includes(r));
}

// ── how a resolution reads in a document ─────────────────────────────────────────────────

/** The line under a resolution's title: （2026年3月5日中国共产党青山镇第十二届代表大会第三次会议通过）. */
export function adoptionLine(meetingName: string, adoptedOn: string | null): string {
  return adoptedOn ? `（${chineseDate(adoptedOn)}${meetingName}通过）` : `（草案，提请${meetingName}审议）`;
}
