import { z } from 'zod';
import { AGENDA_ITEM_TYPE_IDS, type AgendaItemType } from '../meeting/agenda-templates.js';
import { Items, Timestamp } from './responses.js';

const ItemType = z.enum(AGENDA_ITEM_TYPE_IDS as [AgendaItemType, ...AgendaItemType[]]);

export const AgendaItemView = z.object({
  id: z.string(),
  position: z.number().int(),
  type: ItemType,
  typeLabel: z.string(),
  title: z.string(),
  presenter: z.string().nullable(),
  plenary: z.boolean(),
  groupSession: z.boolean(),
  notes: z.string().nullable(),
  isCurrent: z.boolean(),
});
export const AgendaView = z.object({ currentAgendaItemId: z.string().nullable(), items: z.array(AgendaItemView) });

/** The templates as they would come out for this meeting. */
export const AgendaTemplates = Items(
  z.object({
    id: z.string(),
    label: z.string(),
    items: z.array(z.object({ type: ItemType, title: z.string(), presenter: z.string().nullable(), plenary: z.boolean(), groupSession: z.boolean(), notes: z.string().nullable() })),
  }),
);

const Ref = z.object({ id: z.string(), name: z.string().nullable() });
export const GroupSessionView = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaItemId: z.string().nullable(),
  group: Ref,
  convener: Ref.nullable(),
  place: z.string().nullable(),
  minutes: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const GroupSessionList = Items(GroupSessionView);
export const Deleted = z.object({ id: z.string(), deleted: z.boolean() });
