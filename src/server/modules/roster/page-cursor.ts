import { invalid } from '../../errors.js';
import type { DelegateSort } from './repository.js';

/**
 * Where a roster page starts or ends, for keyset paging: the sort it belongs to, the row's sort
 * value and its id, as base64url JSON. Opaque to the web, which hands back what the last page
 * gave it (`nextCursor` / `prevCursor`).
 */
export interface PageCursor {
  sort: DelegateSort;
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeCursor = (c: PageCursor) => Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');

/** The cursor of `text`, which must belong to `sort`; anything else is refused in Chinese. */
export function decodeCursor(text: string, sort: DelegateSort): PageCursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  if (Array.isArray(v) && v.length === 3 && v[0] === sort && typeof v[1] === 'string' && typeof v[2] === 'string' && UUID.test(v[2])) {
    return { sort, key: v[1], id: v[2] };
  }
  throw invalid('翻页位置无效（可能已更换排序方式），请回到第一页重新翻页');
}
