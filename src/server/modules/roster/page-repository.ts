import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { delegates, electoralUnits } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { countOfTerm } from './counts-repository.js';
import { filterConditions, ORDER, type DelegateFilter, type DelegateSort, type DelegateWithUnit } from './repository.js';
import type { PageCursor } from './page-cursor.js';

/** Each sort's key as text (a cursor carries it), its reverse order, and the rows after / before a cursor. */
const KEY: Record<DelegateSort, SQL> = {
  strokes: sql`${delegates.nameSortKey}`,
  name: sql`${delegates.name}`,
  updated: sql`${delegates.updatedAt}::text`,
};
const REVERSE: Record<DelegateSort, () => SQL[]> = {
  strokes: () => [sql`${delegates.nameSortKey} collate "C" desc`, desc(delegates.id)],
  name: () => [desc(delegates.name), desc(delegates.id)],
  updated: () => [asc(delegates.updatedAt), desc(delegates.id)],
};
function beyond(c: PageCursor, side: 'after' | 'before'): SQL {
  const gt = side === 'after' ? sql`>` : sql`<`;
  const lt = side === 'after' ? sql`<` : sql`>`;
  // A row comparison on the index's own columns: the stroke index is entered at the cursor.
  if (c.sort === 'strokes') return sql`(${delegates.nameSortKey} collate "C", ${delegates.id}) ${gt} (${c.key}::text collate "C", ${c.id}::uuid)`;
  if (c.sort === 'name') return sql`(${delegates.name}, ${delegates.id}) ${gt} (${c.key}::text, ${c.id}::uuid)`;
  return sql`(${delegates.updatedAt} ${lt} ${c.key}::timestamptz or (${delegates.updatedAt} = ${c.key}::timestamptz and ${delegates.id} ${gt} ${c.id}::uuid))`;
}

/** Only the term and perhaps a status: the total is read from the counters, not counted. */
const countedByTriggers = (f: DelegateFilter) => !f.name && !f.hashes && !f.groupId && !f.category && !f.electoralUnitId;

export interface PageRequest {
  sort: DelegateSort;
  page: number;
  pageSize: number;
  after?: PageCursor;
  before?: PageCursor;
}

/**
 * One page of a township's roster, in three ways that cost about the same at any depth: after
 * or before a cursor (the next / previous page: the index is entered at the cursor), by offset
 * from the start for the first half, and from the end, in reverse, for the second half (the last
 * page reads one page of the index, not the whole roster). The page's ids are chosen over the
 * narrow sort key alone, and only those rows are read whole.
 */
export async function listDelegatePage(db: Executor, townshipId: string, termId: string, f: DelegateFilter, p: PageRequest) {
  const conds = filterConditions(townshipId, termId, f);
  const where = and(...conds);
  const total = countedByTriggers(f)
    ? await countOfTerm(db, townshipId, termId, f.status)
    : ((await db.select({ n: sql<number>`count(*)::int` }).from(delegates).where(where))[0]?.n ?? 0);
  const seek = (w: SQL | undefined, order: SQL[], limit: number, offset = 0) =>
    db.select({ id: delegates.id, key: sql<string>`${KEY[p.sort]}` }).from(delegates).where(w).orderBy(...order).limit(limit).offset(offset);
  const offset = (p.page - 1) * p.pageSize;
  let ids: { id: string; key: string }[];
  if (p.after) ids = await seek(and(...conds, beyond(p.after, 'after')), ORDER[p.sort](), p.pageSize);
  else if (p.before) ids = (await seek(and(...conds, beyond(p.before, 'before')), REVERSE[p.sort](), p.pageSize)).reverse();
  else if (offset >= total) ids = [];
  else if (offset * 2 > total) {
    const limit = Math.min(p.pageSize, total - offset);
    ids = (await seek(where, REVERSE[p.sort](), limit, total - offset - limit)).reverse();
  } else ids = await seek(where, ORDER[p.sort](), p.pageSize, offset);
  if (ids.length === 0) return { rows: [] as DelegateWithUnit[], total, first: undefined, last: undefined };
  const found = await db
    .select({ delegate: delegates, unit: { id: electoralUnits.id, name: electoralUnits.name } })
    .from(delegates)
    .leftJoin(electoralUnits, eq(electoralUnits.id, delegates.electoralUnitId))
    .where(and(eq(delegates.townshipId, townshipId), inArray(delegates.id, ids.map((r) => r.id))));
  const byId = new Map(found.map((r) => [r.delegate.id, r]));
  const rows = ids.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  return { rows, total, first: ids[0], last: ids[ids.length - 1] };
}
