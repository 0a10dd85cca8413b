import { meetingDuration } from '../../../domain/meeting/duration.js';
import { addressee, heading1, officialDocument, packDocument, paragraph, run, signature, text, title } from './layout.js';
import { table } from './table.js';
import { chineseDate, ordinal, ruleWords, subOrdinal } from './wording.js';

/**
 * 关于…召开情况的报告: the written summary to the county organization department (DOMAIN.md
 * §1) with the meeting's figures — attendance and quorum, each vote, the resolutions adopted,
 * the topics and the observers. A figure the system does not hold yet is left out, not guessed.
 */
export interface SummaryDoc {
  issuer: string;
  issuedOn: string;
  /** 主送, e.g. 中共某某县委组织部. */
  addressee: string;
  meeting: { name: string; startsOn: string; place: string | null; durationDays: number };
  /** null when no attendance was recorded (no notice sent). */
  attendance: {
    due: number;
    present: number;
    onLeave: number;
    absent: number;
    quorumRule: { numerator: number; denominator: number; comparison: string };
    quorumReached: boolean;
  } | null;
  agenda: string[];
  votes: { title: string; method: string; present: number; yes: number; no: number; abstain: number; passed: boolean }[];
  resolutions: { number: number; title: string; adoptedOn: string | null }[];
  topics: { title: string; proposer: string }[];
  /** Observers in the order of the list (姓氏笔画). */
  observers: { name: string; organisation: string }[];
}

export function summaryTitle(meetingName: string) {
  return `关于${meetingName}召开情况的报告`;
}

function attendanceLines(d: SummaryDoc): string[] {
  const a = d.attendance;
  const lines: string[] = [];
  if (!a) lines.push('本次会议未登记应到会代表名单，出席情况另行报告。');
  else {
    const rule = ruleWords(a.quorumRule, '应到会代表', a.quorumReached);
    lines.push(
      `本次会议应到会代表${a.due}名，实到会代表${a.present}名，请假${a.onLeave}名，缺席${a.absent}名。` +
        `实到会代表${rule}，${a.quorumReached ? '符合规定人数，会议有效。' : '未达到规定人数。'}`,
    );
  }
  if (d.observers.length) {
    const names = d.observers.map((o) => (o.organisation ? `${o.name}（${o.organisation}）` : o.name));
    lines.push(`列席会议的有${d.observers.length}人：${names.join('、')}。`);
  }
  return lines;
}

function voteLines(d: SummaryDoc) {
  if (!d.votes.length) return [text('本次会议未进行表决。')];
  const passed = d.votes.filter((v) => v.passed).length;
  const lead = `会议共进行表决${d.votes.length}项，获得通过${passed}项${passed < d.votes.length ? `，未获通过${d.votes.length - passed}项` : ''}。表决结果如下：`;
  return [
    paragraph([run(lead)], { keepNext: true }),
    table(
      [
        { header: '表决事项', weight: 5.4 },
        { header: '表决方式', weight: 4.2, align: 'center' },
        { header: '实到', weight: 1.5, align: 'center' },
        { header: '赞成', weight: 1.5, align: 'center' },
        { header: '反对', weight: 1.5, align: 'center' },
        { header: '弃权', weight: 1.5, align: 'center' },
        { header: '结果', weight: 2, align: 'center' },
      ],
      d.votes.map((v) => [v.title, v.method, String(v.present), String(v.yes), String(v.no), String(v.abstain), v.passed ? '通过' : '未通过']),
    ),
    // A table ends flush with the next line of text; one empty line keeps the heading below clear of it.
    text('', { indent: false }),
  ];
}

export async function renderSummary(d: SummaryDoc): Promise<Buffer> {
  const m = d.meeting;
  const opening = `${chineseDate(m.startsOn)}，${m.name}${m.place ? `在${m.place}` : ''}召开，会期${meetingDuration(m.durationDays)}。现将会议召开情况报告如下：`;
  const sections = [
    { head: '出席情况', body: attendanceLines(d).map((l) => text(l)) },
    { head: '会议议程', body: d.agenda.length ? d.agenda.map((a, i) => text(`${subOrdinal(i)}${a.replace(/[。；;.]+$/, '')}。`)) : [text('会议议程未在系统中登记。')] },
    { head: '表决情况', body: voteLines(d) },
    {
      head: '通过的决议',
      body: d.resolutions.length
        ? [text(`会议共通过决议${d.resolutions.length}项：`), ...d.resolutions.map((r, i) => text(`${subOrdinal(i)}《${r.title}》${r.adoptedOn ? `（${chineseDate(r.adoptedOn)}通过）` : ''}。`))]
        : [text('本次会议未通过决议。')],
    },
    {
      head: '会议议题',
      body: d.topics.length ? d.topics.map((t, i) => text(`${subOrdinal(i)}${t.title}（${t.proposer}提出）。`)) : [text('本次会议未登记议题。')],
    },
  ];
  const doc = officialDocument({
    title: summaryTitle(m.name),
    children: [
      ...title(summaryTitle(m.name)),
      text('', { indent: false }),
      addressee(d.addressee),
      text(opening),
      ...sections.flatMap((s, i) => [heading1(`${ordinal(i)}${s.head}`), ...s.body]),
      text('特此报告。'),
      ...signature(d.issuer, chineseDate(d.issuedOn)),
    ],
  });
  return packDocument(doc);
}
