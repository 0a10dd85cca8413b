import type { Wire } from '../../../../domain/schemas/responses.js';
import type { PollView as PollViewSchema } from '../../../../domain/schemas/meeting-views.js';

/** A poll as the administrator sees it (src/server/modules/polls/presenter.ts pollView). */
export type PollView = Wire<typeof PollViewSchema>;
