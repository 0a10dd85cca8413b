/**
 * The life of a meeting: draft (筹备中) → notified (已发通知) → inProgress (进行中) → closed
 * (已闭幕). Check-in and votes need inProgress; a closed meeting is final. Every refusal is a
 * Chinese sentence the administrator can act on.
 */

export const MEETING_STATUSES = { draft: '筹备中', notified: '已发通知', inProgress: '进行中', closed: '已闭幕' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;
export const MEETING_STATUS_IDS = Object.keys(MEETING_STATUSES) as MeetingStatus[];

export const TRANSITIONS = {
  notify: { from: 'draft', to: 'notified', label: '发出会议通知' },
  open: { from: 'notified', to: 'inProgress', label: '开幕' },
  close: { from: 'inProgress', to: 'closed', label: '闭幕' },
} as const satisfies Record<string, { from: MeetingStatus; to: MeetingStatus; label: string }>;
export type MeetingTransition = keyof typeof TRANSITIONS;

/** Facts a service gathers before a transition; absent facts are not checked. */
export interface TransitionFacts {
  /** Active delegates of the term (for notify) or attendance rows (for open). */
  dueCount?: number;
  /** Polls, elections or evaluations still open (for close). */
  openVotes?: number;
}

const WRONG_STATE: Record<MeetingTransition, Record<MeetingStatus, string>> = {
  notify: {
    draft: '',
    notified: '会议通知已经发出，不能重复发送',
    inProgress: '会议已开幕，不能再发会议通知',
    closed: '会议已闭幕，不能再发会议通知',
  },
  open: {
    draft: '会议通知尚未发出，不能开幕：请先向代表发出会议通知',
    notified: '',
    inProgress: '会议已经开幕',
    closed: '会议已闭幕，不能重新开幕',
  },
  close: {
    draft: '会议尚未开幕，不能闭幕',
    notified: '会议尚未开幕，不能闭幕',
    inProgress: '',
    closed: '会议已经闭幕',
  },
};

/** null when the transition may happen, else why not. */
export function checkTransition(from: MeetingStatus, action: MeetingTransition, facts: TransitionFacts = {}): string | null {
  const wrong = WRONG_STATE[action][from];
  if (wrong) return wrong;
  if (action === 'notify' && facts.dueCount === 0) return '本届没有正常履职的代表，无法发出会议通知';
  if (action === 'open' && facts.dueCount === 0) return '没有应到会代表，不能开幕';
  if (action === 'close' && facts.openVotes) return `还有 ${facts.openVotes} 项表决尚未结束，不能闭幕`;
  return null;
}

export function nextStatus(from: MeetingStatus, action: MeetingTransition): MeetingStatus {
  const msg = checkTransition(from, action);
  if (msg) throw new Error(msg);
  return TRANSITIONS[action].to;
}

/** What may be done to a meeting in which states (beyond the transitions). */
export const ACTIVITIES = {
  edit: { label: '修改会议信息', in: ['draft', 'notified'] },
  proposeTopic: { label: '提出或联名议题', in: ['draft', 'notified'] },
  decideTopic: { label: '决定议题', in: ['draft', 'notified'] },
  reply: { label: '回复参会或请假', in: ['notified', 'inProgress'] },
  editAgenda: { label: '修改议程', in: ['draft', 'notified', 'inProgress'] },
  setCurrentAgenda: { label: '切换当前议程', in: ['inProgress'] },
  editBriefings: { label: '发布或修改情况通报', in: ['draft', 'notified', 'inProgress'] },
  comment: { label: '提出意见', in: ['draft', 'notified', 'inProgress'] },
  manageObservers: { label: '安排列席人员', in: ['draft', 'notified', 'inProgress'] },
  applyToObserve: { label: '申请列席', in: ['draft', 'notified'] },
  adoptQualificationReview: { label: '审议代表资格审查报告', in: ['notified', 'inProgress'] },
  publishNotice: { label: '发布或撤回公告', in: ['draft', 'notified'] },
} as const satisfies Record<string, { label: string; in: readonly MeetingStatus[] }>;
export type MeetingActivity = keyof typeof ACTIVITIES;

export function checkActivity(status: MeetingStatus, activity: MeetingActivity): string | null {
  const a = ACTIVITIES[activity];
  if ((a.in as readonly MeetingStatus[]).includes(status)) return null;
  return `会议${MEETING_STATUSES[status]}，不能${a.label}`;
}

export const isMeetingStatus = (s: string): s is MeetingStatus => s in MEETING_STATUSES;
