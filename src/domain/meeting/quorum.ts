import type { QuorumRule } from './rules.js';

/**
 * 法定人数 (DOMAIN.md §1): the meeting may proceed when those present are more than (or at
 * least) a fraction of those due. Counts and fractions stay integers — `present·d > due·n` —
 * so that 60 of 90 is exactly 2/3 and never "0.6666…7 > 0.6666…6" by floating-point accident.
 */

export interface AttendanceCounts {
  /** 应到会代表: delegates due to attend. */
  due: number;
  /** 实到会代表: delegates checked in. */
  present: number;
}

export interface QuorumStatus {
  reached: boolean;
  /** The smallest number present that reaches the quorum. */
  required: number;
  due: number;
  present: number;
}

export type QuorumKind = 'meeting' | 'election';

function assertCount(label: string, v: number) {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${label}须为非负整数`);
}

/** The minimum present count: ⌊due·n/d⌋+1 for "more than", ⌈due·n/d⌉ for "at least". */
export function requiredPresent(due: number, rule: Pick<QuorumRule, 'numerator' | 'denominator' | 'comparison'>): number {
  assertCount('应到人数', due);
  const product = due * rule.numerator;
  const floor = Math.floor(product / rule.denominator);
  if (rule.comparison === 'moreThan') return floor + 1;
  return product % rule.denominator === 0 ? floor : floor + 1;
}

export function quorumStatus(counts: AttendanceCounts, rule: Pick<QuorumRule, 'numerator' | 'denominator' | 'comparison'>): QuorumStatus {
  assertCount('实到人数', counts.present);
  const required = requiredPresent(counts.due, rule);
  // Nobody due means nothing to hold: never a quorum, whatever the comparison.
  const reached = counts.due > 0 && counts.present >= required;
  return { reached, required, due: counts.due, present: counts.present };
}

/** An election item needs the election quorum (4/5 by default); anything else the meeting's. */
export function quorumKindFor(agendaItemType: string | null | undefined): QuorumKind {
  return agendaItemType === 'election' ? 'election' : 'meeting';
}

/** Why a vote cannot be opened for lack of quorum, or null. */
export function quorumRefusal(kind: QuorumKind, s: QuorumStatus): string | null {
  if (s.reached) return null;
  const what = kind === 'election' ? '选举法定人数' : '会议法定人数';
  if (s.due === 0) return '没有应到会代表，不能进行表决';
  return `实到会代表 ${s.present} 人，未达到${what}（应到 ${s.due} 人，至少须到 ${s.required} 人），不能开始表决`;
}
