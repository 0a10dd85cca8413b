/**
 * The fonts of GB/T 9704-2012 and what to use where they are missing. Few machines outside
 * government offices have 方正小标宋简体 or the *_GB2312 fonts, so the font table of every
 * document names a close substitute (`w:altName`) with the GB2312 charset and the panose class:
 * Word and WPS then pick 华文中宋 / 仿宋 / 楷体 instead of falling back to a Latin font.
 */

export interface OfficialFont {
  /** The name the standard uses, written into every run. */
  name: string;
  /** Substitutes in order of preference; the first goes into the font table as `altName`. */
  fallbacks: readonly string[];
  panose: string;
  family: 'roman' | 'modern' | 'swiss' | 'script';
  pitch: 'fixed' | 'variable';
}

export const FONTS = {
  /** 标题: 2号方正小标宋简体. */
  title: { name: '方正小标宋简体', fallbacks: ['华文中宋', '方正小标宋_GBK', '宋体', 'Noto Serif CJK SC'], panose: '02000000000000000000', family: 'script', pitch: 'variable' },
  /** 正文: 3号仿宋_GB2312. */
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'], panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  /** 一级标题 “一、”: 3号黑体. */
  heading1: { name: '黑体', fallbacks: ['SimHei', 'STHeiti', 'Noto Sans CJK SC'], panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  /** 二级标题 “（一）”: 3号楷体_GB2312. */
  heading2: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'], panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  /** 页码: 4号半角宋体阿拉伯数字. */
  pageNumber: { name: '宋体', fallbacks: ['SimSun', 'Noto Serif CJK SC'], panose: '02010600030101010101', family: 'roman', pitch: 'variable' },
} as const satisfies Record<string, OfficialFont>;

export type FontRole = keyof typeof FONTS;

/** The run font of a role: the same name for every script, so that digits match the text. */
export function runFont(role: FontRole) {
  const n = FONTS[role].name;
  return { ascii: n, hAnsi: n, eastAsia: n, cs: n };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml naming every font the layout uses with its substitute. */
export function fontTableXml(): string {
  const entries = Object.values(FONTS)
    .map(
      (f: OfficialFont) =>
        `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.fallbacks[0]!)}"/><w:panose1 w:val="${f.panose}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries +
    '</w:fonts>'
  );
}
