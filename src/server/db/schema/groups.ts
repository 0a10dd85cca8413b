import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { townships } from './tenancy.js';
import { terms } from './terms.js';
import { delegates } from './roster.js';

/** 代表小组 / 代表团, by region, sector or theme. */
export const delegateGroups = pgTable(
  'delegate_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    leaderId: uuid('leader_id').references(() => delegates.id),
    deputyLeaderId: uuid('deputy_leader_id').references(() => delegates.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('groups_name_uq').on(t.townshipId, t.termId, t.name)],
);

/** `kind` is copied from the group so that one unique index keeps a delegate in one group a kind. */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id').notNull().references(() => delegateGroups.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    townshipId: uuid('township_id').notNull().references(() => townships.id),
    kind: text('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.delegateId] }),
    uniqueIndex('group_members_kind_uq').on(t.delegateId, t.kind),
    index('group_members_township_idx').on(t.townshipId),
  ],
);
