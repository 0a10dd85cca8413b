/**
 * Agenda item types and the two agenda templates built from DOMAIN.md §1: the procedure of one
 * township's plan ('standard') and the eight things a meeting does ('eightTasks'). An election
 * item is added when the meeting holds one.
 */

export const AGENDA_ITEM_TYPES = {
  report: '报告',
  review: '审议',
  discussion: '讨论',
  resolutionVote: '表决决议',
  election: '选举',
  evaluation: '民主评议',
  dutyReports: '代表述职',
  commendation: '表彰',
  other: '其他',
} as const;
export type AgendaItemType = keyof typeof AGENDA_ITEM_TYPES;
export const AGENDA_ITEM_TYPE_IDS = Object.keys(AGENDA_ITEM_TYPES) as AgendaItemType[];

export interface AgendaTemplateItem {
  type: AgendaItemType;
  title: string;
  presenter: string | null;
  plenary: boolean;
  groupSession: boolean;
  notes: string | null;
}

const item = (type: AgendaItemType, title: string, presenter: string | null = null, opts: Partial<AgendaTemplateItem> = {}): AgendaTemplateItem => ({
  type,
  title,
  presenter,
  plenary: true,
  groupSession: false,
  notes: null,
  ...opts,
});

const election = () =>
  item('election', '选举：补选党委委员、选举出席县党代会代表', '大会主持人', { notes: '无记名投票；应到会代表超过五分之四到会方可进行' });

function standard(o: TemplateOptions): AgendaTemplateItem[] {
  return [
    item('other', '预备会议：通过大会议程，听取代表资格审查报告', '大会主持人', { notes: '预备会议' }),
    item('review', '开幕大会：审议党委工作报告', '乡镇党委书记', { notes: '开幕大会' }),
    item('review', '审议纪委工作报告', '乡镇纪委书记'),
    item('dutyReports', '书面审议党委委员述职述廉报告'),
    item('evaluation', '民主评议党委领导班子及成员', '大会主持人', { notes: '无记名投票' }),
    item('discussion', '重点提案发言', '提案代表'),
    item('dutyReports', '分团讨论：代表述职、作出新一年承诺', '各代表团召集人', { plenary: false, groupSession: true }),
    item('other', '主席团（党委会）听取分团讨论情况，起草大会决议', '乡镇党委书记', { plenary: false }),
    ...(o.hasElection ? [election()] : []),
    item('resolutionVote', '闭幕大会：表决通过大会决议', '大会主持人', { notes: '闭幕大会' }),
    item('commendation', '表彰优秀党代表和优秀提案', '乡镇党委书记'),
  ];
}

function eightTasks(o: TemplateOptions): AgendaTemplateItem[] {
  return [
    item('review', '审议党委工作报告', '乡镇党委书记'),
    item('review', '审议纪委工作报告', '乡镇纪委书记'),
    item('discussion', '讨论决定本乡镇重大事项', '大会主持人'),
    item('evaluation', '民主评议党委领导班子及成员', '大会主持人', { notes: '无记名投票' }),
    item('other', '提出提议、提案', '提案代表'),
    item('dutyReports', '分团讨论：代表述职、作出承诺', '各代表团召集人', { plenary: false, groupSession: true }),
    ...(o.hasElection ? [election()] : []),
    item('resolutionVote', '表决通过大会决议', '大会主持人'),
    item('commendation', '表彰优秀党代表和优秀提案', '乡镇党委书记'),
  ];
}

export interface TemplateOptions {
  hasElection: boolean;
}

export const AGENDA_TEMPLATES = {
  standard: { label: '乡镇年会标准程序（预备会议—开幕大会—分团讨论—闭幕大会）', build: standard },
  eightTasks: { label: '年会八项任务（审议、讨论决定、评议、提议、述职承诺、选举、表彰）', build: eightTasks },
} as const;
export type AgendaTemplateId = keyof typeof AGENDA_TEMPLATES;
export const AGENDA_TEMPLATE_IDS = Object.keys(AGENDA_TEMPLATES) as AgendaTemplateId[];

export const buildAgendaTemplate = (id: AgendaTemplateId, o: TemplateOptions): AgendaTemplateItem[] => AGENDA_TEMPLATES[id].build(o);
