import type { ConsequenceSettings, EvaluationScale } from './scale.js';

/**
 * Rates and their consequences. A form counts for a subject when exactly one level of the
 * scale is marked; blank or doubly marked rows are left out of that subject's valid forms.
 * Comparisons stay in integers (positive·100 < valid·percent), so 80 of 100 is exactly 80%.
 */

/** One form's mark for one subject: a level id, nothing, or more than one level. */
export type FormMark = string | null | readonly string[];

export interface SubjectCounts {
  /** Forms per level id. */
  levels: Record<string, number>;
  /** Forms whose mark for this subject was blank, doubled or not on the scale. */
  notCounted: number;
}

export function countForms(forms: readonly Readonly<Partial<Record<string, FormMark>>>[], subjects: readonly string[], scale: EvaluationScale): Record<string, SubjectCounts> {
  const ids = new Set(scale.levels.map((l) => l.id));
  const out: Record<string, SubjectCounts> = {};
  for (const s of subjects) out[s] = { levels: Object.fromEntries(scale.levels.map((l) => [l.id, 0])), notCounted: 0 };
  for (const form of forms) {
    for (const s of subjects) {
      const raw = form[s] ?? null;
      const mark = Array.isArray(raw) ? (raw.length === 1 ? raw[0] : null) : (raw as string | null);
      if (mark !== null && ids.has(mark)) out[s]!.levels[mark]!++;
      else out[s]!.notCounted++;
    }
  }
  return out;
}

export interface Rate {
  rateName: string;
  positive: number;
  validForms: number;
  /** Percentage rounded to two decimals for display; null when no form counted. */
  percent: number | null;
}

export function rate(counts: SubjectCounts, scale: EvaluationScale): Rate {
  const validForms = scale.levels.reduce((n, l) => n + (counts.levels[l.id] ?? 0), 0);
  const positive = scale.positive.reduce((n, id) => n + (counts.levels[id] ?? 0), 0);
  const percent = validForms === 0 ? null : Math.round((positive * 10000) / validForms) / 100;
  return { rateName: scale.rateName, positive, validForms, percent };
}

const below = (r: Rate, percent: number) => r.validForms > 0 && r.positive * 100 < r.validForms * percent;

export type ConsequenceCode = 'none' | 'teamNotFirstClass' | 'admonitionTalk' | 'noValidForms';

export interface Consequence {
  code: ConsequenceCode;
  reason: string;
}

const figures = (r: Rate) => `${r.rateName} ${r.percent}%（${r.positive}/${r.validForms}）`;

/** The team below 80%: it cannot be graded first class this year. */
export function teamConsequence(r: Rate, s: ConsequenceSettings): Consequence {
  if (r.validForms === 0) return { code: 'noValidForms', reason: '没有有效的测评票，无法计算' };
  if (below(r, s.teamFirstClassMinPercent)) return { code: 'teamNotFirstClass', reason: `领导班子${figures(r)}，低于 ${s.teamFirstClassMinPercent}%，不能评为一等` };
  return { code: 'none', reason: `领导班子${figures(r)}，不低于 ${s.teamFirstClassMinPercent}%` };
}

/** A member below 60%: an admonition talk (诫勉谈话), to be recorded with its follow-up. */
export function memberConsequence(r: Rate, s: ConsequenceSettings): Consequence {
  if (r.validForms === 0) return { code: 'noValidForms', reason: '没有有效的测评票，无法计算' };
  if (below(r, s.memberAdmonitionBelowPercent)) return { code: 'admonitionTalk', reason: `${figures(r)}，低于 ${s.memberAdmonitionBelowPercent}%，应进行诫勉谈话` };
  return { code: 'none', reason: `${figures(r)}，不低于 ${s.memberAdmonitionBelowPercent}%` };
}
