import { strokeSortKey } from '../../../domain/names/stroke-order.js';
import type { Database } from '../../db/client.js';
import { delegatesWithUnknownStrokes, setNameSortKey } from './sort-key-repository.js';

/**
 * Re-keys the names stored before their characters had stroke data (a newer stroke source
 * knows them now), so lists sorted by 姓氏笔画 place them where they belong. Runs at start;
 * touches only rows whose key marks an unknown character, so it costs nothing once done.
 * Returns how many rows changed.
 */
export async function refreshStrokeSortKeys(database: Database): Promise<number> {
  return database.db.transaction(async (tx) => {
    let changed = 0;
    for (const row of await delegatesWithUnknownStrokes(tx)) {
      const key = strokeSortKey(row.name);
      if (key === row.key) continue;
      await setNameSortKey(tx, row.townshipId, row.id, key);
      changed++;
    }
    return changed;
  });
}
