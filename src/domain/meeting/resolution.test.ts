import { describe, expect, it } from 'vitest';
import {
  adoptionLine,
  checkMeetingForDecision,
  checkPollForDecision,
  checkResolutionAction,
  checkVoteForDecision,
  daysOverdue,
  displayStatus,
  evaluateManualVote,
  isOverdue,
  missingDistributions,
  statusForProgress,
  summarizeItems,
} from './resolution.js';
import { DEFAULT_RULES, parseMeetingRules } from './rules.js';

const rules = parseMeetingRules(DEFAULT_RULES);

describe('resolution status', () => {
  it('edits and adopts only a draft', () => {
    expect(checkResolutionAction('draft', 'edit')).toBeNull();
    expect(checkResolutionAction('draft', 'adopt')).toBeNull();
    expect(checkResolutionAction('adopted', 'adopt')).toBe('决议已通过，不能通过决议');
    expect(checkResolutionAction('adopted', 'edit')).toBe('决议已通过，不能修改决议草案');
    expect(checkResolutionAction('rejected', 'change')).toBe('决议未通过，不能变更决议');
  });

  it('changes, supersedes and implements only an adopted resolution', () => {
    for (const a of ['change', 'supersede', 'implement', 'distribute'] as const) {
      expect(checkResolutionAction('adopted', a)).toBeNull();
      expect(checkResolutionAction('draft', a)).toMatch(/^决议草案，不能/);
      expect(checkResolutionAction('superseded', a)).toMatch(/^决议已被取代，不能/);
    }
  });

  it('decides only at an opened or closed meeting', () => {
    expect(checkMeetingForDecision('draft')).toBe('会议尚未开幕，不能表决决议');
    expect(checkMeetingForDecision('notified')).toBe('会议尚未开幕，不能表决决议');
    expect(checkMeetingForDecision('inProgress')).toBeNull();
    expect(checkMeetingForDecision('closed')).toBeNull();
  });
});

describe('adoption on a poll', () => {
  const poll = { id: 'p', meetingId: 'm1', status: 'closed', passed: true };
  it('needs a closed, passed poll of the same meeting', () => {
    expect(checkPollForDecision(poll, 'm1', 'adopted')).toBeNull();
    expect(checkPollForDecision(undefined, 'm1', 'adopted')).toBe('表决不存在或无权访问');
    expect(checkPollForDecision(poll, 'm2', 'adopted')).toBe('只能依据本次会议的表决作出决定');
    expect(checkPollForDecision({ ...poll, status: 'open', passed: null }, 'm1', 'adopted')).toBe('表决尚未结束，不能据此作出决定');
    expect(checkPollForDecision({ ...poll, passed: false }, 'm1', 'adopted')).toBe('该表决未获通过，不能据此通过决议');
  });
  it('records a rejection only on a failed poll', () => {
    expect(checkPollForDecision({ ...poll, passed: false }, 'm1', 'rejected')).toBeNull();
    expect(checkPollForDecision(poll, 'm1', 'rejected')).toBe('该表决已获通过，不能据此记录决议未通过');
  });
});

