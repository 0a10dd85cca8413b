import { heading1, officialDocument, packDocument, subtitle, text, title } from './layout.js';
import { chineseDate, ordinal } from './wording.js';

/** 议程: the items in order; group sessions with their conveners. */
export interface AgendaDoc {
  meetingName: string;
  startsOn: string;
  place: string | null;
  items: { title: string; presenter: string | null; groupSession: boolean }[];
  groupSessions: { groupName: string; convener: string | null; place: string | null }[];
}

export async function renderAgenda(d: AgendaDoc): Promise<Buffer> {
  const items = d.items.length
    ? d.items.map((it, i) => text(`${ordinal(i)}${it.title}${it.presenter ? `（${it.presenter}）` : ''}${it.groupSession ? '（分团进行）' : ''}`))
    : [text('议程尚未确定。')];
  const sessions = d.groupSessions.length
    ? [
        heading1('分团讨论安排'),
        ...d.groupSessions.map((g) => text(`${g.groupName}：${g.convener ? `召集人${g.convener}` : '召集人待定'}${g.place ? `，地点${g.place}` : ''}。`)),
      ]
    : [];
  const doc = officialDocument({
    title: `${d.meetingName}议程`,
    children: [
      ...title(`${d.meetingName}议程`),
      ...subtitle(`（${chineseDate(d.startsOn)}${d.place ? `　${d.place}` : ''}）`),
      text('', { indent: false }),
      ...items,
      ...sessions,
    ],
  });
  return packDocument(doc);
}
