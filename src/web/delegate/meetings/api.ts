import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { MyMeetingList } from '../../../domain/schemas/notices.js';

/** Shapes of the delegate's own meeting API (/api/me/...), as the server answers them. */

export type MyMeeting = Wire<typeof MyMeetingList>['items'][number];

export interface CheckInCode {
  meetingId: string;
  meetingName: string;
  token: string;
  qrSvg: string;
  checkedIn: boolean;
  checkedInAt: string | null;
  /** Whether this phone is the one bound at the hall desk, the only one that may vote. */
  phone: 'notCheckedIn' | 'bound' | 'unconfirmed' | 'released' | 'otherPhone';
  /** What to do at the desk when it is not. */
  phoneNote: string | null;
}

export const myKeys = {
  meetings: ['me', 'meetings'] as const,
  meeting: (mid: string) => ['me', 'meeting', mid] as const,
  part: (mid: string, part: string) => ['me', 'meeting', mid, part] as const,
};

export function useMyMeetings() {
  return useQuery({ queryKey: myKeys.meetings, queryFn: () => api.get<Wire<typeof MyMeetingList>>('/api/me/meetings').then((r) => r.items) });
}

/** The meeting a delegate cares about now: one in progress, else the next one notified. */
export function currentOf(items: MyMeeting[] | undefined): MyMeeting | undefined {
  if (!items) return undefined;
  return items.find((i) => i.meeting.status === 'inProgress') ?? [...items].filter((i) => i.meeting.status === 'notified').sort((a, b) => a.meeting.startsOn.localeCompare(b.meeting.startsOn))[0];
}

export function useCheckInCode(mid: string, enabled = true) {
  return useQuery({ queryKey: myKeys.part(mid, 'checkin'), queryFn: () => api.get<CheckInCode>(`/api/me/meetings/${mid}/checkin-code`), enabled });
}
