import { parseArgs } from 'node:util';
import type { Ballot, Mark } from '../src/domain/election/ballot.js';
import { countBallots, decideWinners } from '../src/domain/election/count.js';
import { DEFAULT_ELECTION_SETTINGS } from '../src/domain/election/settings.js';
import { machine } from './lib/machine.js';

/**
 * count: ballot-by-ballot counting as tellers key paper ballots — every ballot judged by the
 * rules (marks, write-ins, too many yes) and added to the totals — against a bare loop that
 * only sums the same marks, in the same run. Then the time from the last ballot counted to the
 * decided result (winners, tie, next step, names in stroke order).
 */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾';
const GIVEN = '建国明华英军平志强秀兰丽春红伟德海金玉文芳';

/** A small deterministic generator, so that every run counts the same ballots. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number, candidates: string[], seats: number): Ballot[] {
  const rnd = prng(2026);
  const yesShare = (seats / candidates.length) * 0.85;
  const ballots: Ballot[] = [];
  for (let i = 0; i < n; i++) {
    const marks: Record<string, Mark> = {};
    const writeIns: string[] = [];
    for (const c of candidates) {
      const r = rnd();
      if (r < yesShare) marks[c] = 'yes';
      else if (r < yesShare + 0.1) marks[c] = 'no';
      else if (r > 0.999) marks[c] = 'other';
    }
    if (rnd() < 0.05) writeIns.push('周海');
    ballots.push(writeIns.length ? { marks, writeIns } : { marks });
  }
  return ballots;
}

/** The baseline: add up the marks with no rules at all. */
function bareSum(ballots: readonly Ballot[], candidates: readonly string[]): number {
  const index = new Map(candidates.map((c, i) => [c, i]));
  const yes = new Int32Array(candidates.length);
  for (const b of ballots) for (const [name, mark] of Object.entries(b.marks)) if (mark === 'yes') yes[index.get(name)!]!++;
  return yes.reduce((a, b) => a + b, 0);
}

function timed(rounds: number, f: () => unknown): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) f();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { ballots: { type: 'string', default: '3000' }, candidates: { type: 'string', default: '15' }, rounds: { type: 'string', default: '20' } } });
  const n = Number(values.ballots);
  const k = Number(values.candidates);
  const rounds = Number(values.rounds);
  const candidates = Array.from({ length: k }, (_, i) => SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i >= SURNAMES.length ? GIVEN[i % GIVEN.length] : ''));
  // The fewest candidates a contested election allows: seats + ⌈20%⌉ ≤ candidates.
  let seats = k - 1;
  while (seats > 1 && seats + Math.ceil(seats * 0.2) > k) seats--;
  const s = DEFAULT_ELECTION_SETTINGS;
  const ballots = generate(n, candidates, seats);
  const m = machine();
  console.log(`机器：${m.cpu} × ${m.cores}，${m.memoryGb} GB，Node ${m.node}，负载 ${m.loadAverage.join(' / ')}`);
  console.log(`${n} 张选票，${k} 名候选人，应选 ${seats} 名，每项各测 ${rounds} 轮`);

  // Warm both paths first, so the ratio compares compiled code with compiled code.
  timed(3, () => countBallots(ballots, candidates, seats, s));
  timed(3, () => bareSum(ballots, candidates));
  const countSeconds = timed(rounds, () => countBallots(ballots, candidates, seats, s));
  const baselineSeconds = timed(rounds, () => bareSum(ballots, candidates));

  const counted = countBallots(ballots, candidates, seats, s);
  const voters = { present: n, due: n };
  const resultSeconds = timed(rounds, () => decideWinners(counted.tally, seats, voters, s)) / rounds;
  const decision = decideWinners(counted.tally, seats, voters, s);

  const ballotsPerSecond = Math.round((n * rounds) / countSeconds);
  const baselinePerSecond = Math.round((n * rounds) / baselineSeconds);
  console.log(`逐张计票：${ballotsPerSecond.toLocaleString()} 张/秒（有效 ${counted.validBallots}，无效和废票 ${counted.invalidBallots}）`);
  console.log(`基线（只累加标记的循环）：${baselinePerSecond.toLocaleString()} 张/秒`);
  console.log(`最后一张计完到得出结果：${(resultSeconds * 1000).toFixed(3)} ms（当选 ${decision.elected.length} 名，下一步 ${decision.next.code}）`);
  const result = {
    bench: 'count',
    ballots: n,
    candidates: k,
    seats,
    rounds,
    ballotsPerSecond,
    msPerCount: Math.round((countSeconds / rounds) * 1000 * 100) / 100,
    lastBallotToResultMs: Math.round(resultSeconds * 1000 * 1000) / 1000,
    validBallots: counted.validBallots,
    invalidBallots: counted.invalidBallots,
    baseline: { what: 'bare loop summing the same yes marks into an Int32Array', ballotsPerSecond: baselinePerSecond },
    ratio: Math.round((baselinePerSecond / ballotsPerSecond) * 100) / 100,
    machine: m,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}
