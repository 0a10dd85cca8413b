import type { PassRule } from './rules.js';

/**
 * Whether a vote passes (DOMAIN.md §1): yes votes more than half of the delegates present
 * (实到会代表) by default; exactly half fails. Some congresses count against those due
 * (应到会代表) instead — the `basis` of the rule. Integer arithmetic only: `yes·d > base·n`.
 */

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface PassBase {
  /** Present when the vote opened (the snapshot). */
  present: number;
  /** Due to attend when the vote opened. */
  due: number;
}

export interface PassResult {
  passed: boolean;
  /** The smallest number of yes votes that passes. */
  requiredYes: number;
  basis: PassRule['basis'];
  /** The number the fraction is taken of: present or due. */
  base: number;
}

/** The smallest yes count that satisfies the rule over `base`. */
export function requiredYes(base: number, rule: Pick<PassRule, 'numerator' | 'denominator' | 'comparison'>): number {
  if (!Number.isSafeInteger(base) || base < 0) throw new RangeError('计算基数须为非负整数');
  const product = base * rule.numerator;
  const floor = Math.floor(product / rule.denominator);
  if (rule.comparison === 'moreThan') return floor + 1;
  return product % rule.denominator === 0 ? floor : floor + 1;
}

export function passResult(counts: VoteCounts, base: PassBase, rule: PassRule): PassResult {
  const n = rule.basis === 'due' ? base.due : base.present;
  // "At least 0 of 0" must not pass a vote that nobody supported.
  const required = Math.max(1, requiredYes(n, rule));
  return { passed: counts.yes >= required, requiredYes: required, basis: rule.basis, base: n };
}

/** `赞成票超过实到会代表的1/2`: how the rule reads under a result. */
export function describePassRule(rule: PassRule): string {
  const basis = rule.basis === 'due' ? '应到会代表' : '实到会代表';
  return `赞成票${rule.comparison === 'moreThan' ? '超过' : '不少于'}${basis}的${rule.numerator}/${rule.denominator}`;
}
