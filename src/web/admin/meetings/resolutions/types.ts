/** Response types of the resolutions API, read from the server's response schemas. */
import type { Wire } from '../../../../domain/schemas/responses.js';
import type * as views from '../../../../domain/schemas/resolutions.js';

export type Resolution = Wire<typeof views.ResolutionSummary>;
export type ImplementationItem = Wire<typeof views.ImplementationItemView>;
export type ResolutionDetail = Wire<typeof views.ResolutionDetail>;
export type ImplementationReport = Wire<typeof views.ImplementationReportView>;
