import { describe, expect, it } from 'vitest';
import { judgeBallot } from './ballot.js';
import { DEFAULT_ELECTION_SETTINGS as S, electionSettings } from './settings.js';

const C = ['王岐山', '刘云山', '张德江'];

describe('a single ballot', () => {
  it('counts ○ as yes, × as no, nothing as abstain', () => {
    const r = judgeBallot({ marks: { 王岐山: 'yes', 刘云山: 'no' } }, C, 2, S);
    expect(r).toMatchObject({ status: 'valid', yes: ['王岐山'], no: ['刘云山'], abstain: ['张德江'] });
  });

  it('a blank ballot is valid and abstains on everyone', () => {
    expect(judgeBallot({ marks: {} }, C, 2, S)).toMatchObject({ status: 'valid', yes: [], abstain: C });
  });

  it('exactly as many yes as seats is valid; one more is invalid', () => {
    expect(judgeBallot({ marks: { 王岐山: 'yes', 刘云山: 'yes' } }, C, 2, S).status).toBe('valid');
    const r = judgeBallot({ marks: { 王岐山: 'yes', 刘云山: 'yes', 张德江: 'yes' } }, C, 2, S);
    expect(r).toMatchObject({ status: 'invalid', code: 'tooManyYes', yes: [] });
    expect(r.reason).toContain('多于应选名额 2 名');
  });

  it('counts write-ins as yes when judging too many yes', () => {
    const r = judgeBallot({ marks: { 王岐山: 'yes', 刘云山: 'yes', 张德江: 'no' }, writeIns: ['李克强'] }, C, 2, S);
    expect(r).toMatchObject({ status: 'invalid', code: 'tooManyYes' });
  });

  it('a mark outside the prescribed ones voids the ballot', () => {
    const r = judgeBallot({ marks: { 王岐山: 'yes', 刘云山: 'other' } }, C, 2, S);
    expect(r).toMatchObject({ status: 'void', code: 'otherMark' });
    expect(r.reason).toContain('刘云山');
  });

  it('a mark for a name not on the ballot voids it', () => {
    expect(judgeBallot({ marks: { 李克强: 'yes' } }, C, 2, S)).toMatchObject({ status: 'void', code: 'unknownCandidate' });
  });

  it('a write-in beside a candidate marked × counts as yes', () => {
    const r = judgeBallot({ marks: { 王岐山: 'no', 刘云山: 'yes' }, writeIns: ['李克强'] }, C, 2, S);
    expect(r).toMatchObject({ status: 'valid', yes: ['刘云山', '李克强'], writeInsNotCounted: [] });
  });

  it('a write-in without a × does not count, the ballot stands', () => {
    const r = judgeBallot({ marks: { 王岐山: 'yes' }, writeIns: ['李克强'] }, C, 2, S);
    expect(r.status).toBe('valid');
    expect(r.yes).toEqual(['王岐山']);
    expect(r.writeInsNotCounted[0]!.reason).toContain('须先在候选人上方划 ×');
  });

  it('a write-in beside an abstention or a yes does not count', () => {
    const abstained = judgeBallot({ marks: { 王岐山: 'no' }, writeIns: [{ name: '李克强', beside: '刘云山' }] }, C, 2, S);
    expect(abstained.yes).toEqual([]);
    expect(abstained.writeInsNotCounted[0]!.reason).toContain('弃权不能另选他人');
    const besideYes = judgeBallot({ marks: { 王岐山: 'yes', 刘云山: 'no' }, writeIns: [{ name: '李克强', beside: '王岐山' }] }, C, 2, S);
    expect(besideYes.yes).toEqual(['王岐山']);
    expect(besideYes.writeInsNotCounted[0]!.reason).toContain('划 ○');
  });

  it('two write-ins need two × rows', () => {
    const r = judgeBallot({ marks: { 王岐山: 'no' }, writeIns: ['李克强', '汪洋'] }, C, 2, S);
    expect(r.yes).toEqual(['李克强']);
    expect(r.writeInsNotCounted.map((w) => w.name)).toEqual(['汪洋']);
  });

  it('a write-in without ○ counts by the setting', () => {
    const ballot = { marks: { 王岐山: 'no' as const }, writeIns: [{ name: '李克强', marked: false }] };
    expect(judgeBallot(ballot, C, 2, S).yes).toEqual([]);
    expect(judgeBallot(ballot, C, 2, electionSettings(undefined, { unmarkedWriteIn: 'yes' })).yes).toEqual(['李克强']);
  });

  it('writing in a name already voted for on the ballot adds nothing', () => {
    const r = judgeBallot({ marks: { 王岐山: 'no', 刘云山: 'yes' }, writeIns: ['刘云山'] }, C, 2, S);
    expect(r.yes).toEqual(['刘云山']);
    expect(r.writeInsNotCounted).toHaveLength(1);
  });
});
