import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { checkActivity } from '../../../../domain/meeting/state.js';
import { GroupSessionBody } from '../../../../domain/schemas/meetings.js';
import { api } from '../../../shared/api.js';
import type { GroupDetail } from '../../../shared/types.js';
import { useGroups } from '../../roster/queries.js';
import { mBase, meetingKeys, tBase, useMeetingPart } from '../queries.js';
import type { MeetingDetail } from '../types.js';
import type { AgendaItem, GroupSession } from './types.js';

/** 分团讨论: each delegate group meets with its convener; the minutes are kept here. */
export function GroupSessionsCard({ tid, meeting: m, items, canManage }: { tid: string; meeting: MeetingDetail; items: AgendaItem[]; canManage: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useMeetingPart<{ items: GroupSession[] }>(tid, m.id, 'group-sessions', '/group-sessions');
  const groups = useGroups(tid);
  const [editing, setEditing] = useState<GroupSession | 'new' | null>(null);
  const [form] = Form.useForm();
  const groupId = Form.useWatch('groupId', form) as string | undefined;
  const members = useQuery({
    queryKey: ['t', tid, 'group', groupId],
    queryFn: () => api.get<GroupDetail>(`${tBase(tid)}/groups/${groupId}`),
    enabled: !!groupId && !!editing,
  });
  const editable = canManage && !checkActivity(m.status, 'editAgenda');

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing === 'new') form.setFieldsValue({ agendaItemId: items.find((i) => i.groupSession)?.id });
    else form.setFieldsValue({ agendaItemId: editing.agendaItemId, groupId: editing.group.id, convenerDelegateId: editing.convener?.id, place: editing.place ?? '', minutes: editing.minutes ?? '' });
  }, [editing, form, items]);

  const refresh = () => qc.invalidateQueries({ queryKey: meetingKeys.part(tid, m.id, 'group-sessions') });
  const save = useMutation({
    mutationFn: (body: unknown) => (editing === 'new' ? api.post(`${mBase(tid, m.id)}/group-sessions`, body) : api.put(`${mBase(tid, m.id)}/group-sessions/${(editing as GroupSession).id}`, body)),
    onSuccess: async () => {
      await refresh();
      message.success('分团讨论已保存');
      setEditing(null);
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`${mBase(tid, m.id)}/group-sessions/${id}`), onSuccess: refresh, onError: (e) => message.error(e.message) });
  const submit = async () => {
    const v = await form.validateFields();
    const parsed = GroupSessionBody.safeParse({ ...v, agendaItemId: v.agendaItemId ?? null, convenerDelegateId: v.convenerDelegateId ?? null, place: v.place || null, minutes: v.minutes || null });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    save.mutate(parsed.data);
  };

  return (
    <Card
      title="分团讨论"
      style={{ marginTop: 16 }}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            安排分团讨论
          </Button>
        )
      }
    >
      <Table<GroupSession>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items}
        pagination={false}
        locale={{ emptyText: '尚未安排分团讨论' }}
        expandable={{ rowExpandable: (s) => !!s.minutes, expandedRowRender: (s) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.minutes}</Typography.Paragraph> }}
        columns={[
          { title: '代表小组', key: 'g', render: (_: unknown, s) => s.group.name },
          { title: '召集人', key: 'c', render: (_: unknown, s) => s.convener?.name ?? '—' },
          { title: '地点', dataIndex: 'place', render: (p: string | null) => p ?? '—' },
          { title: '议程', dataIndex: 'agendaItemId', render: (id: string | null) => items.find((i) => i.id === id)?.title ?? '—' },
          { title: '会议记录', dataIndex: 'minutes', render: (t: string | null) => (t ? '已记录' : <Typography.Text type="secondary">未记录</Typography.Text>) },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, s: GroupSession) => (
                    <Space>
                      <Button size="small" type="link" onClick={() => setEditing(s)}>
                        编辑/记录
                      </Button>
                      {editable && (
                        <Popconfirm title="删除此分团讨论？" onConfirm={() => remove.mutate(s.id)}>
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '安排分团讨论' : '分团讨论'} onOk={submit} onCancel={() => setEditing(null)} confirmLoading={save.isPending} forceRender width={640}>
        <Form form={form} layout="vertical">
          <Form.Item name="groupId" label="代表小组" rules={[{ required: true, message: '请选择代表小组' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name}（${g.memberCount}人）` }))}
              onChange={() => form.setFieldValue('convenerDelegateId', undefined)}
            />
          </Form.Item>
          <Form.Item name="convenerDelegateId" label="召集人">
            <Select allowClear loading={members.isFetching} options={(members.data?.members ?? []).map((d) => ({ value: d.id, label: d.name }))} placeholder="从小组成员中选择" />
          </Form.Item>
          <Form.Item name="agendaItemId" label="所属议程">
            <Select allowClear options={items.map((i) => ({ value: i.id, label: i.title }))} />
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="minutes" label="会议记录">
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
