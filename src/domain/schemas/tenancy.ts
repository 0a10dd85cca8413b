import { z } from 'zod';
import { Items } from './responses.js';
import { StatusCounts } from './roster-views.js';

export const TownshipRef = z.object({ id: z.string(), code: z.string(), name: z.string(), countyName: z.string(), isDemo: z.boolean() });
export const TownshipList = Items(TownshipRef);

/** The county's overview: per township the current term and its delegates by status. */
export const CountyOverview = z.object({
  county: z.object({ id: z.string(), name: z.string(), isDemo: z.boolean() }),
  townships: z.array(
    StatusCounts.extend({ townshipId: z.string(), code: z.string(), name: z.string(), termNumber: z.number().int().nullable() }),
  ),
});

/** What the login pages show on a demo installation; null elsewhere. */
export const DemoSignIn = z.object({
  demo: z
    .object({ county: z.string(), password: z.string(), accounts: z.array(z.object({ role: z.string(), usernames: z.string() })) })
    .nullable(),
});
