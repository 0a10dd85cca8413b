import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Whether a new password would be guessed early, by zxcvbn-ts with its maintained lists of common
 * passwords and words and keyboard layouts. Score 0–4; below 3 (about 10^8 guesses) is refused.
 * Only the first 64 characters are estimated: the estimate is superlinear in length and a longer
 * password that passed the other rules is not the weak one.
 */
export const MIN_SCORE = 3;
const ESTIMATED_LENGTH = 64;

/** Words everyone here would try first: the product, the party, common pinyin. */
const LOCAL_WORDS = ['nianhui', 'dangyuan', 'dangwei', 'daibiao', 'zuzhibu', 'zhongguo', 'woaini', 'xiangzhen', 'renda'];

let factory: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, local: LOCAL_WORDS }, graphs: common.adjacencyGraphs }));

const REASON: Record<string, string> = {
  dictionary: '含常用密码或常见单词',
  spatial: '含键盘上相邻的按键（如 qwerty）',
  repeat: '含重复的字符',
  sequence: '含连续的字母或数字（如 abc、123）',
  regex: '含年份',
  date: '含日期',
};

function reasonOf(m: MatchExtended): string | undefined {
  if (m.pattern === 'dictionary' && m.dictionaryName === 'userInputs') return '含用户名或姓名';
  return REASON[m.pattern];
}

/** The Chinese reason a new password is too easy to guess, or null when it is not. */
export function guessabilityProblem(password: string, userInputs: string[] = []): string | null {
  const r = zxcvbn().check(password.slice(0, ESTIMATED_LENGTH), userInputs.filter(Boolean));
  if (r.score >= MIN_SCORE) return null;
  const reasons = [...new Set(r.sequence.map(reasonOf).filter((x): x is string => !!x))];
  const why = reasons.length ? `：${reasons.join('、')}` : '';
  return `密码太容易被猜中${why}。请使用更长、没有规律的密码，例如几个不相关的词加数字和符号`;
}
