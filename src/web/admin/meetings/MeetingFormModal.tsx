import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { meetingName, nextSessionNumber } from '../../../domain/meeting/name.js';
import { lateNoticeWarning } from '../../../domain/meeting/notice-warning.js';
import { MeetingBody } from '../../../domain/schemas/meetings.js';
import { api } from '../../shared/api.js';
import type { Term } from '../../shared/types.js';
import { useTownship } from '../layout/useTownship.js';
import { keys } from '../roster/queries.js';
import { DURATION_OPTIONS } from './labels.js';
import { mBase, meetingKeys, tBase } from './queries.js';
import type { Meeting, MeetingDetail, RulesSettings } from './types.js';

interface Values {
  startsOn?: Dayjs;
  startTime?: Dayjs | null;
  place?: string;
  durationDays: number;
  hasElection: boolean;
}

/** 新建会议 / 修改会议信息. The official name is derived, shown here before it is saved. */
export function MeetingFormModal({ open, onClose, meeting }: { open: boolean; onClose: () => void; meeting?: MeetingDetail }) {
  const { tid, township } = useTownship();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const terms = useQuery({
    queryKey: keys.terms(tid),
    queryFn: () => api.get<{ items: Term[] }>(`${tBase(tid)}/terms`).then((r) => r.items),
    enabled: open && !meeting,
  });
  const meetings = useQuery({
    queryKey: meetingKeys.list(tid),
    queryFn: () => api.get<{ items: Meeting[] }>(`${tBase(tid)}/meetings`).then((r) => r.items),
    enabled: open && !meeting,
  });

  // The notice period and the calendar, to say before saving when the notice is already late.
  const rules = useQuery({ queryKey: meetingKeys.rules(tid), queryFn: () => api.get<RulesSettings>(`${tBase(tid)}/settings/meeting-rules`), enabled: open });
  const calendar = useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => api.get<{ items: { year: number; holidays: string[]; makeupWorkdays: string[] }[] }>('/api/calendar/years').then((r) => r.items),
    enabled: open,
  });
  const startsOn = Form.useWatch('startsOn', form);
  const late =
    startsOn && rules.data && calendar.data && (!meeting || meeting.status === 'draft')
      ? lateNoticeWarning(startsOn.format('YYYY-MM-DD'), rules.data.rules.noticePeriod, calendar.data, chinaToday())
      : null;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (meeting)
      form.setFieldsValue({
        startsOn: dayjs(meeting.startsOn),
        startTime: meeting.startTime ? dayjs(meeting.startTime, 'HH:mm') : null,
        place: meeting.place ?? '',
        durationDays: meeting.durationDays,
        hasElection: meeting.hasElection,
      });
  }, [open, meeting, form]);

  const save = useMutation({
    mutationFn: (body: unknown) => (meeting ? api.put<MeetingDetail>(mBase(tid, meeting.id), body) : api.post<MeetingDetail>(`${tBase(tid)}/meetings`, body)),
    onSuccess: async (m) => {
      await qc.invalidateQueries({ queryKey: meetingKeys.list(tid) });
      await qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) });
      message.success(meeting ? '会议信息已保存' : `已建立：${m.name}`);
      onClose();
      if (!meeting) navigate(`/t/${tid}/meetings/${m.id}`);
    },
    onError: (e) => message.error(e.message),
  });

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      startsOn: v.startsOn?.format('YYYY-MM-DD'),
      startTime: v.startTime ? v.startTime.format('HH:mm') : null,
      place: v.place?.trim() || null,
      durationDays: v.durationDays,
      hasElection: v.hasElection,
    };
    const parsed = MeetingBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      return;
    }
    save.mutate(parsed.data);
  };

  const term = terms.data?.find((t) => t.isCurrent);
  const preview =
    !meeting && term && township && meetings.data
      ? meetingName(township.name, term.number, nextSessionNumber(meetings.data.filter((m) => m.termId === term.id).map((m) => m.sessionNumber)))
      : null;

  return (
    <Modal
      open={open}
      title={meeting ? '修改会议信息' : '新建会议'}
      onOk={submit}
      onCancel={onClose}
      okText={meeting ? '保存' : '建立会议'}
      confirmLoading={save.isPending}
      forceRender
      width={560}
    >
      {!meeting && terms.isSuccess && !term && <Alert type="warning" showIcon title="尚未设置当前届次，请先在“届次”中设置。" style={{ marginBottom: 16 }} />}
      {preview && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">会议名称（按届次和会次自动生成）</Typography.Text>
          <div data-testid="meeting-name-preview" style={{ fontSize: 16, fontWeight: 600, marginTop: 4 }}>
            {preview}
          </div>
        </div>
      )}
      <Form form={form} layout="vertical" initialValues={{ durationDays: 1, hasElection: false }}>
        <Form.Item label="开会日期" required style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="startsOn" rules={[{ required: true, message: '请选择开会日期' }]}>
              <DatePicker placeholder="选择日期" aria-label="开会日期" />
            </Form.Item>
            <Form.Item name="startTime">
              <TimePicker format="HH:mm" minuteStep={5} placeholder="开始时间" aria-label="开始时间" />
            </Form.Item>
          </div>
        </Form.Item>
        {late && <Alert type="warning" showIcon data-testid="late-notice-warning" title={late} style={{ marginBottom: 16 }} />}
        <Form.Item name="place" label="会议地点">
          <Input placeholder="如：镇政府三楼会议室" maxLength={120} />
        </Form.Item>
        <Form.Item name="durationDays" label="会期">
          <Select options={DURATION_OPTIONS} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="hasElection" label="本次会议进行选举" valuePropName="checked" extra="进行选举时，到会代表须达到选举法定人数（默认超过五分之四）">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
