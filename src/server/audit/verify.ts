import { asc, gt } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { checkpointStoreOf } from './anchor.js';
import { type ChainHead, type Checkpoint, checkpointIsGenuine, CheckpointUnreadable } from './checkpoint.js';
import { GENESIS_HASH, KEYED_CHAIN, keyedEntryHash, LEGACY_CHAIN, legacyEntryHash } from './entry-hash.js';
import { type AuditKeys, auditKeys } from './keys.js';

export type ChainProblemKind =
  | 'modified' // an entry's content does not match its hash
  | 'link' // an entry does not follow the one before it: something was deleted or inserted
  | 'downgrade' // an unkeyed entry after keyed ones: recomputed without the key
  | 'noKey' // keyed entries, but this process has no server key
  | 'truncated' // the table is empty, the checkpoint is not
  | 'tailLoss' // the newest entries are gone
  | 'rewritten' // the entry at the checkpoint has another hash or position
  | 'checkpointMissing'
  | 'checkpointInvalid';

export interface ChainProblem {
  kind: ChainProblemKind;
  message: string;
  id?: number;
}

export interface ChainReport {
  ok: boolean;
  /** Entries that verified, in order, before the first broken one. */
  checked: number;
  /** Entries in the table. */
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAt?: { id: number; reason: string };
  /** The anchor compared with: where the chain ended at the latest commit seen. */
  checkpoint: { count: number; headId: number; at: string; where: string } | null;
  /** The newest entry of the table (null when it is empty). */
  head: ChainHead | null;
  problems: ChainProblem[];
}

type Row = typeof auditLog.$inferSelect;

function rowProblem(r: Row, pos: number, prev: string, keyedSeen: boolean, keys: AuditKeys | null): ChainProblem | null {
  const at = (kind: ChainProblemKind, message: string): ChainProblem => ({ kind, message, id: r.id });
  if (r.prevHash !== prev) return at('link', '与前一条记录的链接不符（记录被删除或插入）');
  if (r.chain === LEGACY_CHAIN) {
    if (keyedSeen) return at('downgrade', '记录使用无密钥的旧哈希，却排在有密钥的记录之后（链被不持有密钥者重算）');
    if (legacyEntryHash(prev, r) !== r.hash) return at('modified', '记录内容与其哈希不符（记录被修改）');
    return null;
  }
  if (r.chain !== KEYED_CHAIN) return at('modified', `记录的哈希版本 ${r.chain} 无法识别（记录被修改）`);
  if (!keys) return at('noKey', '未载入服务器密钥（NIANHUI_KEY 或密钥文件），无法校验有密钥的记录');
  if (r.seq !== pos) return at('link', `记录的序号 ${r.seq} 与其在链中的位置 ${pos} 不符（记录被删除或插入）`);
  if (keyedEntryHash(keys.chain, pos, prev, r) !== r.hash) return at('modified', '记录内容与其哈希不符（记录被修改，或哈希被不持有密钥者重算）');
  return null;
}

interface Walk {
  entries: number;
  checked: number;
  lastId: number;
  lastHash: string;
  broken: ChainProblem | null;
  /** Position and hash of the entry the checkpoint names, if it is in the table. */
  atHead: { pos: number; hash: string } | null;
}

async function walk(db: Executor, keys: AuditKeys | null, headId: number | undefined): Promise<Walk> {
  const w: Walk = { entries: 0, checked: 0, lastId: 0, lastHash: GENESIS_HASH, broken: null, atHead: null };
  let prev = GENESIS_HASH;
  let keyedSeen = false;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, w.lastId)).orderBy(asc(auditLog.id)).limit(2000);
    if (rows.length === 0) return w;
    for (const r of rows) {
      const pos = ++w.entries;
      w.lastId = r.id;
      w.lastHash = r.hash;
      if (r.id === headId) w.atHead = { pos, hash: r.hash };
      if (w.broken) continue;
      w.broken = rowProblem(r, pos, prev, keyedSeen, keys);
      if (w.broken) continue;
      keyedSeen ||= r.chain === KEYED_CHAIN;
      prev = r.hash;
      w.checked++;
    }
  }
}

/** What the table says against the checkpoint: truncation, tail loss, a rewritten or missing entry. */
function compare(cp: Checkpoint, w: Walk): ChainProblem | null {
  const where = `检查点记有 ${cp.count} 条记录（最新一条 #${cp.headId}）`;
  if (w.entries === 0 && cp.count > 0) return { kind: 'truncated', message: `审计日志表被清空：${where}，表中一条也没有` };
  if (!w.atHead) {
    const missing = cp.count - w.entries;
    if (w.lastId < cp.headId && missing > 0) {
      return { kind: 'tailLoss', message: `最新的 ${missing} 条记录缺失：${where}，表中只有 ${w.entries} 条（最新一条 #${w.lastId}）` };
    }
    return { kind: 'tailLoss', id: cp.headId, message: `检查点记录的第 ${cp.count} 条（#${cp.headId}）不在表中（被删除）` };
  }
  if (w.atHead.hash !== cp.headHash) {
    return { kind: 'rewritten', id: cp.headId, message: `记录 #${cp.headId} 的哈希与检查点不符：它或它之前的记录被改写，其后的哈希被重算` };
  }
  const d = cp.count - w.atHead.pos;
  if (d > 0) return { kind: 'link', id: cp.headId, message: `记录 #${cp.headId} 之前少了 ${d} 条记录（被删除）` };
  if (d < 0) return { kind: 'link', id: cp.headId, message: `记录 #${cp.headId} 之前多了 ${-d} 条记录（被插入）` };
  return null;
}

/**
 * Walks the whole chain in id order, a page at a time, then compares it with the checkpoint kept
 * outside the table, which is what reveals entries missing at the end.
 */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  const keys = auditKeys();
  const store = checkpointStoreOf(db);
  const problems: ChainProblem[] = [];
  let cp: Checkpoint | null = null;
  await store?.settled();
  try {
    cp = store?.read() ?? null;
  } catch (e) {
    if (!(e instanceof CheckpointUnreadable)) throw e;
    problems.push({ kind: 'checkpointInvalid', message: e.message });
  }
  if (cp && keys && !checkpointIsGenuine(keys.checkpoint, cp)) {
    problems.push({ kind: 'checkpointInvalid', message: `审计检查点（${store!.where}）的校验码不符：检查点被改写，或当前密钥不是写入它的密钥` });
    cp = null;
  }
  const w = await walk(db, keys, cp?.headId);
  if (w.broken) problems.unshift(w.broken);
  if (cp) {
    const p = compare(cp, w);
    if (p) problems.push(p);
  } else if (store && w.entries > 0 && problems.length === 0) {
    problems.push({ kind: 'checkpointMissing', message: `找不到审计检查点（${store.where}），无法确认最新的记录是否完整` });
  }
  return {
    ok: problems.length === 0,
    checked: w.checked,
    entries: w.entries,
    ...(w.broken ? { brokenAt: { id: w.broken.id!, reason: w.broken.message } } : {}),
    checkpoint: cp ? { count: cp.count, headId: cp.headId, at: cp.at, where: store!.where } : null,
    head: w.entries > 0 ? { count: w.entries, headId: w.lastId, headHash: w.lastHash } : null,
    problems,
  };
}
