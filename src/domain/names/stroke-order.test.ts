import { describe, expect, it } from 'vitest';
import {
  COMPOUND_SURNAMES,
  compareByStrokes,
  sortByStrokes,
  splitName,
  strokeSequence,
  strokeSortKey,
} from './stroke-order.js';

/** Deterministic shuffle, so that a failure can be reproduced. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const byStrokes = (names: readonly string[]) => sortByStrokes(names, (n) => n);

/** Official lists in 姓氏笔画为序, as published. */
const POLITBURO_18 =
  '习近平、马凯、王岐山、王沪宁、刘云山、刘延东、刘奇葆、许其亮、孙春兰、孙政才、李克强、李建国、李源潮、汪洋、张春贤、张高丽、张德江、范长龙、孟建柱、赵乐际、胡春华、俞正声、栗战书、郭金龙、韩正'.split('、');
const POLITBURO_19 =
  '丁薛祥、习近平、王晨、王沪宁、刘鹤、许其亮、孙春兰、李希、李强、李克强、李鸿忠、杨洁篪、杨晓渡、汪洋、张又侠、陈希、陈全国、陈敏尔、赵乐际、胡春华、栗战书、郭声琨、黄坤明、韩正、蔡奇'.split('、');

describe('official lists', () => {
  it.each([1, 2, 3, 42, 2012])('sorts the 18th Politburo back into its published order (shuffle %i)', (seed) => {
    expect(byStrokes(shuffle(POLITBURO_18, seed))).toEqual(POLITBURO_18);
  });

  it.each([7, 19, 2017])('sorts the 19th Politburo back into its published order (shuffle %i)', (seed) => {
    expect(byStrokes(shuffle(POLITBURO_19, seed))).toEqual(POLITBURO_19);
  });

  it('gets right what a stroke-order collator gets wrong', () => {
    const collated = [...POLITBURO_18].sort(new Intl.Collator('zh-u-co-stroke').compare);
    expect(collated).not.toEqual(POLITBURO_18);
    expect(byStrokes(collated)).toEqual(POLITBURO_18);
  });
});

describe('stroke classes', () => {
  it.each([
    ['一', '1'],
    ['丁', '12'], // 竖钩 counts as 竖
    ['习', '541'], // 横折钩 折, 点, 提 counts as 横
    ['马', '551'],
    ['人', '34'], // 捺 counts as 点
    ['小', '234'],
    ['子', '521'],
    ['心', '4544'], // 卧钩 is 折
    ['家', '4451353334'], // 弯钩 is 折
    ['我', '3121534'],
    ['王', '1121'],
    ['李', '1234521'],
    ['杨', '1234533'],
    ['出', '52252'],
    ['凸', '21251'],
  ])('%s → %s', (ch, seq) => {
    expect(strokeSequence(ch)).toBe(seq);
  });

  it('returns null for characters without data', () => {
    expect(strokeSequence('A')).toBeNull();
    expect(strokeSequence('·')).toBeNull();
  });
});

describe('the rules one by one', () => {
  it('orders surnames by stroke count', () => {
    expect(byStrokes(['王五', '丁一', '李四', '马三'])).toEqual(['丁一', '马三', '王五', '李四']);
  });

  it('orders surnames of equal count by their strokes in the order 横 竖 撇 点 折', () => {
    // Two strokes: 丁 12, 卜 24, 刁 51.
    expect(byStrokes(['刁明', '卜明', '丁明'])).toEqual(['丁明', '卜明', '刁明']);
    // Three strokes: 万 153, 门 425, 卫 521, 马 551.
    expect(byStrokes(['马明', '卫明', '门明', '万明'])).toEqual(['万明', '门明', '卫明', '马明']);
    // Five strokes: 石 13251, 叶 25112, 白 32511, 冯 41551, 司 51251.
    expect(byStrokes(['司明', '冯明', '白明', '叶明', '石明'])).toEqual(['石明', '叶明', '白明', '冯明', '司明']);
    // Seven strokes, decided at the sixth stroke or earlier: 杜 李 杨 吴 何 汪 宋 张 陈.
    const seven = ['杜明', '李明', '杨明', '吴明', '何明', '汪明', '宋明', '张明', '陈明'];
    expect(byStrokes(shuffle(seven, 5))).toEqual(seven);
    // Eight strokes: 林 before 欧, decided at the second stroke (竖 before 撇).
    expect(byStrokes(['欧明', '林明'])).toEqual(['林明', '欧明']);
  });

  it('puts one-character given names before two-character ones of the same surname', () => {
    expect(byStrokes(['王一凡', '王凯'])).toEqual(['王凯', '王一凡']);
    expect(byStrokes(['李克强', '李强', '李希'])).toEqual(['李希', '李强', '李克强']);
  });

  it('then orders given names character by character, count first', () => {
    expect(byStrokes(['王小明', '王大明', '王小红', '王力', '王凯', '王一凡'])).toEqual([
      '王力',
      '王凯',
      '王一凡',
      '王大明', // 大 134 before 小 234
      '王小红', // 红 6 strokes before 明 8
      '王小明',
    ]);
  });

  it('keeps the surname decisive over the given name', () => {
    expect(byStrokes(['王一', '丁鑫鑫'])).toEqual(['丁鑫鑫', '王一']);
  });
});

