import { describe, expect, it } from 'vitest';
import { checkOneGroupPerKind, DEFAULT_GROUP_SIZE, GROUP_KINDS, groupSizeWarning } from './size.js';

describe('GROUP_KINDS', () => {
  it('names the three ways groups are formed, with their Chinese labels', () => {
    expect(GROUP_KINDS).toEqual({ region: '按区域', sector: '按行业/领域', topic: '按主题' });
  });
});

describe('groupSizeWarning', () => {
  it('is silent from 15 to 20 delegates by default', () => {
    expect(DEFAULT_GROUP_SIZE).toEqual({ min: 15, max: 20 });
    for (let n = 15; n <= 20; n++) expect(groupSizeWarning(n)).toBeNull();
  });

  it('warns about a group that is too small', () => {
    expect(groupSizeWarning(12)).toBe('代表小组人数为12人，少于15人');
    expect(groupSizeWarning(14)).toBe('代表小组人数为14人，少于15人');
    expect(groupSizeWarning(0)).toBe('代表小组人数为0人，少于15人');
  });

  it('warns about a group that is too large', () => {
    expect(groupSizeWarning(21)).toBe('代表小组人数为21人，多于20人');
    expect(groupSizeWarning(35)).toBe('代表小组人数为35人，多于20人');
  });

  it('uses the township’s own range', () => {
    expect(groupSizeWarning(12, { min: 10, max: 12 })).toBeNull();
    expect(groupSizeWarning(9, { min: 10, max: 12 })).toBe('代表小组人数为9人，少于10人');
    expect(groupSizeWarning(13, { min: 10, max: 12 })).toBe('代表小组人数为13人，多于12人');
    expect(groupSizeWarning(25, { max: 30 })).toBeNull();
    expect(groupSizeWarning(8, { min: 8 })).toBeNull();
    expect(groupSizeWarning(5, { min: 5, max: 5 })).toBeNull();
  });

  it('refuses counts and ranges that make no sense', () => {
    expect(() => groupSizeWarning(-1)).toThrow(RangeError);
    expect(() => groupSizeWarning(1.5)).toThrow(RangeError);
    expect(() => groupSizeWarning(Number.NaN)).toThrow(RangeError);
    expect(() => groupSizeWarning(10, { min: 20, max: 15 })).toThrow(RangeError);
    expect(() => groupSizeWarning(10, { min: 0 })).toThrow(RangeError);
    expect(() => groupSizeWarning(10, { min: 2.5 })).toThrow(RangeError);
  });
});

describe('checkOneGroupPerKind', () => {
  it('accepts one group of each kind per delegate', () => {
    expect(
      checkOneGroupPerKind([
        { delegateId: 'a', kind: 'region', groupId: 'g1' },
        { delegateId: 'a', kind: 'sector', groupId: 'g2' },
        { delegateId: 'a', kind: 'topic', groupId: 'g3' },
        { delegateId: 'b', kind: 'region', groupId: 'g1' },
      ]),
    ).toEqual([]);
    expect(checkOneGroupPerKind([])).toEqual([]);
  });

  it('reports a delegate in two groups of the same kind', () => {
    expect(
      checkOneGroupPerKind([
        { delegateId: 'a', kind: 'region', groupId: 'g1' },
        { delegateId: 'b', kind: 'region', groupId: 'g1' },
        { delegateId: 'a', kind: 'region', groupId: 'g2' },
      ]),
    ).toEqual([
      {
        delegateId: 'a',
        kind: 'region',
        groupCount: 2,
        message: '同一代表只能参加一个“按区域”划分的代表小组，现参加了2个',
      },
    ]);
  });

  it('counts every row when no group is named', () => {
    const result = checkOneGroupPerKind([
      { delegateId: 7, kind: 'sector' },
      { delegateId: 7, kind: 'sector' },
      { delegateId: 7, kind: 'sector' },
      { delegateId: 8, kind: 'sector' },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ delegateId: 7, kind: 'sector', groupCount: 3 });
    expect(result[0].message).toContain('“按行业/领域”');
  });

  it('counts a group listed twice for the same delegate once', () => {
    expect(
      checkOneGroupPerKind([
        { delegateId: 'a', kind: 'topic', groupId: 'g3' },
        { delegateId: 'a', kind: 'topic', groupId: 'g3' },
      ]),
    ).toEqual([]);
  });

  it('reports each offending kind and delegate once, in the order first seen', () => {
    const result = checkOneGroupPerKind([
      { delegateId: 'b', kind: 'topic', groupId: 1 },
      { delegateId: 'a', kind: 'region', groupId: 1 },
      { delegateId: 'a', kind: 'region', groupId: 2 },
      { delegateId: 'b', kind: 'topic', groupId: 2 },
      { delegateId: 'a', kind: 'region', groupId: 3 },
    ]);
    expect(result.map((v) => [v.delegateId, v.kind, v.groupCount])).toEqual([
      ['b', 'topic', 2],
      ['a', 'region', 3],
    ]);
  });

  it('does not confuse delegate 1 with delegate "1" or group 1 with group "1"', () => {
    expect(
      checkOneGroupPerKind<string | number>([
        { delegateId: 1, kind: 'region', groupId: 1 },
        { delegateId: '1', kind: 'region', groupId: 2 },
      ]),
    ).toEqual([]);
    expect(
      checkOneGroupPerKind([
        { delegateId: 'a', kind: 'region', groupId: 1 },
        { delegateId: 'a', kind: 'region', groupId: '1' },
      ]),
    ).toHaveLength(1);
  });
});
