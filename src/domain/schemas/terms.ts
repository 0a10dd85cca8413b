import { z } from 'zod';
import { IsoDate, TownshipParams, Uuid } from './common.js';
import { DateText, Items } from './responses.js';

export const TermBody = z
  .object({
    number: z.number().int('届次须为整数').min(1, '届次须为正整数').max(99),
    startsOn: IsoDate,
    endsOn: IsoDate,
    isCurrent: z.boolean().default(false),
  })
  .refine((t) => t.startsOn < t.endsOn, { message: '任期结束日期须晚于开始日期', path: ['endsOn'] });

export const TermParams = TownshipParams.extend({ termId: Uuid });

export const TermView = z.object({
  id: z.string(),
  townshipId: z.string(),
  number: z.number().int(),
  startsOn: DateText,
  endsOn: DateText,
  isCurrent: z.boolean(),
});
export const TermList = Items(TermView);
