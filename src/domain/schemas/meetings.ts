import { z } from 'zod';
import { MultilineText } from './text.js';
import { IsoDate, TownshipParams, Uuid } from './common.js';
import { toDayNumber } from '../calendar/workdays.js';
import { AGENDA_ITEM_TYPE_IDS, AGENDA_TEMPLATE_IDS, type AgendaItemType, type AgendaTemplateId } from '../meeting/agenda-templates.js';
import { MEETING_STATUS_IDS, type MeetingStatus } from '../meeting/state.js';

/** Request shapes of the meeting-preparation API, shared by the server and the web forms. */

const text = (max: number, what: string) => MultilineText(`请填写${what}`).trim().max(max, `${what}不能超过 ${max} 个字`);
const required = (max: number, what: string) => text(max, what).min(1, `请填写${what}`);
const optional = (max: number, what: string) => text(max, what).optional().nullable();

const isRealDate = (s: string) => {
  try {
    toDayNumber(s);
    return true;
  } catch {
    return false;
  }
};
/** A calendar date that exists (IsoDate alone lets 2026-02-30 through). */
const MeetingDate = IsoDate.refine(isRealDate, '日期无效：该日期不存在');

export const MeetingParams = TownshipParams.extend({ meetingId: Uuid });
export const TopicParams = TownshipParams.extend({ topicId: Uuid });
export const BriefingParams = TownshipParams.extend({ briefingId: Uuid });
export const ObserverParams = MeetingParams.extend({ observerId: Uuid });
export const AgendaItemParams = MeetingParams.extend({ itemId: Uuid });
export const GroupSessionParams = MeetingParams.extend({ sessionId: Uuid });
export const MyMeetingParams = z.object({ meetingId: Uuid });
export const NotificationParams = z.object({ notificationId: Uuid });
export const PublicMeetingParams = z.object({ meetingId: Uuid });
export const CalendarYearParams = z.object({
  year: z.coerce.number('年份应为数字').int('年份应为整数').min(1900, '年份应在1900—2100之间').max(2100, '年份应在1900—2100之间'),
});

export const MeetingListQuery = z.object({
  status: z.enum(MEETING_STATUS_IDS as [MeetingStatus, ...MeetingStatus[]], '会议状态无效').optional(),
});

const StartTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间格式应为 HH:MM');
const Duration = z
  .number('会期应为数字')
  .min(0.5, '会期至少半天')
  .max(2, '会期不超过两天')
  .refine((d) => Number.isInteger(d * 2), '会期以半天为单位');

export const MeetingBody = z.object({
  startsOn: MeetingDate,
  startTime: StartTime.optional().nullable(),
  place: optional(120, '会议地点'),
  durationDays: Duration.default(1),
  hasElection: z.boolean('是否进行选举应为是或否').default(false),
});
export type MeetingBodyT = z.infer<typeof MeetingBody>;

export const MeetingUpdateBody = z.object({
  startsOn: MeetingDate.optional(),
  startTime: StartTime.optional().nullable(),
  place: optional(120, '会议地点'),
  durationDays: Duration.optional(),
  hasElection: z.boolean('是否进行选举应为是或否').optional(),
});
export type MeetingUpdateBodyT = z.infer<typeof MeetingUpdateBody>;

export const PublicNoticeBody = z.object({ published: z.boolean('请说明是否发布公告') });

export const TopicBody = z.object({
  title: required(100, '议题名称'),
  content: required(5000, '议题内容'),
  proposerKind: z.enum(['committee', 'group', 'delegates'], '提出方式应为乡镇党委、代表小组或代表联名'),
  groupId: Uuid.optional().nullable(),
  /** A joint topic entered from paper by the administrator: every signer; online: delegates invited to co-sign. */
  proposerDelegateIds: z.array(Uuid).max(500, '联名代表不能超过 500 人').default([]),
});
export type TopicBodyT = z.infer<typeof TopicBody>;

export const TopicDecisionBody = z.object({
  accepted: z.boolean('请选择是否采纳'),
  reason: optional(1000, '理由'),
});

export const NoticeBody = z
  .object({
    late: z.boolean().optional(),
    reason: optional(500, '逾期发送的理由'),
  })
  .nullish();

export const ReplyBody = z
  .object({
    reply: z.enum(['confirmed', 'leave'], '请选择参会或请假'),
    leaveReason: optional(500, '请假理由'),
  })
  .refine((b) => b.reply !== 'leave' || !!b.leaveReason, { message: '请假须写明理由', path: ['leaveReason'] });

export const BriefingBody = z.object({
  title: required(100, '标题'),
  body: text(20000, '正文').default(''),
});

export const CommentBody = z.object({ body: required(2000, '意见') });

const Phone = z.string('请填写手机号').trim().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头');

export const ObserverBody = z.object({
  name: required(40, '姓名'),
  kind: z.enum(['disciplineCommission', 'committeeDecided'], '列席类别应为纪委委员或党委确定的人员'),
  organisation: text(120, '单位').default(''),
  phone: Phone.optional().nullable(),
  reason: optional(500, '列席理由'),
});

export const ObserverDecisionBody = z
  .object({
    approved: z.boolean('请选择同意或不同意'),
    reason: optional(500, '理由'),
  })
  .refine((b) => b.approved || !!b.reason, { message: '不同意列席时须写明理由', path: ['reason'] });

export const ObserverApplicationBody = z.object({
  name: required(40, '姓名'),
  organisation: required(120, '所在党组织或单位'),
  phone: Phone,
  reason: required(500, '申请理由'),
});

export const DisciplineMembersBody = z.object({
  members: z
    .array(z.object({ name: required(40, '姓名'), organisation: text(120, '单位').default('') }), '请提供纪委委员名单')
    .max(50, '纪委委员不能超过 50 人'),
});

const AgendaType = z.enum(AGENDA_ITEM_TYPE_IDS as [AgendaItemType, ...AgendaItemType[]], '议程类型无效');

export const AgendaItemBody = z.object({
  type: AgendaType,
  title: required(200, '议程名称'),
  presenter: optional(80, '报告人或主持人'),
  plenary: z.boolean().default(true),
  groupSession: z.boolean().default(false),
  notes: optional(1000, '备注'),
  /** 1-based; appended at the end when absent. */
  position: z.number().int().min(1).max(1000).optional(),
});

export const AgendaOrderBody = z.object({
  ids: z.array(Uuid, '请提供议程顺序').min(1, '议程顺序不能为空').max(500),
});

export const ApplyTemplateBody = z.object({
  template: z.enum(AGENDA_TEMPLATE_IDS as [AgendaTemplateId, ...AgendaTemplateId[]], '议程模板无效'),
  /** Replace existing items; otherwise the template refuses when the agenda is not empty. */
  replace: z.boolean().default(false),
});

export const CurrentAgendaBody = z.object({ agendaItemId: Uuid.nullable() });

export const GroupSessionBody = z.object({
  agendaItemId: Uuid.optional().nullable(),
  groupId: Uuid,
  convenerDelegateId: Uuid.optional().nullable(),
  place: optional(120, '地点'),
  minutes: optional(20000, '会议记录'),
});

export const CalendarYearBody = z.object({
  holidays: z.array(z.string(), '请提供放假日期列表').max(366),
  makeupWorkdays: z.array(z.string(), '请提供调休上班日期列表').max(366),
});
