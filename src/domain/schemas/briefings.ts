import { z } from 'zod';
import { Items, Timestamp } from './responses.js';

/** A briefing (情况通报) as lists and forms show it: its attachment by name, type and size. */
export const BriefingView = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  body: z.string(),
  file: z.object({ name: z.string(), type: z.string().nullable(), size: z.number().int().nullable() }).nullable(),
  commentCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const BriefingList = Items(BriefingView);

/** A briefing to read; a delegate also sees the opinions they left on it. */
export const BriefingDetail = BriefingView.extend({
  myComments: z.array(z.object({ id: z.string(), body: z.string(), createdAt: Timestamp })),
});

/** A delegate's opinion, as the delegate's phone gets it back. */
export const BriefingComment = z.object({ id: z.string(), briefingId: z.string(), body: z.string(), createdAt: Timestamp });

/** The opinions collected on a briefing, with who gave them. */
export const BriefingCommentList = Items(
  z.object({ id: z.string(), body: z.string(), createdAt: Timestamp, delegate: z.object({ id: z.string(), name: z.string().nullable() }).nullable() }),
);
