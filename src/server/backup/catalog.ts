import type { RawQuery } from './session.js';

/** Double-quotes an identifier read from the catalog. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableInfo {
  name: string;
  /** Stored columns in table order; generated columns are left out (they cannot be inserted). */
  columns: string[];
}

/**
 * The application's tables (schema `public`) with parents before children, from the foreign
 * keys in the catalog, so that rows restore in an order every constraint accepts.
 */
export async function tablesInForeignKeyOrder(q: RawQuery): Promise<TableInfo[]> {
  const cols = await q<{ table: string; column: string }>(
    `select c.relname as "table", a.attname as "column"
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0
        and not a.attisdropped and a.attgenerated = ''
      order by c.relname, a.attnum`,
  );
  const edges = await q<{ child: string; parent: string }>(
    `select ch.relname as child, pa.relname as parent
       from pg_constraint k
       join pg_class ch on ch.oid = k.conrelid
       join pg_class pa on pa.oid = k.confrelid
       join pg_namespace n on n.oid = ch.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const columns = new Map<string, string[]>();
  for (const c of cols) columns.set(c.table, [...(columns.get(c.table) ?? []), c.column]);
  return topologicalOrder([...columns.keys()], edges).map((name) => ({ name, columns: columns.get(name)! }));
}

/** Kahn's algorithm, alphabetical among equals so that the order is the same on every run. */
export function topologicalOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent && parents.has(e.parent)) parents.get(e.child)?.add(e.parent);
  const done: string[] = [];
  const left = new Set([...names].sort());
  while (left.size > 0) {
    const ready = [...left].find((n) => [...parents.get(n)!].every((p) => !left.has(p)));
    if (!ready) throw new Error(`数据表之间的外键构成循环，无法确定备份与恢复的顺序：${[...left].join('、')}`);
    done.push(ready);
    left.delete(ready);
  }
  return done;
}

/** Columns filled from a sequence (serial, bigserial, identity), whose sequence must follow a restore. */
export async function sequenceColumns(q: RawQuery) {
  return q<{ table: string; column: string; seq: string }>(
    `select table_name as "table", column_name as "column",
            pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) as seq
       from information_schema.columns
      where table_schema = 'public'
        and pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) is not null`,
  );
}

/** Hashes of the applied drizzle migrations, to tell whether a backup fits this program's schema. */
export async function appliedMigrations(q: RawQuery): Promise<string[]> {
  const [exists] = await q<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) return [];
  const rows = await q<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id');
  return rows.map((r) => r.hash);
}
