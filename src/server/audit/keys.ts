import { deriveKey } from '../security/crypto.js';

/**
 * The audit chain's keys, derived from the server key (NIANHUI_KEY or the key file), never
 * stored in the database: a database administrator alone can neither recompute an entry's
 * hash nor forge the checkpoint. One server key per process, so the keys are process-wide.
 */
export interface AuditKeys {
  /** HMAC-SM3 key of the entries (chain 2). */
  chain: Buffer;
  /** HMAC-SM3 key of the checkpoint outside the table. */
  checkpoint: Buffer;
}

let current: AuditKeys | null = null;

/** Called once the server key is loaded (server, command line, tests); null forgets it. */
export function useAuditKey(serverKey: Buffer | null): void {
  current = serverKey ? { chain: deriveKey(serverKey, 'nianhui audit chain'), checkpoint: deriveKey(serverKey, 'nianhui audit checkpoint') } : null;
}

export function auditKeys(): AuditKeys | null {
  return current;
}

export function requireAuditKeys(): AuditKeys {
  if (!current) throw new Error('审计日志密钥未加载：写审计记录前须先载入服务器密钥');
  return current;
}
