import { GROUP_KINDS } from '../../domain/groups/size.js';
import { DELEGATE_STATUSES, type DelegateStatus } from '../../domain/roster/status.js';

export { DELEGATE_STATUSES };

/** Tag colours shared by admin and phone pages: green is serving, orange paused, grey ended. */
export const STATUS_COLORS: Record<DelegateStatus, string> = {
  active: 'green',
  suspended: 'orange',
  terminated: 'default',
};

export const statusLabel = (s: string) => DELEGATE_STATUSES[s as DelegateStatus] ?? s;

export const GROUP_KIND_LABELS: Record<string, string> = GROUP_KINDS;
