import { describe, expect, it } from 'vitest';
import { lifeDateProblems, refineBirthDate } from './life-dates.js';

const TODAY = '2026-12-03';

describe('lifeDateProblems', () => {
  it('accepts a delegate who joined as an adult in the past', () => {
    expect(lifeDateProblems('1975-03', '1998-07', TODAY)).toEqual([]);
    expect(lifeDateProblems('1975-03-01', '1993-03-01', TODAY)).toEqual([]);
    expect(lifeDateProblems('1975-03', '1993-03', TODAY)).toEqual([]);
    expect(lifeDateProblems(null, '1998-07', TODAY)).toEqual([]);
    expect(lifeDateProblems('1975-03', null, TODAY)).toEqual([]);
    expect(lifeDateProblems('1975-03', '2026-12', TODAY)).toEqual([]);
  });

  it('refuses a party-join date in the future', () => {
    expect(lifeDateProblems('1975-03', '2090-05', TODAY)).toEqual([{ field: 'partyJoinDate', message: '入党时间（2090年5月）晚于今天' }]);
    expect(lifeDateProblems(null, '2026-12-04', TODAY)[0]?.field).toBe('partyJoinDate');
    expect(lifeDateProblems(null, '2027-01', TODAY)[0]?.field).toBe('partyJoinDate');
  });

  it('refuses joining before or in the month of birth', () => {
    expect(lifeDateProblems('1975-03', '1970-01', TODAY)[0]?.message).toBe('入党时间（1970年1月）不晚于出生年月（1975年3月）');
    expect(lifeDateProblems('1975-03-10', '1975-03', TODAY)).toHaveLength(1);
  });

  it('refuses joining before 18, to the month or day the roster gives', () => {
    expect(lifeDateProblems('1975-03', '1993-02', TODAY)[0]?.message).toBe('入党时间（1993年2月）时未满18周岁（出生年月 1975年3月）');
    expect(lifeDateProblems('1975-03-10', '1993-03-09', TODAY)).toHaveLength(1);
    expect(lifeDateProblems('1975-03-10', '1993-03-10', TODAY)).toEqual([]);
    expect(lifeDateProblems('1975-03', '1980-01', TODAY)).toHaveLength(1);
  });

  it('refuses a birth date in the future', () => {
    expect(lifeDateProblems('2030-01', null, TODAY)).toEqual([{ field: 'birthDate', message: '出生年月（2030年1月）晚于今天' }]);
  });
});

describe('refineBirthDate', () => {
  it('takes the ID number’s day when the roster gives only that month', () => {
    expect(refineBirthDate('1975-03', '1975-03-01')).toBe('1975-03-01');
  });
  it('leaves a different month or an exact date alone', () => {
    expect(refineBirthDate('1975-04', '1975-03-01')).toBe('1975-04');
    expect(refineBirthDate('1975-03-02', '1975-03-01')).toBe('1975-03-02');
    expect(refineBirthDate('1975-03', null)).toBe('1975-03');
    expect(refineBirthDate(null, '1975-03-01')).toBeNull();
  });
});
