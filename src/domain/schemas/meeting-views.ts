import { z } from 'zod';
import { MeetingRules, PassRule } from '../meeting/rules.js';
import { MEETING_STATUSES, type MeetingStatus } from '../meeting/state.js';
import { DateText, Items, Timestamp } from './responses.js';

const Count = z.number().int();

/** A deadline before the meeting: its last day, whether the calendar was complete, days left. */
export const Deadline = z.object({
  date: DateText,
  provisional: z.boolean(),
  daysLeft: Count,
  unit: z.enum(['workdays', 'calendarDays']),
  passed: z.boolean(),
});

export const MeetingView = z.object({
  id: z.string(),
  termId: z.string(),
  termNumber: Count,
  sessionNumber: Count,
  name: z.string(),
  startsOn: DateText,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  durationDays: z.number(),
  hasElection: z.boolean(),
  status: z.enum(Object.keys(MEETING_STATUSES) as [MeetingStatus, ...MeetingStatus[]]),
  statusLabel: z.string(),
  rules: MeetingRules,
  currentAgendaItemId: z.string().nullable(),
  notifiedAt: Timestamp.nullable(),
  noticeLate: z.boolean(),
  noticeLateReason: z.string().nullable(),
  publishedAt: Timestamp.nullable(),
  openedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deadlines: z.object({ topic: Deadline, notice: Deadline }),
});
export const MeetingList = Items(MeetingView);

/** How far the preparation has come: the figures on the meeting's overview. */
export const MeetingDetail = MeetingView.extend({
  counts: z.object({
    activeDelegates: Count,
    attendance: z.record(z.string(), Count),
    topics: z.object({ collecting: Count, submitted: Count, accepted: Count, rejected: Count, withdrawn: Count }),
    observers: z.object({ approved: Count, pending: Count, declined: Count }),
    agendaItems: Count,
    briefings: Count,
  }),
});

/** A township's meeting rules, whether they are still the defaults, and the defaults. */
export const RulesSettings = z.object({ rules: MeetingRules, isDefault: z.boolean(), defaults: MeetingRules });

export const QuorumIndicator = z.object({ reached: z.boolean(), required: Count, rule: z.string() });
export const AttendanceSummary = z.object({
  meetingId: z.string(),
  due: Count,
  present: Count,
  onLeave: Count,
  absent: Count,
  quorum: z.object({ meeting: QuorumIndicator, election: QuorumIndicator }),
});

export const PollSummary = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaItemId: z.string().nullable(),
  title: z.string(),
  method: z.string(),
  status: z.string(),
  presentSnapshot: Count.nullable(),
  /** Electronic polls: delegates who have voted (never what). Null for a show of hands. */
  voted: Count.nullable(),
});

/** A closed poll's result, every number announced. */
export const PollResult = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  method: z.string(),
  dueSnapshot: Count,
  presentSnapshot: Count,
  yes: Count,
  no: Count,
  abstain: Count,
  notVoted: Count,
  passed: z.boolean(),
  requiredYes: Count,
  rule: z.string(),
  closedAt: z.string().meta({ format: 'date-time' } as Record<string, unknown>),
});

/** The administrator's view of a poll: a secret poll shows no counts before it closes. */
export const PollView = PollSummary.extend({
  methodLabel: z.string(),
  statusLabel: z.string(),
  quorumKind: z.string(),
  passRule: PassRule,
  passRuleText: z.string(),
  dueSnapshot: Count.nullable(),
  openedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  enteredCounts: z.object({ yes: Count, no: Count, abstain: Count }).nullable(),
  result: PollResult.nullable(),
});
export const PollList = Items(PollView);

/** Who is due, their reply and check-in, with the counts and quorum. */
export const AttendanceView = AttendanceSummary.extend({
  rows: z.array(
    z.object({
      delegateId: z.string(),
      name: z.string(),
      reply: z.string(),
      leaveReason: z.string().nullable(),
      checkedInAt: Timestamp.nullable(),
      checkInMethod: z.string().nullable(),
      status: z.enum(['present', 'onLeave', 'absent']),
    }),
  ),
});
export const CheckInResult = z.object({
  delegateId: z.string(),
  name: z.string(),
  /** Null while a check-in made by hand waits for the delegate's phone to confirm it. */
  checkedInAt: Timestamp.nullable(),
  method: z.string().nullable(),
  alreadyCheckedIn: z.boolean(),
  phoneConfirmed: z.boolean(),
  attendance: AttendanceSummary,
});
export const CheckInUndone = z.object({ delegateId: z.string(), attendance: AttendanceSummary });
/** A delegate's own check-in code (the QR as SVG). */
export const CheckInCode = z.object({
  meetingId: z.string(),
  meetingName: z.string(),
  token: z.string(),
  qrSvg: z.string(),
  checkedIn: z.boolean(),
  checkedInAt: Timestamp.nullable(),
  /** Whether this phone is the one checked in at the hall, and what to tell the delegate if not. */
  phone: z.string(),
  phoneNote: z.string().nullable(),
});

/** A poll's details: a closed named vote lists who voted what. */
export const PollDetail = PollView.extend({
  votes: z.array(z.object({ delegateId: z.string(), name: z.string(), choice: z.string(), votedAt: Timestamp })).nullable(),
});

/** The polls of a meeting as a delegate sees them. */
export const MyPolls = Items(
  z.object({ id: z.string(), title: z.string(), method: z.string(), status: z.string(), eligible: z.boolean(), hasVoted: z.boolean(), result: PollResult.nullable() }),
);
/** Sent only after the ballot is committed. */
export const VoteAck = z.object({ pollId: z.string(), voted: z.boolean() });

/** The hall screen's link (its token in the URL) and the link's generation. */
export const ScreenLink = z.object({ url: z.string(), token: z.string(), generation: Count });

/**
 * A meeting's state as the hall screen, the console and the phones show it: sent first on
 * every event stream and by GET /api/screen/:meetingId/state. Counts only, never names.
 */
export const MeetingState = z.object({
  township: z.object({ id: z.string(), name: z.string() }),
  meeting: z.object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    startsOn: DateText,
    place: z.string().nullable(),
    hasElection: z.boolean(),
    currentAgendaItemId: z.string().nullable(),
  }),
  currentAgendaItem: z.object({ id: z.string(), type: z.string(), title: z.string(), position: Count }).nullable(),
  attendance: AttendanceSummary,
  poll: PollSummary.nullable(),
  lastResult: PollResult.nullable(),
  at: Timestamp,
});
