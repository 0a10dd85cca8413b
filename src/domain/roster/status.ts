/**
 * Delegate status and its changes (党代表任期制暂行条例 2008, arts. 25–28): which reasons
 * suspend a delegate, which end the qualification, and which transitions are allowed.
 */
export const DELEGATE_STATUSES = { active: '正常', suspended: '停止执行职务', terminated: '资格终止' } as const;
export type DelegateStatus = keyof typeof DELEGATE_STATUSES;

export const STATUS_REASONS = {
  // → terminated
  sanction: { to: 'terminated', label: '受留党察看以上党纪处分' },
  partyMembershipSuspended: { to: 'terminated', label: '被停止党籍' },
  nationalityLost: { to: 'terminated', label: '丧失中华人民共和国国籍' },
  resignationAccepted: { to: 'terminated', label: '辞去代表职务被接受' },
  death: { to: 'terminated', label: '死亡' },
  // → suspended
  membershipMovedOut: { to: 'suspended', label: '党员组织关系转出本选举单位' },
  transferredOut: { to: 'suspended', label: '调离本行政区域' },
  // → active
  reinstated: { to: 'active', label: '停止执行职务的原因消失，恢复执行职务' },
} as const satisfies Record<string, { to: DelegateStatus; label: string }>;
export type StatusReason = keyof typeof STATUS_REASONS;

/** Allowed transitions: termination is final; a suspension may end either way. */
const ALLOWED: Record<DelegateStatus, readonly DelegateStatus[]> = {
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
};

export function checkStatusChange(from: DelegateStatus, reason: StatusReason): string | null {
  const to = STATUS_REASONS[reason].to;
  if (from === 'terminated') return '代表资格已终止，不能再变更状态（空缺可通过补选填补）';
  if (from === to) return `代表当前已是“${DELEGATE_STATUSES[from]}”状态`;
  if (!ALLOWED[from].includes(to)) return `不能从“${DELEGATE_STATUSES[from]}”变更为“${DELEGATE_STATUSES[to]}”`;
  return null;
}
