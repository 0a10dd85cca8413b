import { describe, expect, it } from 'vitest';
import { renderAgenda } from '../../src/server/documents/docx/agenda.js';
import { CHAR_PITCH, CHAR_SPACING, LINE_PITCH, PAGE } from '../../src/server/documents/docx/layout.js';
import { renderNotice, type NoticeDoc } from '../../src/server/documents/docx/notice.js';
import { renderResolution } from '../../src/server/documents/docx/resolution.js';
import { renderSummary, type SummaryDoc } from '../../src/server/documents/docx/summary.js';
import { attrs, openDocx, paragraphWith } from './docx-reader.js';

const meeting = { name: '中国共产党青山镇第十二届代表大会第三次会议', startsOn: '2026-03-05', startTime: '09:00', place: '镇政府三楼会议室', durationDays: 1 };

const notice: NoticeDoc = {
  issuer: '中共青山镇委员会',
  issuedOn: '2026-02-20',
  addressee: '各位党代表',
  townshipUnit: '镇',
  meeting,
  agenda: ['审议中共青山镇委员会工作报告', '表决通过大会决议'],
  delegatesDue: 126,
  observers: ['青山镇纪委委员'],
  replyBy: '2026-03-04',
  contact: null,
};

describe('GB/T 9704-2012 page of every document', () => {
  it('is A4 with the standard margins, 22 lines of 28 characters', async () => {
    const d = await openDocx(await renderNotice(notice));
    expect(attrs(d.document, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    // 37 / 35 / 28 / 26 mm in twips.
    expect(attrs(d.document, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
    const width = PAGE.width - PAGE.margin.left - PAGE.margin.right;
    const height = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
    expect(28 * CHAR_PITCH).toBeLessThanOrEqual(width);
    expect(29 * CHAR_PITCH).toBeGreaterThan(width);
    expect(22 * LINE_PITCH).toBeLessThanOrEqual(height);
    expect(23 * LINE_PITCH).toBeGreaterThan(height);
    const body = paragraphWith(d.document, '经镇党委研究');
    expect(attrs(body, 'w:spacing')).toMatchObject({ 'w:line': String(LINE_PITCH), 'w:lineRule': 'exact' });
    expect(body).toContain(`<w:spacing w:val="${CHAR_SPACING}"/>`);
    expect(attrs(body, 'w:ind')).toMatchObject({ 'w:firstLine': String(2 * CHAR_PITCH) });
  });

  it('sets the title in 2号 小标宋 and the text in 3号 仿宋_GB2312, naming substitutes for WPS and Word', async () => {
    const d = await openDocx(await renderNotice(notice));
    const t = paragraphWith(d.document, '关于召开中国共产党青山镇第十二届代表大会');
    expect(attrs(t, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '方正小标宋简体', 'w:ascii': '方正小标宋简体' });
    expect(attrs(t, 'w:sz')).toMatchObject({ 'w:val': '44' });
    expect(attrs(t, 'w:jc')).toMatchObject({ 'w:val': 'center' });
    const b = paragraphWith(d.document, '全体党代表');
    expect(attrs(b, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312' });
    expect(attrs(b, 'w:sz')).toMatchObject({ 'w:val': '32' });
    expect(attrs(paragraphWith(d.document, '一、会议时间'), 'w:rFonts')['w:eastAsia']).toBe('黑体');
    for (const [font, alt] of [['方正小标宋简体', '华文中宋'], ['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体'], ['黑体', 'SimHei']]) {
      expect(d.fontTable).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
    }
  });

  it('numbers pages “— 1 —” in 4号 宋体, odd pages right and even pages left', async () => {
    const d = await openDocx(await renderNotice(notice));
    expect(d.settings).toContain('<w:evenAndOddHeaders/>');
    expect(d.document).toMatch(/<w:footerReference w:type="default"[^>]*\/><w:footerReference w:type="even"/);
    const [odd, even] = d.footers;
    for (const f of [odd!, even!]) {
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('PAGE');
      expect(f).toContain('> —</w:t>');
      expect(attrs(f, 'w:sz')).toMatchObject({ 'w:val': '28' });
      expect(attrs(f, 'w:rFonts')['w:eastAsia']).toBe('宋体');
    }
    expect(attrs(odd!, 'w:jc')['w:val']).toBe('right');
    expect(attrs(even!, 'w:jc')['w:val']).toBe('left');
  });

  it('signs with the issuer above the date, the date right-aligned four characters in', async () => {
    const d = await openDocx(await renderNotice(notice));
    const i = d.paragraphs.indexOf('中共青山镇委员会');
    expect(d.paragraphs[i + 1]).toBe('2026年2月20日');
    const date = paragraphWith(d.document, '2026年2月20日');
    expect(attrs(date, 'w:jc')['w:val']).toBe('right');
    expect(attrs(date, 'w:ind')['w:right']).toBe(String(4 * CHAR_PITCH));
  });
});

describe('the notice, agenda and resolution', () => {
  it('gives the delegates what they need to come: time, place, agenda, who attends and the reply date', async () => {
    const d = await openDocx(await renderNotice(notice));
    expect(d.paragraphs.slice(0, 2)).toEqual(['关于召开中国共产党青山镇第十二届代表大会', '第三次会议的通知']);
    expect(d.text).toContain('2026年3月5日（星期四）上午9:00召开，会期一天。');
    expect(d.text).toContain('镇政府三楼会议室。');
    expect(d.text).toContain('（一）审议中共青山镇委员会工作报告；');
    expect(d.text).toContain('（二）表决通过大会决议。');
    expect(d.text).toContain('全体党代表（应到会代表126名）。青山镇纪委委员列席会议。');
    expect(d.text).toContain('请各位代表于2026年3月4日前');
  });

  it('lists the agenda items in order with the group sessions', async () => {
    const d = await openDocx(
      await renderAgenda({
        meetingName: meeting.name,
        startsOn: meeting.startsOn,
        place: null,
        items: [
          { title: '审议党委工作报告', presenter: '镇党委书记', groupSession: false },
          { title: '代表述职', presenter: null, groupSession: true },
        ],
        groupSessions: [{ groupName: '第一代表团', convener: '赵敏', place: '一楼会议室' }],
      }),
    );
    expect(d.paragraphs.slice(0, 3)).toEqual(['中国共产党青山镇第十二届代表大会', '第三次会议议程', '（2026年3月5日）']);
    expect(d.paragraphs).toContain('一、审议党委工作报告（镇党委书记）');
    expect(d.paragraphs).toContain('二、代表述职（分团进行）');
    expect(d.paragraphs).toContain('第一代表团：召集人赵敏，地点一楼会议室。');
  });

  it('heads a resolution with the meeting, the adoption line and its text with 黑体 and 楷体 headings', async () => {
    const d = await openDocx(
      await renderResolution({ meetingName: meeting.name, title: '关于镇党委工作报告的决议', adoptedOn: '2026-03-05', body: '会议同意报告。\n一、总体要求。坚持稳中求进。\n（一）推进乡村振兴。完成3000亩。' }),
    );
    expect(d.paragraphs.slice(0, 5)).toEqual([
      '中国共产党青山镇第十二届代表大会',
      '第三次会议关于镇党委工作报告的决议',
      '（2026年3月5日中国共产党青山镇第十二届代表大会',
      '第三次会议通过）',
      '',
    ]);
    const h1 = paragraphWith(d.document, '一、总体要求。');
    expect(h1.indexOf('黑体')).toBeLessThan(h1.indexOf('坚持稳中求进'));
    expect(h1).toMatch(/仿宋_GB2312[\s\S]*坚持稳中求进/);
    expect(paragraphWith(d.document, '（一）推进乡村振兴。')).toContain('楷体_GB2312');
    const draft = await openDocx(await renderResolution({ meetingName: meeting.name, title: '关于某事的决议', adoptedOn: null, body: '正文' }));
    expect(draft.text).toContain('（草案，提请中国共产党青山镇第十二届代表大会');
  });
});

describe('the summary report to the county', () => {
  const summary: SummaryDoc = {
    issuer: '中共青山镇委员会',
    issuedOn: '2026-03-09',
    addressee: '中共测试县委组织部',
    meeting,
    attendance: { due: 126, present: 118, onLeave: 6, absent: 2, quorumRule: { numerator: 2, denominator: 3, comparison: 'moreThan' }, quorumReached: true },
    agenda: ['审议中共青山镇委员会工作报告'],
    votes: [
      { title: '关于镇党委工作报告的决议', method: '举手表决', present: 118, yes: 116, no: 0, abstain: 2, passed: true },
      { title: '关于调整代表小组的决定', method: '无记名电子投票', present: 118, yes: 50, no: 60, abstain: 8, passed: false },
    ],
    resolutions: [{ number: 1, title: '关于镇党委工作报告的决议', adoptedOn: '2026-03-05' }],
    topics: [{ title: '关于加快集镇污水管网建设的议题', proposer: '第一代表小组' }],
    observers: [
      { name: '王五', organisation: '镇纪委' },
      { name: '孙丽', organisation: '' },
    ],
  };

  it('reports attendance, quorum, every vote, the resolutions, topics and observers', async () => {
    const d = await openDocx(await renderSummary(summary));
    expect(d.paragraphs.slice(0, 2)).toEqual(['关于中国共产党青山镇第十二届代表大会', '第三次会议召开情况的报告']);
    expect(d.text).toContain('中共测试县委组织部：');
    expect(d.text).toContain('本次会议应到会代表126名，实到会代表118名，请假6名，缺席2名。实到会代表超过应到会代表的三分之二，符合规定人数，会议有效。');
    expect(d.text).toContain('列席会议的有2人：王五（镇纪委）、孙丽。');
    expect(d.text).toContain('会议共进行表决2项，获得通过1项，未获通过1项。');
    const rows = [...d.document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]));
    expect(rows).toEqual([
      ['表决事项', '表决方式', '实到', '赞成', '反对', '弃权', '结果'],
      ['关于镇党委工作报告的决议', '举手表决', '118', '116', '0', '2', '通过'],
      ['关于调整代表小组的决定', '无记名电子投票', '118', '50', '60', '8', '未通过'],
    ]);
    expect(d.text).toContain('（一）《关于镇党委工作报告的决议》（2026年3月5日通过）。');
    expect(d.text).toContain('（一）关于加快集镇污水管网建设的议题（第一代表小组提出）。');
    expect(d.paragraphs.slice(-2)).toEqual(['中共青山镇委员会', '2026年3月9日']);
  });

  it('says what is missing rather than printing figures it does not have', async () => {
    const d = await openDocx(await renderSummary({ ...summary, attendance: null, votes: [], resolutions: [], topics: [], observers: [], agenda: [] }));
    expect(d.text).toContain('本次会议未登记应到会代表名单，出席情况另行报告。');
    expect(d.text).toContain('本次会议未进行表决。');
    expect(d.text).toContain('本次会议未通过决议。');
    expect(d.text).not.toContain('应到会代表0名');
  });

  it('says a meeting without quorum did not reach it', async () => {
    const d = await openDocx(await renderSummary({ ...summary, attendance: { ...summary.attendance!, present: 80, absent: 40, quorumReached: false } }));
    expect(d.text).toContain('实到会代表未超过应到会代表的三分之二，未达到规定人数。');
  });
});
