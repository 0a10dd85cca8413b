import type { DelegateStatus } from './status.js';

/** A delegate as lists and details answer it: the wire shape shared by the server and the web. */
export interface GroupRef {
  id: string;
  name: string;
  kind: string;
}

export interface DelegateSummary {
  id: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string | null;
  partyJoinDate: string | null;
  education: string | null;
  workplace: string | null;
  category: string | null;
  electoralUnit: { id: string; name: string } | null;
  /** Masked for every role; the full numbers come only from the audited /personal view. */
  phoneMasked: string | null;
  idNumberMasked: string | null;
  status: DelegateStatus;
  statusSince: string | null;
  groups: GroupRef[];
}
