import { z } from 'zod';
import { DateText, Timestamp } from './responses.js';

const Count = z.number().int();
const Person = z.object({ id: z.string(), name: z.string() });

/** 代表资格审查报告 as generated from the roster, or as the meeting adopted it. */
export const QualificationReport = z.object({
  meeting: z.object({ id: z.string(), name: z.string(), startsOn: DateText }),
  term: z.object({ number: Count, startsOn: DateText, endsOn: DateText.nullable() }),
  since: z.object({
    date: DateText,
    basis: z.enum(['previousMeeting', 'termStart']),
    previousMeeting: z.object({ id: z.string(), name: z.string(), startsOn: DateText }).nullable(),
  }),
  counts: z.object({ total: Count, active: Count, suspended: Count, terminated: Count }),
  seats: Count.nullable(),
  changes: z.array(
    z.object({
      delegateId: z.string(),
      name: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      toStatusLabel: z.string(),
      reason: z.string(),
      reasonLabel: z.string(),
      note: z.string().nullable(),
      decidedBy: z.string(),
      decidedOn: DateText,
      filedWithCountyOn: DateText.nullable(),
    }),
  ),
  vacancies: z.object({ count: Count, delegates: z.array(Person.extend({ since: DateText.nullable() })) }),
  due: z.object({ basis: z.enum(['attendance', 'activeDelegates']), count: Count, delegates: z.array(Person) }),
  generatedAt: Timestamp,
});
export type QualificationReportT = z.output<typeof QualificationReport>;

/** The report with its adoption, once the meeting has heard and adopted it. */
export const QualificationReview = QualificationReport.extend({
  adopted: z.object({ adoptedAt: Timestamp, adoptedBy: z.string().nullable() }).nullable(),
});
