import type { MeetingRules } from './rules.js';

/**
 * 议题: proposed by the committee, by a delegate group through its leader, or jointly by
 * delegates who co-sign online. A joint topic collects signatures (the initiator signs first and
 * counts) until the initiator submits it with at least the minimum; the committee then decides.
 */

export const TOPIC_PROPOSER_KINDS = { committee: '乡镇党委', group: '代表小组', delegates: '代表联名' } as const;
export type TopicProposerKind = keyof typeof TOPIC_PROPOSER_KINDS;

export const TOPIC_STATUSES = {
  collecting: '征集联名中',
  submitted: '待党委决定',
  accepted: '已采纳',
  rejected: '未采纳',
  withdrawn: '已撤回',
} as const;
export type TopicStatus = keyof typeof TOPIC_STATUSES;

export function checkProposerAllowed(rules: Pick<MeetingRules, 'topicProposers'>, kind: TopicProposerKind): string | null {
  return rules.topicProposers[kind] ? null : `本乡镇的会议规则不允许由${TOPIC_PROPOSER_KINDS[kind]}提出议题`;
}

/** The status a new topic starts in: only a joint topic needs signatures first. */
export const initialTopicStatus = (kind: TopicProposerKind, signatures: number, minimum: number): TopicStatus =>
  kind === 'delegates' && signatures < minimum ? 'collecting' : 'submitted';

export function checkCosign(status: TopicStatus, kind: TopicProposerKind): string | null {
  if (kind !== 'delegates') return '只有代表联名提出的议题需要联名';
  if (status !== 'collecting') return `议题${TOPIC_STATUSES[status]}，不能再联名或撤回联名`;
  return null;
}

export function checkSubmit(status: TopicStatus, signatures: number, minimum: number): string | null {
  if (status !== 'collecting') return `议题${TOPIC_STATUSES[status]}，不能提交`;
  if (signatures < minimum) return `联名代表须不少于 ${minimum} 人（含发起人），目前 ${signatures} 人，还差 ${minimum - signatures} 人`;
  return null;
}

export function checkDecision(status: TopicStatus, accepted: boolean, reason: string | null | undefined): string | null {
  if (status === 'collecting') return '议题尚在征集联名，提交后才能决定';
  if (status !== 'submitted') return `议题${TOPIC_STATUSES[status]}，不能再次决定`;
  if (!accepted && !reason?.trim()) return '不予采纳时须写明理由';
  return null;
}

export function checkWithdraw(status: TopicStatus): string | null {
  return status === 'collecting' || status === 'submitted' ? null : `议题${TOPIC_STATUSES[status]}，不能撤回`;
}
