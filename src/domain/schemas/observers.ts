import { z } from 'zod';
import { OBSERVER_STATUSES, type ObserverStatus } from '../meeting/observer.js';
import { DateText, Items, Timestamp } from './responses.js';

/** Response shapes of the observers API (列席) and of the public meeting page. */

/** A person attending without a vote; the phone is masked. */
export const ObserverView = z.object({
  id: z.string(),
  meetingId: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  organisation: z.string(),
  phone: z.string().nullable(),
  status: z.enum(Object.keys(OBSERVER_STATUSES) as [ObserverStatus, ...ObserverStatus[]]),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export const ObserverList = Items(ObserverView);
export const RemovedObserver = z.object({ id: z.string(), deleted: z.boolean() });

/** 纪委委员: they attend every meeting by default. */
export const DisciplineMembers = z.object({ members: z.array(z.object({ name: z.string(), organisation: z.string() })) });

export const PublicNoticeState = z.object({ meetingId: z.string(), published: z.boolean(), publishedAt: Timestamp.nullable() });

/** The public page of a published meeting: what an ordinary party member may see. */
export const PublicMeeting = z.object({
  id: z.string(),
  name: z.string(),
  township: z.string(),
  startsOn: DateText,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  durationDays: z.number(),
  applicationsOpen: z.boolean(),
});
export const ObserverApplicationResult = z.object({ id: z.string(), status: z.literal('pending'), message: z.string() });
