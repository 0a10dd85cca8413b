import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { checkActivity } from '../../../domain/meeting/state.js';
import { ObserverBody, ObserverDecisionBody } from '../../../domain/schemas/meetings.js';
import { api } from '../../shared/api.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { ObserverList, ObserverView } from '../../../domain/schemas/observers.js';
import { DisciplineMembersModal } from './DisciplineMembersModal.js';
import type { TabProps } from './types.js';
import { mBase, meetingKeys, useMeetingPart } from './queries.js';

type Observer = Wire<typeof ObserverView>;

const STATUS_COLORS = { approved: 'green', pending: 'gold', declined: 'default' } as const;

/** 列席: discipline-commission members by default, others by the committee, and public applications. */
export function ObserversTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useMeetingPart<Wire<typeof ObserverList>>(tid, m.id, 'observers', '/observers');
  const [adding, setAdding] = useState(false);
  const [declining, setDeclining] = useState<Observer | null>(null);
  const [reason, setReason] = useState('');
  const [members, setMembers] = useState(false);
  const [form] = Form.useForm();
  const refresh = () => qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) });
  const manage = canManage && !checkActivity(m.status, 'manageObservers');
  const canPublish = canManage && !checkActivity(m.status, 'publishNotice');

  const fail = (e: Error) => message.error(e.message);
  const add = useMutation({
    mutationFn: (body: unknown) => api.post(`${mBase(tid, m.id)}/observers`, body),
    onSuccess: async () => {
      await refresh();
      setAdding(false);
      form.resetFields();
      message.success('列席人员已增加');
    },
    onError: fail,
  });
  const decide = useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) => api.post(`${mBase(tid, m.id)}/observers/${id}/decision`, body),
    onSuccess: async () => {
      await refresh();
      setDeclining(null);
      message.success('已作出决定');
    },
    onError: fail,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`${mBase(tid, m.id)}/observers/${id}`), onSuccess: refresh, onError: fail });
  const publish = useMutation({
    mutationFn: (published: boolean) => api.put(`${mBase(tid, m.id)}/public-notice`, { published }),
    onSuccess: async (_r, published) => {
      await refresh();
      message.success(published ? '会议公告已发布，党员群众可申请列席' : '会议公告已撤回');
    },
    onError: fail,
  });

  const submitAdd = async () => {
    const v = await form.validateFields();
    const parsed = ObserverBody.safeParse({ ...v, phone: v.phone || null, reason: v.reason || null });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    add.mutate(parsed.data);
  };
  const submitDecline = () => {
    const parsed = ObserverDecisionBody.safeParse({ approved: false, reason: reason.trim() });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    decide.mutate({ id: declining!.id, body: parsed.data });
  };
  const publicUrl = `${window.location.origin}/public/meetings/${m.id}`;

  return (
    <>
      <Card size="small" title="会议公告与列席申请" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space>
            <Switch checked={!!m.publishedAt} disabled={!canPublish} loading={publish.isPending} onChange={(v) => publish.mutate(v)} aria-label="发布会议公告" />
            <span>{m.publishedAt ? `公告已于 ${new Date(m.publishedAt).toLocaleString('zh-CN')} 发布，普通党员可在线申请列席` : '公告未发布'}</span>
          </Space>
          {m.publishedAt && (
            <Typography.Paragraph copyable={{ text: publicUrl, tooltips: ['复制公告地址', '已复制'] }} style={{ margin: 0 }}>
              公告及申请页面：
              <a href={`/public/meetings/${m.id}`} target="_blank" rel="noreferrer">
                {publicUrl}
              </a>
            </Typography.Paragraph>
          )}
        </Space>
      </Card>
      <Card
        title="列席人员"
        extra={
          <Space>
            {canManage && <Button onClick={() => setMembers(true)}>纪委委员名单</Button>}
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                增加列席人员
              </Button>
            )}
          </Space>
        }
      >
        {!m.notifiedAt && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="发出会议通知时，纪委委员名单中的人员将自动列为列席人员。" />}
        <Table<Observer>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data?.items}
          pagination={false}
          locale={{ emptyText: '暂无列席人员' }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '类别', dataIndex: 'kindLabel', width: 140 },
            { title: '单位', dataIndex: 'organisation' },
            { title: '电话', dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
            { title: '理由', dataIndex: 'reason', render: (r: string | null, o) => r ?? o.decisionReason ?? '—' },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Observer['status'], o) => <Tag color={STATUS_COLORS[s]}>{o.statusLabel}</Tag> },
            ...(manage
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    width: 170,
                    render: (_: unknown, o: Observer) =>
                      o.status === 'pending' ? (
                        <Space>
                          <Button size="small" type="primary" onClick={() => decide.mutate({ id: o.id, body: { approved: true } })}>
                            同意
                          </Button>
                          <Button size="small" onClick={() => (setReason(''), setDeclining(o))}>
                            不同意
                          </Button>
                        </Space>
                      ) : (
                        <Popconfirm title={`移除${o.name}？`} onConfirm={() => remove.mutate(o.id)}>
                          <Button size="small" type="link" danger>
                            移除
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal open={adding} title="增加列席人员" onOk={submitAdd} onCancel={() => setAdding(false)} confirmLoading={add.isPending} forceRender>
        <Form form={form} layout="vertical" initialValues={{ kind: 'committeeDecided' }}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Select options={[{ value: 'committeeDecided', label: '党委确定的列席人员' }, { value: 'disciplineCommission', label: '纪委委员' }]} />
          </Form.Item>
          <Form.Item name="organisation" label="单位及职务">
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="phone" label="手机号">
            <Input maxLength={11} />
          </Form.Item>
          <Form.Item name="reason" label="列席理由">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!declining} title={`不同意${declining?.name ?? ''}列席`} onOk={submitDecline} onCancel={() => setDeclining(null)} confirmLoading={decide.isPending} okText="确定">
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请写明理由，将电话告知申请人" />
      </Modal>
      <DisciplineMembersModal tid={tid} open={members} onClose={() => setMembers(false)} />
    </>
  );
}
