import { addressee, heading1, heading2, officialDocument, packDocument, signature, subtitle, text, title } from './layout.js';
import { chineseDate, subOrdinal } from './wording.js';

/**
 * 决议执行情况的报告: what the committee reports to the next meeting on the resolutions of the
 * earlier ones (DOMAIN.md §1) — each resolution, each item with its 承办, time limit and
 * progress, what is overdue, and every change with its reason.
 */
export interface ImplementationReportDoc {
  issuer: string;
  issuedOn: string;
  /** The meeting that receives the report. */
  meetingName: string;
  /** The meetings whose resolutions are reported on, earliest first. */
  previousMeetings: string[];
  summary: { resolutions: number; items: number; done: number; overdue: number; averageProgress: number };
  resolutions: {
    title: string;
    superseded: boolean;
    items: { title: string; owner: string; dueOn: string | null; progress: number; statusLabel: string; daysOverdue: number; latestNote: string | null }[];
    changes: { kindLabel: string; decidedOn: string; reason: string }[];
  }[];
}

export function implementationReportTitle(d: Pick<ImplementationReportDoc, 'previousMeetings' | 'meetingName'>) {
  const [only] = d.previousMeetings;
  if (d.previousMeetings.length === 1) return `关于${only}决议执行情况的报告`;
  return `关于${d.meetingName.replace(/第[^第]+次会议$/, '')}历次会议决议执行情况的报告`;
}

function itemSentence(it: ImplementationReportDoc['resolutions'][number]['items'][number], i: number): string {
  const parts = [`${i + 1}.${it.title}`, it.owner ? `承办：${it.owner}` : '', it.dueOn ? `完成时限：${chineseDate(it.dueOn)}` : '', `进度${it.progress}%`];
  const state = it.daysOverdue > 0 ? `已逾期${it.daysOverdue}天` : it.statusLabel;
  return `${parts.filter(Boolean).join('；')}，${state}。${it.latestNote ? `最新进展：${it.latestNote.replace(/[。.]$/, '')}。` : ''}`;
}

export async function renderImplementationReport(d: ImplementationReportDoc): Promise<Buffer> {
  const s = d.summary;
  const overview = d.resolutions.length
    ? `${d.previousMeetings.join('、')}共通过决议${s.resolutions}项，分解落实事项${s.items}项，已完成${s.done}项，平均进度${s.averageProgress}%${s.overdue ? `，逾期未完成${s.overdue}项` : ''}。`
    : '本届此前会议没有需要报告执行情况的决议。';
  const perResolution = d.resolutions.flatMap((r, i) => [
    heading2(`${subOrdinal(i)}《${r.title}》${r.superseded ? '（已被新决议取代）' : ''}`),
    ...(r.items.length ? r.items.map((it, j) => text(itemSentence(it, j))) : [text('尚未分解落实事项。')]),
    ...r.changes.map((c) => text(`该决议于${chineseDate(c.decidedOn)}作出${c.kindLabel}，理由：${c.reason.replace(/[。.]$/, '')}。`)),
  ]);
  const overdue = d.resolutions.flatMap((r) => r.items.filter((it) => it.daysOverdue > 0).map((it) => it.title));
  const next = overdue.length
    ? `尚有${overdue.length}项落实事项逾期未完成（${overdue.join('；')}），将督促承办单位加快推进，并在下次会议上报告。`
    : '各项落实事项均在时限内推进，将继续跟踪督办，并在下次会议上报告。';
  const t = implementationReportTitle(d);
  const doc = officialDocument({
    title: t,
    children: [
      ...title(t),
      ...subtitle(`（在${d.meetingName}上）`),
      text('', { indent: false }),
      addressee('各位代表'),
      text(`现将${d.previousMeetings.length ? d.previousMeetings.join('、') : '本届此前会议'}决议的执行情况报告如下，请予审议。`),
      heading1('一、总体情况'),
      text(overview),
      heading1('二、各项决议执行情况'),
      ...(perResolution.length ? perResolution : [text('无。')]),
      heading1('三、下一步工作'),
      text(next),
      ...signature(d.issuer, chineseDate(d.issuedOn)),
    ],
  });
  return packDocument(doc);
}