describe('manual vote record', () => {
  const ok = (r: ReturnType<typeof evaluateManualVote>) => {
    if ('error' in r) throw new Error(r.error);
    return r.record;
  };

  it('passes with yes more than half of those present, and fails at exactly half', () => {
    expect(ok(evaluateManualVote({ yes: 51, no: 40, abstain: 9, present: 100 }, rules, 120)).passed).toBe(true);
    const half = ok(evaluateManualVote({ yes: 50, no: 40, abstain: 10, present: 100 }, rules, 120));
    expect(half.passed).toBe(false);
    expect(half.requiredYes).toBe(51);
    expect(checkVoteForDecision(half, 'adopted')).toBe('表决未获通过：赞成 50 票，至少须 51 票，不能通过决议');
    expect(checkVoteForDecision(half, 'rejected')).toBeNull();
  });

  it('refuses counts beyond those present and present beyond those due', () => {
    expect(evaluateManualVote({ yes: 60, no: 30, abstain: 11, present: 100 }, rules, 120)).toEqual({ error: '赞成、反对、弃权合计 101 票，超过了实到会代表 100 人' });
    expect(evaluateManualVote({ yes: 60, no: 0, abstain: 0, present: 130 }, rules, 120)).toEqual({ error: '实到会代表 130 人，超过了应到会代表 120 人' });
    expect(evaluateManualVote({ yes: -1, no: 0, abstain: 0, present: 10 }, rules, null)).toEqual({ error: '赞成票数不能为负数' });
  });

  it('holds a vote without quorum void: exactly 2/3 of those due is not more than 2/3', () => {
    const r = evaluateManualVote({ yes: 80, no: 0, abstain: 0, present: 80 }, rules, 120);
    expect(r).toEqual({ error: '实到会代表 80 人，未达到会议法定人数（应到 120 人，至少须到 81 人），表决无效' });
    expect(ok(evaluateManualVote({ yes: 81, no: 0, abstain: 0, present: 81 }, rules, 120)).passed).toBe(true);
  });

  it('takes those due from the attendance list and refuses a different figure', () => {
    expect(evaluateManualVote({ yes: 81, no: 0, abstain: 0, present: 81, due: 100 }, rules, 120)).toEqual({ error: '应到会代表 100 人与本次会议的应到会名单（120 人）不一致' });
    expect(ok(evaluateManualVote({ yes: 81, no: 0, abstain: 0, present: 81, due: 120 }, rules, null)).due).toBe(120);
    expect(ok(evaluateManualVote({ yes: 6, no: 0, abstain: 0, present: 10 }, rules, null)).due).toBeNull();
  });

  it('needs those due when the rule counts against them', () => {
    const dueRules = { ...rules, passRule: { ...rules.passRule, basis: 'due' as const } };
    expect(evaluateManualVote({ yes: 60, no: 0, abstain: 0, present: 100 }, dueRules, null)).toEqual({ error: '本次会议以应到会代表为通过基数，请填写应到会代表人数' });
    const r = ok(evaluateManualVote({ yes: 60, no: 0, abstain: 0, present: 100 }, dueRules, 120));
    expect(r.passed).toBe(false);
    expect(r.requiredYes).toBe(61);
  });
});

describe('implementation items', () => {
  it('derives the stored status from progress', () => {
    expect(statusForProgress(0)).toBe('notStarted');
    expect(statusForProgress(1)).toBe('inProgress');
    expect(statusForProgress(99)).toBe('inProgress');
    expect(statusForProgress(100)).toBe('done');
  });

  it('is overdue the day after its due date unless done', () => {
    const item = { status: 'inProgress' as const, dueOn: '2026-06-30' };
    expect(isOverdue(item, '2026-06-30')).toBe(false);
    expect(isOverdue(item, '2026-07-01')).toBe(true);
    expect(displayStatus(item, '2026-07-01')).toBe('overdue');
    expect(daysOverdue(item, '2026-07-11')).toBe(11);
    expect(isOverdue({ ...item, status: 'done' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ ...item, dueOn: null }, '2027-01-01')).toBe(false);
    expect(daysOverdue({ ...item, status: 'done' }, '2026-07-11')).toBe(0);
  });

  it('summarises items with overdue counted apart', () => {
    const s = summarizeItems(
      [
        { status: 'done', dueOn: '2026-01-01', progress: 100 },
        { status: 'inProgress', dueOn: '2026-01-01', progress: 40 },
        { status: 'notStarted', dueOn: '2027-01-01', progress: 0 },
      ],
      '2026-06-01',
    );
    expect(s).toEqual({ total: 3, done: 1, inProgress: 0, notStarted: 1, overdue: 1, averageProgress: 47 });
    expect(summarizeItems([], '2026-06-01').averageProgress).toBe(0);
  });
});

describe('distribution and documents', () => {
  it('sends an important resolution to delegates, the people\'s congress and the government', () => {
    expect(missingDistributions('important', ['allDelegates'])).toEqual(['peoplesCongress', 'government']);
    expect(missingDistributions('important', ['allDelegates', 'government', 'peoplesCongress'])).toEqual([]);
    expect(missingDistributions('normal', [])).toEqual([]);
  });

  it('writes dates in Arabic numerals without leading zeros', () => {
    expect(adoptionLine('中国共产党青山镇第十二届代表大会第三次会议', '2026-03-05')).toBe('（2026年3月5日中国共产党青山镇第十二届代表大会第三次会议通过）');
    expect(adoptionLine('某会议', null)).toBe('（草案，提请某会议审议）');
  });
});
