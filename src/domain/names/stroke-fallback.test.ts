import { describe, expect, it } from 'vitest';
import { derivedStrokeSequence, generalStandard } from './stroke-fallback.js';
import { cncharSequence, sortByStrokes, strokeSequence, strokeSortKey } from './stroke-order.js';

/** The 8,105 characters of the 通用规范汉字表 (2013), in the table's own order. */
const GENERAL_STANDARD = [...generalStandard()];

/**
 * Characters of the table that neither cnchar nor the decomposition data covers: almost all
 * were encoded late (CJK extensions B–F) for this very table. The list may only shrink.
 */
const STILL_WITHOUT_STROKES =
  '𬉼𠙶𬣙𬇕𬣞𬘓𫭟𫭢尨𫵷𬇙𬣡𫸩𬘘𬨂𬀩𬀪𬬩𬣳𬩽𬮿𬯀𫰛𬳵𬳶𬍛鿍𬜬厖𬬮𬬱𬬭𬘡𬳽𬘩𬍤𫭼𬜯𬂩𬌗𬬸𬬻𬬹𬬿𬭁𫢸羖羓𬊈𬒈𬳿𬘫𫮃鿎𬱖𬟽牻𬇹𬍡𬤇𬤊𫍲𬯎𬘬𬘭𬴂𬘯𬃊𬷕𬹼𫶇鿏𬭊𬭎翛𬱟𫷷𬮱𬊤𬴃𬪩𬒔𬨎𫫇𬭚𬭛𬕂𬶋𬶍瑨𬸘𬒗𬭤𬶐𬶏𬸚鲝𬤝𬙂嶲𬭩㵐𬸣𫍽𬴊𬞟𬺈𬭬𬭯𬸦羱𬭳𬭶𬭸𬭼𬸪𬶟𬶠𬶨𬟁嚚𬙊㰀𬶭𬶮𬙋𬺓𫚭';

describe('stroke data for the 通用规范汉字表', () => {
  it('has all 8,105 characters to check against', () => {
    expect(GENERAL_STANDARD).toHaveLength(8105);
  });

  it('gives every character strokes except the listed late-encoded ones, and the list only shrinks', () => {
    const missing = GENERAL_STANDARD.filter((ch) => strokeSequence(ch) === null);
    expect(missing.join('')).toBe(STILL_WITHOUT_STROKES);
    expect(GENERAL_STANDARD.length - missing.length).toBeGreaterThanOrEqual(7975);
  });

  it('knows 馼 (马 and 文): seven strokes, sorted among the seven-stroke surnames, not after everyone', () => {
    expect(strokeSequence('馼')).toBe('5514134');
    const sorted = sortByStrokes(['馼晓', '王芳', '杨洁', '陈明', '李强'], (n) => n);
    expect(sorted).toEqual(['王芳', '李强', '杨洁', '陈明', '馼晓']);
    expect(strokeSortKey('馼晓') < strokeSortKey('周明')).toBe(true); // 周 has eight strokes
  });

  it('learns components the data lacks from characters written with them (夬 from 决 and 快)', () => {
    expect(strokeSequence('夬')).toBe('5134');
    expect(strokeSequence('玦')).toBe('1121' + '5134');
  });

  it('agrees with cnchar on the characters cnchar knows: exact for ≥ 92%, the count for ≥ 97%', () => {
    let compared = 0;
    let exact = 0;
    let sameCount = 0;
    for (const ch of GENERAL_STANDARD) {
      const truth = cncharSequence(ch);
      const derived = derivedStrokeSequence(ch, (c) => (c === ch ? null : cncharSequence(c)));
      if (truth === null || derived === null) continue;
      compared++;
      if (derived === truth) exact++;
      if (derived.length === truth.length) sameCount++;
    }
    expect(compared).toBeGreaterThan(5000);
    expect(exact / compared).toBeGreaterThanOrEqual(0.92);
    expect(sameCount / compared).toBeGreaterThanOrEqual(0.97);
  });
});
