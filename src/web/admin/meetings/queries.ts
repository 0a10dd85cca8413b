import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';
import type { MeetingDetail } from './types.js';

export const tBase = (tid: string) => `/api/townships/${tid}`;
export const mBase = (tid: string, mid: string) => `/api/townships/${tid}/meetings/${mid}`;

/**
 * Query keys: everything of one meeting sits under ['meeting', tid, mid] so that a live event
 * can refresh the whole workspace with one invalidation.
 */
export const meetingKeys = {
  rules: (tid: string) => ['meetingRules', tid] as const,
  list: (tid: string) => ['meetings', tid] as const,
  meeting: (tid: string, mid: string) => ['meeting', tid, mid] as const,
  part: (tid: string, mid: string, part: string, ...rest: unknown[]) => ['meeting', tid, mid, part, ...rest] as const,
};

export function useMeeting(tid: string, mid: string) {
  return useQuery({
    queryKey: meetingKeys.part(tid, mid, 'detail'),
    queryFn: () => api.get<MeetingDetail>(mBase(tid, mid)),
  });
}

/** A GET of one part of a meeting (topics, agenda, …) under the meeting's key; one path per part. */
export function useMeetingPart<T>(tid: string, mid: string, part: string, path: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.part(tid, mid, part),
    queryFn: () => api.get<T>(`${mBase(tid, mid)}${path}`),
    enabled,
  });
}
