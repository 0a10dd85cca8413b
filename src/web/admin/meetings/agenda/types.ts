import type { Wire } from '../../../../domain/schemas/responses.js';
import type { AgendaItemView, GroupSessionView } from '../../../../domain/schemas/agenda-views.js';

export type AgendaItem = Wire<typeof AgendaItemView>;
export type GroupSession = Wire<typeof GroupSessionView>;
