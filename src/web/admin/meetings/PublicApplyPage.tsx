import { meetingDuration } from '../../../domain/meeting/duration.js';
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin, Typography } from 'antd';
import { ObserverApplicationBody } from '../../../domain/schemas/meetings.js';
import { api } from '../../shared/api.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { ObserverApplicationResult, PublicMeeting as PublicMeetingView } from '../../../domain/schemas/observers.js';

type PublicMeeting = Wire<typeof PublicMeetingView>;

/** 会议公告 and 申请列席: the public page an ordinary party member opens from the notice, no login. */
export function PublicApplyPage() {
  const { mid } = useParams();
  const [form] = Form.useForm();
  const [done, setDone] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['public', mid], queryFn: () => api.get<PublicMeeting>(`/api/public/meetings/${mid}`, { quiet: true }) });
  const apply = useMutation({
    mutationFn: (body: unknown) => api.post<Wire<typeof ObserverApplicationResult>>(`/api/public/meetings/${mid}/observer-applications`, body, { quiet: true }),
    onSuccess: (r) => setDone(r.message),
  });
  const submit = async () => {
    const v = await form.validateFields();
    const parsed = ObserverApplicationBody.safeParse(v);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      return;
    }
    apply.mutate(parsed.data);
  };

  const m = q.data;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '32px 16px' }}>
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        {q.isPending && <Spin style={{ display: 'block', margin: '80px auto' }} />}
        {q.error && <Result status="404" title="会议公告不存在或已撤回" subTitle={q.error.message} />}
        {m && (
          <Card>
            <Typography.Text type="secondary">{m.township}</Typography.Text>
            <Typography.Title level={3} style={{ marginTop: 4, color: '#c8161d' }}>
              {m.name}公告
            </Typography.Title>
            <Descriptions
              column={1}
              items={[
                { key: 'd', label: '时间', children: `${m.startsOn}${m.startTime ? ' ' + m.startTime : ''}，会期${meetingDuration(m.durationDays)}` },
                { key: 'p', label: '地点', children: m.place ?? '另行通知' },
              ]}
            />
            <Typography.Paragraph>
              本乡镇普通党员可申请列席本次会议。请填写以下信息，乡镇党委研究决定后将电话通知您。
            </Typography.Paragraph>
            {done ? (
              <Result status="success" title="申请已提交" subTitle={done} />
            ) : m.applicationsOpen ? (
              <Form form={form} layout="vertical">
                {apply.error && <Alert type="error" showIcon title={apply.error.message} style={{ marginBottom: 16 }} />}
                <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item name="organisation" label="所在党组织或单位" rules={[{ required: true, message: '请填写所在党组织或单位' }]}>
                  <Input maxLength={120} />
                </Form.Item>
                <Form.Item name="phone" label="手机号" rules={[{ required: true, message: '请填写手机号' }]}>
                  <Input maxLength={11} inputMode="numeric" />
                </Form.Item>
                <Form.Item name="reason" label="申请理由" rules={[{ required: true, message: '请填写申请理由' }]}>
                  <Input.TextArea rows={4} maxLength={500} showCount />
                </Form.Item>
                <Button type="primary" size="large" block onClick={submit} loading={apply.isPending}>
                  提交申请
                </Button>
              </Form>
            ) : (
              <Alert type="info" showIcon title="本次会议的列席申请已截止。" />
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
