/** Response shapes of the API (see the API contract); the server's routes are the source. */
import type { Role } from '../../domain/accounts/roles.js';
import type { DelegateStatus } from '../../domain/roster/status.js';
import type { DelegateSummary } from '../../domain/roster/views.js';

export interface TownshipRef {
  id: string;
  code: string;
  name: string;
  countyName: string;
  isDemo: boolean;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  countyId: string;
  townshipId: string | null;
  delegateId: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
  townships: TownshipRef[];
}

export interface LoginResult {
  csrfToken: string;
  mustChangePassword: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type { DelegateSummary, GroupRef } from '../../domain/roster/views.js';

export interface StatusHistoryEntry {
  id: string;
  fromStatus: DelegateStatus | null;
  toStatus: DelegateStatus;
  reason: string | null;
  reasonLabel: string | null;
  note: string | null;
  decidedBy: string | null;
  decidedOn: string | null;
  filedWithCountyOn: string | null;
  createdAt: string;
}

export interface DelegateDetail extends DelegateSummary {
  statusHistory: StatusHistoryEntry[];
  replacesDelegateId: string | null;
}

export interface RosterOptions {
  categories: string[];
  educations: string[];
  ethnicities: string[];
  statusReasons: { id: string; label: string; to: DelegateStatus }[];
  groupKinds: { id: string; label: string }[];
}

export interface ElectoralUnit {
  id: string;
  name: string;
  seats: number | null;
  active: number;
  suspended: number;
  terminated: number;
  vacancies: number;
}

export interface Vacancy {
  delegateId: string;
  name: string;
  electoralUnit: { id: string; name: string } | null;
  terminatedOn: string | null;
  reasonLabel: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface GroupSummary {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  leader: PersonRef | null;
  deputyLeader: PersonRef | null;
  memberCount: number;
  warning: string | null;
}

export interface GroupDetail extends GroupSummary {
  members: (PersonRef & { status: DelegateStatus })[];
}

export interface Term {
  id: string;
  townshipId: string;
  number: number;
  startsOn: string;
  endsOn: string;
  isCurrent: boolean;
}

export interface CountyOverview {
  county: { id: string; name: string; isDemo: boolean };
  townships: {
    townshipId: string;
    code: string;
    name: string;
    termNumber: number | null;
    active: number;
    suspended: number;
    terminated: number;
    vacancies: number;
  }[];
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  delegateId: string | null;
  townshipId?: string | null;
  /** County lists name the township. */
  townshipName?: string | null;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  entity: string;
  entityId: string | null;
  townshipId?: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: { id: string; reason: string };
}

export interface ImportProblem {
  column: string;
  field: string | null;
  message: string;
}

export interface ImportPreview {
  fileName: string;
  sheetName: string;
  headerRow: number;
  columns: { index: number; header: string; field: string | null }[];
  ignoredColumns?: string[];
  rows: {
    rowNumber: number;
    values: Record<string, unknown>;
    action: 'create' | 'update';
    /** Fields an update would change; an update with none leaves the delegate as is. */
    changes?: string[];
    problems: ImportProblem[];
    warnings?: string[];
  }[];
  summary: { total: number; valid: number; withProblems: number; creates: number; updates: number; unchanged?: number };
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  unchanged?: number;
}

export interface MyDelegate {
  delegate: DelegateSummary & { phone?: string | null };
  township: { id: string; name: string };
  term: { number: number } | null;
  groups: {
    id: string;
    name: string;
    kind: string;
    kindLabel?: string;
    leader: PersonRef | null;
    deputyLeader: PersonRef | null;
    members: PersonRef[];
  }[];
}
