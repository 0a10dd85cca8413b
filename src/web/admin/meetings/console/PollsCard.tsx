import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Radio, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { POLL_METHODS, type PollMethod } from '../../../../domain/meeting/poll.js';
import { PollBody } from '../../../../domain/schemas/polls.js';
import { api } from '../../../shared/api.js';
import { mBase, meetingKeys } from '../queries.js';
import type { AttendanceSummary, MeetingDetail } from '../types.js';
import { PollItem } from './PollItem.js';
import type { PollView } from './types.js';

/** 表决: prepare a poll, open it when the quorum is there, follow it, close it. */
export function PollsCard(props: {
  tid: string;
  meeting: MeetingDetail;
  polls: PollView[] | undefined;
  attendance: AttendanceSummary | undefined;
  agenda: { id: string; title: string; type: string }[];
  canManage: boolean;
}) {
  const { tid, meeting: m, polls, canManage, agenda } = props;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const create = useMutation({
    mutationFn: (body: unknown) => api.post<PollView>(`${mBase(tid, m.id)}/polls`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: meetingKeys.part(tid, m.id, 'polls') });
      message.success('表决事项已建立');
      form.resetFields();
      setCreating(false);
    },
    onError: (e) => message.error(e.message),
  });
  const submit = async () => {
    const v = await form.validateFields();
    const parsed = PollBody.safeParse({ ...v, agendaItemId: v.agendaItemId ?? null });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    create.mutate(parsed.data);
  };

  const anyOpen = !!polls?.some((p) => p.status === 'open');
  const ordered = [...(polls ?? [])].sort((a, b) => rank(a.status) - rank(b.status));
  return (
    <Card
      title="表决"
      size="small"
      extra={
        canManage &&
        m.status !== 'closed' &&
        !creating && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建表决
          </Button>
        )
      }
    >
      {creating && (
        <Card size="small" style={{ marginBottom: 12, background: '#fafafa' }}>
          <Form form={form} layout="vertical" initialValues={{ method: 'showOfHands' }}>
            <Form.Item name="title" label="表决事项" rules={[{ required: true, message: '请填写表决事项' }]}>
              <Input maxLength={200} placeholder="如：表决通过关于党委工作报告的决议" />
            </Form.Item>
            <Form.Item name="method" label="表决方式">
              <Radio.Group
                optionType="button"
                options={Object.keys(POLL_METHODS).map((value) => ({ value, label: METHOD_SHORT[value as PollMethod] }))}
              />
            </Form.Item>
            {agenda.length > 0 && (
              <Form.Item name="agendaItemId" label="所属议程（选举、民主评议须无记名投票）">
                <Select allowClear options={agenda.map((a) => ({ value: a.id, label: a.title }))} placeholder="可不选" />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" onClick={submit} loading={create.isPending}>
                建立
              </Button>
              <Button onClick={() => setCreating(false)}>取消</Button>
            </Space>
          </Form>
        </Card>
      )}
      {ordered.length === 0 && !creating ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无表决事项" />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {ordered.map((p) => (
            <PollItem key={p.id} {...props} poll={p} otherOpen={anyOpen && p.status !== 'open'} />
          ))}
        </Space>
      )}
    </Card>
  );
}

/** Short labels for the method buttons; the full names (e.g. 无记名电子投票) show on each poll. */
const METHOD_SHORT: Record<PollMethod, string> = { showOfHands: '举手表决', named: '记名投票', secret: '无记名投票' };

const rank = (s: string) => (s === 'open' ? 0 : s === 'draft' ? 1 : 2);
