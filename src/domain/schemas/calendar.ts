import { z } from 'zod';
import { DateText, Items, Timestamp } from './responses.js';

/** One year of the State Council's holiday arrangement and where it came from. */
export const CalendarYearView = z.object({
  year: z.number().int(),
  holidays: z.array(DateText),
  makeupWorkdays: z.array(DateText),
  source: z.string(),
  updatedAt: Timestamp,
});
export const CalendarYearList = Items(CalendarYearView);
