import type { ElectionSettings } from './settings.js';

/**
 * One paper ballot as the tellers key it, and what the rules make of it. Marks as township
 * ballots have them: ○ (yes) above a candidate, × (no), nothing (abstain); `other` is any mark
 * outside the prescribed ones. A write-in (另选他人) belongs in the row beside a candidate
 * marked ×, with ○ above it.
 */

export type Mark = 'yes' | 'no' | 'abstain' | 'other';

export interface WriteIn {
  name: string;
  /** The candidate whose row it is written in; when not keyed, write-ins take the × rows in order. */
  beside?: string;
  /** Whether ○ is drawn above it (default true). */
  marked?: boolean;
}

export interface Ballot {
  /** A candidate left out is unmarked (abstain). */
  marks: Readonly<Record<string, Mark>>;
  writeIns?: readonly (string | WriteIn)[];
}

export type BallotCode = 'valid' | 'tooManyYes' | 'otherMark' | 'unknownCandidate';

export interface BallotResult {
  /** valid, invalid (无效票: more yes than seats), void (废票: marks outside the prescribed ones). */
  status: 'valid' | 'invalid' | 'void';
  code: BallotCode;
  reason: string;
  /** Names this ballot counts a yes for: candidates marked ○ and the write-ins that count. */
  yes: string[];
  no: string[];
  abstain: string[];
  /** Write-ins the rules do not count, each with why; the rest of the ballot stands. */
  writeInsNotCounted: { name: string; reason: string }[];
}

const asWriteIn = (w: string | WriteIn): WriteIn => (typeof w === 'string' ? { name: w } : w);

export function judgeBallot(ballot: Ballot, candidates: readonly string[], seats: number, s: ElectionSettings): BallotResult {
  const known = new Set(candidates);
  const empty = { yes: [], no: [], abstain: [], writeInsNotCounted: [] };
  for (const [name, mark] of Object.entries(ballot.marks)) {
    if (!known.has(name)) return { ...empty, status: 'void', code: 'unknownCandidate', reason: `选票上没有候选人“${name}”` };
    if (mark === 'other') return { ...empty, status: 'void', code: 'otherMark', reason: `“${name}”上方的符号不是规定的 ○ 或 ×，为废票` };
  }
  const yes: string[] = [];
  const no: string[] = [];
  const abstain: string[] = [];
  for (const name of candidates) {
    const mark = ballot.marks[name] ?? 'abstain';
    (mark === 'yes' ? yes : mark === 'no' ? no : abstain).push(name);
  }
  const notCounted: { name: string; reason: string }[] = [];
  const freeNoRows = no.slice();
  const counted = new Set(yes);
  for (const w of (ballot.writeIns ?? []).map(asWriteIn)) {
    const row = w.beside ?? freeNoRows[0];
    const rowMark = row === undefined ? undefined : (ballot.marks[row] ?? 'abstain');
    if (row === undefined || !freeNoRows.includes(row)) {
      const why =
        rowMark === 'abstain' ? `另选人“${w.name}”写在未划符号（弃权）的“${row}”旁，弃权不能另选他人，另选无效`
        : rowMark === 'yes' ? `另选人“${w.name}”写在划 ○ 的“${row}”旁，只有划 × 的候选人旁才能另选他人，另选无效`
        : w.beside !== undefined && !known.has(w.beside) ? `另选人“${w.name}”旁的“${w.beside}”不是候选人，另选无效`
        : `另选人“${w.name}”没有对应的划 × 候选人，另选须先在候选人上方划 ×，另选无效`;
      notCounted.push({ name: w.name, reason: why });
      continue;
    }
    freeNoRows.splice(freeNoRows.indexOf(row), 1);
    if (w.marked === false && s.unmarkedWriteIn === 'notCounted') {
      notCounted.push({ name: w.name, reason: `另选人“${w.name}”上方没有划 ○，按选举办法不计票` });
      continue;
    }
    if (counted.has(w.name)) {
      notCounted.push({ name: w.name, reason: `“${w.name}”在这张选票上已得赞成票，重复的另选不计` });
      continue;
    }
    counted.add(w.name);
    yes.push(w.name);
  }
  if (yes.length > seats) {
    return {
      ...empty,
      status: 'invalid',
      code: 'tooManyYes',
      reason: `赞成 ${yes.length} 人（含另选他人），多于应选名额 ${seats} 名，为无效票`,
    };
  }
  const reason = notCounted.length === 0 ? '有效票' : `有效票；${notCounted.map((n) => n.reason).join('；')}`;
  return { status: 'valid', code: 'valid', reason, yes, no, abstain, writeInsNotCounted: notCounted };
}
