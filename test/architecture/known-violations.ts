/**
 * Violations of the module contract (ARCHITECTURE.md, "Module contract") that predate it. Each
 * is work to do: move the query into the owning module's repository and export what callers need
 * from its index.ts, then delete the line here. Never add a line.
 */
export const KNOWN_FOREIGN_REPOSITORY_IMPORTS: readonly string[] = [
  'accounts/service.ts -> auth',
  'agenda/group-sessions.ts -> meetings',
  'agenda/service.ts -> meetings',
  'meetings/rules-settings.ts -> settings',
  'notices/service.ts -> meetings',
  'observers/discipline.ts -> settings',
  'observers/public-service.ts -> tenancy',
  'observers/service.ts -> meetings',
  'observers/service.ts -> settings',
  'polls/lifecycle.ts -> attendance',
  'polls/state-service.ts -> attendance',
  'polls/stream-routes.ts -> attendance',
  'resolutions/changes.ts -> meetings',
  'resolutions/decision.ts -> meetings',
  'resolutions/report.ts -> meetings',
  'roster/me-service.ts -> groups',
  'roster/me-service.ts -> tenancy',
  'roster/options-service.ts -> settings',
  'roster/status-service.ts -> groups',
  'setup/service.ts -> tenancy',
  'topics/guards.ts -> meetings',
  'topics/service.ts -> meetings',
];

export const KNOWN_QUERIES_OUTSIDE_REPOSITORIES: readonly string[] = [
  'meetings/counts.ts',
  'notices/notify.ts',
  'notices/outbox.ts',
  'polls/ballot-box.ts',
  'roster/presenter.ts',
  'roster/record.ts',
  'setup/service.ts',
];
