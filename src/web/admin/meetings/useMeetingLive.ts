import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useEventStream } from '../../shared/event-stream.js';
import { mBase, meetingKeys } from './queries.js';
import type { AttendanceSummary, PollSummary } from './types.js';

/**
 * The console's live channel: counts and poll progress are written straight into the cached
 * answers (so the numbers move at once), then the affected queries refetch the details.
 */
export function useMeetingLive(tid: string, mid: string) {
  const qc = useQueryClient();
  const handlers = useMemo(() => {
    const refresh = (part?: string) =>
      void qc.invalidateQueries({ queryKey: part ? meetingKeys.part(tid, mid, part) : meetingKeys.meeting(tid, mid) });
    return {
      state: () => refresh(),
      meeting: () => refresh(),
      agenda: () => {
        refresh('detail');
        refresh('agenda');
      },
      attendance: (data: unknown) => {
        const summary = data as AttendanceSummary;
        qc.setQueryData(meetingKeys.part(tid, mid, 'attendance'), (old: (AttendanceSummary & { rows: unknown[] }) | undefined) =>
          old ? { ...old, ...summary } : old,
        );
        refresh('attendance');
        refresh('polls');
      },
      poll: (data: unknown) => {
        const p = data as PollSummary;
        qc.setQueryData(meetingKeys.part(tid, mid, 'polls'), (old: { items: PollSummary[] } | undefined) =>
          old ? { ...old, items: old.items.map((x) => (x.id === p.id ? { ...x, ...p } : x)) } : old,
        );
        refresh('polls');
      },
      pollResult: () => {
        refresh('polls');
        refresh('resolutions');
      },
      resolution: () => refresh('resolutions'),
    };
  }, [qc, tid, mid]);
  return useEventStream(`${mBase(tid, mid)}/stream`, handlers);
}
