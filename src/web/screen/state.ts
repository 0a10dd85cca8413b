import type { Attendance, LivePoll, LiveResult, ScreenView } from './types.js';

export const screenUrls = (meetingId: string, token: string) => {
  const q = `?token=${encodeURIComponent(token)}`;
  return { state: `/api/screen/${meetingId}/state${q}`, events: `/api/screen/${meetingId}/stream${q}` };
};

interface RawState {
  township?: { name?: string };
  meeting?: { name?: string; status?: string; hasElection?: boolean };
  currentAgendaItem?: { title?: string } | null;
  attendance?: Attendance | null;
  poll?: LivePoll | null;
  lastResult?: LiveResult | null;
}

/** The screen API's full state (GET or the stream's `state` event) as the screen shows it. */
export function fromState(raw: unknown): ScreenView {
  const s = (raw ?? {}) as RawState;
  return {
    townshipName: s.township?.name ?? '',
    meetingName: s.meeting?.name ?? '',
    meetingStatus: s.meeting?.status ?? '',
    hasElection: !!s.meeting?.hasElection,
    agendaTitle: s.currentAgendaItem?.title ?? null,
    attendance: s.attendance ?? null,
    poll: s.poll ?? null,
    result: s.lastResult ?? null,
  };
}
