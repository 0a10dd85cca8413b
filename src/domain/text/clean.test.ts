import { describe, expect, it } from 'vitest';
import { cleanCell, cleanName, toHalfWidth } from './clean.js';

describe('toHalfWidth', () => {
  it('turns full-width digits, letters and punctuation into ASCII', () => {
    expect(toHalfWidth('１９７５．０３')).toBe('1975.03');
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(toHalfWidth('（女）：，；！？＃＠～')).toBe('(女):,;!?#@~');
  });

  it('leaves Chinese characters and CJK punctuation alone', () => {
    expect(toHalfWidth('张三、李四。《通知》')).toBe('张三、李四。《通知》');
  });
});

describe('cleanCell', () => {
  it('returns empty text for empty cells', () => {
    expect(cleanCell(null)).toBe('');
    expect(cleanCell(undefined)).toBe('');
    expect(cleanCell('   ')).toBe('');
    expect(cleanCell('\u3000\u00a0\n')).toBe('');
  });

  it('trims every kind of space, including ideographic and no-break spaces', () => {
    expect(cleanCell('  党代表  ')).toBe('党代表');
    expect(cleanCell('\u3000镇党委\u3000')).toBe('镇党委');
    expect(cleanCell('\u00a0abc\u00a0')).toBe('abc');
    expect(cleanCell('\t张三\r\n')).toBe('张三');
  });

  it('removes spaces used as padding between Chinese characters', () => {
    expect(cleanCell('张 三')).toBe('张三');
    expect(cleanCell('张\u3000\u3000三')).toBe('张三');
    expect(cleanCell('王  小  明')).toBe('王小明');
    expect(cleanCell('青山\n村委会')).toBe('青山村委会');
  });

  it('keeps one space between Latin words and digits', () => {
    expect(cleanCell('Zhang   San')).toBe('Zhang San');
    expect(cleanCell('0571\u00a0\u00a088886666')).toBe('0571 88886666');
    expect(cleanCell('Room\n\n302')).toBe('Room 302');
  });

  it('keeps a single space between Chinese and Latin text or digits', () => {
    expect(cleanCell('党员  A  类')).toBe('党员 A 类');
    expect(cleanCell('5\u3000号楼')).toBe('5 号楼');
  });

  it('removes spaces around CJK punctuation and the middle dot', () => {
    expect(cleanCell('张三 、 李四')).toBe('张三、李四');
    expect(cleanCell('阿不都 · 热合曼')).toBe('阿不都·热合曼');
  });

  it('converts full-width forms before collapsing', () => {
    expect(cleanCell('ＡＢＣ　ＤＥＦ')).toBe('ABC DEF');
    expect(cleanCell('１３８　１２３４　５６７８')).toBe('138 1234 5678');
  });

  it('drops zero-width characters pasted from web pages', () => {
    expect(cleanCell('张\u200b三\ufeff')).toBe('张三');
  });

  it('treats a name in CJK Extension B as Chinese', () => {
    expect(cleanCell('𠀾 明')).toBe('𠀾明');
    expect(cleanCell('明 𠀾')).toBe('明𠀾');
  });

  it('turns numbers, booleans and dates into text', () => {
    expect(cleanCell(13812345678)).toBe('13812345678');
    expect(cleanCell(1975.03)).toBe('1975.03');
    expect(cleanCell(true)).toBe('是');
    expect(cleanCell(false)).toBe('否');
    expect(cleanCell(new Date(Date.UTC(1975, 2, 1)))).toBe('1975-03-01');
    expect(cleanCell(new Date(Date.UTC(1975, 2, 1, 8, 30)))).toBe('1975-03-01T08:30:00.000Z');
    expect(cleanCell(new Date(Number.NaN))).toBe('');
  });

  it('reads the text of rich-text, hyperlink and formula cells', () => {
    expect(cleanCell({ richText: [{ text: '张' }, { text: ' 三' }] })).toBe('张三');
    expect(cleanCell({ text: '青山村', hyperlink: 'http://example.cn' })).toBe('青山村');
    expect(cleanCell({ formula: 'A1&B1', result: '李 四' })).toBe('李四');
    expect(cleanCell({ error: '#REF!' })).toBe('');
    expect(cleanCell({})).toBe('');
  });
});

describe('cleanName', () => {
  it('removes all whitespace, even between Latin letters', () => {
    expect(cleanName(' 张  三 ')).toBe('张三');
    expect(cleanName('欧阳 \u3000 娜娜')).toBe('欧阳娜娜');
    expect(cleanName('Li Ming')).toBe('LiMing');
  });

  it('normalises the middle dot of minority names to U+00B7', () => {
    expect(cleanName('阿不都 · 热合曼')).toBe('阿不都·热合曼');
    expect(cleanName('阿不都・热合曼')).toBe('阿不都·热合曼');
    expect(cleanName('阿不都•热合曼')).toBe('阿不都·热合曼');
    expect(cleanName('阿不都．热合曼')).toBe('阿不都·热合曼');
    expect(cleanName('阿不都.热合曼')).toBe('阿不都·热合曼');
  });

  it('leaves a dot that does not sit between Chinese characters', () => {
    expect(cleanName('J.Smith')).toBe('J.Smith');
  });

  it('returns empty text for an empty cell', () => {
    expect(cleanName(null)).toBe('');
  });
});
