import { sortByStrokes } from '../names/stroke-order.js';
import { judgeBallot, type Ballot, type BallotResult } from './ballot.js';
import type { ElectionSettings } from './settings.js';

/**
 * Counting. Whatever the ballots were (paper keyed one by one, totals keyed by two tellers,
 * a decrypted encrypted tally), the count ends as a `Tally`: per-candidate totals and write-in
 * totals. `decideWinners` takes only that, so every way of voting is decided by one function.
 */

export interface CandidateTotals {
  yes: number;
  no?: number;
  abstain?: number;
}

export interface Tally {
  /** Every candidate on the ballot, in ballot order. */
  candidates: Record<string, CandidateTotals>;
  /** Yes votes for people written in who are not candidates. */
  writeIns: Record<string, number>;
}

export interface BallotCount {
  tally: Tally;
  validBallots: number;
  invalidBallots: number;
  ballots: BallotResult[];
}

export function countBallots(ballots: readonly Ballot[], candidates: readonly string[], seats: number, s: ElectionSettings): BallotCount {
  const totals: Record<string, Required<CandidateTotals>> = {};
  for (const c of candidates) totals[c] = { yes: 0, no: 0, abstain: 0 };
  const writeIns: Record<string, number> = {};
  const results: BallotResult[] = [];
  let valid = 0;
  for (const ballot of ballots) {
    const r = judgeBallot(ballot, candidates, seats, s);
    results.push(r);
    if (r.status !== 'valid') continue;
    valid++;
    for (const name of r.yes) {
      const t = totals[name];
      if (t) t.yes++;
      else writeIns[name] = (writeIns[name] ?? 0) + 1;
    }
    for (const name of r.no) totals[name]!.no++;
    for (const name of r.abstain) totals[name]!.abstain++;
  }
  return { tally: { candidates: totals, writeIns }, validBallots: valid, invalidBallots: ballots.length - valid, ballots: results };
}

export type NextCode = 'none' | 'reVote' | 'furtherRoundOrReduceSeats';

export interface Next {
  code: NextCode | 'fixCandidates' | 'noQuorum' | 'holdAgain' | 'reconcile';
  reason: string;
  /** The seats the next step is for. */
  seats?: number;
  /** Who stands in a re-vote. */
  among?: string[];
}

export interface Standing {
  name: string;
  yes: number;
  writeIn: boolean;
  /** Yes votes more than half of the base. */
  qualifies: boolean;
}

export interface Decision {
  /** The base the half is taken of, and the fewest yes votes that win. */
  base: number;
  winBase: ElectionSettings['winBase'];
  requiredYes: number;
  /** Everyone who received a vote, highest first (equal votes in name order). */
  standings: Standing[];
  /** In official name order (姓氏笔画). */
  elected: string[];
  /** Tied for the last seats, in name order; empty when there is no tie. */
  tie: string[];
  unfilledSeats: number;
  next: Next;
  reason: string;
}

const byName = (names: string[]) => sortByStrokes(names, (n) => n);

export function decideWinners(tally: Tally, seats: number, voters: { present: number; due: number }, s: ElectionSettings): Decision {
  const base = s.winBase === 'due' ? voters.due : voters.present;
  const baseName = s.winBase === 'due' ? '应到会有选举权的人数' : '实到会有选举权的人数';
  // More than half: yes·2 > base, so exactly half fails.
  const requiredYes = Math.floor(base / 2) + 1;
  const entries: Standing[] = [
    ...Object.entries(tally.candidates).map(([name, t]) => ({ name, yes: t.yes, writeIn: false })),
    ...Object.entries(tally.writeIns).filter(([name]) => !(name in tally.candidates)).map(([name, yes]) => ({ name, yes, writeIn: true })),
  ]
    .filter((e) => e.yes > 0 || !e.writeIn)
    .map((e) => ({ ...e, qualifies: e.yes * 2 > base }));
  const ordered = byName(entries.map((e) => e.name));
  const rank = new Map(ordered.map((n, i) => [n, i]));
  const standings = entries.sort((a, b) => b.yes - a.yes || rank.get(a.name)! - rank.get(b.name)!);
  const qualifying = standings.filter((e) => e.qualifies);
  const common = { base, winBase: s.winBase, requiredYes, standings };
  const threshold = `赞成票超过${baseName} ${base} 的一半（至少 ${requiredYes} 票）`;

  if (qualifying.length <= seats) {
    const elected = byName(qualifying.map((e) => e.name));
    const unfilled = seats - elected.length;
    const who = elected.length ? `${elected.join('、')} ${threshold}，当选` : `没有人${threshold}`;
    if (unfilled === 0) return { ...common, elected, tie: [], unfilledSeats: 0, next: { code: 'none', reason: '应选名额已全部选出' }, reason: who };
    return {
      ...common,
      elected,
      tie: [],
      unfilledSeats: unfilled,
      reason: `${who}；当选人数少于应选名额 ${seats} 名，尚缺 ${unfilled} 名`,
      next: {
        code: 'furtherRoundOrReduceSeats',
        seats: unfilled,
        reason: `对不足的 ${unfilled} 个名额另行选举；或经大会同意减少名额，并记录该决定`,
      },
    };
  }
  // More qualify than there are seats: the highest win; equal votes at the cut are a tie.
  const cutYes = qualifying[seats - 1]!.yes;
  const above = qualifying.filter((e) => e.yes > cutYes);
  if (qualifying[seats]!.yes < cutYes) {
    const elected = byName(qualifying.slice(0, seats).map((e) => e.name));
    return {
      ...common,
      elected,
      tie: [],
      unfilledSeats: 0,
      next: { code: 'none', reason: '应选名额已全部选出' },
      reason: `${qualifying.length} 人${threshold}，多于应选名额 ${seats} 名，得票多的 ${elected.join('、')} 当选`,
    };
  }
  const tied = byName(qualifying.filter((e) => e.yes === cutYes).map((e) => e.name));
  const elected = byName(above.map((e) => e.name));
  const open = seats - elected.length;
  return {
    ...common,
    elected,
    tie: tied,
    unfilledSeats: open,
    next: { code: 'reVote', seats: open, among: tied, reason: `就最后 ${open} 个名额在得票相等的 ${tied.join('、')} 中再次投票` },
    reason: `${elected.length ? `${elected.join('、')} 当选；` : ''}${tied.join('、')} 各得 ${cutYes} 票，票数相等，争 ${open} 个名额`,
  };
}
