/** Response types of the API, read from the server's response schemas (src/domain/schemas). */
import type { Wire } from '../../domain/schemas/responses.js';
import type { CountyAccountSummary, AccountSummary, IssuedPassword, CreatedAccount } from '../../domain/schemas/accounts.js';
import type { AuditChainReport, AuditEntryView } from '../../domain/schemas/audit.js';
import type { LoginResult as LoginResultView, Me as MeView } from '../../domain/schemas/auth.js';
import type { GroupDetail as GroupDetailView, GroupSummary as GroupSummaryView, PersonRef as PersonRefView } from '../../domain/schemas/groups.js';
import type { RosterImportResult, RosterPreview } from '../../domain/schemas/roster-import.js';
import type * as roster from '../../domain/schemas/roster-views.js';
import type { CountyOverview as CountyOverviewView, TownshipRef as TownshipRefView } from '../../domain/schemas/tenancy.js';
import type { TermView } from '../../domain/schemas/terms.js';

export type TownshipRef = Wire<typeof TownshipRefView>;
export type Me = Wire<typeof MeView>;
export type LoginResult = Wire<typeof LoginResultView>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type DelegateSummary = Wire<typeof roster.DelegateSummary>;
export type GroupRef = Wire<typeof roster.GroupRef>;
export type StatusHistoryEntry = Wire<typeof roster.StatusHistoryEntry>;
export type DelegateDetail = Wire<typeof roster.DelegateDetail>;
export type RosterOptions = Wire<typeof roster.RosterOptions>;
export type ElectoralUnit = Wire<typeof roster.ElectoralUnitList>['items'][number];
export type Vacancy = Wire<typeof roster.VacancyList>['items'][number];
export type MyDelegate = Wire<typeof roster.MyDelegate>;

export type PersonRef = Wire<typeof PersonRefView>;
export type GroupSummary = Wire<typeof GroupSummaryView>;
export type GroupDetail = Wire<typeof GroupDetailView>;

export type Term = Wire<typeof TermView>;
export type CountyOverview = Wire<typeof CountyOverviewView>;

/** An account as both lists show it; the county's list also names the township. */
export type Account = Wire<typeof AccountSummary> & Partial<Pick<Wire<typeof CountyAccountSummary>, 'townshipName'>>;
export type IssuedPasswordResult = Wire<typeof IssuedPassword>;
export type CreatedAccountResult = Wire<typeof CreatedAccount>;

export type AuditEntry = Wire<typeof AuditEntryView>;
export type AuditVerifyResult = Wire<typeof AuditChainReport>;

export type ImportPreview = Wire<typeof RosterPreview>;
export type ImportProblem = ImportPreview['rows'][number]['problems'][number];
export type ImportResult = Wire<typeof RosterImportResult>;
