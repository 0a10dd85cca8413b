import { describe, expect, it } from 'vitest';
import { canOpen, electionQuorum, electionValidity, requiredCandidates } from './opening.js';
import { DEFAULT_ELECTION_SETTINGS as S, ELECTION_PRESETS, electionSettings } from './settings.js';

describe('margin: candidates exceed seats by at least 20%, fractions rounded up', () => {
  it.each([
    [1, 2],
    [2, 3],
    [5, 6],
    [6, 8],
    [7, 9],
    [10, 12],
    [11, 14],
    [15, 18],
  ])('%i seats need %i candidates', (seats, needed) => {
    expect(requiredCandidates(seats, 20)).toBe(needed);
    expect(canOpen(seats, needed, S)).toMatchObject({ ok: true, code: 'contested', requiredCandidates: needed });
    expect(canOpen(seats, needed - 1, S).ok).toBe(false);
  });

  it('refuses 8 candidates for 7 seats with the numbers in the reason', () => {
    const r = canOpen(7, 8, S);
    expect(r).toMatchObject({ ok: false, code: 'marginTooSmall', requiredCandidates: 9 });
    expect(r.reason).toContain('应选 7 名，候选人 8 名');
    expect(r.reason).toContain('至少 9 名');
  });

  it('allows an equal-number election only where the kind allows it', () => {
    expect(canOpen(2, 2, ELECTION_PRESETS.committeeByElection)).toMatchObject({ ok: true, code: 'equalNumber' });
    expect(canOpen(1, 1, ELECTION_PRESETS.disciplineByElection).ok).toBe(true);
    expect(canOpen(1, 1, ELECTION_PRESETS.delegateByElection).ok).toBe(true);
    const county = canOpen(3, 3, ELECTION_PRESETS.countyDelegates);
    expect(county).toMatchObject({ ok: false, code: 'equalNotAllowed' });
    expect(county.reason).toContain('至少 4 名');
  });

  it('a by-election with more candidates than seats must still meet the margin', () => {
    expect(canOpen(10, 11, ELECTION_PRESETS.committeeByElection)).toMatchObject({ ok: false, code: 'marginTooSmall' });
  });

  it('refuses fewer candidates than seats and no seats at all', () => {
    expect(canOpen(3, 2, ELECTION_PRESETS.committeeByElection)).toMatchObject({ ok: false, code: 'tooFewCandidates' });
    expect(canOpen(0, 2, S)).toMatchObject({ ok: false, code: 'noSeats' });
  });

  it('follows a changed margin setting', () => {
    expect(canOpen(7, 8, electionSettings(undefined, { marginPercent: 10 })).ok).toBe(true);
  });
});

describe('quorum: strictly more than 4/5 of those due', () => {
  it.each([
    [100, 80, false],
    [100, 81, true],
    [5, 4, false],
    [5, 5, true],
    [10, 8, false],
    [10, 9, true],
    [150, 120, false],
    [150, 121, true],
    [7, 5, false],
    [7, 6, true],
  ])('due %i, present %i → %s', (due, present, ok) => {
    expect(electionQuorum(due, present, S).ok).toBe(ok);
  });

  it('names the numbers and the fewest needed', () => {
    const r = electionQuorum(100, 80, S);
    expect(r).toMatchObject({ code: 'notReached', requiredPresent: 81 });
    expect(r.reason).toContain('实到 80 人');
    expect(r.reason).toContain('至少须到 81 人');
  });

  it('has no quorum when nobody is due', () => {
    expect(electionQuorum(0, 0, S)).toMatchObject({ ok: false, code: 'nobodyDue' });
  });
});

describe('validity of the election', () => {
  it('by voters present (default): returned ≤ present', () => {
    expect(electionValidity({ returned: 90, present: 90, issued: 95 }, S).ok).toBe(true);
    const r = electionValidity({ returned: 91, present: 90, issued: 95 }, S);
    expect(r).toMatchObject({ ok: false, code: 'tooManyReturned', limit: 90 });
    expect(r.reason).toContain('重新进行选举');
  });

  it('by ballots issued: returned ≤ issued', () => {
    const byIssued = electionSettings(undefined, { validityBase: 'issued' });
    expect(electionValidity({ returned: 91, present: 90, issued: 91 }, byIssued).ok).toBe(true);
    expect(electionValidity({ returned: 92, present: 90, issued: 91 }, byIssued)).toMatchObject({ ok: false, limit: 91 });
    expect(electionValidity({ returned: 90, present: 90 }, byIssued)).toMatchObject({ ok: false, code: 'issuedUnknown' });
  });
});

describe('settings', () => {
  it('refuses a bad override with a Chinese message', () => {
    expect(() => electionSettings(undefined, { marginPercent: -1 })).toThrow(/差额比例不能为负/);
  });
  it('keeps the preset for fields not overridden', () => {
    expect(electionSettings('countyDelegates', { winBase: 'due' })).toMatchObject({ winBase: 'due', equalAllowed: false, preliminary: true });
  });
});
