import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nh-tally-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the real `nianhui election tally` on a file holding `content`. */
function tally(content: unknown): Promise<{ code: number; out: string; err: string }> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/nianhui.mjs'), 'election', 'tally', file], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH!, HOME: os.tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const C = ['王岐山', '刘云山', '习近平', '马凯', '张德江', '孙春兰', '李克强', '汪洋', '范长龙'];

describe('nianhui election tally', () => {
  it('counts totals: 7 seats, 9 candidates, names in stroke order, exactly half fails', async () => {
    const yes = { 王岐山: 60, 刘云山: 50, 习近平: 70, 马凯: 51, 张德江: 80, 孙春兰: 55, 李克强: 90, 汪洋: 20, 范长龙: 52 };
    const r = await tally({ seats: 7, candidates: C, due: 110, present: 100, issued: 100, returned: 100, invalidBallots: 1, yes });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.canOpen).toMatchObject({ ok: true, requiredCandidates: 9 });
    expect(o.quorum.ok).toBe(true);
    expect(o.valid.ok).toBe(true);
    expect(o.elected).toEqual(['习近平', '马凯', '王岐山', '孙春兰', '李克强', '张德江', '范长龙']);
    expect(o.unfilledSeats).toBe(0);
    expect(o.next.code).toBe('none');
  });

  it('refuses to open with 8 candidates for 7 seats and still exits 0', async () => {
    const r = await tally({ seats: 7, candidates: C.slice(0, 8), due: 100, present: 90, returned: 90, yes: {} });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.canOpen.ok).toBe(false);
    expect(o.canOpen.reason).toContain('至少 9 名');
    expect(o.next.code).toBe('fixCandidates');
  });

  it('reports a tie for the last seat and a re-vote among the tied', async () => {
    const r = await tally({ seats: 2, candidates: ['王岐山', '刘云山', '马凯'], due: 100, present: 90, returned: 90, invalidBallots: 2, yes: { 王岐山: 60, 刘云山: 46, 马凯: 46 } });
    const o = JSON.parse(r.out);
    expect(o).toMatchObject({ elected: ['王岐山'], tie: ['马凯', '刘云山'], unfilledSeats: 1 });
    expect(o.next).toMatchObject({ code: 'reVote', seats: 1, among: ['马凯', '刘云山'] });
  });

  it('judges single ballots one by one; too few winners leave seats for a further round', async () => {
    const ballots = [
      { marks: { 王岐山: 'yes', 刘云山: 'no' }, writeIns: ['李克强'] },
      { marks: { 王岐山: 'yes', 刘云山: 'yes', 马凯: 'yes' } },
      { marks: { 刘云山: 'yes', 马凯: 'other' } },
      { marks: { 王岐山: 'yes', 马凯: 'yes' } },
      { marks: { 王岐山: 'no', 马凯: 'yes' }, writeIns: ['李克强'] },
    ];
    const r = await tally({ seats: 2, candidates: ['王岐山', '刘云山', '马凯'], due: 5, present: 5, ballots });
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.ballots.map((b: { status: string }) => b.status)).toEqual(['valid', 'invalid', 'void', 'valid', 'valid']);
    expect(o.ballots[1].reason).toContain('多于应选名额 2 名');
    expect(o.validBallots).toBe(3);
    expect(o.requiredYes).toBe(3);
    expect(o.elected).toEqual([]);
    expect(o.tie).toEqual([]);
    expect(o.unfilledSeats).toBe(2);
    expect(o.next).toMatchObject({ code: 'furtherRoundOrReduceSeats', seats: 2 });
    expect(o.standings.find((s: { name: string }) => s.name === '李克强')).toMatchObject({ yes: 2, writeIn: true });
  });

  it('exits 2 on a malformed file and names the field', async () => {
    const bad = await tally({ seats: 2, candidates: ['王岐山', '刘云山', '马凯'], due: 5, present: 5, ballots: [{ marks: { 王岐山: 'yes' } }, { marks: { 王岐山: 'tick' } }] });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ballots[1].marks.王岐山');
    expect(bad.err).toContain('标记应为');
    const over = await tally({ seats: 1, candidates: ['王岐山', '刘云山'], due: 5, present: 5, returned: 5, invalidBallots: 1, yes: { 王岐山: 5 } });
    expect(over.code).toBe(2);
    expect(over.err).toContain('yes.王岐山');
    const json = await tally('{"seats": 1,');
    expect(json.code).toBe(2);
    expect(json.err).toContain('不是合法的 JSON');
  });
});
