import { describe, expect, it } from 'vitest';
import { checkStatusChange, STATUS_REASONS, type DelegateStatus, type StatusReason } from './status.js';

const reasons = Object.keys(STATUS_REASONS) as StatusReason[];

describe('delegate status changes', () => {
  it.each(reasons)('an active delegate may change for %s unless it is a reinstatement', (reason) => {
    const msg = checkStatusChange('active', reason);
    if (STATUS_REASONS[reason].to === 'active') expect(msg).toBe('代表当前已是“正常”状态');
    else expect(msg).toBeNull();
  });

  it.each(reasons)('a terminated delegate never changes (%s)', (reason) => {
    expect(checkStatusChange('terminated', reason)).toBe('代表资格已终止，不能再变更状态（空缺可通过补选填补）');
  });

  it('a suspended delegate may be reinstated or terminated but not suspended again', () => {
    expect(checkStatusChange('suspended', 'reinstated')).toBeNull();
    expect(checkStatusChange('suspended', 'sanction')).toBeNull();
    expect(checkStatusChange('suspended', 'transferredOut')).toBe('代表当前已是“停止执行职务”状态');
  });

  it('maps every reason of arts. 25–28 to the right status', () => {
    const to = (r: StatusReason): DelegateStatus => STATUS_REASONS[r].to;
    expect(to('sanction')).toBe('terminated');
    expect(to('resignationAccepted')).toBe('terminated');
    expect(to('membershipMovedOut')).toBe('suspended');
    expect(to('transferredOut')).toBe('suspended');
  });
});
