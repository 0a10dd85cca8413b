/**
 * Violations of the module contract (ARCHITECTURE.md, "Module contract") that predate it. Each
 * is work to do: move the query into the owning module's repository and export what callers need
 * from its index.ts, then delete the line here. Never add a line.
 */
export const KNOWN_FOREIGN_REPOSITORY_IMPORTS: readonly string[] = [];

export const KNOWN_QUERIES_OUTSIDE_REPOSITORIES: readonly string[] = [];
