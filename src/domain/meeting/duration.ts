import { chineseNumeral } from './name.js';

/**
 * 会期 as every page, notice and document writes it: 半天, 一天, 一天半, 两天 (两 before 天, as
 * Chinese counts days). One wording for the web, the notice and the .docx, so a delegate reads the
 * same length of meeting everywhere. Meetings last whole or half days.
 */
export function meetingDuration(days: number): string {
  if (!(days > 0) || !Number.isInteger(days * 2) || days > 999) throw new RangeError(`会期应为半天的整数倍：${days}`);
  if (days === 0.5) return '半天';
  const whole = Math.floor(days);
  const count = whole === 2 ? '两' : chineseNumeral(whole);
  return `${count}天${days > whole ? '半' : ''}`;
}
