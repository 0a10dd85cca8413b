import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './rules.js';
import { checkCosign, checkDecision, checkProposerAllowed, checkSubmit, checkWithdraw, initialTopicStatus, TOPIC_STATUSES, type TopicStatus } from './topic.js';

const statuses = Object.keys(TOPIC_STATUSES) as TopicStatus[];

describe('topics', () => {
  it('follows the township’s choice of who may propose', () => {
    expect(checkProposerAllowed(DEFAULT_RULES, 'group')).toBeNull();
    const rules = { topicProposers: { committee: true, group: true, delegates: false } };
    expect(checkProposerAllowed(rules, 'delegates')).toBe('本乡镇的会议规则不允许由代表联名提出议题');
  });

  it('a joint topic collects signatures until it has the minimum; others go straight to the committee', () => {
    expect(initialTopicStatus('delegates', 1, 10)).toBe('collecting');
    expect(initialTopicStatus('delegates', 10, 10)).toBe('submitted');
    expect(initialTopicStatus('committee', 0, 10)).toBe('submitted');
    expect(initialTopicStatus('group', 0, 10)).toBe('submitted');
  });

  it.each(statuses)('co-signing a joint topic that is %s', (s) => {
    const msg = checkCosign(s, 'delegates');
    if (s === 'collecting') expect(msg).toBeNull();
    else expect(msg).toBe(`议题${TOPIC_STATUSES[s]}，不能再联名或撤回联名`);
  });

  it('only joint topics take signatures', () => {
    expect(checkCosign('collecting', 'committee')).toBe('只有代表联名提出的议题需要联名');
  });

  it('submits at exactly the minimum, not one below, and says how many are missing', () => {
    expect(checkSubmit('collecting', 10, 10)).toBeNull();
    expect(checkSubmit('collecting', 9, 10)).toBe('联名代表须不少于 10 人（含发起人），目前 9 人，还差 1 人');
    expect(checkSubmit('submitted', 10, 10)).toBe('议题待党委决定，不能提交');
  });

  it.each(statuses)('deciding a topic that is %s', (s) => {
    const msg = checkDecision(s, true, null);
    if (s === 'submitted') expect(msg).toBeNull();
    else expect(msg).not.toBeNull();
  });

  it('requires a reason to reject, not to accept', () => {
    expect(checkDecision('submitted', false, '  ')).toBe('不予采纳时须写明理由');
    expect(checkDecision('submitted', false, '与人代会议题重复')).toBeNull();
    expect(checkDecision('submitted', true, undefined)).toBeNull();
  });

  it.each(statuses)('withdrawing a topic that is %s', (s) => {
    expect(checkWithdraw(s) === null).toBe(s === 'collecting' || s === 'submitted');
  });
});
