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

/** The band under the meeting name: the agenda item while the meeting runs, its phase otherwise. */
export function agendaLine(view: Pick<ScreenView, 'meetingStatus' | 'agendaTitle'>): { label: string; text: string } {
  // A closed meeting keeps its last current agenda item on the server; the hall must not read it
  // as still under way.
  if (view.meetingStatus === 'closed') return { label: '会议状态', text: '大会已闭幕' };
  if (view.agendaTitle) return { label: '当前议程', text: view.agendaTitle };
  return { label: '当前议程', text: view.meetingStatus === 'inProgress' ? '大会进行中' : '大会尚未开幕' };
}

/** The footer's connection note; after the close there is nothing left to keep in sync. */
export function syncLine(meetingStatus: string, stream: string): { live: boolean; text: string } {
  if (meetingStatus === 'closed') return { live: false, text: '大会已闭幕，感谢各位代表' };
  return stream === 'open' ? { live: true, text: '实时同步中' } : { live: false, text: '正在重新连接……' };
}
