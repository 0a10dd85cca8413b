import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointIsGenuine, CheckpointUnreadable, FileCheckpointStore } from './checkpoint.js';

const key = crypto.randomBytes(32);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nh-checkpoint-'));
const head = (count: number) => ({ count, headId: count * 10, headHash: crypto.createHash('sm3').update(String(count)).digest('hex') });

describe('the audit checkpoint file', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is written whole, signed, and read back; no temp or lock file stays behind', async () => {
    const file = path.join(dir, 'a.json');
    const store = new FileCheckpointStore(file);
    expect(store.read()).toBeNull();
    await store.advance(key, head(3));
    const c = store.read()!;
    expect(c).toMatchObject(head(3));
    expect(checkpointIsGenuine(key, c)).toBe(true);
    expect(checkpointIsGenuine(crypto.randomBytes(32), c)).toBe(false);
    expect(checkpointIsGenuine(key, { ...c, count: 2 })).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('only moves forward, also between two processes sharing the file', async () => {
    const file = path.join(dir, 'b.json');
    const [a, b] = [new FileCheckpointStore(file), new FileCheckpointStore(file)];
    await a.advance(key, head(5));
    await b.advance(key, head(3));
    expect(a.read()!.count).toBe(5);
    await b.advance(key, head(7));
    await a.advance(key, head(6));
    expect(a.read()!.count).toBe(7);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).advance(key, head(8 + i))));
    expect(b.read()!.count).toBe(47);
  });

  it('goes back only when reset (after a verified restore), and reports a damaged file', async () => {
    const file = path.join(dir, 'c.json');
    const store = new FileCheckpointStore(file);
    await store.advance(key, head(9));
    await store.reset(key, head(4));
    expect(store.read()!.count).toBe(4);
    fs.writeFileSync(file, '{"count":');
    expect(() => store.read()).toThrow(CheckpointUnreadable);
    expect(() => store.read()).toThrow(/已损坏/);
  });
});
