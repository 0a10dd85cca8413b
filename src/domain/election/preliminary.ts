import { decideWinners, type Decision, type Tally } from './count.js';
import type { ElectionSettings } from './settings.js';

/**
 * 预选: a preliminary round chooses the formal candidates. A name becomes formal with yes votes
 * more than half of the voters present; when more qualify than the formal list holds, the
 * highest do, and equal votes at the cut go to another preliminary vote among the tied.
 */
export function preliminaryRound(tally: Tally, formalCandidates: number, voters: { present: number; due: number }, s: ElectionSettings): Decision {
  const d = decideWinners(tally, formalCandidates, voters, { ...s, winBase: 'present' });
  const reason = d.reason.replaceAll('当选', '成为正式候选人').replace('应选名额', '正式候选人名额');
  if (d.next.code === 'furtherRoundOrReduceSeats') {
    return { ...d, reason, next: { code: d.next.code, seats: d.unfilledSeats, reason: `正式候选人尚缺 ${d.unfilledSeats} 名：再次预选，或经大会同意减少正式候选人名额（须仍符合差额比例）` } };
  }
  if (d.next.code === 'reVote') return { ...d, reason, next: { ...d.next, reason: d.next.reason.replace('再次投票', '再次预选') } };
  return { ...d, reason, next: { ...d.next, reason: '正式候选人已全部产生' } };
}
