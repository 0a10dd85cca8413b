import type { Ballot, BallotResult } from './ballot.js';
import { countBallots, decideWinners, type Next, type Standing, type Tally } from './count.js';
import { canOpen, electionQuorum, electionValidity, type MarginCheck, type QuorumCheck, type ValidityCheck } from './opening.js';
import type { ElectionSettings } from './settings.js';

/**
 * One round of an election from its numbers to what the rules say: margin, quorum, validity,
 * the count and the winners, each with its reason. Stops at the first rule that fails, as the
 * meeting would. Ballots and totals may both be given: tellers reconcile before they count.
 */

export interface RoundInput {
  seats: number;
  candidates: readonly string[];
  due: number;
  present: number;
  issued?: number;
  /** Required when no single ballots are given; with them it is their number. */
  returned?: number;
  invalidBallots?: number;
  /** Totals keyed by tellers (or decrypted): yes votes per name, write-ins included. */
  yes?: Readonly<Record<string, number>>;
  ballots?: readonly Ballot[];
}

export interface Difference {
  what: string;
  fromBallots: number;
  keyed: number;
}

export interface RoundOutcome {
  canOpen: MarginCheck;
  quorum: QuorumCheck | null;
  valid: ValidityCheck | null;
  returned: number;
  validBallots: number | null;
  invalidBallots: number | null;
  requiredYes: number | null;
  standings: Standing[];
  elected: string[];
  tie: string[];
  unfilledSeats: number;
  next: Next;
  reason: string;
  ballots?: (Pick<BallotResult, 'status' | 'code' | 'reason'> & { number: number })[];
  differences?: Difference[];
}

export function tallyFromTotals(candidates: readonly string[], yes: Readonly<Record<string, number>>): Tally {
  const tally: Tally = { candidates: {}, writeIns: {} };
  for (const c of candidates) tally.candidates[c] = { yes: yes[c] ?? 0 };
  for (const [name, n] of Object.entries(yes)) if (!(name in tally.candidates)) tally.writeIns[name] = n;
  return tally;
}

function reconcile(counted: Tally, invalid: number, input: RoundInput): Difference[] {
  const out: Difference[] = [];
  if (input.yes) {
    const names = new Set([...Object.keys(counted.candidates), ...Object.keys(counted.writeIns), ...Object.keys(input.yes)]);
    for (const name of names) {
      const fromBallots = counted.candidates[name]?.yes ?? counted.writeIns[name] ?? 0;
      const keyed = input.yes[name] ?? 0;
      if (fromBallots !== keyed) out.push({ what: `${name} 的赞成票`, fromBallots, keyed });
    }
  }
  if (input.invalidBallots !== undefined && input.invalidBallots !== invalid) out.push({ what: '无效票和废票', fromBallots: invalid, keyed: input.invalidBallots });
  return out;
}

export function tallyRound(input: RoundInput, s: ElectionSettings): RoundOutcome {
  const margin = canOpen(input.seats, input.candidates.length, s);
  const returned = input.ballots ? input.ballots.length : (input.returned ?? 0);
  const stopped = { returned, validBallots: null, invalidBallots: null, requiredYes: null, standings: [], elected: [], tie: [], unfilledSeats: input.seats };
  if (!margin.ok) {
    return { ...stopped, canOpen: margin, quorum: null, valid: null, next: { code: 'fixCandidates', reason: '调整候选人或应选名额后再进行选举' }, reason: margin.reason };
  }
  const quorum = electionQuorum(input.due, input.present, s);
  if (!quorum.ok) return { ...stopped, canOpen: margin, quorum, valid: null, next: { code: 'noQuorum', reason: '到会人数达到法定人数后才能进行选举' }, reason: quorum.reason };
  const valid = electionValidity({ returned, present: input.present, issued: input.issued }, s);
  if (!valid.ok) return { ...stopped, canOpen: margin, quorum, valid, next: { code: 'holdAgain', reason: '本轮选举无效，应重新进行选举' }, reason: valid.reason };

  let tally: Tally;
  let invalid: number;
  let perBallot: RoundOutcome['ballots'];
  let differences: Difference[] | undefined;
  if (input.ballots) {
    const counted = countBallots(input.ballots, input.candidates, input.seats, s);
    tally = counted.tally;
    invalid = counted.invalidBallots;
    perBallot = counted.ballots.map((b, i) => ({ number: i + 1, status: b.status, code: b.code, reason: b.reason }));
    differences = reconcile(tally, invalid, input);
  } else {
    tally = tallyFromTotals(input.candidates, input.yes ?? {});
    invalid = input.invalidBallots ?? 0;
  }
  const counts = { returned, validBallots: returned - invalid, invalidBallots: invalid };
  const extra = { ...(perBallot ? { ballots: perBallot } : {}), ...(differences ? { differences } : {}) };
  if (differences && differences.length > 0) {
    const list = differences.map((d) => `${d.what}：逐张计票 ${d.fromBallots}，录入 ${d.keyed}`).join('；');
    return { ...stopped, ...counts, ...extra, canOpen: margin, quorum, valid, next: { code: 'reconcile', reason: '核对选票与录入的票数，一致后再计票' }, reason: `逐张计票与录入的票数不一致：${list}` };
  }
  const d = decideWinners(tally, input.seats, input, s);
  return {
    ...counts,
    ...extra,
    canOpen: margin,
    quorum,
    valid,
    requiredYes: d.requiredYes,
    standings: d.standings,
    elected: d.elected,
    tie: d.tie,
    unfilledSeats: d.unfilledSeats,
    next: d.next,
    reason: d.reason,
  };
}
