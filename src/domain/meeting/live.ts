/**
 * What the console, the delegates' phones and the hall screen receive over a meeting's live
 * channel. Shared by the server that publishes and the pages that show it. Payloads stay small
 * (they travel through PostgreSQL NOTIFY): counts and ids, never a list of delegates, and never a
 * secret poll's counts before it closes. The shapes are the API's response schemas.
 */
import type { z } from 'zod';
import type * as views from '../schemas/meeting-views.js';

export type QuorumIndicator = z.output<typeof views.QuorumIndicator>;
export type AttendanceSummary = z.output<typeof views.AttendanceSummary>;
export type PollSummary = z.output<typeof views.PollSummary>;
export type PollResultSummary = z.output<typeof views.PollResult>;
