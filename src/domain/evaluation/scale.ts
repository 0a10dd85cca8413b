import { z } from 'zod';

/**
 * 民主评议 / 测评 (DOMAIN.md §4): a form rates each subject (the committee as a team, each
 * member) on a scale. A scale says its levels and which of them count toward the rate: the
 * competence rate 称职率 = (优秀 + 称职) / valid forms; a satisfaction rate as the township sets it.
 */

export const EvaluationScale = z
  .object({
    /** 称职率 or 满意率: the rate's name in the UI and reports. */
    rateName: z.string().min(1, '比率名称不能为空'),
    levels: z.array(z.object({ id: z.string().min(1), label: z.string().min(1, '等次名称不能为空') })).min(2, '至少须有两个等次'),
    /** Level ids whose forms count toward the rate. */
    positive: z.array(z.string()).min(1, '至少须有一个等次计入比率'),
  })
  .refine((s) => s.positive.every((p) => s.levels.some((l) => l.id === p)), { message: '计入比率的等次须是量表中的等次', path: ['positive'] })
  .refine((s) => new Set(s.levels.map((l) => l.id)).size === s.levels.length, { message: '等次重复', path: ['levels'] });
export type EvaluationScale = z.infer<typeof EvaluationScale>;

export const SCALES = {
  competence4: {
    rateName: '称职率',
    levels: [
      { id: 'excellent', label: '优秀' },
      { id: 'competent', label: '称职' },
      { id: 'basicallyCompetent', label: '基本称职' },
      { id: 'incompetent', label: '不称职' },
    ],
    positive: ['excellent', 'competent'],
  },
  competence3: {
    rateName: '称职率',
    levels: [
      { id: 'competent', label: '称职' },
      { id: 'basicallyCompetent', label: '基本称职' },
      { id: 'incompetent', label: '不称职' },
    ],
    positive: ['competent'],
  },
  satisfaction3: {
    rateName: '满意率',
    levels: [
      { id: 'satisfied', label: '满意' },
      { id: 'basicallySatisfied', label: '基本满意' },
      { id: 'dissatisfied', label: '不满意' },
    ],
    positive: ['satisfied', 'basicallySatisfied'],
  },
} as const satisfies Record<string, EvaluationScale>;

/** What follows from the rates (one county's rules; every township may change them). */
export const ConsequenceSettings = z.object({
  /** A team rated below this percentage cannot be graded first class (一等/好). */
  teamFirstClassMinPercent: z.number().min(0).max(100),
  /** A member rated below this percentage gets an admonition talk (诫勉谈话). */
  memberAdmonitionBelowPercent: z.number().min(0).max(100),
});
export type ConsequenceSettings = z.infer<typeof ConsequenceSettings>;

export const DEFAULT_CONSEQUENCES: ConsequenceSettings = { teamFirstClassMinPercent: 80, memberAdmonitionBelowPercent: 60 };
