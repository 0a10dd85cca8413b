import { describe, expect, it } from 'vitest';
import {
  ACTIVITIES,
  checkActivity,
  checkTransition,
  MEETING_STATUS_IDS,
  nextStatus,
  TRANSITIONS,
  type MeetingActivity,
  type MeetingStatus,
  type MeetingTransition,
} from './state.js';

const actions = Object.keys(TRANSITIONS) as MeetingTransition[];
const allowed: Record<MeetingTransition, MeetingStatus> = { notify: 'draft', open: 'notified', close: 'inProgress' };
const pairs = MEETING_STATUS_IDS.flatMap((s) => actions.map((a) => [s, a] as const));

describe('meeting state machine', () => {
  it.each(pairs)('from %s, %s is allowed only from its one state', (from, action) => {
    const msg = checkTransition(from, action);
    if (allowed[action] === from) expect(msg).toBeNull();
    else expect(msg).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('walks draft → notified → inProgress → closed', () => {
    let s: MeetingStatus = 'draft';
    s = nextStatus(s, 'notify');
    expect(s).toBe('notified');
    s = nextStatus(s, 'open');
    expect(s).toBe('inProgress');
    s = nextStatus(s, 'close');
    expect(s).toBe('closed');
    for (const a of actions) expect(() => nextStatus(s, a)).toThrow();
  });

  it('says what to do when opening without a notice', () => {
    expect(checkTransition('draft', 'open')).toBe('会议通知尚未发出，不能开幕：请先向代表发出会议通知');
    expect(checkTransition('notified', 'notify')).toBe('会议通知已经发出，不能重复发送');
    expect(checkTransition('closed', 'open')).toBe('会议已闭幕，不能重新开幕');
    expect(checkTransition('draft', 'close')).toBe('会议尚未开幕，不能闭幕');
  });

  it('guards on the facts: nobody due, votes still open', () => {
    expect(checkTransition('draft', 'notify', { dueCount: 0 })).toBe('本届没有正常履职的代表，无法发出会议通知');
    expect(checkTransition('draft', 'notify', { dueCount: 1 })).toBeNull();
    expect(checkTransition('notified', 'open', { dueCount: 0 })).toBe('没有应到会代表，不能开幕');
    expect(checkTransition('inProgress', 'close', { openVotes: 2 })).toBe('还有 2 项表决尚未结束，不能闭幕');
    expect(checkTransition('inProgress', 'close', { openVotes: 0 })).toBeNull();
    // A wrong state is reported before the facts.
    expect(checkTransition('closed', 'close', { openVotes: 2 })).toBe('会议已经闭幕');
  });

  const activities = Object.keys(ACTIVITIES) as MeetingActivity[];
  it.each(MEETING_STATUS_IDS.flatMap((s) => activities.map((a) => [s, a] as const)))('in %s, %s follows its table', (status, activity) => {
    const msg = checkActivity(status, activity);
    if ((ACTIVITIES[activity].in as readonly string[]).includes(status)) expect(msg).toBeNull();
    else expect(msg).toContain(ACTIVITIES[activity].label);
  });

  it('a closed meeting can no longer be edited, and a draft one takes no replies', () => {
    expect(checkActivity('closed', 'edit')).toBe('会议已闭幕，不能修改会议信息');
    expect(checkActivity('inProgress', 'edit')).toBe('会议进行中，不能修改会议信息');
    expect(checkActivity('draft', 'reply')).toBe('会议筹备中，不能回复参会或请假');
    expect(checkActivity('notified', 'setCurrentAgenda')).toBe('会议已发通知，不能切换当前议程');
    expect(checkActivity('inProgress', 'setCurrentAgenda')).toBeNull();
  });
});
