import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ResolutionBody } from '../../../../domain/schemas/resolutions.js';
import { api } from '../../../shared/api.js';
import { mBase, meetingKeys, useMeetingPart } from '../queries.js';
import type { TabProps } from '../types.js';
import type { PollView } from '../console/types.js';
import { ResolutionDrawer } from './ResolutionDrawer.js';
import { VoteRecordText } from './VoteRecordText.js';
import type { Resolution } from './types.js';

const STATUS_COLORS = { draft: 'default', adopted: 'green', rejected: 'red', superseded: 'orange' } as const;

/** 决议: drafts, adoption on a passed poll, and their implementation. */
export function ResolutionsTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [form] = Form.useForm();
  const chosenPoll = Form.useWatch('pollId', form) as string | undefined;
  const list = useMeetingPart<{ items: Resolution[] }>(tid, m.id, 'resolutions', '/resolutions');
  const polls = useMeetingPart<{ items: PollView[] }>(tid, m.id, 'polls', '/polls', m.status === 'inProgress' || m.status === 'closed');
  const closedPolls = (polls.data?.items ?? []).filter((p) => p.status === 'closed' && p.result);

  /** Drafting may name a closed poll: the resolution is then decided on it in one step. */
  const create = useMutation({
    mutationFn: async (v: { title: string; body: string; importance: string; pollId?: string }) => {
      const body = ResolutionBody.parse({ title: v.title, body: v.body, importance: v.importance });
      const r = await api.post<Resolution>(`${mBase(tid, m.id)}/resolutions`, body);
      if (v.pollId) {
        const poll = closedPolls.find((p) => p.id === v.pollId);
        await api.post(`/api/townships/${tid}/resolutions/${r.id}/${poll?.result?.passed ? 'adopt' : 'reject'}`, { pollId: v.pollId });
      }
      return r;
    },
    onSuccess: async (r, v) => {
      await qc.invalidateQueries({ queryKey: meetingKeys.part(tid, m.id, 'resolutions') });
      message.success(v.pollId ? `第${r.number}号决议已依表决结果记录` : `第${r.number}号决议草案已建立`);
      setDrafting(false);
      form.resetFields();
    },
    onError: (e) => message.error(e.message),
  });

  return (
    <>
      <Card
        title="本次会议决议"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)}>
              起草决议
            </Button>
          )
        }
      >
        <Table<Resolution>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items}
          pagination={false}
          locale={{ emptyText: <Empty description="尚无决议" /> }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '编号', dataIndex: 'number', width: 80, render: (n: number) => `第${n}号` },
            {
              title: '决议',
              dataIndex: 'title',
              render: (t: string, r) => (
                <Space>
                  <a>{t}</a>
                  {r.importance === 'important' && <Tag color="gold">重要</Tag>}
                </Space>
              ),
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: Resolution['status'], r) => <Tag color={STATUS_COLORS[s]}>{r.statusLabel}</Tag> },
            { title: '表决结果', key: 'vote', render: (_: unknown, r) => (r.voteRecord ? <VoteRecordText v={r.voteRecord} /> : <Typography.Text type="secondary">—</Typography.Text>) },
            {
              title: '落实进度',
              key: 'impl',
              width: 200,
              render: (_: unknown, r) =>
                r.status === 'adopted' ? (
                  r.implementation.total ? (
                    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                      <Progress percent={r.implementation.averageProgress} size="small" status={r.implementation.overdue ? 'exception' : undefined} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.implementation.total} 项，完成 {r.implementation.done}
                        {r.implementation.overdue ? `，逾期 ${r.implementation.overdue}` : ''}
                      </Typography.Text>
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">未分解落实事项</Typography.Text>
                  )
                ) : null,
            },
          ]}
        />
      </Card>
      <ResolutionDrawer tid={tid} meetingId={m.id} id={open} onClose={() => setOpen(null)} canManage={canManage} closedPolls={closedPolls} />
      <Modal
        open={drafting}
        title="起草决议"
        width={640}
        okText={chosenPoll ? '建立并记录表决结果' : '建立草案'}
        confirmLoading={create.isPending}
        onCancel={() => setDrafting(false)}
        onOk={async () => create.mutate(await form.validateFields())}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ importance: 'normal' }}>
          <Form.Item name="title" label="决议标题" rules={[{ required: true, message: '请填写决议标题' }, { max: 120 }]}>
            <Input placeholder="如：中国共产党青山镇第十五届代表大会第二次会议关于党委工作报告的决议" />
          </Form.Item>
          <Form.Item name="body" label="决议正文" rules={[{ required: true, message: '请填写决议正文' }]}>
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
          <Form.Item name="importance" label="重要程度" extra="重要决议须书面印发全体党代表、乡镇人大和政府">
            <Select style={{ width: 160 }} options={[{ value: 'normal', label: '一般' }, { value: 'important', label: '重要' }]} />
          </Form.Item>
          <Form.Item name="pollId" label="依据的表决（可选）" extra="选择已结束的表决，将按其结果记录决议通过或未通过">
            <Select
              allowClear
              placeholder={closedPolls.length ? '选择已结束的表决' : '暂无已结束的表决'}
              options={closedPolls.map((p) => ({
                value: p.id,
                label: `${p.title}（${p.result!.passed ? '通过' : '未通过'}：赞成 ${p.result!.yes}，反对 ${p.result!.no}，弃权 ${p.result!.abstain}）`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
