import type { ElectionSettings } from './settings.js';

/**
 * The checks before and after the ballots: the margin (候选人差额) before an election opens,
 * the quorum (> 4/5 of those due) when it opens, and the validity of the election once the
 * ballots are back. Integers only, so that 4/5 of 100 is exactly 80.
 */

export interface Check<C extends string> {
  ok: boolean;
  code: C;
  reason: string;
}

export type MarginCode = 'contested' | 'equalNumber' | 'noSeats' | 'tooFewCandidates' | 'equalNotAllowed' | 'marginTooSmall';

export interface MarginCheck extends Check<MarginCode> {
  seats: number;
  candidates: number;
  /** The fewest candidates of a contested election: seats + ⌈seats × margin⌉. */
  requiredCandidates: number;
}

/** seats + ⌈seats × percent / 100⌉: 20% of 7 seats is 1.4, rounded up to 2, so 9 candidates. */
export function requiredCandidates(seats: number, marginPercent: number): number {
  return seats + Math.ceil((seats * marginPercent) / 100);
}

export function canOpen(seats: number, candidates: number, s: ElectionSettings): MarginCheck {
  const required = requiredCandidates(seats, s.marginPercent);
  const base = { seats, candidates, requiredCandidates: required };
  const pct = `${s.marginPercent}%`;
  if (seats < 1) return { ...base, ok: false, code: 'noSeats', reason: '应选名额至少为 1 名' };
  if (candidates < seats) {
    return { ...base, ok: false, code: 'tooFewCandidates', reason: `应选 ${seats} 名，候选人只有 ${candidates} 名，少于应选名额，不能进行选举` };
  }
  if (candidates === seats && s.marginPercent > 0) {
    if (s.equalAllowed) return { ...base, ok: true, code: 'equalNumber', reason: `应选 ${seats} 名，候选人 ${candidates} 名，实行等额选举` };
    return {
      ...base,
      ok: false,
      code: 'equalNotAllowed',
      reason: `应选 ${seats} 名，候选人 ${candidates} 名：此类选举须实行差额选举，候选人应多于应选人数的 ${pct}（至少 ${required} 名）`,
    };
  }
  if (candidates < required) {
    return {
      ...base,
      ok: false,
      code: 'marginTooSmall',
      reason: `应选 ${seats} 名，候选人 ${candidates} 名，差额 ${candidates - seats} 名，不足应选人数的 ${pct}（须至少 ${required} 名候选人）`,
    };
  }
  return { ...base, ok: true, code: 'contested', reason: `应选 ${seats} 名，候选人 ${candidates} 名，差额 ${candidates - seats} 名，不少于应选人数的 ${pct}（至少 ${required} 名），可以进行选举` };
}

export interface QuorumCheck extends Check<'reached' | 'notReached' | 'nobodyDue'> {
  due: number;
  present: number;
  /** The fewest voters present that reach the quorum. */
  requiredPresent: number;
}

/** Strictly more than n/d of those due: ⌊due·n/d⌋ + 1. */
export function electionQuorum(due: number, present: number, s: ElectionSettings): QuorumCheck {
  const required = Math.floor((due * s.quorumNumerator) / s.quorumDenominator) + 1;
  const fraction = `${s.quorumNumerator}/${s.quorumDenominator}`;
  const base = { due, present, requiredPresent: required };
  if (due === 0) return { ...base, ok: false, code: 'nobodyDue', reason: '没有应到会有选举权的人，不能进行选举' };
  if (present >= required) {
    return { ...base, ok: true, code: 'reached', reason: `应到 ${due} 人，实到 ${present} 人，超过应到人数的 ${fraction}（至少 ${required} 人），可以进行选举` };
  }
  return { ...base, ok: false, code: 'notReached', reason: `应到 ${due} 人，实到 ${present} 人，未超过应到人数的 ${fraction}（至少须到 ${required} 人），不能进行选举` };
}

export interface ValidityCheck extends Check<'valid' | 'tooManyReturned' | 'issuedUnknown'> {
  returned: number;
  base: ElectionSettings['validityBase'];
  /** Voters present or ballots issued: what the returned ballots must not exceed. */
  limit: number | null;
}

/** 选举有效: ballots returned ≤ voters present (or ≤ ballots issued, as older rules have it). */
export function electionValidity(counts: { returned: number; present: number; issued?: number }, s: ElectionSettings): ValidityCheck {
  const { returned } = counts;
  const byIssued = s.validityBase === 'issued';
  const limit = byIssued ? counts.issued : counts.present;
  const what = byIssued ? '发出选票数' : '实到会有选举权的人数';
  if (limit === undefined) {
    return { ok: false, code: 'issuedUnknown', returned, base: s.validityBase, limit: null, reason: '未提供发出选票数，无法按“收回票数不多于发出票数”判断选举是否有效' };
  }
  if (returned <= limit) {
    return { ok: true, code: 'valid', returned, base: s.validityBase, limit, reason: `收回选票 ${returned} 张，不多于${what} ${limit}，选举有效` };
  }
  return { ok: false, code: 'tooManyReturned', returned, base: s.validityBase, limit, reason: `收回选票 ${returned} 张，多于${what} ${limit}，选举无效，应重新进行选举` };
}
