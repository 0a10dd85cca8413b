import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countForms, memberConsequence, rate, teamConsequence } from './rates.js';
import { DEFAULT_CONSEQUENCES as D, EvaluationScale, SCALES } from './scale.js';

const c4 = SCALES.competence4;
const counts = (levels: Record<string, number>) => ({ levels, notCounted: 0 });

describe('rates', () => {
  it('称职率 = (优秀 + 称职) / valid forms', () => {
    expect(rate(counts({ excellent: 30, competent: 50, basicallyCompetent: 15, incompetent: 5 }), c4)).toEqual({ rateName: '称职率', positive: 80, validForms: 100, percent: 80 });
  });

  it('the three-level scale counts only 称职; satisfaction counts 满意 and 基本满意', () => {
    expect(rate(counts({ competent: 2, basicallyCompetent: 1, incompetent: 0 }), SCALES.competence3).percent).toBe(66.67);
    expect(rate(counts({ satisfied: 5, basicallySatisfied: 3, dissatisfied: 2 }), SCALES.satisfaction3)).toMatchObject({ rateName: '满意率', percent: 80 });
  });

  it('forms: blank, doubled or unknown marks are left out of the valid forms', () => {
    const forms = [{ 张三: 'excellent' }, { 张三: ['competent'] }, { 张三: ['competent', 'incompetent'] }, { 张三: null }, { 张三: 'great' }, {}];
    const c = countForms(forms, ['张三'], c4);
    expect(c.张三!.notCounted).toBe(4);
    expect(rate(c.张三!, c4)).toMatchObject({ positive: 2, validForms: 2, percent: 100 });
  });

  it('refuses a scale whose positive levels are not on it', () => {
    expect(EvaluationScale.safeParse({ ...c4, positive: ['good'] }).success).toBe(false);
  });
});

describe('consequences', () => {
  const at = (positive: number, valid: number) => rate(counts({ excellent: positive, incompetent: valid - positive }), c4);

  it('team: exactly 80% may be first class, below may not', () => {
    expect(teamConsequence(at(80, 100), D).code).toBe('none');
    const r = teamConsequence(at(79, 100), D);
    expect(r.code).toBe('teamNotFirstClass');
    expect(r.reason).toContain('79%');
    expect(teamConsequence(at(119, 149), D).code).toBe('teamNotFirstClass'); // 79.87%
  });

  it('member: exactly 60% escapes the admonition talk, below gets it', () => {
    expect(memberConsequence(at(60, 100), D).code).toBe('none');
    expect(memberConsequence(at(3, 5), D).code).toBe('none');
    expect(memberConsequence(at(59, 100), D).code).toBe('admonitionTalk');
  });

  it('no valid forms: nothing to decide', () => {
    expect(memberConsequence(at(0, 0), D).code).toBe('noValidForms');
  });

  it('follows the settings', () => {
    expect(memberConsequence(at(65, 100), { ...D, memberAdmonitionBelowPercent: 70 }).code).toBe('admonitionTalk');
  });

  it('a rounded 80.00% display never hides a rate below 80', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (valid, p) => {
        const positive = p % (valid + 1);
        const flagged = teamConsequence(at(positive, valid), D).code === 'teamNotFirstClass';
        expect(flagged).toBe(positive / valid < 0.8);
      }),
    );
  });
});
