import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Modal, Popconfirm, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { checkActivity } from '../../../../domain/meeting/state.js';
import { api } from '../../../shared/api.js';
import type { TabProps } from '../types.js';
import { mBase, meetingKeys, useMeetingPart } from '../queries.js';
import { AgendaItemModal } from './AgendaItemModal.js';
import { GroupSessionsCard } from './GroupSessionsCard.js';
import type { AgendaItem } from './types.js';

interface Template {
  id: string;
  label: string;
  items: { type: string; title: string; presenter: string | null; groupSession: boolean }[];
}

/** 议程: items in order (up/down), a template to start from, the current item, and group sessions. */
export function AgendaTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useMeetingPart<{ currentAgendaItemId: string | null; items: AgendaItem[] }>(tid, m.id, 'agenda', '/agenda');
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [template, setTemplate] = useState<string>();
  const templates = useQuery({
    queryKey: meetingKeys.part(tid, m.id, 'agenda-templates'),
    queryFn: () => api.get<{ items: Template[] }>(`${mBase(tid, m.id)}/agenda/templates`),
    enabled: choosing,
  });
  const editable = canManage && !checkActivity(m.status, 'editAgenda');
  const items = q.data?.items ?? [];

  const done = (text: string) => async () => {
    await qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) });
    message.success(text);
  };
  const fail = (e: Error) => message.error(e.message);
  const reorder = useMutation({ mutationFn: (ids: string[]) => api.put(`${mBase(tid, m.id)}/agenda/order`, { ids }), onSuccess: done('议程顺序已调整'), onError: fail });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`${mBase(tid, m.id)}/agenda/${id}`), onSuccess: done('议程已删除'), onError: fail });
  const current = useMutation({ mutationFn: (id: string | null) => api.post(`${mBase(tid, m.id)}/agenda/current`, { agendaItemId: id }), onSuccess: done('当前议程已切换'), onError: fail });
  const apply = useMutation({
    mutationFn: (body: { template: string; replace: boolean }) => api.post(`${mBase(tid, m.id)}/agenda/apply-template`, body),
    onSuccess: async () => {
      await done('已按模板生成议程')();
      setChoosing(false);
    },
    onError: fail,
  });

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids);
  };
  const chosen = templates.data?.items.find((t) => t.id === template);

  return (
    <>
      <Card
        title="会议议程"
        extra={
          editable && (
            <Space>
              <Button icon={<ProfileOutlined />} onClick={() => setChoosing(true)}>
                套用模板
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                增加议程
              </Button>
            </Space>
          )
        }
      >
        <Table<AgendaItem>
          rowKey="id"
          loading={q.isPending}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description="尚未编排议程，可套用模板快速生成" /> }}
          rowClassName={(i) => (i.isCurrent ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '序号', key: 'n', width: 64, render: (_: unknown, _i, n) => n + 1 },
            {
              title: '议程',
              dataIndex: 'title',
              render: (t: string, i) => (
                <Space orientation="vertical" size={0}>
                  <span>
                    {t} {i.isCurrent && <Tag color="red">进行中</Tag>}
                  </span>
                  {(i.presenter || i.notes) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[i.presenter, i.notes].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: '类型', dataIndex: 'typeLabel', width: 100, render: (l: string) => <Tag>{l}</Tag> },
            { title: '形式', key: 'form', width: 100, render: (_: unknown, i) => (i.groupSession ? <Tag color="blue">分团讨论</Tag> : i.plenary ? '全体会议' : '其他') },
            ...(editable
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    width: 260,
                    render: (_: unknown, i: AgendaItem, n: number) => (
                      <Space size={4}>
                        <Tooltip title="上移">
                          <Button size="small" icon={<ArrowUpOutlined />} disabled={n === 0 || reorder.isPending} onClick={() => move(n, -1)} aria-label={`上移${i.title}`} />
                        </Tooltip>
                        <Tooltip title="下移">
                          <Button size="small" icon={<ArrowDownOutlined />} disabled={n === items.length - 1 || reorder.isPending} onClick={() => move(n, 1)} aria-label={`下移${i.title}`} />
                        </Tooltip>
                        <Button size="small" type="link" onClick={() => setEditing(i)}>
                          编辑
                        </Button>
                        {m.status === 'inProgress' && !i.isCurrent && (
                          <Button size="small" type="link" onClick={() => current.mutate(i.id)}>
                            设为当前
                          </Button>
                        )}
                        <Popconfirm title="删除此议程？" onConfirm={() => remove.mutate(i.id)}>
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <GroupSessionsCard tid={tid} meeting={m} items={items} canManage={canManage} />
      <AgendaItemModal tid={tid} meetingId={m.id} item={editing} onClose={() => setEditing(null)} />
      <Modal
        open={choosing}
        title="按模板生成议程"
        width={720}
        onCancel={() => setChoosing(false)}
        okText={items.length ? '替换现有议程' : '生成议程'}
        okButtonProps={{ disabled: !template, danger: items.length > 0 }}
        confirmLoading={apply.isPending}
        onOk={() => apply.mutate({ template: template!, replace: items.length > 0 })}
      >
        <Radio.Group value={template} onChange={(e) => setTemplate(e.target.value)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {templates.data?.items.map((t) => (
            <Radio key={t.id} value={t.id}>
              {t.label}
            </Radio>
          ))}
        </Radio.Group>
        {chosen && (
          <ol style={{ marginTop: 16, paddingLeft: 24 }}>
            {chosen.items.map((i, n) => (
              <li key={n}>
                {i.title}
                {i.presenter ? <Typography.Text type="secondary">（{i.presenter}）</Typography.Text> : null}
              </li>
            ))}
          </ol>
        )}
        {items.length > 0 && <Typography.Text type="warning">已有 {items.length} 项议程，生成后将被替换。</Typography.Text>}
      </Modal>
    </>
  );
}
