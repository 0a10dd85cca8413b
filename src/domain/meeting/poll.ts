import type { VoteCounts } from './pass-rule.js';

/**
 * 表决 on a resolution: draft (准备中) → open (表决中) → closed (已结束). A closed poll is
 * final. Show of hands: the administrator enters the counts, which cannot exceed those present
 * when the poll opened. Named and secret polls: each delegate in the snapshot votes once.
 */

export const POLL_STATUSES = { draft: '准备中', open: '表决中', closed: '已结束' } as const;
export type PollStatus = keyof typeof POLL_STATUSES;
export const POLL_STATUS_IDS = Object.keys(POLL_STATUSES) as PollStatus[];

export const POLL_METHODS = { showOfHands: '举手表决', named: '记名电子表决', secret: '无记名电子投票' } as const;
export type PollMethod = keyof typeof POLL_METHODS;
export const POLL_METHOD_IDS = Object.keys(POLL_METHODS) as PollMethod[];

export const CHOICES = { yes: '赞成', no: '反对', abstain: '弃权' } as const;
export type Choice = keyof typeof CHOICES;
export const CHOICE_IDS = Object.keys(CHOICES) as Choice[];

export const POLL_ACTIONS = {
  edit: { from: ['draft'], label: '修改表决事项' },
  delete: { from: ['draft'], label: '删除表决事项' },
  open: { from: ['draft'], label: '开始表决' },
  vote: { from: ['open'], label: '投票' },
  tally: { from: ['open'], label: '录入表决结果' },
  close: { from: ['open'], label: '结束表决' },
} as const satisfies Record<string, { from: readonly PollStatus[]; label: string }>;
export type PollAction = keyof typeof POLL_ACTIONS;

const WHY: Record<PollStatus, string> = {
  draft: '表决尚未开始',
  open: '表决正在进行',
  closed: '表决已经结束，结果不可更改',
};

/** null when `action` may be taken on a poll in `status`, else a Chinese sentence why not. */
export function checkPollAction(status: PollStatus, action: PollAction): string | null {
  const a = POLL_ACTIONS[action];
  if ((a.from as readonly PollStatus[]).includes(status)) return null;
  return `${WHY[status]}，不能${a.label}`;
}

/** Only a secret ballot may be used for an election or an evaluation (DOMAIN.md §1). */
export function checkMethodForItem(method: PollMethod, agendaItemType: string | null | undefined): string | null {
  if (method === 'secret') return null;
  if (agendaItemType === 'election') return '选举必须采用无记名投票';
  if (agendaItemType === 'evaluation') return '民主评议必须采用无记名投票';
  return null;
}

/** Checks counts entered for a show of hands against those present when the poll opened. */
export function checkShowOfHands(counts: VoteCounts, present: number): string | null {
  for (const c of CHOICE_IDS) {
    const v = counts[c];
    if (!Number.isSafeInteger(v)) return `${CHOICES[c]}票数须为整数`;
    if (v < 0) return `${CHOICES[c]}票数不能为负数`;
  }
  const total = counts.yes + counts.no + counts.abstain;
  if (total > present) {
    return `赞成、反对、弃权合计 ${total} 票，超过了表决开始时的实到会代表 ${present} 人`;
  }
  return null;
}

export interface Tally extends VoteCounts {
  /** In the snapshot but did not vote (or did not raise a hand). */
  notVoted: number;
}

/** The full tally of a poll from its counts and the present snapshot. */
export function tallyOf(counts: VoteCounts, present: number): Tally {
  const cast = counts.yes + counts.no + counts.abstain;
  if (cast > present) throw new RangeError('票数合计超过实到会代表人数');
  return { ...counts, notVoted: present - cast };
}

export const isChoice = (v: string): v is Choice => v in CHOICES;
