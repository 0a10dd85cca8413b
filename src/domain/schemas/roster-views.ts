import { z } from 'zod';
import { DelegateStatusSchema, PersonRef } from './groups.js';
import { DateText, Items, Paged, Timestamp } from './responses.js';

/** A delegate as lists and details answer it. */
export const GroupRef = z.object({ id: z.string(), name: z.string(), kind: z.string() });
const UnitRef = z.object({ id: z.string(), name: z.string() });

export const DelegateSummary = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  birthDate: z.string().nullable(),
  partyJoinDate: z.string().nullable(),
  education: z.string().nullable(),
  workplace: z.string().nullable(),
  category: z.string().nullable(),
  electoralUnit: UnitRef.nullable(),
  /** Masked for every role; the full numbers come only from the audited /personal view. */
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  status: DelegateStatusSchema,
  statusSince: DateText.nullable(),
  groups: z.array(GroupRef),
});
/** `nextCursor` / `prevCursor`: pass as `after` / `before` for the next / previous page (null at either end). */
export const DelegatePage = Paged(DelegateSummary).extend({ nextCursor: z.string().nullable(), prevCursor: z.string().nullable() });

export const StatusHistoryEntry = z.object({
  id: z.string(),
  fromStatus: DelegateStatusSchema.nullable(),
  toStatus: DelegateStatusSchema,
  reason: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: DateText.nullable(),
  filedWithCountyOn: DateText.nullable(),
  createdAt: Timestamp,
});
export const DelegateDetail = DelegateSummary.extend({ statusHistory: z.array(StatusHistoryEntry), replacesDelegateId: z.string().nullable() });

/** The unmasked numbers (the view is audited). */
export const DelegatePersonal = z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() });

/** Delegates by status, and the seats left empty by a termination. */
export const StatusCounts = z.object({ active: z.number().int(), suspended: z.number().int(), terminated: z.number().int(), vacancies: z.number().int() });

export const ElectoralUnitList = Items(StatusCounts.extend({ id: z.string(), name: z.string(), seats: z.number().int().nullable() }));

export const VacancyList = Items(
  z.object({ delegateId: z.string(), name: z.string(), electoralUnit: UnitRef.nullable(), terminatedOn: DateText.nullable(), reasonLabel: z.string().nullable() }),
);

const IdLabel = z.object({ id: z.string(), label: z.string() });
export const RosterOptions = z.object({
  categories: z.array(z.string()),
  educations: z.array(z.string()),
  ethnicities: z.array(z.string()),
  statusReasons: z.array(IdLabel.extend({ to: DelegateStatusSchema })),
  groupKinds: z.array(IdLabel),
});
export const Categories = z.object({ categories: z.array(z.string()) });

/** A delegate's own page: their record (with their own phone), township, term and groups. */
export const MyDelegate = z.object({
  delegate: DelegateSummary.extend({ phone: z.string().nullable() }),
  township: z.object({ id: z.string(), name: z.string() }),
  term: z.object({ number: z.number().int() }).nullable(),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      leader: PersonRef.nullable(),
      deputyLeader: PersonRef.nullable(),
      members: z.array(PersonRef),
    }),
  ),
});

export type GroupRef = z.output<typeof GroupRef>;
export type DelegateSummary = z.output<typeof DelegateSummary>;
