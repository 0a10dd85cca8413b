/** 列席: who attends without a vote, and where their attendance stands. */
export const OBSERVER_KINDS = { disciplineCommission: '纪委委员', committeeDecided: '党委确定列席', publicApplicant: '党员群众申请列席' } as const;
export type ObserverKind = keyof typeof OBSERVER_KINDS;
export const OBSERVER_STATUSES = { approved: '同意列席', pending: '待决定', declined: '不同意列席' } as const;
export type ObserverStatus = keyof typeof OBSERVER_STATUSES;
