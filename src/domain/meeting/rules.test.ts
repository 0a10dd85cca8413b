import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, describeFraction, describePeriod, MeetingRules, parseMeetingRules } from './rules.js';

describe('meeting rules', () => {
  it('has the defaults of DOMAIN.md and they validate', () => {
    const r = MeetingRules.parse(DEFAULT_RULES);
    expect(describeFraction(r.meetingQuorum)).toBe('超过2/3');
    expect(describeFraction(r.electionQuorum)).toBe('超过4/5');
    expect(r.passRule).toEqual({ basis: 'present', numerator: 1, denominator: 2, comparison: 'moreThan' });
    expect(describePeriod(r.topicDeadline)).toBe('10个工作日');
    expect(describePeriod(r.noticePeriod)).toBe('5个工作日');
    expect(r.topicProposers).toEqual({ committee: true, group: true, delegates: true });
    expect([r.topicCosignMinimum, r.proposalCosignMinimum]).toEqual([10, 10]);
  });

  it('accepts the other documents’ variants: 4/5 at least, 15 calendar days', () => {
    const r = MeetingRules.parse({ ...DEFAULT_RULES, meetingQuorum: { numerator: 4, denominator: 5, comparison: 'atLeast' }, noticePeriod: { days: 15, unit: 'calendarDays' } });
    expect(describeFraction(r.meetingQuorum)).toBe('不少于4/5');
    expect(describePeriod(r.noticePeriod)).toBe('15个自然日');
  });

  it.each([
    ['a fraction above one', { meetingQuorum: { numerator: 4, denominator: 3, comparison: 'moreThan' } }, '比例不能大于 1'],
    ['a zero denominator', { electionQuorum: { numerator: 0, denominator: 0, comparison: 'moreThan' } }, '须为正整数'],
    ['an unknown comparison', { passRule: { basis: 'present', numerator: 1, denominator: 2, comparison: 'about' } }, '比较方式'],
    ['an unknown basis', { passRule: { basis: 'all', numerator: 1, denominator: 2, comparison: 'moreThan' } }, '计算基数'],
    ['negative days', { topicDeadline: { days: -1, unit: 'workdays' } }, '天数不能为负'],
    ['nobody may propose', { topicProposers: { committee: false, group: false, delegates: false } }, '至少允许一种'],
    ['zero co-signers', { topicCosignMinimum: 0 }, '联名人数至少为 1'],
  ])('refuses %s in Chinese', (_l, change, message) => {
    const r = MeetingRules.safeParse({ ...DEFAULT_RULES, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join('；')).toContain(message);
  });

  it('reads an old snapshot, taking defaults for what it lacks', () => {
    const r = parseMeetingRules({ meetingQuorum: { numerator: 4, denominator: 5 }, topicCosignMinimum: 5 });
    expect(r.meetingQuorum).toEqual({ numerator: 4, denominator: 5, comparison: 'moreThan' });
    expect(r.topicCosignMinimum).toBe(5);
    expect(r.proposalCosignMinimum).toBe(10);
    expect(parseMeetingRules(null)).toEqual(DEFAULT_RULES);
  });
});
