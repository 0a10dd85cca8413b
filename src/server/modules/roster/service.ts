import type { z } from 'zod';
import type { DelegateListQuery } from '../../../domain/schemas/roster.js';
import { validateIdNumber, validatePhone } from '../../../domain/roster/idcard.js';
import { cleanName } from '../../../domain/text/clean.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { invalid, notFound } from '../../errors.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { writeAudit } from '../../audit/audit.js';
import { requireCurrentTerm } from '../terms/index.js';
import * as repo from './repository.js';
import { listDelegatePage } from './page-repository.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';
import { decryptField, groupsByDelegate, presentDelegate, presentStatusChange, reasonLabel } from './presenter.js';
import { findTerm } from '../terms/index.js';

type ListQuery = z.infer<typeof DelegateListQuery>;

/**
 * `q` is a name (any part of it), or an exact phone / ID number: those are stored encrypted,
 * so they are found through their keyed digest and never by a partial match.
 */
export function searchFilter(ctx: AppContext, q: string | undefined): repo.DelegateFilter {
  if (!q) return {};
  const compact = q.replace(/[\s\-()（）+]/g, '');
  if (/^\d[\dXx]{6,}$/.test(compact)) {
    const hashes: string[] = [];
    const phone = validatePhone(q);
    if (phone.ok) hashes.push(ctx.cipher.digest(phone.value));
    const id = validateIdNumber(q);
    if (id.ok) hashes.push(ctx.cipher.digest(id.value));
    return { hashes };
  }
  const name = cleanName(q);
  return name ? { name } : {};
}

export async function listDelegates(ctx: AppContext, s: TownshipScope, query: ListQuery) {
  const db = ctx.database.db;
  let termId = query.termId;
  if (termId) {
    if (!(await findTerm(db, s.township.id, termId))) throw notFound('届次');
  } else termId = (await requireCurrentTerm(db, s.township.id)).id;
  const filter: repo.DelegateFilter = {
    ...searchFilter(ctx, query.q),
    status: query.status,
    groupId: query.groupId,
    category: query.category || undefined,
    electoralUnitId: query.electoralUnitId,
  };
  const { sort, page, pageSize } = query;
  const after = query.after ? decodeCursor(query.after, sort) : undefined;
  const before = !after && query.before ? decodeCursor(query.before, sort) : undefined;
  const { rows, total, first, last } = await listDelegatePage(db, s.township.id, termId, filter, { sort, page, pageSize, after, before });
  const cursor = (r: { id: string; key: string } | undefined) => (r ? encodeCursor({ sort, key: r.key, id: r.id }) : null);
  const groups = groupsByDelegate(await repo.groupsOfDelegates(db, s.township.id, rows.map((r) => r.delegate.id)));
  return {
    items: rows.map((r) => presentDelegate(ctx.cipher, r, groups.get(r.delegate.id) ?? [])),
    total,
    page,
    pageSize,
    nextCursor: page * pageSize < total ? cursor(last) : null,
    prevCursor: page > 1 ? cursor(first) : null,
  };
}

/** One delegate as lists show it, with groups; for services that answer a DelegateSummary. */
export async function loadSummary(ctx: AppContext, db: Executor, townshipId: string, id: string) {
  const row = await repo.findDelegate(db, townshipId, id);
  if (!row) throw notFound('代表');
  const groups = await repo.groupsOfDelegates(db, townshipId, [id]);
  return { row, summary: presentDelegate(ctx.cipher, row, groups.map(({ delegateId: _d, ...g }) => g)) };
}

export async function getDelegate(ctx: AppContext, s: TownshipScope, id: string) {
  const db = ctx.database.db;
  const { row, summary } = await loadSummary(ctx, db, s.township.id, id);
  const history = await repo.statusHistory(db, s.township.id, id);
  return { ...summary, statusHistory: history.map(presentStatusChange), replacesDelegateId: row.delegate.replacesDelegateId };
}

/** The unmasked numbers, for the roles allowed to see them; each view is audited. */
export async function getPersonal(ctx: AppContext, s: TownshipScope, id: string) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.findDelegate(tx, s.township.id, id);
    if (!row) throw notFound('代表');
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'delegate.viewPersonal',
      entity: 'delegate',
      entityId: id,
      after: { name: row.delegate.name, fields: ['phone', 'idNumber'] },
    });
    return { phone: decryptField(ctx.cipher, row.delegate.phoneEnc), idNumber: decryptField(ctx.cipher, row.delegate.idNumberEnc) };
  });
}

export async function listElectoralUnits(ctx: AppContext, s: TownshipScope) {
  const db = ctx.database.db;
  const term = await requireCurrentTerm(db, s.township.id);
  return { items: await repo.electoralUnitCounts(db, s.township.id, term.id) };
}

/** Seats left empty by a termination and not yet filled by a by-election (补选). */
export async function listVacancies(ctx: AppContext, s: TownshipScope) {
  const db = ctx.database.db;
  const term = await requireCurrentTerm(db, s.township.id);
  const rows = await repo.vacantDelegates(db, s.township.id, term.id);
  const latest = await repo.latestStatusChanges(db, s.township.id, rows.map((r) => r.delegate.id));
  const reasonOf = new Map(latest.map((c) => [c.delegateId, c.reason]));
  return {
    items: rows.map(({ delegate: d, unit }) => {
      const reason = reasonOf.get(d.id);
      return {
        delegateId: d.id,
        name: d.name,
        electoralUnit: unit?.id ? { id: unit.id, name: unit.name } : null,
        terminatedOn: d.statusSince,
        reasonLabel: reason ? reasonLabel(reason) : null,
      };
    }),
  };
}
