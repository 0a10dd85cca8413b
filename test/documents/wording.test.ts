import { describe, expect, it } from 'vitest';
import { clockTime, dateWithWeekday, fractionWords, ruleWords, textWidth, titleLines } from '../../src/server/documents/docx/wording.js';
import { contentDisposition } from '../../src/server/modules/meeting-documents/routes.js';

describe('official wording', () => {
  it('breaks a long title after the congress, and before the matter when the line is full', () => {
    expect(titleLines('关于召开中国共产党青山镇第十二届代表大会第三次会议的通知')).toBe('关于召开中国共产党青山镇第十二届代表大会\n第三次会议的通知');
    expect(titleLines('中国共产党青山镇第十二届代表大会第三次会议关于中共青山镇委员会工作报告的决议')).toBe(
      '中国共产党青山镇第十二届代表大会\n第三次会议\n关于中共青山镇委员会工作报告的决议',
    );
    expect(titleLines('关于加强党建的决议')).toBe('关于加强党建的决议');
    expect(titleLines('（2026年3月5日中国共产党青山镇第十二届代表大会第三次会议通过）', 28)).toBe('（2026年3月5日中国共产党青山镇第十二届代表大会\n第三次会议通过）');
  });

  it('counts Latin digits as half a character and Chinese punctuation as a whole one', () => {
    expect(textWidth('2026年3月5日')).toBe(6);
    expect(textWidth('“红色网格”')).toBe(6);
  });

  it('writes dates, times, durations and fractions as notices do', () => {
    expect(dateWithWeekday('2026-03-05')).toBe('2026年3月5日（星期四）');
    expect(clockTime('09:00')).toBe('上午9:00');
    expect(clockTime('14:30')).toBe('下午2:30');
    expect(clockTime('12:00')).toBe('下午12:00');
    expect(fractionWords(4, 5)).toBe('五分之四');
    expect(ruleWords({ numerator: 4, denominator: 5, comparison: 'atLeast' }, '应到会代表')).toBe('不少于应到会代表的五分之四');
    expect(ruleWords({ numerator: 4, denominator: 5, comparison: 'atLeast' }, '应到会代表', false)).toBe('少于应到会代表的五分之四');
  });

  it('names the file in Chinese for RFC 5987 browsers and in ASCII for the rest', () => {
    const h = contentDisposition('第三次会议议程（草案）.docx', 'agenda.docx');
    expect(h.startsWith(`attachment; filename="agenda.docx"; filename*=UTF-8''%E7%AC%AC`)).toBe(true);
    expect(decodeURIComponent(h.split("UTF-8''")[1]!)).toBe('第三次会议议程（草案）.docx');
    expect(contentDisposition("a'(b).docx", 'x.docx')).toBe(`attachment; filename="x.docx"; filename*=UTF-8''a%27%28b%29.docx`);
  });
});
