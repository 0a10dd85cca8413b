import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the chain ended when an entry was committed: its position (count), id and hash. */
export interface ChainHead {
  count: number;
  headId: number;
  headHash: string;
}

/** A chain head with an HMAC-SM3 under the checkpoint key, so that it cannot be forged without the key. */
export interface Checkpoint extends ChainHead {
  at: string;
  mac: string;
}

export class CheckpointUnreadable extends Error {}

const macOf = (key: Buffer, h: ChainHead) => crypto.createHmac('sm3', key).update(`nianhui-audit-checkpoint\n${h.count}\n${h.headId}\n${h.headHash}`).digest('hex');

export function signCheckpoint(key: Buffer, h: ChainHead): Checkpoint {
  return { count: h.count, headId: h.headId, headHash: h.headHash, at: new Date().toISOString(), mac: macOf(key, h) };
}

export function checkpointIsGenuine(key: Buffer, c: Checkpoint): boolean {
  const expected = Buffer.from(macOf(key, c), 'hex');
  const given = Buffer.from(typeof c.mac === 'string' ? c.mac : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * The anchor of the audit chain outside the table. It only moves forward (by count), so two
 * server processes on one database never move it back; `reset` is for a verified restore.
 */
export interface CheckpointStore {
  /** Where it is kept, for messages. */
  readonly where: string;
  /** The checkpoint, null when none was ever written; throws CheckpointUnreadable when damaged. */
  read(): Checkpoint | null;
  /**
   * Moves it forward to `head` unless it is already there or past it. Resolves once written;
   * the server does not wait for that before answering (see `settled`).
   */
  advance(key: Buffer, head: ChainHead): Promise<void>;
  /** Resolves when every advance asked for so far is written (the verifier waits for this). */
  settled(): Promise<void>;
  /** Replaces it, even with an older head (or removes it): only after a restore whose chain verified. */
  reset(key: Buffer, head: ChainHead | null): Promise<void>;
}

/** For in-memory databases (tests, demos): lives and dies with the process. */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly where = '内存';
  private current: Checkpoint | null = null;
  read() {
    return this.current;
  }
  async advance(key: Buffer, head: ChainHead) {
    if (!this.current || this.current.count < head.count) this.current = signCheckpoint(key, head);
  }
  async settled() {}
  async reset(key: Buffer, head: ChainHead | null) {
    this.current = head ? signCheckpoint(key, head) : null;
  }
}

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

/**
 * A JSON file in the data directory, next to the key. Written as temp file + fsync + rename, so
 * it is always whole; a lock file serialises processes sharing the directory, and each write
 * first reads the file so that another process's newer checkpoint is kept. Writes queue behind
 * each other and skip heads already passed, so a burst of commits costs a few writes.
 */
export class FileCheckpointStore implements CheckpointStore {
  private wanted: ChainHead | null = null;
  private written: ChainHead | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly where: string) {}

  read(): Checkpoint | null {
    let text: string;
    try {
      text = fs.readFileSync(this.where, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new CheckpointUnreadable(`无法读取审计检查点文件 ${this.where}：${(e as Error).message}`);
    }
    try {
      const c = JSON.parse(text) as Checkpoint;
      if (Number.isSafeInteger(c.count) && Number.isSafeInteger(c.headId) && typeof c.headHash === 'string') return c;
    } catch {
      // fall through
    }
    throw new CheckpointUnreadable(`审计检查点文件 ${this.where} 已损坏（内容无法识别）`);
  }

  /** Resolves once this head, or a later one, is on disk. */
  advance(key: Buffer, head: ChainHead): Promise<void> {
    if (!this.wanted || this.wanted.count < head.count) this.wanted = head;
    this.queue = this.queue.catch(() => undefined).then(() => this.flush(key));
    return this.queue;
  }

  settled(): Promise<void> {
    return this.queue.catch(() => undefined);
  }

  async reset(key: Buffer, head: ChainHead | null) {
    await this.settled();
    this.wanted = this.written = head;
    await withLock(this.where, async () => {
      if (head) await this.writeFile(signCheckpoint(key, head));
      else fs.rmSync(this.where, { force: true });
    });
  }

  private async flush(key: Buffer) {
    const head = this.wanted;
    if (!head || (this.written && this.written.count >= head.count)) return;
    await withLock(this.where, async () => {
      const onDisk = this.readGenuine(key);
      if (!onDisk || onDisk.count < head.count) await this.writeFile(signCheckpoint(key, head));
      this.written = onDisk && onDisk.count > head.count ? onDisk : head;
    });
  }

  private readGenuine(key: Buffer): Checkpoint | null {
    try {
      const c = this.read();
      return c && checkpointIsGenuine(key, c) ? c : null;
    } catch {
      return null;
    }
  }

  /** Off the event loop (fsync takes milliseconds on a real disk). */
  private async writeFile(c: Checkpoint) {
    const tmp = `${this.where}.${process.pid}.tmp`;
    const f = await fs.promises.open(tmp, 'w', 0o600);
    try {
      await f.writeFile(JSON.stringify(c) + '\n');
      await f.sync();
    } finally {
      await f.close();
    }
    await fs.promises.rename(tmp, this.where);
  }
}

function tryLock(lock: string): boolean {
  try {
    fs.closeSync(fs.openSync(lock, 'wx'));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      // A process that died holding the lock leaves it behind.
      if (Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS) fs.rmSync(lock, { force: true });
    } catch {
      // gone meanwhile
    }
    return false;
  }
}

async function withLock(file: string, fn: () => Promise<void>) {
  const lock = `${file}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const until = Date.now() + LOCK_WAIT_MS;
  while (!tryLock(lock)) {
    if (Date.now() > until) throw new Error(`审计检查点文件 ${file} 被锁定超过 ${LOCK_WAIT_MS / 1000} 秒`);
    await new Promise((r) => setTimeout(r, 2));
  }
  try {
    await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
