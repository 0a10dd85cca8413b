import type { PassRule } from '../../../../domain/meeting/rules.js';
import type { PollResult, PollSummary } from '../types.js';

/** As src/server/modules/polls/presenter.ts pollView answers. */
export interface PollView extends PollSummary {
  methodLabel: string;
  statusLabel: string;
  quorumKind: string;
  passRule: PassRule;
  passRuleText: string;
  dueSnapshot: number | null;
  openedAt: string | null;
  closedAt: string | null;
  enteredCounts: { yes: number; no: number; abstain: number } | null;
  result: PollResult | null;
}
