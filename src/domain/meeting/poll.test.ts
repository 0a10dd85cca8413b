import { describe, expect, it } from 'vitest';
import { POLL_ACTIONS, POLL_STATUS_IDS, checkMethodForItem, checkPollAction, checkShowOfHands, isChoice, tallyOf } from './poll.js';

describe('poll state machine', () => {
  it('allows each action only in its state', () => {
    const allowed: string[] = [];
    for (const s of POLL_STATUS_IDS) for (const a of Object.keys(POLL_ACTIONS) as (keyof typeof POLL_ACTIONS)[]) if (!checkPollAction(s, a)) allowed.push(`${s}:${a}`);
    expect(allowed.sort()).toEqual(['draft:delete', 'draft:edit', 'draft:open', 'open:close', 'open:tally', 'open:vote'].sort());
  });

  it('explains refusals in Chinese', () => {
    expect(checkPollAction('closed', 'vote')).toBe('表决已经结束，结果不可更改，不能投票');
    expect(checkPollAction('closed', 'close')).toBe('表决已经结束，结果不可更改，不能结束表决');
    expect(checkPollAction('draft', 'vote')).toBe('表决尚未开始，不能投票');
    expect(checkPollAction('open', 'open')).toBe('表决正在进行，不能开始表决');
  });
});

describe('method for an agenda item', () => {
  it('requires a secret ballot for elections and evaluations', () => {
    expect(checkMethodForItem('showOfHands', 'election')).toBe('选举必须采用无记名投票');
    expect(checkMethodForItem('named', 'evaluation')).toBe('民主评议必须采用无记名投票');
    expect(checkMethodForItem('secret', 'election')).toBeNull();
    expect(checkMethodForItem('showOfHands', 'resolutionVote')).toBeNull();
    expect(checkMethodForItem('named', null)).toBeNull();
  });
});

describe('show of hands counts', () => {
  it('accepts counts up to those present', () => {
    expect(checkShowOfHands({ yes: 50, no: 5, abstain: 5 }, 60)).toBeNull();
    expect(checkShowOfHands({ yes: 0, no: 0, abstain: 0 }, 60)).toBeNull();
  });
  it('refuses a total over those present, by one', () => {
    expect(checkShowOfHands({ yes: 50, no: 6, abstain: 5 }, 60)).toBe('赞成、反对、弃权合计 61 票，超过了表决开始时的实到会代表 60 人');
  });
  it('refuses negative and fractional counts', () => {
    expect(checkShowOfHands({ yes: -1, no: 0, abstain: 0 }, 60)).toBe('赞成票数不能为负数');
    expect(checkShowOfHands({ yes: 1, no: 0.5, abstain: 0 }, 60)).toBe('反对票数须为整数');
    expect(checkShowOfHands({ yes: 1, no: 0, abstain: Number.NaN }, 60)).toBe('弃权票数须为整数');
  });
});

describe('tally', () => {
  it('counts those who did not vote', () => {
    expect(tallyOf({ yes: 40, no: 10, abstain: 5 }, 61)).toEqual({ yes: 40, no: 10, abstain: 5, notVoted: 6 });
  });
  it('refuses more votes than present', () => {
    expect(() => tallyOf({ yes: 40, no: 10, abstain: 12 }, 61)).toThrow(RangeError);
  });
  it('knows the choices', () => {
    expect(['yes', 'no', 'abstain', 'maybe'].map(isChoice)).toEqual([true, true, true, false]);
  });
});
