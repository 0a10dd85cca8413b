import { z } from 'zod';
import { MEETING_STATUSES, type MeetingStatus } from '../meeting/state.js';
import { MeetingDetail } from './meeting-views.js';
import { DateText, Items, Timestamp } from './responses.js';

/** Response shapes of the notices API: the meeting notice, the replies, a delegate's meetings and notifications. */

const Count = z.number().int();
/** A delegate's answer to the notice: none yet, will attend, asks for leave. */
export const ATTENDANCE_REPLIES = ['pending', 'confirmed', 'leave'] as const;
export type AttendanceReply = (typeof ATTENDANCE_REPLIES)[number];
const Reply = z.enum(ATTENDANCE_REPLIES);

export const NoticeSent = z.object({
  meeting: MeetingDetail,
  notice: z.object({ due: Count, smsQueued: Count, late: z.boolean(), lateReason: z.string().nullable() }),
});

/** The committee's view of the replies: who confirmed, who asked for leave and why, who is silent. */
export const ReplyList = z.object({
  notifiedAt: Timestamp.nullable(),
  noticeLateReason: z.string().nullable(),
  counts: z.object({ due: Count, confirmed: Count, leave: Count, pending: Count, checkedIn: Count, onLeave: Count }),
  sms: z.object({ pending: Count, sent: Count, failed: Count }),
  items: z.array(
    z.object({
      delegateId: z.string(),
      name: z.string(),
      reply: Reply,
      leaveReason: z.string().nullable(),
      repliedAt: Timestamp.nullable(),
      notifiedAt: Timestamp.nullable(),
      checkedInAt: Timestamp.nullable(),
    }),
  ),
});

/** The meetings a delegate is due at, with their own reply and check-in. */
export const MyMeetingList = Items(
  z.object({
    meeting: z.object({
      id: z.string(),
      name: z.string(),
      startsOn: DateText,
      startTime: z.string().nullable(),
      place: z.string().nullable(),
      durationDays: z.number(),
      hasElection: z.boolean(),
      status: z.enum(Object.keys(MEETING_STATUSES) as [MeetingStatus, ...MeetingStatus[]]),
      statusLabel: z.string(),
    }),
    reply: Reply,
    leaveReason: z.string().nullable(),
    repliedAt: Timestamp.nullable(),
    notifiedAt: Timestamp.nullable(),
    checkedInAt: Timestamp.nullable(),
  }),
);
export const ReplyResult = z.object({ meetingId: z.string(), reply: Reply, leaveReason: z.string().nullable(), repliedAt: Timestamp.nullable() });

export const NotificationList = z.object({
  unread: Count,
  items: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), readAt: Timestamp.nullable(), createdAt: Timestamp })),
});
export const NotificationRead = z.object({ id: z.string(), readAt: Timestamp.nullable() });
