import type { BallotBox } from './ballot-box.js';
import type { MeetingState } from './state-service.js';

/** What never changes about a poll (township, meeting, method), cached so that a ballot costs one statement. */
export interface PollMeta {
  id: string;
  townshipId: string;
  meetingId: string;
  method: string;
}

/** The polls' per-process state of a context: ballot boxes, poll facts, meeting states being built. */
export interface PollsState {
  /** One ballot box per open poll (group commit), by poll id. */
  boxes: Map<string, BallotBox>;
  metas: Map<string, PollMeta>;
  /** A meeting's live state while it is computed, shared by the screens that connect meanwhile. */
  meetingStates: Map<string, Promise<MeetingState>>;
}

export const newPollsState = (): PollsState => ({ boxes: new Map(), metas: new Map(), meetingStates: new Map() });
