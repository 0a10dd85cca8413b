import type { AgendaItemType } from '../../../../domain/meeting/agenda-templates.js';

export interface AgendaItem {
  id: string;
  position: number;
  type: AgendaItemType;
  typeLabel: string;
  title: string;
  presenter: string | null;
  plenary: boolean;
  groupSession: boolean;
  notes: string | null;
  isCurrent: boolean;
}

export interface GroupSession {
  id: string;
  agendaItemId: string | null;
  group: { id: string; name: string };
  convener: { id: string; name: string } | null;
  place: string | null;
  minutes: string | null;
}
