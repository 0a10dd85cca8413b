import { z } from 'zod';

/**
 * A township's meeting rules (DOMAIN.md §1). The source documents disagree (2/3 vs 4/5 quorum,
 * 5 working days vs 15 days of notice), so every number is a setting with these defaults. A
 * meeting copies the rules when it is created and keeps them: `parseMeetingRules` fills any
 * field a later version adds, so an old snapshot still reads.
 */

const Comparison = z.enum(['moreThan', 'atLeast'], '比较方式应为“超过”或“不少于”');
export type Comparison = z.infer<typeof Comparison>;

const FractionShape = z.object({
  numerator: z.number().int('分子须为整数').min(1, '分子须为正整数').max(100),
  denominator: z.number().int('分母须为整数').min(1, '分母须为正整数').max(100),
  comparison: Comparison,
});
const notAboveOne = (f: { numerator: number; denominator: number }) => f.numerator <= f.denominator;
const aboveOne = { message: '比例不能大于 1', path: ['numerator'] };

export const QuorumRule = FractionShape.refine(notAboveOne, aboveOne);
export type QuorumRule = z.infer<typeof QuorumRule>;

/** `present` = 实到会代表 (DOMAIN.md); `due` = 应到会代表, as local congresses sometimes use. */
export const PassRule = FractionShape.extend({ basis: z.enum(['present', 'due'], '计算基数应为“实到会代表”或“应到会代表”') }).refine(notAboveOne, aboveOne);
export type PassRule = z.infer<typeof PassRule>;

export const DayUnit = z.enum(['workdays', 'calendarDays'], '天数单位应为“工作日”或“自然日”');
export type DayUnit = z.infer<typeof DayUnit>;

export const DayPeriod = z.object({
  days: z.number().int('天数须为整数').min(0, '天数不能为负').max(90, '天数不能超过 90'),
  unit: DayUnit,
});
export type DayPeriod = z.infer<typeof DayPeriod>;

const Cosigners = z.number().int('人数须为整数').min(1, '联名人数至少为 1').max(100, '联名人数不能超过 100');

export const DEFAULT_RULES = {
  meetingQuorum: { numerator: 2, denominator: 3, comparison: 'moreThan' },
  electionQuorum: { numerator: 4, denominator: 5, comparison: 'moreThan' },
  passRule: { basis: 'present', numerator: 1, denominator: 2, comparison: 'moreThan' },
  topicDeadline: { days: 10, unit: 'workdays' },
  noticePeriod: { days: 5, unit: 'workdays' },
  topicProposers: { committee: true, group: true, delegates: true },
  topicCosignMinimum: 10,
  proposalCosignMinimum: 10,
} as const satisfies Record<string, unknown>;

/** The full rules, every field required: what PUT accepts and what a meeting stores. */
export const MeetingRules = z.object({
  meetingQuorum: QuorumRule,
  electionQuorum: QuorumRule,
  passRule: PassRule,
  topicDeadline: DayPeriod,
  noticePeriod: DayPeriod,
  topicProposers: z
    .object({ committee: z.boolean(), group: z.boolean(), delegates: z.boolean() })
    .refine((p) => p.committee || p.group || p.delegates, '至少允许一种议题提出方式'),
  topicCosignMinimum: Cosigners,
  proposalCosignMinimum: Cosigners,
});
export type MeetingRules = z.infer<typeof MeetingRules>;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Reads stored rules (settings or a meeting's snapshot), taking the default for a missing field. */
export function parseMeetingRules(stored: unknown): MeetingRules {
  const base = clone(DEFAULT_RULES) as unknown as Record<string, unknown>;
  const value = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base)) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    merged[key] = typeof v === 'object' && !Array.isArray(v) ? { ...(base[key] as object), ...(v as object) } : v;
  }
  const parsed = MeetingRules.safeParse(merged);
  return parsed.success ? parsed.data : (clone(DEFAULT_RULES) as unknown as MeetingRules);
}

/** `2/3`, `超过` / `不少于`: how a rule reads in a document or on the screen. */
export function describeFraction(f: { numerator: number; denominator: number; comparison: Comparison }): string {
  return `${f.comparison === 'moreThan' ? '超过' : '不少于'}${f.numerator}/${f.denominator}`;
}

export function describePeriod(p: DayPeriod): string {
  return `${p.days}个${p.unit === 'workdays' ? '工作日' : '自然日'}`;
}
