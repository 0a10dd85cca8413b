import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Progress, Radio, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { checkActivity } from '../../../domain/meeting/state.js';
import { TopicBody, TopicDecisionBody } from '../../../domain/schemas/meetings.js';
import { api } from '../../shared/api.js';
import { DeadlineText } from './labels.js';
import type { TabProps } from './types.js';
import { mBase, meetingKeys, tBase, useMeetingPart } from './queries.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { TopicList, TopicView } from '../../../domain/schemas/topics.js';

export type Topic = Wire<typeof TopicView>;

const STATUS_COLORS = { collecting: 'blue', submitted: 'gold', accepted: 'green', rejected: 'red', withdrawn: 'default' } as const;

/** 议题: proposals for the agenda with their co-signatures; the committee accepts or rejects each. */
export function TopicsTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useMeetingPart<Wire<typeof TopicList>>(tid, m.id, 'topics', '/topics');
  const [deciding, setDeciding] = useState<{ topic: Topic; accepted: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();

  const refresh = () => qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) });
  const decide = useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) => api.post(`${tBase(tid)}/topics/${id}/decision`, body),
    onSuccess: async (_r, v) => {
      await refresh();
      message.success((v.body as { accepted: boolean }).accepted ? '已采纳该议题' : '已决定不予采纳');
      setDeciding(null);
    },
    onError: (e) => message.error(e.message),
  });
  const add = useMutation({
    mutationFn: (body: unknown) => api.post(`${mBase(tid, m.id)}/topics`, body),
    onSuccess: async () => {
      await refresh();
      message.success('议题已录入');
      setAdding(false);
      form.resetFields();
    },
    onError: (e) => message.error(e.message),
  });

  const submitDecision = () => {
    const parsed = TopicDecisionBody.safeParse({ accepted: deciding!.accepted, reason: reason.trim() || null });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    if (!deciding!.accepted && !reason.trim()) return message.error('不予采纳时须写明理由');
    decide.mutate({ id: deciding!.topic.id, body: parsed.data });
  };
  const submitTopic = async () => {
    const v = await form.validateFields();
    const parsed = TopicBody.safeParse({ ...v, proposerKind: 'committee' });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    add.mutate(parsed.data);
  };
  const decideBlocked = checkActivity(m.status, 'decideTopic');

  return (
    <>
      {q.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              议题提出截止：<DeadlineText d={q.data.deadline} /> ；代表联名须不少于 {m.rules.topicCosignMinimum} 人（含发起人）
            </span>
          }
        />
      )}
      <Card
        title="议题"
        extra={
          canManage &&
          !checkActivity(m.status, 'proposeTopic') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              录入党委议题
            </Button>
          )
        }
      >
        <Table<Topic>
          rowKey="id"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={false}
          locale={{ emptyText: '尚无议题' }}
          expandable={{
            expandedRowRender: (t) => (
              <>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t.content}</Typography.Paragraph>
                {t.cosigners.length > 0 && (
                  <Typography.Paragraph type="secondary">
                    联名代表（{t.cosigners.length}）：{t.cosigners.map((c) => c.name + (c.method === 'paper' ? '（纸质）' : '')).join('、')}
                  </Typography.Paragraph>
                )}
                {t.decisionReason && <Typography.Paragraph>决定理由：{t.decisionReason}</Typography.Paragraph>}
              </>
            ),
          }}
          columns={[
            { title: '议题', dataIndex: 'title' },
            {
              title: '提出方式',
              key: 'by',
              render: (_: unknown, t) => (
                <span>
                  {t.proposerLabel}
                  {t.group?.name ? `：${t.group.name}` : t.initiator?.name ? `：${t.initiator.name}发起` : ''}
                </span>
              ),
            },
            {
              title: '联名',
              key: 'sign',
              width: 160,
              render: (_: unknown, t) =>
                t.signatures !== null && t.minimum ? (
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <span>
                      {t.signatures} / {t.minimum} 人
                    </span>
                    <Progress percent={Math.min(100, Math.round((t.signatures / t.minimum) * 100))} size="small" showInfo={false} />
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: Topic['status'], t) => <Tag color={STATUS_COLORS[s]}>{t.statusLabel}</Tag> },
            ...(canManage
              ? [
                  {
                    title: '决定',
                    key: 'ops',
                    width: 170,
                    render: (_: unknown, t: Topic) =>
                      t.status === 'submitted' && !decideBlocked ? (
                        <Space>
                          <Button size="small" type="primary" onClick={() => (setReason(''), setDeciding({ topic: t, accepted: true }))}>
                            采纳
                          </Button>
                          <Button size="small" danger onClick={() => (setReason(''), setDeciding({ topic: t, accepted: false }))}>
                            不予采纳
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={!!deciding}
        title={deciding?.accepted ? '采纳议题' : '不予采纳'}
        okText="确定"
        okButtonProps={{ danger: deciding ? !deciding.accepted : false }}
        confirmLoading={decide.isPending}
        onOk={submitDecision}
        onCancel={() => setDeciding(null)}
      >
        <Typography.Paragraph strong>{deciding?.topic.title}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={deciding?.accepted ? '理由（可选）' : '请写明不予采纳的理由，将告知提出人'}
        />
      </Modal>
      <Modal open={adding} title="录入乡镇党委提出的议题" okButtonProps={{ disabled: q.data?.deadline.passed }} onOk={submitTopic} onCancel={() => setAdding(false)} confirmLoading={add.isPending} forceRender width={600}>
        {q.data?.deadline.passed && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`议题提出已于 ${q.data.deadline.date} 截止，不能再录入议题`} />
        )}
        <Form form={form} layout="vertical" disabled={q.data?.deadline.passed}>
          <Form.Item name="title" label="议题名称" rules={[{ required: true, message: '请填写议题名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label="议题内容" rules={[{ required: true, message: '请填写议题内容' }]}>
            <Input.TextArea rows={6} maxLength={5000} />
          </Form.Item>
          <Form.Item label="提出方式">
            <Radio checked>乡镇党委</Radio>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
