import { meetingDuration } from '../../../domain/meeting/duration.js';
import { addressee, heading1, officialDocument, packDocument, signature, text, title } from './layout.js';
import { chineseDate, clockTime, dateWithWeekday, ordinal, subOrdinal } from './wording.js';

/** 会议通知: what a delegate needs to come to the meeting. Plain data in, .docx bytes out. */
export interface NoticeDoc {
  /** 发文机关署名, e.g. 中共青山镇委员会. */
  issuer: string;
  /** 成文日期, ISO. */
  issuedOn: string;
  /** 主送, e.g. 各位党代表. */
  addressee: string;
  /** 镇 or 乡: how the notice names the committee (镇党委) and its office. */
  townshipUnit: string;
  meeting: { name: string; startsOn: string; startTime: string | null; place: string | null; durationDays: number };
  /** The agenda in brief; empty when it is not settled yet. */
  agenda: string[];
  /** 应到会代表; null before the notice fixes the list. */
  delegatesDue: number | null;
  /** Who attends without a vote, described for the notice (e.g. 镇纪委委员). */
  observers: string[];
  replyBy: string | null;
  contact: { name: string | null; phone: string | null } | null;
}

export function noticeTitle(meetingName: string) {
  return `关于召开${meetingName}的通知`;
}

export async function renderNotice(d: NoticeDoc): Promise<Buffer> {
  const m = d.meeting;
  const when = `${dateWithWeekday(m.startsOn)}${m.startTime ? clockTime(m.startTime) : ''}`;
  const sections: { head: string; lines: string[] }[] = [
    { head: '会议时间', lines: [`${when}召开，会期${meetingDuration(m.durationDays)}。`] },
    { head: '会议地点', lines: [m.place ? `${m.place}。` : '会议地点另行通知。'] },
    {
      head: '会议议程',
      lines: d.agenda.length ? d.agenda.map((a, i) => `${subOrdinal(i)}${a.replace(/[。；;.]+$/, '')}${i === d.agenda.length - 1 ? '。' : '；'}`) : ['会议议程另行印发。'],
    },
    {
      head: '参会人员',
      lines: [
        `全体党代表${d.delegatesDue ? `（应到会代表${d.delegatesDue}名）` : ''}。${d.observers.length ? `${d.observers.join('、')}列席会议。` : ''}`,
      ],
    },
    {
      head: '有关要求',
      lines: [
        `${subOrdinal(0)}请各位代表${d.replyBy ? `于${chineseDate(d.replyBy)}前` : '及时'}通过“年会”平台或向${d.townshipUnit}党代表联络办公室确认参会；因故不能参会的，须说明理由，向大会请假。`,
        `${subOrdinal(1)}请代表提前到达会场，凭参会二维码签到；会议期间请将手机调至静音状态。`,
        ...(d.contact?.name || d.contact?.phone
          ? [`${subOrdinal(2)}联系人：${d.contact.name ?? ''}${d.contact.phone ? `，联系电话：${d.contact.phone}` : ''}。`]
          : []),
      ],
    },
  ];
  const doc = officialDocument({
    title: noticeTitle(m.name),
    children: [
      ...title(noticeTitle(m.name)),
      text('', { indent: false }),
      addressee(d.addressee),
      text(`经${d.townshipUnit}党委研究，决定召开${m.name}。现将有关事项通知如下：`),
      ...sections.flatMap((s, i) => [heading1(`${ordinal(i)}${s.head}`), ...s.lines.map((l) => text(l))]),
      ...signature(d.issuer, chineseDate(d.issuedOn)),
    ],
  });
  return packDocument(doc);
}
