import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, Mark } from './ballot.js';
import { countBallots, decideWinners } from './count.js';
import { tallyFromTotals, tallyRound } from './outcome.js';
import { preliminaryRound } from './preliminary.js';
import { DEFAULT_ELECTION_SETTINGS as S, electionSettings } from './settings.js';

const C = ['王岐山', '刘云山', '习近平', '马凯'];
const voters = { present: 100, due: 110 };
const decide = (yes: Record<string, number>, seats: number, s = S, v = voters) => decideWinners(tallyFromTotals(C, yes), seats, v, s);

describe('winners', () => {
  it('yes votes more than half of those present win; exactly half fails', () => {
    const d = decide({ 王岐山: 51, 刘云山: 50, 习近平: 10 }, 2);
    expect(d).toMatchObject({ requiredYes: 51, elected: ['王岐山'], unfilledSeats: 1, tie: [] });
    expect(d.next).toMatchObject({ code: 'furtherRoundOrReduceSeats', seats: 1 });
  });

  it('takes those due as the base when set', () => {
    const due = electionSettings(undefined, { winBase: 'due' });
    expect(decide({ 王岐山: 55, 刘云山: 56 }, 2, due).elected).toEqual(['刘云山']);
    expect(decide({ 王岐山: 55, 刘云山: 56 }, 2, due).requiredYes).toBe(56);
  });

  it('an odd base: 51 present need 26', () => {
    expect(decide({ 王岐山: 26, 刘云山: 25 }, 2, S, { present: 51, due: 60 }).elected).toEqual(['王岐山']);
  });

  it('more qualifying than seats: the highest win, listed in name order', () => {
    const d = decide({ 王岐山: 80, 刘云山: 70, 习近平: 90, 马凯: 60 }, 3);
    expect(d.elected).toEqual(['习近平', '王岐山', '刘云山']);
    expect(d.next.code).toBe('none');
    expect(d.standings.map((s) => s.name)).toEqual(['习近平', '王岐山', '刘云山', '马凯']);
  });

  it('a tie for the last seat: re-vote among the tied', () => {
    const d = decide({ 王岐山: 80, 刘云山: 70, 习近平: 90, 马凯: 70 }, 3);
    expect(d).toMatchObject({ elected: ['习近平', '王岐山'], tie: ['马凯', '刘云山'], unfilledSeats: 1 });
    expect(d.next).toMatchObject({ code: 'reVote', seats: 1, among: ['马凯', '刘云山'] });
  });

  it('a tie among every qualifying candidate for fewer seats', () => {
    const d = decide({ 王岐山: 60, 刘云山: 60, 习近平: 60 }, 2);
    expect(d).toMatchObject({ elected: [], tie: ['习近平', '王岐山', '刘云山'], unfilledSeats: 2 });
  });

  it('equal votes that all fit the seats are no tie', () => {
    expect(decide({ 王岐山: 60, 刘云山: 60 }, 2)).toMatchObject({ elected: ['王岐山', '刘云山'], tie: [] });
  });

  it('a write-in who is not a candidate can win', () => {
    const d = decideWinners({ candidates: { 王岐山: { yes: 40 } }, writeIns: { 李克强: 60 } }, 1, voters, S);
    expect(d.elected).toEqual(['李克强']);
    expect(d.standings[0]).toMatchObject({ name: '李克强', writeIn: true });
  });
});

describe('preliminary round', () => {
  it('more than half become formal, the highest when too many', () => {
    const d = preliminaryRound(tallyFromTotals(C, { 王岐山: 90, 刘云山: 80, 习近平: 70, 马凯: 40 }), 2, voters, S);
    expect(d.elected).toEqual(['王岐山', '刘云山']);
    expect(d.reason).toContain('正式候选人');
  });
});

const mark = fc.constantFrom<Mark>('yes', 'no', 'abstain', 'other');
const ballot: fc.Arbitrary<Ballot> = fc.record({
  marks: fc.record({ 王岐山: mark, 刘云山: mark, 习近平: mark, 马凯: mark }, { requiredKeys: [] }),
  writeIns: fc.array(fc.constantFrom('李克强', '汪洋', '刘云山'), { maxLength: 2 }),
});

describe('properties of the count', () => {
  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (ballots, seats) => {
        const a = countBallots(ballots, C, seats, S);
        const b = countBallots([...ballots].reverse(), C, seats, S);
        expect(b.tally).toEqual(a.tally);
        expect(decideWinners(b.tally, seats, voters, S)).toEqual(decideWinners(a.tally, seats, voters, S));
      }),
    );
  });

  it('adding an invalid ballot never changes a winner', () => {
    const invalid = fc.oneof(
      fc.constant<Ballot>({ marks: { 王岐山: 'yes', 刘云山: 'yes', 习近平: 'yes', 马凯: 'yes' } }),
      fc.constant<Ballot>({ marks: { 马凯: 'other' } }),
    );
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), invalid, fc.nat(60), fc.integer({ min: 1, max: 3 }), (ballots, bad, at, seats) => {
        const v = { present: 61, due: 70 };
        const before = decideWinners(countBallots(ballots, C, seats, S).tally, seats, v, S);
        const withBad = [...ballots];
        withBad.splice(at % (ballots.length + 1), 0, bad);
        const counted = countBallots(withBad, C, seats, S);
        expect(counted.invalidBallots).toBe(countBallots(ballots, C, seats, S).invalidBallots + 1);
        const after = decideWinners(counted.tally, seats, v, S);
        expect(after.elected).toEqual(before.elected);
        expect(after.tie).toEqual(before.tie);
      }),
    );
  });

  it('counting ballots one by one and counting their totals decide alike', () => {
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), (ballots) => {
        const counted = countBallots(ballots, C, 2, S);
        const yes: Record<string, number> = {};
        for (const [n, t] of Object.entries(counted.tally.candidates)) yes[n] = t.yes;
        Object.assign(yes, counted.tally.writeIns);
        const base = { seats: 2, candidates: C, due: 60, present: 60 };
        const fromBallots = tallyRound({ ...base, ballots }, S);
        const fromTotals = tallyRound({ ...base, returned: ballots.length, invalidBallots: counted.invalidBallots, yes }, S);
        expect(fromTotals.elected).toEqual(fromBallots.elected);
        expect(fromTotals.tie).toEqual(fromBallots.tie);
        expect(fromTotals.next).toEqual(fromBallots.next);
      }),
    );
  });
});

describe('a whole round', () => {
  const base = { seats: 2, candidates: C, due: 100, present: 90 };
  it('stops at the margin, the quorum, the validity, in that order', () => {
    expect(tallyRound({ ...base, seats: 4, returned: 90, yes: {} }, S).next.code).toBe('fixCandidates');
    expect(tallyRound({ ...base, present: 80, returned: 80, yes: {} }, S).next.code).toBe('noQuorum');
    expect(tallyRound({ ...base, returned: 91, yes: {} }, S).next.code).toBe('holdAgain');
  });

  it('reports every ballot and asks to reconcile when keyed totals differ', () => {
    const ballots: Ballot[] = [{ marks: { 王岐山: 'yes' } }, { marks: { 马凯: 'other' } }];
    const r = tallyRound({ ...base, ballots, yes: { 王岐山: 2 } }, S);
    expect(r.ballots!.map((b) => b.status)).toEqual(['valid', 'void']);
    expect(r.next.code).toBe('reconcile');
    expect(r.differences).toEqual([{ what: '王岐山 的赞成票', fromBallots: 1, keyed: 2 }]);
    expect(r.elected).toEqual([]);
  });
});
