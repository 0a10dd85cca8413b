import { passResult, describePassRule } from '../../../domain/meeting/pass-rule.js';
import { CHOICES, POLL_METHODS, POLL_STATUSES, type PollMethod, type PollStatus } from '../../../domain/meeting/poll.js';
import { PassRule } from '../../../domain/meeting/rules.js';
import type { PollResultSummary, PollSummary } from '../../realtime/events.js';
import type { PollRow } from './repository.js';

const isElectronic = (method: string) => method === 'named' || method === 'secret';

export const passRuleOf = (p: PollRow) => PassRule.parse(p.passRule);

export function pollSummary(p: PollRow, voted: number | undefined): PollSummary {
  return {
    id: p.id,
    meetingId: p.meetingId,
    agendaItemId: p.agendaItemId,
    title: p.title,
    method: p.method,
    status: p.status,
    presentSnapshot: p.presentSnapshot,
    voted: isElectronic(p.method) && p.status !== 'draft' ? (voted ?? 0) : null,
  };
}

/** The result of a closed poll, with every number (DOMAIN.md: results are announced in full). */
export function pollResult(p: PollRow): PollResultSummary | null {
  if (p.status !== 'closed' || p.yes === null || p.no === null || p.abstain === null) return null;
  const rule = passRuleOf(p);
  const r = passResult({ yes: p.yes, no: p.no, abstain: p.abstain }, { present: p.presentSnapshot ?? 0, due: p.dueSnapshot ?? 0 }, rule);
  return {
    id: p.id,
    meetingId: p.meetingId,
    title: p.title,
    method: p.method,
    dueSnapshot: p.dueSnapshot ?? 0,
    presentSnapshot: p.presentSnapshot ?? 0,
    yes: p.yes,
    no: p.no,
    abstain: p.abstain,
    notVoted: p.notVoted ?? 0,
    passed: !!p.passed,
    requiredYes: r.requiredYes,
    rule: describePassRule(rule),
    closedAt: (p.closedAt ?? new Date()).toISOString(),
  };
}

/** The administrator's view: a show of hands shows the counts entered so far; a secret poll nothing before it closes. */
export function pollView(p: PollRow, voted: number | undefined) {
  return {
    ...pollSummary(p, voted),
    methodLabel: POLL_METHODS[p.method as PollMethod],
    statusLabel: POLL_STATUSES[p.status as PollStatus],
    quorumKind: p.quorumKind,
    passRule: passRuleOf(p),
    passRuleText: describePassRule(passRuleOf(p)),
    dueSnapshot: p.dueSnapshot,
    openedAt: p.openedAt,
    closedAt: p.closedAt,
    enteredCounts: p.method === 'showOfHands' && p.status === 'open' && p.yes !== null ? { yes: p.yes, no: p.no!, abstain: p.abstain! } : null,
    result: pollResult(p),
  };
}

export const choiceLabel = (c: string) => CHOICES[c as keyof typeof CHOICES] ?? c;
