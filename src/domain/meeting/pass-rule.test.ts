import { describe, expect, it } from 'vitest';
import { describePassRule, passResult, requiredYes } from './pass-rule.js';
import { DEFAULT_RULES, type PassRule } from './rules.js';

const rule = DEFAULT_RULES.passRule as PassRule;
const votes = (yes: number, no = 0, abstain = 0) => ({ yes, no, abstain });

describe('yes more than half of those present', () => {
  it.each([
    [100, 50, false],
    [100, 51, true],
    [101, 50, false],
    [101, 51, true],
    [61, 30, false],
    [61, 31, true],
    [2, 1, false],
    [2, 2, true],
    [1, 1, true],
  ])('present %i, yes %i → passed %s', (present, yes, passed) => {
    expect(passResult(votes(yes), { present, due: 200 }, rule).passed).toBe(passed);
  });

  it('counts abstentions and absent votes against: 40 yes, 10 no, 50 abstain of 100 fails', () => {
    const r = passResult(votes(40, 10, 50), { present: 100, due: 120 }, rule);
    expect(r).toEqual({ passed: false, requiredYes: 51, basis: 'present', base: 100 });
  });

  it('never passes a vote with no yes at all, even under "at least 0"', () => {
    expect(passResult(votes(0), { present: 0, due: 0 }, { ...rule, comparison: 'atLeast' }).passed).toBe(false);
  });
});

describe('against those due', () => {
  const due: PassRule = { ...rule, basis: 'due' };
  it('needs more than half of those due, not of those present', () => {
    expect(passResult(votes(61), { present: 100, due: 120 }, due)).toEqual({ passed: true, requiredYes: 61, basis: 'due', base: 120 });
    expect(passResult(votes(60), { present: 100, due: 120 }, due).passed).toBe(false);
    expect(passResult(votes(60), { present: 100, due: 120 }, rule).passed).toBe(true);
  });
});

describe('other fractions and the "at least" comparison', () => {
  it('at least half: exactly half passes', () => {
    expect(passResult(votes(50), { present: 100, due: 100 }, { ...rule, comparison: 'atLeast' }).passed).toBe(true);
  });
  it('more than 2/3 of 90 is 61', () => {
    expect(requiredYes(90, { numerator: 2, denominator: 3, comparison: 'moreThan' })).toBe(61);
  });
  it('agrees with a count-up reference for every base 0–300', () => {
    const wrong: string[] = [];
    for (const [n, d] of [[1, 2], [2, 3], [3, 5], [1, 1]] as const) {
      for (const comparison of ['moreThan', 'atLeast'] as const) {
        for (let base = 0; base <= 300; base++) {
          let ref = 0;
          while (comparison === 'moreThan' ? ref * d <= base * n : ref * d < base * n) ref++;
          if (requiredYes(base, { numerator: n, denominator: d, comparison }) !== ref) wrong.push(`${comparison} ${n}/${d} ${base}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
  it('reads the rule in Chinese', () => {
    expect(describePassRule(rule)).toBe('赞成票超过实到会代表的1/2');
    expect(describePassRule({ ...rule, basis: 'due', comparison: 'atLeast', numerator: 2, denominator: 3 })).toBe('赞成票不少于应到会代表的2/3');
  });
});
