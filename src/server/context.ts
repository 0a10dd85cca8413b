import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { FieldCipher } from './security/crypto.js';
import type { EventHub } from './realtime/hub.js';
import { newLive, type Live } from './realtime/live.js';
import { newSmsState, type SmsState } from './modules/notices/sms.js';
import { newPollsState, type PollsState } from './modules/polls/process-state.js';
import { newAttendanceState, type AttendanceState } from './modules/attendance/checkin-desk.js';

/**
 * Everything a service needs, built once by bootstrap.ts (or a test) and handed to buildApp.
 * State a process keeps between requests lives here, in named fields, never in module-level maps.
 */
export interface AppContext {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  hub: EventHub;
  /** Coalesced live recounts (attendance, poll progress). */
  live: Live;
  /** The SMS adapter and the outbox drain in progress. */
  sms: SmsState;
  /** Ballot boxes, cached poll facts and meeting states being built. */
  polls: PollsState;
  /** Check-in desks writing a batch. */
  attendance: AttendanceState;
  /** Set by a running server: the local `nianhui` command presents it to ask for a backup. */
  adminToken?: string;
}

/** The per-process fields of a new context: every context builder spreads these. */
export const processState = (): Pick<AppContext, 'live' | 'sms' | 'polls' | 'attendance'> => ({ live: newLive(), sms: newSmsState(), polls: newPollsState(), attendance: newAttendanceState() });
