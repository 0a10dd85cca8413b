import { describe, expect, it } from 'vitest';
import { quorumKindFor, quorumRefusal, quorumStatus, requiredPresent } from './quorum.js';
import { DEFAULT_RULES } from './rules.js';

const meeting = DEFAULT_RULES.meetingQuorum;
const election = DEFAULT_RULES.electionQuorum;

describe('meeting quorum: more than 2/3 of those due', () => {
  it.each([
    [90, 60, false],
    [90, 61, true],
    [3, 2, false],
    [3, 3, true],
    [150, 100, false],
    [150, 101, true],
    [100, 66, false],
    [100, 67, true],
    [1, 0, false],
    [1, 1, true],
  ])('due %i, present %i → reached %s', (due, present, reached) => {
    expect(quorumStatus({ due, present }, meeting).reached).toBe(reached);
  });

  it('gives the minimum number present: 61 of 90, 101 of 150, 68 of 101', () => {
    expect(quorumStatus({ due: 90, present: 0 }, meeting).required).toBe(61);
    expect(quorumStatus({ due: 150, present: 0 }, meeting).required).toBe(101);
    expect(quorumStatus({ due: 101, present: 0 }, meeting).required).toBe(68);
  });

  it('has no quorum when nobody is due', () => {
    expect(quorumStatus({ due: 0, present: 0 }, meeting)).toEqual({ reached: false, required: 1, due: 0, present: 0 });
  });
});

describe('election quorum: strictly more than 4/5', () => {
  it.each([
    [100, 80, false],
    [100, 81, true],
    [5, 4, false],
    [5, 5, true],
    [200, 160, false],
    [200, 161, true],
    [123, 98, false],
    [123, 99, true],
  ])('due %i, present %i → reached %s', (due, present, reached) => {
    expect(quorumStatus({ due, present }, election).reached).toBe(reached);
  });
});

describe('the "at least" variant', () => {
  const atLeast = { numerator: 2, denominator: 3, comparison: 'atLeast' } as const;
  it.each([
    [90, 59, false],
    [90, 60, true],
    [91, 60, false],
    [91, 61, true],
    [100, 66, false],
    [100, 67, true],
  ])('at least 2/3: due %i, present %i → reached %s', (due, present, reached) => {
    expect(quorumStatus({ due, present }, atLeast).reached).toBe(reached);
  });
  it('at least 4/5 of 100 is 80', () => {
    expect(requiredPresent(100, { numerator: 4, denominator: 5, comparison: 'atLeast' })).toBe(80);
  });
});

describe('every due count and fraction agrees with a count-up reference', () => {
  const fractions: [number, number][] = [
    [1, 2], [2, 3], [3, 4], [4, 5], [1, 3], [5, 6], [7, 10], [1, 1], [99, 100], [1, 100],
  ];
  it('for due 0–400, both comparisons', () => {
    const wrong: string[] = [];
    for (const [n, d] of fractions) {
      for (const comparison of ['moreThan', 'atLeast'] as const) {
        for (let due = 0; due <= 400; due++) {
          let ref = 0;
          while (comparison === 'moreThan' ? ref * d <= due * n : ref * d < due * n) ref++;
          const got = requiredPresent(due, { numerator: n, denominator: d, comparison });
          if (got !== ref) wrong.push(`${comparison} ${n}/${d} due ${due}: ${got} ≠ ${ref}`);
          for (const present of [ref - 1, ref].filter((p) => p >= 0 && p <= due)) {
            const s = quorumStatus({ due, present }, { numerator: n, denominator: d, comparison });
            if (s.reached !== (due > 0 && present >= ref)) wrong.push(`${comparison} ${n}/${d} ${present}/${due}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('stays exact where floating point would not: 2/3 of 3,000,000,000', () => {
    expect(requiredPresent(3_000_000_000, meeting)).toBe(2_000_000_001);
    expect(requiredPresent(3_000_000_000, { ...meeting, comparison: 'atLeast' })).toBe(2_000_000_000);
  });
});

describe('which quorum, and the refusal', () => {
  it('needs the election quorum for an election item only', () => {
    expect(quorumKindFor('election')).toBe('election');
    expect(quorumKindFor('resolutionVote')).toBe('meeting');
    expect(quorumKindFor(null)).toBe('meeting');
  });

  it('explains a missing quorum in Chinese with the numbers', () => {
    const msg = quorumRefusal('meeting', quorumStatus({ due: 90, present: 60 }, meeting));
    expect(msg).toBe('实到会代表 60 人，未达到会议法定人数（应到 90 人，至少须到 61 人），不能开始表决');
    expect(quorumRefusal('election', quorumStatus({ due: 100, present: 80 }, election))).toMatch(/选举法定人数.*至少须到 81 人/);
    expect(quorumRefusal('meeting', quorumStatus({ due: 90, present: 61 }, meeting))).toBeNull();
    expect(quorumRefusal('meeting', quorumStatus({ due: 0, present: 0 }, meeting))).toBe('没有应到会代表，不能进行表决');
  });

  it('rejects negative or fractional counts', () => {
    expect(() => quorumStatus({ due: -1, present: 0 }, meeting)).toThrow(RangeError);
    expect(() => quorumStatus({ due: 10, present: 1.5 }, meeting)).toThrow(RangeError);
  });
});