describe('compound surnames', () => {
  it('recognises them in names of three characters or more', () => {
    expect(splitName('欧阳娜娜')).toEqual({ surname: '欧阳', given: '娜娜' });
    expect(splitName('司马光')).toEqual({ surname: '司马', given: '光' });
    expect(splitName('诸葛亮')).toEqual({ surname: '诸葛', given: '亮' });
    expect(splitName('欧阳')).toEqual({ surname: '欧', given: '阳' });
    expect(splitName('王小明')).toEqual({ surname: '王', given: '小明' });
    expect(splitName('')).toEqual({ surname: '', given: '' });
  });

  it('lists the fourteen compound surnames', () => {
    expect(COMPOUND_SURNAMES).toHaveLength(14);
    for (const s of COMPOUND_SURNAMES) expect(splitName(s + '明').surname).toBe(s);
  });

  it('sorts a compound surname by its first character, after the single surname it begins with', () => {
    expect(byStrokes(['欧阳明', '欧明', '欧阳一', '林明', '罗明'])).toEqual(['林明', '欧明', '欧阳一', '欧阳明', '罗明']);
    expect(byStrokes(['司马光', '司明', '冯明'])).toEqual(['冯明', '司明', '司马光']);
  });

  it('keeps a compound-surname person with a one-character given name before a two-character one', () => {
    expect(byStrokes(['欧阳娜娜', '欧阳明'])).toEqual(['欧阳明', '欧阳娜娜']);
  });
});

describe('names without stroke data', () => {
  it('puts a character with a stroke count but no order after known characters of that count', () => {
    // 讬 has five strokes in cnchar but no stroke order.
    expect(byStrokes(['刘明', '讬明', '冯明'])).toEqual(['冯明', '讬明', '刘明']);
  });

  it('puts Latin letters and unknown characters after every Chinese character, in code-point order', () => {
    expect(byStrokes(['Smith', '龘明', '𬉼明', '𠀾明', 'Brown', '丁一', '齉明'])).toEqual([
      '丁一',
      '𠀾明', // 10 strokes, derived from its components (cnchar has none)
      '龘明', // 15 strokes: three 龙 as simplified print writes them, derived
      '齉明', // 36 strokes, the most in cnchar's data
      'Brown',
      'Smith',
      '𬉼明', // no source has its strokes
    ]);
    expect(byStrokes(['王Z', '王A', '王一'])).toEqual(['王一', '王A', '王Z']);
  });

  it('puts an empty name last', () => {
    expect(byStrokes(['', 'Smith', '王一'])).toEqual(['王一', 'Smith', '']);
  });
});

describe('strokeSortKey', () => {
  it('ignores spaces and full-width padding in names', () => {
    expect(strokeSortKey('王  凯')).toBe(strokeSortKey('王凯'));
    expect(strokeSortKey('\u3000欧阳 娜娜 ')).toBe(strokeSortKey('欧阳娜娜'));
  });

  it('is plain ASCII, so byte order (COLLATE "C") and JavaScript < agree', () => {
    const names = shuffle([...POLITBURO_18, ...POLITBURO_19, '欧阳娜娜', '讬明', 'Smith', '王一凡'], 9);
    const keys = names.map(strokeSortKey);
    for (const key of keys) expect(key).toMatch(/^[\x21-\x7e]+$/);
    const byJs = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byBytes = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(byBytes).toEqual(byJs);
  });

  it('gives different names different keys, even with identical strokes (田/由, 于/干)', () => {
    expect(strokeSequence('田')).toBe(strokeSequence('由'));
    expect(strokeSortKey('田明')).not.toBe(strokeSortKey('由明'));
    expect(compareByStrokes('于明', '干明')).not.toBe(0);
    expect(compareByStrokes('干明', '于明')).toBe(-compareByStrokes('于明', '干明'));
  });

  it('orders the same way as compareByStrokes', () => {
    const names = shuffle([...POLITBURO_18, ...POLITBURO_19], 11);
    const viaKeys = [...names].sort((a, b) => (strokeSortKey(a) < strokeSortKey(b) ? -1 : 1));
    expect([...names].sort(compareByStrokes)).toEqual(viaKeys);
    expect(compareByStrokes('王凯', '王凯')).toBe(0);
  });

  it('sorts 100,000 names into non-decreasing key order', () => {
    const pool = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华');
    const names: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const length = 1 + (i % 3 === 0 ? 1 : 2);
      let name = pool[i % 30];
      for (let j = 0; j < length; j++) name += pool[(i * 7 + j * 13 + Math.floor(i / 30)) % pool.length];
      names.push(name);
    }
    const keys = sortByStrokes(names, (n) => n).map(strokeSortKey);
    expect(keys).toHaveLength(100_000);
    let outOfOrder = 0;
    for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) outOfOrder++;
    expect(outOfOrder).toBe(0);
  });
});

describe('sortByStrokes', () => {
  it('sorts records by a name field and leaves the input untouched', () => {
    const people = [
      { id: 3, name: '韩正' },
      { id: 1, name: '习近平' },
      { id: 2, name: '马凯' },
    ];
    const input = [...people];
    expect(sortByStrokes(people, (p) => p.name).map((p) => p.id)).toEqual([1, 2, 3]);
    expect(people).toEqual(input);
  });

  it('keeps people with the same name in their input order', () => {
    const people = [
      { id: 'b', name: '王伟' },
      { id: 'a', name: '王伟' },
      { id: 'c', name: '丁一' },
    ];
    expect(sortByStrokes(people, (p) => p.name).map((p) => p.id)).toEqual(['c', 'b', 'a']);
  });
});
